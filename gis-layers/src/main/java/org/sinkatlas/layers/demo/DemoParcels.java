package org.sinkatlas.layers.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.sinkatlas.layers.model.FeatureDraft;

/**
 * Generates the demo parcels: Voronoi cells of jittered seed points (denser in towns) over the whole
 * zone, cut at district borders, each given a land cover (GB/T 21010-2017) from its overlap with the
 * demo's water, wetland, polder, park and forest layers, and for the rest from the distance to towns and
 * a smooth seeded field of rural land uses. Mixed parcels carry their fractions; parcels under planned
 * forests, parks or greening carry a planned land cover (the 2030 scenario).
 */
final class DemoParcels {

    /**
     * An overlay polygon and the land cover it gives; {@code planned} overlays only set planned_landcover;
     * {@code since} is the date the land cover began there (a forest planted, a park or wetland built), or null.
     */
    record Overlay(Geometry geometry, String landcover, boolean planned, Double treeCrown, LocalDate since) {}

    private static final double SPACING_M = 250;
    private static final String[] RURAL = {"0101", "0103", "0102", "0702", "0204", "1104", "1107", "0404", "1003", "0601"};
    private static final double[] RURAL_WEIGHTS = {0.50, 0.08, 0.06, 0.11, 0.05, 0.07, 0.04, 0.03, 0.03, 0.03};
    private static final String[] URBAN = {"0701", "0601", "1004", "0810", "0702"};
    private static final double[] URBAN_WEIGHTS = {0.42, 0.25, 0.15, 0.10, 0.08};

    private final DemoGeography geo;
    private final SplittableRandom random;
    private final STRtree overlays = new STRtree();
    private final List<Map.Entry<Geometry, String>> keyZones = new ArrayList<>();
    private final Map<Long, String> ruralCell = new HashMap<>();
    private final List<Coordinate> towns = new ArrayList<>();

    DemoParcels(DemoGeography geo, List<Overlay> overlayList, List<FeatureDraft> keyZoneFeatures, long seed) {
        this.geo = geo;
        this.random = new SplittableRandom(seed);
        for (DemoGeography.Town t : DemoGeography.TOWNS) towns.add(geo.shapes.metric(t.lon(), t.lat()));
        for (Overlay o : overlayList) {
            for (int i = 0; i < o.geometry().getNumGeometries(); i++) {
                Geometry part = o.geometry().getGeometryN(i);
                overlays.insert(part.getEnvelopeInternal(),
                        new Overlay(part, o.landcover(), o.planned(), o.treeCrown(), o.since()));
            }
        }
        // Smallest zones first, so a parcel is named after the most specific zone it lies in.
        keyZoneFeatures.stream()
                .sorted(Comparator.comparingDouble(f -> f.geometry().getArea()))
                .forEach(f -> keyZones.add(Map.entry(f.geometry(), (String) f.properties().get("name"))));
    }

