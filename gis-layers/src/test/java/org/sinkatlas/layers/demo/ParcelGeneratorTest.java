package org.sinkatlas.layers.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.geom.GeometryValidator;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.model.FeatureDraft;

class ParcelGeneratorTest {

    private final CrsService crs = new CrsService();

    private List<FeatureDraft> make(long n, long seed) {
        List<FeatureDraft> out = new ArrayList<>();
        new ParcelGenerator(crs, n, seed).forEachRemaining(out::add);
        return out;
    }

    @Test
    void makesExactlyTheCountAsValidNonOverlappingParcels() {
        List<FeatureDraft> parcels = make(5_000, 7);
        assertEquals(5_000, parcels.size());
        STRtree index = new STRtree();
        double area = 0;
        for (FeatureDraft p : parcels) {
            assertTrue(GeometryValidator.check(p.geometry()).isEmpty());
            index.insert(p.geometry().getEnvelopeInternal(), p.geometry());
            area += EllipsoidMeasure.areaM2(p.geometry());
        }
        // 5,000 parcels over about 2,400 km²: about 0.47 km² each.
        assertEquals(0.47e6, area / parcels.size(), 0.05e6);
        for (FeatureDraft p : parcels.subList(0, 500)) {
            for (Object o : index.query(p.geometry().getEnvelopeInternal())) {
                if (o != p.geometry()) assertTrue(((Geometry) o).intersection(p.geometry()).getArea() < 1e-12);
            }
        }
    }

    @Test
    void sameSeedSameParcels() {
        List<FeatureDraft> a = make(300, 42);
        List<FeatureDraft> b = make(300, 42);
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).geometry().equalsExact(b.get(i).geometry()));
            assertEquals(a.get(i).properties(), b.get(i).properties());
        }
    }
}
