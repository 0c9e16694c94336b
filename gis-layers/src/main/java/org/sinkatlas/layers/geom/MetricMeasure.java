package org.sinkatlas.layers.geom;

import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;

/**
 * Areas and lengths in metres for geometries in the storage CRS, computed in EPSG:4549 (CGCS2000
 * Gauss-Kruger, CM 120°E), which covers the whole zone with a scale error under 0.02 % (area under
 * 0.04 %). Never in degrees. Not thread-safe (it holds a transform): one per thread or task.
 */
public final class MetricMeasure {

    private final GeometryTransform toMetres;

    public MetricMeasure(CrsService crs) {
        this.toMetres = crs.fromStorage(CrsService.EPSG_4549);
    }

    /** The geometry in EPSG:4549 (east, north) metres. */
    public Geometry project(Geometry lonLat) {
        return toMetres.apply(lonLat);
    }

    public double areaM2(Geometry lonLat) {
        return project(lonLat).getArea();
    }

    public double lengthM(Geometry lonLat) {
        return project(lonLat).getLength();
    }
}