    List<FeatureDraft> generate() {
        List<Coordinate> seeds = seeds();
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(seeds);
        Envelope clip = geo.shapes.toMetric(geo.sources.outline).getEnvelopeInternal();
        clip.expandBy(SPACING_M);
        voronoi.setClipEnvelope(clip);
        Geometry cells = voronoi.getDiagram(MetricShapes.FACTORY);

        Map<String, PreparedGeometry> districts = new LinkedHashMap<>();
        geo.districtShapes.forEach((k, v) -> districts.put(k, PreparedGeometryFactory.prepare(v)));
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = geo.shapes.toLonLat(cells.getGeometryN(i));
            for (Map.Entry<String, PreparedGeometry> d : districts.entrySet()) {
                if (!d.getValue().intersects(cell)) continue;
                Geometry piece = d.getValue().covers(cell) ? cell
                        : cell.intersection(geo.districtShapes.get(d.getKey()));
                for (int k = 0; k < piece.getNumGeometries(); k++) {
                    Geometry part = piece.getGeometryN(k);
                    if (part instanceof Polygon && geo.shapes.areaM2(part) >= 500) {
                        pieces.add(new Piece(part, d.getKey(), part.getInteriorPoint()));
                    }
                }
            }
        }
        // Codes run north to south, west to east within each district.
        pieces.sort(Comparator.comparing(Piece::district)
                .thenComparing(p -> -Math.round(p.point.getY() * 200))
                .thenComparingDouble(p -> p.point.getX()));
        Map<String, Integer> serials = new HashMap<>();
        List<FeatureDraft> out = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            int serial = serials.merge(p.district, 1, Integer::sum);
            out.add(parcel(p, prefix(p.district) + String.format("-%06d", serial)));
        }
        return out;
    }

    private record Piece(Geometry geometry, String district, Point point) {}

    private static String prefix(String district) {
        return switch (district) {
            case DemoGeography.QINGPU -> "QP";
            case DemoGeography.WUJIANG -> "WJ";
            default -> "JS";
        };
    }

    /** Jittered grid points, kept with a probability that is higher in towns (smaller parcels there). */
    private List<Coordinate> seeds() {
        Envelope env = geo.shapes.toMetric(geo.sources.outline).getEnvelopeInternal();
        PreparedGeometry zone = PreparedGeometryFactory.prepare(geo.shapes.toMetric(geo.sources.outline).buffer(400));
        List<Coordinate> seeds = new ArrayList<>();
        for (double x = env.getMinX(); x <= env.getMaxX(); x += SPACING_M) {
            for (double y = env.getMinY(); y <= env.getMaxY(); y += SPACING_M) {
                Coordinate c = new Coordinate(x + (random.nextDouble() - 0.5) * SPACING_M * 0.8,
                        y + (random.nextDouble() - 0.5) * SPACING_M * 0.8);
                double keep = 0.3 + 0.7 * urbanness(c, towns);
                if (random.nextDouble() < keep && zone.contains(MetricShapes.FACTORY.createPoint(c))) seeds.add(c);
            }
        }
        return seeds;
    }

    /** 1 in a town's core, falling to 0 a little beyond its radius. */
    private static double urbanness(Coordinate c, List<Coordinate> towns) {
        double best = 0;
        for (int i = 0; i < towns.size(); i++) {
            double d = c.distance(towns.get(i)) / DemoGeography.TOWNS.get(i).radiusM();
            best = Math.max(best, 1 / (1 + Math.exp((d - 1) * 6)));
        }
        return best;
    }

    private FeatureDraft parcel(Piece p, String code) {
        Geometry g = p.geometry;
        double area = g.getArea();
        Map<String, Double> fractions = new LinkedHashMap<>();
        Map<String, LocalDate> since = new HashMap<>();
        String planned = null;
        Double crown = null;
        double plannedShare = 0;
        for (Object o : overlays.query(g.getEnvelopeInternal())) {
            Overlay ov = (Overlay) o;
            if (!ov.geometry().intersects(g)) continue;
            double f = ov.geometry().intersection(g).getArea() / area;
            if (f < 0.005) continue;
            if (ov.planned()) {
                if (f > plannedShare) {
                    plannedShare = f;
                    planned = ov.landcover();
                }
            } else {
                fractions.merge(ov.landcover(), f, Double::sum);
                if (ov.treeCrown() != null) crown = ov.treeCrown();
                if (ov.since() != null) since.merge(ov.landcover(), ov.since(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        double covered = fractions.values().stream().mapToDouble(Double::doubleValue).sum();
        if (covered > 1) {
            final double scale = 1 / covered;
            fractions.replaceAll((k, v) -> v * scale);
            covered = 1;
        }
        if (covered < 0.98) fractions.merge(baseClass(p.point), 1 - covered, Double::sum);
        String landcover = fractions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, Object> mix = null;
        if (fractions.get(landcover) < 0.95) {
            mix = new LinkedHashMap<>();
            double sum = 0;
            List<Map.Entry<String, Double>> sorted = new ArrayList<>(fractions.entrySet());
            sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            for (int i = 0; i < sorted.size(); i++) {
                double v = i == sorted.size() - 1 ? 1 - sum : Math.round(sorted.get(i).getValue() * 1000) / 1000.0;
                v = Math.round(v * 1000) / 1000.0;
                sum += v;
                mix.put(sorted.get(i).getKey(), v);
            }
        }
        if (planned != null && (plannedShare < 0.3 || planned.equals(landcover))) planned = null;
        if (planned == null && landcover.equals("0601") && zoneOf(p.point) != null && random.nextDouble() < 0.3) {
            planned = "0810";
        }
        if (!"0810".equals(landcover)) crown = null;
        else if (crown == null) crown = 0.3;
        // Land planted or built on since a date was, before that, the rural land use of its neighbourhood.
        LocalDate landuseSince = since.get(landcover);
        String previous = landuseSince == null ? null : ruralUseAround(p.point);
        if (landcover.equals(previous)) previous = null;
        return DemoGeography.feature(g, DemoGeography.props("code", code, "district", p.district, "key_zone",
                zoneOf(p.point), "landcover", landcover, "landcover_fractions", mix, "planned_landcover", planned,
                "tree_crown_fraction", crown, "landuse_since", landuseSince, "previous_landcover", previous,
                "surveyed", LocalDate.of(2021, 3, 1).plusDays(random.nextInt(950)), "synthetic", true));
    }

    private String zoneOf(Point p) {
        for (Map.Entry<Geometry, String> z : keyZones) {
            if (z.getKey().contains(p)) return z.getValue();
        }
        return null;
    }

    /** The dominant rural land use of the 2 km cell around a point (drawn from the cell's own seed). */
    private String ruralUseAround(Point p) {
        Coordinate c = geo.shapes.metric(p.getX(), p.getY());
        long key = Math.floorDiv((long) c.x, 2000) * 100_003L + Math.floorDiv((long) c.y, 2000);
        return ruralCell.computeIfAbsent(key, k -> pick(RURAL, RURAL_WEIGHTS, new SplittableRandom(k * 31 + 7).nextDouble()));
    }

    /** The land use of the part of a parcel that no overlay covers. */
    private String baseClass(Point p) {
        Coordinate c = geo.shapes.metric(p.getX(), p.getY());
        if (random.nextDouble() < urbanness(c, towns)) return pick(URBAN, URBAN_WEIGHTS, random.nextDouble());
        // Rural uses cluster: each 2 km cell has a dominant use that most of its parcels share.
        String dominant = ruralUseAround(p);
        return random.nextDouble() < 0.6 ? dominant : pick(RURAL, RURAL_WEIGHTS, random.nextDouble());
    }

    private static String pick(String[] values, double[] weights, double u) {
        double acc = 0;
        for (int i = 0; i < values.length; i++) {
            acc += weights[i];
            if (u < acc) return values[i];
        }
        return values[values.length - 1];
    }
}
