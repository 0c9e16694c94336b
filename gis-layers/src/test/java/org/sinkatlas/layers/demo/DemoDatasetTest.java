package org.sinkatlas.layers.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.geom.GeometryValidator;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;

class DemoDatasetTest {

    static final Set<String> GB_T_21010 = Set.of("0101", "0102", "0103", "0201", "0204", "0301", "0302", "0305", "0307",
            "0404", "0601", "0701", "0702", "0810", "1003", "1004", "1101", "1102", "1104", "1106", "1107", "1108");

    static final CrsService CRS = new CrsService();
    static Map<String, List<FeatureDraft>> demo;

    @BeforeAll
    static void build() {
        demo = DemoDataset.build(CRS);
    }

    @Test
    void everyLayerIsBuiltWithValidGeometryAndPropertiesThatFitItsSchema() {
        assertEquals(DemoLayers.all().stream().map(LayerInfo::id).toList(), List.copyOf(demo.keySet()));
        Envelope zone = new Envelope(120.3, 121.4, 30.7, 31.35);
        for (LayerInfo layer : DemoLayers.all()) {
            List<FeatureDraft> features = demo.get(layer.id());
            assertTrue(!features.isEmpty(), layer.id());
            for (FeatureDraft f : features) {
                assertTrue(GeometryValidator.check(f.geometry()).isEmpty(), layer.id() + " " + f.properties());
                assertTrue(zone.covers(f.geometry().getEnvelopeInternal()), layer.id() + " outside the zone");
                layer.geometryKind().coerce(f.geometry());
                layer.coerceProperties(f.properties());
                Object status = f.properties().get("status");
                if (status != null) {
                    assertTrue(Set.of("planned", "under_construction", "built").contains(status), layer.id());
                    if (!"built".equals(status)) assertNull(f.properties().get("completed"), layer.id());
                    else if (layer.property("completed").isPresent()) {
                        assertNotNull(f.properties().get("completed"), layer.id() + " " + f.properties());
                    }
                }
            }
        }
    }

    @Test
    void districtsKeepTheirPublishedShapes() {
        // area_km2_computed of the source file: 668.0, 1230.2, 505.9 km².
        Map<String, Double> expected = Map.of("青浦区", 668.0, "吴江区", 1230.2, "嘉善县", 505.9);
        for (FeatureDraft d : demo.get(DemoLayers.DISTRICTS)) {
            double km2 = EllipsoidMeasure.areaM2(d.geometry()) / 1e6;
            double source = expected.get((String) d.properties().get("name"));
            assertEquals(source, km2, source * 0.005, d.properties().get("name").toString());
            assertEquals(km2, (Double) d.properties().get("area_km2"), 0.01);
        }
    }

    @Test
    void parcelsTileTheZoneWithoutOverlapsAndCarryGbTLandCover() {
        List<FeatureDraft> parcels = demo.get(DemoLayers.PARCELS);
        assertTrue(parcels.size() > 10_000 && parcels.size() < 25_000, "parcels: " + parcels.size());
        double districts = demo.get(DemoLayers.DISTRICTS).stream().mapToDouble(f -> EllipsoidMeasure.areaM2(f.geometry())).sum();
        double covered = parcels.stream().mapToDouble(f -> EllipsoidMeasure.areaM2(f.geometry())).sum();
        // District sources overlap by up to 0.1 km² along borders; parcels count each place once.
        assertEquals(districts, covered, districts * 0.002);
        STRtree index = new STRtree();
        for (FeatureDraft p : parcels) index.insert(p.geometry().getEnvelopeInternal(), p.geometry());
        for (int i = 0; i < parcels.size(); i += 37) {
            Geometry g = parcels.get(i).geometry();
            for (Object o : index.query(g.getEnvelopeInternal())) {
                Geometry other = (Geometry) o;
                if (other == g) continue;
                assertTrue(EllipsoidMeasure.areaM2(g.intersection(other)) < 1.0, "parcels overlap near " + g.getCentroid());
            }
        }
        Set<String> codes = new java.util.HashSet<>();
        for (FeatureDraft p : parcels) {
            String landcover = (String) p.properties().get("landcover");
            assertTrue(GB_T_21010.contains(landcover), landcover);
            codes.add(landcover);
            @SuppressWarnings("unchecked")
            Map<String, Object> mix = (Map<String, Object>) p.properties().get("landcover_fractions");
            if (mix != null) {
                double sum = mix.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
                assertEquals(1.0, sum, 0.0015, mix.toString());
                assertTrue(GB_T_21010.containsAll(mix.keySet()), mix.toString());
                assertEquals(landcover, mix.keySet().iterator().next(), "the main class comes first");
            }
            assertTrue(((String) p.properties().get("code")).matches("(QP|WJ|JS)-\\d{6}"));
        }
        assertTrue(codes.containsAll(Set.of("0101", "0301", "0701", "0810", "1101", "1102", "1104", "1108")), codes.toString());
    }

