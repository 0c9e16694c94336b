package org.sinkatlas.sink.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;

/**
 * The zone's sink on a 1 km grid, for the map's first view: square cells of EPSG:4549 (CGCS2000, Gauss-Kruger
 * 3-degree zone on 120°E, the zone's survey grid), each summing the stored estimates of the parcels in it, a
 * parcel shared between cells by its area in each. The grid is a layer of the store ({@value #LAYER}) that the
 * service keeps: a cell is made when parcels first reach it, its figures are set without versions or history
 * ({@code annotate}), for the whole grid or for the cells under an edit, and it is removed when they leave it.
 */
public final class SinkGrid {

    public static final String LAYER = "sink-grid";
    /** The layer summed: the parcels, which cover the zone once (other sink layers overlap them). */
    public static final String SOURCE = "parcels";
    public static final double CELL_METRES = 1000;

    public static final String CELL = "cell";
    public static final String CCER_SHARE = "ccer_share";
    public static final String LANDCOVER_SHARES = "landcover_shares";

    /** The sums a cell keeps, named as the parcels' own so that one style colours both. */
    private static final List<String> SUMMED = List.of(SinkFields.AREA, SinkFields.NET, SinkFields.STOCK, SinkFields.REMOVAL,
            SinkFields.METHANE, SinkFields.N2O, SinkFields.PLAN_DIFF);

    private final LayerStore store;
    private final GeometryTransform toGrid;
    private final GeometryTransform fromGrid;
    private final GeometryFactory factory = new GeometryFactory();

    public SinkGrid(LayerStore store, CrsService crs) {
        this.store = store;
        this.toGrid = crs.fromStorage(CrsService.EPSG_4549);
        this.fromGrid = crs.toStorage(CrsService.EPSG_4549);
    }

    /** The grid layer's definition. */
    public static LayerInfo layer() {
        List<PropertyDef> p = new ArrayList<>();
        p.add(PropertyDef.of(CELL, PropertyType.STRING, "网格编号（EPSG:4549 公里格）", "Cell (kilometre of EPSG:4549)"));
        for (PropertyDef d : SinkFields.definitions()) {
            if (SUMMED.contains(d.name()) || d.name().equals(SinkFields.DENSITY)) p.add(d);
        }
        p.add(PropertyDef.of(CCER_SHARE, PropertyType.REAL, "CCER 造林候选面积占比", "Share of the area that is a CCER"
                + " afforestation candidate").withRange(0.0, 1.0));
        p.add(PropertyDef.of(LANDCOVER_SHARES, PropertyType.JSON, "各地类面积占比", "Share of the area of each land cover"));
        return new LayerInfo(LAYER, Localized.of("碳汇网格（1公里）", "Sink grid (1 km)"), Localized.of(
                "由服务根据地块的碳汇估算按1公里网格（EPSG:4549）汇总：每格为格内地块（按面积分摊）的净碳汇、碳储量、排放与规划差值之和。"
                        + "随地块的编辑与导入自动更新，不可直接编辑。",
                "Computed by the service from the parcels' sink estimates over a 1 km grid (EPSG:4549): each cell sums"
                        + " the net sink, stock, emissions and plan difference of the parcels in it, each shared by its"
                        + " area in the cell. Kept current as parcels are edited and imported; not edited by hand."),
                GeometryKind.POLYGON, p, null, true, "Sink Atlas", List.of("碳汇", "网格", "sink", "grid"));
    }

    /** Makes the grid layer when a store has parcels with sink estimates and no grid yet. @return whether there is a grid */
    public boolean ensureLayer() {
        if (store.layer(LAYER).isPresent()) return true;
        if (store.layer(SOURCE).filter(SinkFields::isSinkLayer).isEmpty()) return false;
        store.createLayer(layer());
        return true;
    }

    /** Sums every cell again. @return how many cells hold parcels */
    public int rebuild() {
        return update(null);
    }

    /**
     * Sums again the cells that the given boxes (storage CRS) touch; all cells when {@code areas} is null.
     *
     * @return how many of them hold parcels
     */
    public int update(List<Envelope> areas) {
        if (!ensureLayer()) return 0;
        Set<String> touched = areas == null ? null : cellsUnder(areas);
        if (touched != null && touched.isEmpty()) return 0;
        Filter filter = touched == null ? Filter.ALL : new Filter.Intersects(storageBox(touched));
        Map<String, Sums> sums = new TreeMap<>();
        try (StoreCursor<Feature> parcels = store.query(SOURCE, FeatureQuery.of(filter))) {
            while (parcels.hasNext()) allocate(parcels.next(), touched, sums);
        }
        Map<String, Long> ids = existingCells();
        // Cells the parcels have left are removed: looked for among all cells on a rebuild, the touched ones on an update.
        Set<String> cells = new TreeSet<>(sums.keySet());
        cells.addAll(touched != null ? touched : ids.keySet());
        store.write("sink-grid", w -> {
            for (String cell : cells) {
                Sums s = sums.get(cell);
                Long id = ids.get(cell);
                if (s == null) {
                    // The parcels have left the cell (a layer replaced by an import): the map draws no empty cell.
                    if (id != null) w.delete(LAYER, id, FeatureWriter.ANY_VERSION);
                    continue;
                }
                if (id == null) id = w.insert(LAYER, new FeatureDraft(cellPolygon(cell), Map.of(CELL, cell))).id();
                w.annotate(LAYER, id, s.values());
            }
            return null;
        });
        return sums.size();
    }

