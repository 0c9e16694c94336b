package org.sinkatlas.layers.demo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.model.FeatureDraft;

/**
 * Makes large synthetic parcel sets over the zone for benchmarks (e.g. 100,000 or 1,000,000 parcels),
 * one at a time so that a million never sit in memory. Parcels are the cells of a grid whose corners are
 * jittered and shared by neighbours (so parcels never overlap), sized so that the zone holds the asked
 * number; each has the demo parcels' properties, with a land cover from a seeded field. Same count and
 * seed, same parcels.
 */
public final class ParcelGenerator implements Iterator<FeatureDraft> {

    private static final String[] CLASSES = {"0101", "0101", "0101", "0103", "0102", "0702", "0701", "0601", "0204",
        "1104", "0301", "0301", "1107", "0810", "1101", "0404"};

    private final long count;
    private final long seed;
    private final MetricShapes shapes;
    private final PreparedGeometry zone;
    private final Map<String, PreparedGeometry> districts = new LinkedHashMap<>();
    private final Envelope env;
    private final double side;
    private final int columns;
    private long cell = -1;
    private long made;
    private FeatureDraft next;

    public ParcelGenerator(CrsService crs, long count, long seed) {
        if (count < 1) throw new IllegalArgumentException("count must be at least 1");
        this.count = count;
        this.seed = seed;
        this.shapes = new MetricShapes(crs);
        ZoneSources sources = new ZoneSources();
        DemoGeography geo = new DemoGeography(sources, shapes);
        geo.districtShapes.forEach((k, v) -> districts.put(k, PreparedGeometryFactory.prepare(shapes.toMetric(v))));
        Geometry outline = shapes.toMetric(sources.outline);
        this.zone = PreparedGeometryFactory.prepare(outline);
        this.env = outline.getEnvelopeInternal();
        // Slightly smaller cells than area / count, so the zone holds a few more than asked.
        this.side = Math.sqrt(outline.getArea() / count) * 0.985;
        this.columns = (int) Math.ceil(env.getWidth() / side);
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (made >= count) return false;
        long rows = (long) Math.ceil(env.getHeight() / side);
        while (++cell < rows * columns) {
            long row = cell / columns;
            long col = cell % columns;
            Coordinate centre = new Coordinate(env.getMinX() + (col + 0.5) * side, env.getMinY() + (row + 0.5) * side);
            String district = district(centre);
            if (district == null) continue;
            next = parcel(row, col, centre, district);
            made++;
            return true;
        }
        throw new IllegalStateException("the zone held only " + made + " of " + count + " parcels");
    }

    @Override
    public FeatureDraft next() {
        if (!hasNext()) throw new NoSuchElementException();
        FeatureDraft f = next;
        next = null;
        return f;
    }

    /** How many parcels this generator makes. */
    public long count() {
        return count;
    }

    private String district(Coordinate c) {
        var p = MetricShapes.FACTORY.createPoint(c);
        if (!zone.contains(p)) return null;
        for (Map.Entry<String, PreparedGeometry> d : districts.entrySet()) {
            if (d.getValue().contains(p)) return d.getKey();
        }
        return null;
    }

    private FeatureDraft parcel(long row, long col, Coordinate centre, String district) {
        Coordinate a = corner(row, col);
        Coordinate b = corner(row, col + 1);
        Coordinate c = corner(row + 1, col + 1);
        Coordinate d = corner(row + 1, col);
        Polygon cellPolygon = MetricShapes.FACTORY.createPolygon(new Coordinate[] {a, b, c, d, new Coordinate(a)});
        Geometry lonLat = shapes.toLonLat(cellPolygon);
        SplittableRandom r = new SplittableRandom(seed ^ (row * 1_000_003L + col));
        // Land cover follows a coarse field (2 km blocks) with local variation.
        long block = Math.floorDiv((long) centre.x, 2000) * 7919L + Math.floorDiv((long) centre.y, 2000);
        String blockClass = CLASSES[new SplittableRandom(seed + block).nextInt(CLASSES.length)];
        String landcover = r.nextDouble() < 0.65 ? blockClass : CLASSES[r.nextInt(CLASSES.length)];
        Map<String, Object> mix = null;
        if (r.nextDouble() < 0.1) {
            String other = CLASSES[r.nextInt(CLASSES.length)];
            if (!other.equals(landcover)) {
                double share = Math.round((0.6 + r.nextDouble() * 0.3) * 1000) / 1000.0;
                mix = new LinkedHashMap<>();
                mix.put(landcover, share);
                mix.put(other, Math.round((1 - share) * 1000) / 1000.0);
            }
        }
        String planned = r.nextDouble() < 0.05 ? (landcover.startsWith("01") ? "0301" : "0810") : null;
        Map<String, Object> props = DemoGeography.props("code", String.format("G-%07d", made + 1), "district", district,
                "key_zone", null, "landcover", landcover, "landcover_fractions", mix, "planned_landcover", planned,
                "tree_crown_fraction", landcover.equals("0810") ? 0.3 + r.nextDouble() * 0.4 : null,
                "surveyed", LocalDate.of(2021, 3, 1).plusDays(r.nextInt(950)), "synthetic", true);
        return new FeatureDraft(lonLat, props);
    }

    /** A grid corner, jittered by up to a fifth of a cell the same way for every cell that shares it. */
    private Coordinate corner(long row, long col) {
        SplittableRandom r = new SplittableRandom(seed * 31 + row * 2_000_029L + col);
        double jx = (r.nextDouble() - 0.5) * 0.4 * side;
        double jy = (r.nextDouble() - 0.5) * 0.4 * side;
        return new Coordinate(env.getMinX() + col * side + jx, env.getMinY() + row * side + jy);
    }
}