    @Test
    void forestCoverIsBelievableAndPartlyMet() {
        double zone = demo.get(DemoLayers.DISTRICTS).stream().mapToDouble(f -> EllipsoidMeasure.areaM2(f.geometry())).sum();
        double builtBy2025 = 0;
        double all = 0;
        for (FeatureDraft f : demo.get(DemoLayers.FORESTS)) {
            double a = EllipsoidMeasure.areaM2(f.geometry());
            all += a;
            LocalDate completed = (LocalDate) f.properties().get("completed");
            if (completed != null && !completed.isAfter(LocalDate.of(2025, 12, 31))) builtBy2025 += a;
        }
        double cover = builtBy2025 / zone;
        assertTrue(cover > 0.085 && cover < 0.10, "forest cover built by 2025: " + cover);
        assertTrue(all / zone > 0.10, "with planned forests the 10 % target is reached: " + all / zone);
    }

    @Test
    void pointSitesLieInTheDistrictTheyName() {
        Map<String, Geometry> districts = new java.util.HashMap<>();
        for (FeatureDraft d : demo.get(DemoLayers.DISTRICTS)) districts.put((String) d.properties().get("name"), d.geometry());
        for (String layer : List.of(DemoLayers.ENERGY_SITES, DemoLayers.VERTICAL_GREENING, DemoLayers.LOW_ENERGY_BUILDINGS,
                DemoLayers.ECO_CYCLE_SITES, DemoLayers.LOW_CARBON_FACTORIES)) {
            for (FeatureDraft f : demo.get(layer)) {
                String district = (String) f.properties().get("district");
                assertNotNull(district, layer + " " + f.properties().get("name") + " lies outside the zone");
                assertTrue(districts.get(district).contains(f.geometry()), layer + " " + f.properties().get("name"));
                assertEquals(Boolean.TRUE, f.properties().get("synthetic"));
            }
        }
        // Rural parks lie in the district their property names: eight in Qingpu for its ten-park target, one in Jiashan.
        int qingpu = 0;
        for (FeatureDraft p : demo.get(DemoLayers.PARKS)) {
            if (!"rural".equals(p.properties().get("kind"))) continue;
            String district = (String) p.properties().get("district");
            assertTrue(districts.get(district).contains(p.geometry().getInteriorPoint()), p.properties().get("name").toString());
            if (district.equals("青浦区")) qingpu++;
        }
        assertEquals(8, qingpu);
    }

    @Test
    void theSameSeedGivesTheSameParcels() {
        List<FeatureDraft> first = demo.get(DemoLayers.PARCELS);
        List<FeatureDraft> again = DemoDataset.build(CRS).get(DemoLayers.PARCELS);
        assertEquals(first.size(), again.size());
        for (int i = 0; i < first.size(); i += 101) {
            assertTrue(first.get(i).geometry().equalsExact(again.get(i).geometry()));
            assertEquals(first.get(i).properties(), again.get(i).properties());
        }
    }
}