    /** Shares a parcel's stored figures between the cells it lies in (only those in {@code only}, when given). */
    private void allocate(Feature parcel, Set<String> only, Map<String, Sums> sums) {
        Object net = parcel.property(SinkFields.NET);
        if (net == null || parcel.geometry() == null) return;
        Geometry g = toGrid.apply(parcel.geometry());
        double area = g.getArea();
        if (!(area > 0)) return;
        Envelope e = g.getEnvelopeInternal();
        for (long i = cellIndex(e.getMinX()); i <= cellIndex(e.getMaxX()); i++) {
            for (long j = cellIndex(e.getMinY()); j <= cellIndex(e.getMaxY()); j++) {
                String cell = code(i, j);
                if (only != null && !only.contains(cell)) continue;
                Polygon square = square(i, j);
                double share = square.getEnvelopeInternal().contains(e) ? 1 : g.intersection(square).getArea() / area;
                if (share > 0) sums.computeIfAbsent(cell, k -> new Sums()).add(parcel, share);
            }
        }
    }

    /** The figures of one cell as they are summed. */
    private static final class Sums {
        final Map<String, Double> totals = new LinkedHashMap<>();
        final Map<String, Double> areaByClass = new TreeMap<>();
        double ccerArea;

        void add(Feature parcel, double share) {
            for (String name : SUMMED) {
                Object v = parcel.property(name);
                if (v instanceof Number n) totals.merge(name, n.doubleValue() * share, Double::sum);
            }
            double area = number(parcel.property(SinkFields.AREA)) * share;
            Object cls = parcel.property(SinkFields.LANDCOVER);
            if (cls != null) areaByClass.merge(cls.toString(), area, Double::sum);
            Object eligibility = parcel.property(SinkFields.ELIGIBILITY);
            if ("ccer-eligible".equals(eligibility) || "ccer-undetermined".equals(eligibility)) ccerArea += area;
        }

        Map<String, Object> values() {
            Map<String, Object> v = new LinkedHashMap<>();
            totals.forEach((k, x) -> v.put(k, round(x, k.equals(SinkFields.AREA) ? 1 : 3)));
            double area = totals.getOrDefault(SinkFields.AREA, 0.0);
            v.put(SinkFields.DENSITY, area > 0 ? round(totals.getOrDefault(SinkFields.NET, 0.0) / (area / 10_000), 4) : null);
            v.put(CCER_SHARE, area > 0 ? round(ccerArea / area, 4) : null);
            Map<String, Object> shares = new LinkedHashMap<>();
            areaByClass.forEach((cls, a) -> {
                if (area > 0 && a / area >= 0.0005) shares.put(cls, round(a / area, 3));
            });
            v.put(LANDCOVER_SHARES, shares);
            return v;
        }

        private static double number(Object v) {
            return v instanceof Number n ? n.doubleValue() : 0;
        }

        private static double round(double v, int decimals) {
            double f = Math.pow(10, decimals);
            return Math.round(v * f) / f;
        }
    }

    private Map<String, Long> existingCells() {
        Map<String, Long> ids = new HashMap<>();
        try (StoreCursor<Feature> cells = store.query(LAYER, FeatureQuery.all())) {
            while (cells.hasNext()) {
                Feature f = cells.next();
                ids.put(String.valueOf(f.property(CELL)), f.id());
            }
        }
        return ids;
    }

    /** The cells a set of storage boxes touch. */
    private Set<String> cellsUnder(List<Envelope> areas) {
        Set<String> out = new TreeSet<>();
        for (Envelope a : areas) {
            Envelope e = toGrid.apply(a);
            for (long i = cellIndex(e.getMinX()); i <= cellIndex(e.getMaxX()); i++) {
                for (long j = cellIndex(e.getMinY()); j <= cellIndex(e.getMaxY()); j++) out.add(code(i, j));
            }
        }
        return out;
    }

    /** A box in the storage CRS around the given cells, for reading the parcels that may lie in them. */
    private Geometry storageBox(Set<String> cells) {
        Envelope grid = new Envelope();
        for (String c : cells) grid.expandToInclude(square(c).getEnvelopeInternal());
        return factory.toGeometry(fromGrid.apply(grid));
    }

    private static long cellIndex(double metres) {
        return (long) Math.floor(metres / CELL_METRES);
    }

    /** A cell's code: the kilometres east and north of its south-west corner, e.g. E358N3434. */
    static String code(long i, long j) {
        return "E" + i + "N" + j;
    }

    private Polygon square(String code) {
        int n = code.indexOf('N');
        return square(Long.parseLong(code.substring(1, n)), Long.parseLong(code.substring(n + 1)));
    }

    private Polygon square(long i, long j) {
        return (Polygon) factory.toGeometry(new Envelope(i * CELL_METRES, (i + 1) * CELL_METRES, j * CELL_METRES,
                (j + 1) * CELL_METRES));
    }

    private Geometry cellPolygon(String code) {
        return fromGrid.apply(square(code));
    }
}
