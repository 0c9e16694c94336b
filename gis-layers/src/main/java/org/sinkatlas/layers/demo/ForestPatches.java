package org.sinkatlas.layers.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.SpatialIndex;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.index.strtree.STRtree;
import org.sinkatlas.layers.model.FeatureDraft;

/**
 * Generates the demo forest patches: irregular patches of 2-120 ha placed at random (seeded) inside each
 * district, off water, wetlands, ponds, parks and town cores, never overlapping each other, until each
 * district reaches its share of forest for each planting phase. Shares are plausible, not official: the
 * zone has no published 2020 forest-cover figure (docs/data.md).
 */
final class ForestPatches {

    /** Forest area (km²) per district and phase: built by 2020, built 2021-2024, under construction, planned. */
    private static final Map<String, double[]> TARGET_KM2 = Map.of(
            DemoGeography.QINGPU, new double[] {80, 10, 3, 8},
            DemoGeography.WUJIANG, new double[] {80, 10, 2, 7},
            DemoGeography.JIASHAN, new double[] {40, 5, 1, 3});

    private final DemoGeography geo;
    private final SplittableRandom random;
    private final STRtree keepOut = new STRtree();
    private final Quadtree placed = new Quadtree();

    ForestPatches(DemoGeography geo, List<Geometry> obstacles, long seed) {
        this.geo = geo;
        this.random = new SplittableRandom(seed);
        for (Geometry g : obstacles) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                keepOut.insert(part.getEnvelopeInternal(), PreparedGeometryFactory.prepare(part));
            }
        }
        for (DemoGeography.Town t : DemoGeography.TOWNS) {
            Geometry core = geo.shapes.circle(t.lon(), t.lat(), t.radiusM() * 1.1);
            keepOut.insert(core.getEnvelopeInternal(), PreparedGeometryFactory.prepare(core));
        }
    }

    List<FeatureDraft> generate() {
        List<FeatureDraft> out = new ArrayList<>();
        String[] phases = {"baseline", "recent", "under_construction", "planned"};
        int serial = 0;
        for (Map.Entry<String, Geometry> district : geo.districtShapes.entrySet()) {
            String name = district.getKey();
            PreparedGeometry inside = PreparedGeometryFactory.prepare(district.getValue());
            Envelope env = district.getValue().getEnvelopeInternal();
            double[] targets = TARGET_KM2.get(name);
            for (int phase = 0; phase < phases.length; phase++) {
                double remaining = targets[phase] * 1e6;
                int attempts = 0;
                while (remaining > 0 && attempts++ < 200_000) {
                    double areaM2 = Math.min(1.2e6, Math.max(2e4, 1.2e5 * Math.exp(random.nextGaussian() * 0.8)));
                    double lon = env.getMinX() + random.nextDouble() * env.getWidth();
                    double lat = env.getMinY() + random.nextDouble() * env.getHeight();
                    Coordinate centre = geo.shapes.metric(lon, lat);
                    Geometry patch = geo.shapes.toLonLat(geo.shapes.blobMetric(centre, areaM2, random));
                    if (!inside.contains(patch) || hits(keepOut, patch) || hits(placed, patch)) continue;
                    placed.insert(patch.getEnvelopeInternal(), PreparedGeometryFactory.prepare(patch));
                    remaining -= geo.shapes.areaM2(patch);
                    out.add(forest(patch, name, phases[phase], ++serial));
                }
            }
        }
        return out;
    }

    private static boolean hits(SpatialIndex index, Geometry g) {
        for (Object o : index.query(g.getEnvelopeInternal())) {
            if (((PreparedGeometry) o).intersects(g)) return true;
        }
        return false;
    }

    private FeatureDraft forest(Geometry patch, String district, String phase, int serial) {
        double r = random.nextDouble();
        String type = r < 0.6 ? "ecological" : r < 0.8 ? "protective" : r < 0.95 ? "economic" : "bamboo";
        String landcover = type.equals("bamboo") ? "0302" : phase.equals("baseline") || phase.equals("recent")
                ? "0301" : "0307";
        String status;
        LocalDate completed = null;
        switch (phase) {
            case "baseline":
                status = "built";
                completed = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(16 * 365));
                break;
            case "recent":
                status = "built";
                completed = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(4 * 365));
                break;
            case "under_construction":
                status = "under_construction";
                break;
            default:
                status = "planned";
                break;
        }
        String typeZh = switch (type) {
            case "ecological" -> "生态公益林";
            case "protective" -> "防护林";
            case "economic" -> "经济林";
            default -> "竹林";
        };
        String name = district.substring(0, 2) + typeZh + String.format(" %04d", serial);
        return DemoGeography.feature(patch, DemoGeography.props("name", name, "district", district, "forest_type", type,
                "landcover", landcover, "status", status, "completed", completed, "synthetic", true));
    }
}
