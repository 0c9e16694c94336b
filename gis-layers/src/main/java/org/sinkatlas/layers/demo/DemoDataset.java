package org.sinkatlas.layers.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.format.GeoJsonFeatureReader.ReadFeature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.LayerStore;

/**
 * The zone's demo dataset: real boundaries, lakes and rivers where they exist, synthetic features drawn
 * or generated (seeded, so every build gives the same data) where they do not. Loaded into a new, empty
 * store on first start. docs/data.md lists each layer's source, licence and what is synthetic.
 */
public final class DemoDataset {

    /** The seed of every generated part: the plan's date of issue. */
    public static final long SEED = 20220627L;

    /** Who the store records as the author of the demo features. */
    public static final String AUTHOR = "demo-loader";

    private DemoDataset() {}

    /** Builds every demo layer's features in memory, keyed by layer id in map order. */
    public static Map<String, List<FeatureDraft>> build(CrsService crs) {
        MetricShapes shapes = new MetricShapes(crs);
        ZoneSources sources = new ZoneSources();
        DemoGeography geo = new DemoGeography(sources, shapes);
        Map<String, List<FeatureDraft>> layers = new LinkedHashMap<>();

        List<FeatureDraft> districts = new ArrayList<>();
        for (ReadFeature d : sources.districts) {
            Map<String, Object> p = d.properties();
            double km2 = Math.round(EllipsoidMeasure.areaM2(d.geometry()) / 1e4) / 100.0;
            districts.add(DemoGeography.feature(d.geometry(), DemoGeography.props("name", p.get("name"), "name_en",
                    p.get("name_en"), "adcode", p.get("adcode"), "province", p.get("province"), "city", p.get("city"),
                    "area_km2", km2)));
        }
        layers.put(DemoLayers.DISTRICTS, districts);
        List<FeatureDraft> keyZones = geo.keyZones();
        layers.put(DemoLayers.KEY_ZONES, keyZones);
        List<FeatureDraft> water = geo.water();
        layers.put(DemoLayers.WATER, water);
        Geometry allWater = geo.allWater(water);
        layers.put(DemoLayers.GREENWAYS, geo.greenways());
        List<FeatureDraft> wetlands = geo.wetlands(allWater);
        List<FeatureDraft> ponds = geo.polderPonds(allWater);
        List<FeatureDraft> parks = geo.parks(allWater);

        List<Geometry> obstacles = new ArrayList<>();
        obstacles.add(allWater);
        for (List<FeatureDraft> l : List.of(wetlands, ponds, parks)) {
            for (FeatureDraft f : l) obstacles.add(f.geometry());
        }
        List<FeatureDraft> forests = new ForestPatches(geo, obstacles, SEED).generate();
        layers.put(DemoLayers.FORESTS, forests);
        layers.put(DemoLayers.WETLANDS, wetlands);
        layers.put(DemoLayers.POLDER_PONDS, ponds);
        layers.put(DemoLayers.PARKS, parks);
        layers.put(DemoLayers.PV_SITES, geo.pvSites(allWater));
        layers.put(DemoLayers.ENERGY_SITES, geo.energySites());
        layers.put(DemoLayers.VERTICAL_GREENING, geo.verticalGreening());
        layers.put(DemoLayers.LOW_ENERGY_BUILDINGS, geo.lowEnergyBuildings());
        layers.put(DemoLayers.ECO_CYCLE_SITES, geo.ecoCycleSites());
        layers.put(DemoLayers.LOW_CARBON_FACTORIES, geo.lowCarbonFactories());
        layers.put(DemoLayers.SINK_PROJECTS, geo.sinkProjects(allWater));

        List<DemoParcels.Overlay> overlays = new ArrayList<>();
        for (FeatureDraft f : water) overlays.add(new DemoParcels.Overlay(f.geometry(), text(f, "landcover"), false, null, null));
        for (FeatureDraft f : wetlands) {
            overlays.add(new DemoParcels.Overlay(f.geometry(), text(f, "landcover"), isPlanned(f), null, completed(f)));
        }
        for (FeatureDraft f : ponds) overlays.add(new DemoParcels.Overlay(f.geometry(), text(f, "landcover"), false, null, null));
        for (FeatureDraft f : parks) {
            overlays.add(new DemoParcels.Overlay(f.geometry(), "0810", isPlanned(f),
                    (Double) f.properties().get("tree_crown_fraction"), completed(f)));
        }
        for (FeatureDraft f : forests) {
            overlays.add(new DemoParcels.Overlay(f.geometry(), isPlanned(f) ? "0301" : text(f, "landcover"),
                    isPlanned(f), null, completed(f)));
        }
        layers.put(DemoLayers.PARCELS, new DemoParcels(geo, overlays, keyZones, SEED + 1).generate());
        return layers;
    }

    private static String text(FeatureDraft f, String key) {
        return (String) f.properties().get(key);
    }

    /** When a built feature was completed (planted, opened), or null. */
    private static java.time.LocalDate completed(FeatureDraft f) {
        Object v = f.properties().get("completed");
        return v == null || isPlanned(f) ? null : java.time.LocalDate.parse(v.toString().substring(0, 10));
    }

    /** Planned or under construction: not yet what is on the ground. */
    private static boolean isPlanned(FeatureDraft f) {
        return !"built".equals(f.properties().get("status"));
    }

    /**
     * Loads the demo layers, and the demo's reported target figures ({@link DemoReports}), into a store that has
     * no layers yet; does nothing to a store that has any.
     *
     * @param progress receives one line per layer
     * @return whether the demo was loaded
     */
    public static boolean loadIfEmpty(LayerStore store, CrsService crs, Consumer<String> progress) {
        if (!store.layers().isEmpty()) return false;
        progress.accept("building the demo dataset (seed " + SEED + ")");
        Map<String, List<FeatureDraft>> data = build(crs);
        Map<String, LayerInfo> infos = new LinkedHashMap<>();
        for (LayerInfo l : DemoLayers.all()) infos.put(l.id(), l);
        int n = 0;
        try {
            for (Map.Entry<String, List<FeatureDraft>> e : data.entrySet()) {
                LayerInfo layer = infos.get(e.getKey());
                store.createLayer(layer);
                store.write(AUTHOR, w -> {
                    for (FeatureDraft f : e.getValue()) w.insert(layer.id(), f);
                    return null;
                });
                n++;
                progress.accept(String.format("[%2d/%d] %-20s %,7d features", n, data.size(), layer.id(),
                        e.getValue().size()));
            }
            DemoReports.append(store);
            progress.accept(String.format("        %-20s %,7d records", "target reports", DemoReports.count()));
        } catch (RuntimeException e) {
            // The store was empty: leave it empty rather than half loaded.
            try {
                store.dropAllLayers();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return true;
    }
}
