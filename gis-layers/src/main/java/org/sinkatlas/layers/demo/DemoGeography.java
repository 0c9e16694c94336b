package org.sinkatlas.layers.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sinkatlas.layers.format.GeoJsonFeatureReader.ReadFeature;
import org.sinkatlas.layers.model.FeatureDraft;

/**
 * The zone's places and the demo features drawn at them by hand: key zones, water, greenways, wetlands,
 * polder fields and ponds, parks, PV sites, energy sites and sink projects. Real geometry comes from
 * {@link ZoneSources}; everything drawn here is marked {@code synthetic}. Names of towns and villages are
 * real; the features' shapes, sizes and dates are illustrative.
 */
final class DemoGeography {

    static final String QINGPU = "青浦区";
    static final String WUJIANG = "吴江区";
    static final String JIASHAN = "嘉善县";

    /** A town centre that makes its surroundings built-up, with the radius of its built-up core. */
    record Town(String name, double lon, double lat, double radiusM) {}

    static final List<Town> TOWNS = List.of(
            new Town("青浦城区", 121.1239, 31.1507, 4200), new Town("徐泾", 121.27, 31.18, 2600),
            new Town("华新", 121.22, 31.24, 2000), new Town("白鹤", 121.15, 31.25, 1500),
            new Town("香花桥", 121.15, 31.19, 1500), new Town("朱家角", 121.05028, 31.11278, 1600),
            new Town("金泽", 120.91639, 31.03972, 1100), new Town("练塘", 121.02, 31.01, 1200),
            new Town("赵巷", 121.20, 31.16, 1600),
            new Town("松陵", 120.6452, 31.1387, 4500), new Town("同里", 120.72, 31.16, 1500),
            new Town("平望", 120.64, 30.98, 1600), new Town("盛泽", 120.65, 30.88, 2800),
            new Town("黎里", 120.72, 30.98, 1300), new Town("芦墟（汾湖）", 120.82, 31.01, 1800),
            new Town("苏州南站", 120.795035, 31.065545, 1600), new Town("七都", 120.48, 31.0, 1100),
            new Town("震泽", 120.50, 30.915, 1400), new Town("桃源", 120.55, 30.83, 1000),
            new Town("魏塘", 120.926, 30.831, 3600), new Town("西塘", 120.8833, 30.9333, 1500),
            new Town("姚庄", 121.0, 30.91, 1300), new Town("天凝", 120.86, 30.88, 1000),
            new Town("干窑", 120.80, 30.83, 1000), new Town("惠民", 120.94, 30.79, 1200));

    final ZoneSources sources;
    final MetricShapes shapes;
    final Map<String, Geometry> districtShapes = new LinkedHashMap<>();
    private final Map<String, PreparedGeometry> preparedDistricts = new LinkedHashMap<>();
    final Geometry yuandang;
    final Geometry dianshan;
    final Geometry taihuInZone;
    final Geometry fenhu;
    final Geometry xiangfudangNorth;
    final Geometry xiangfudangSouth;
    final Geometry taipuLine;
    final Coordinate livingRoom;

    DemoGeography(ZoneSources sources, MetricShapes shapes) {
        this.sources = sources;
        this.shapes = shapes;
        // Disjoint district shapes (the source polygons overlap by up to 0.1 km² along shared borders), so
        // that nothing generated is counted in two districts.
        Geometry taken = null;
        for (ReadFeature d : sources.districts) {
            Geometry g = d.geometry();
            if (taken != null) g = g.difference(taken);
            districtShapes.put((String) d.properties().get("name"), g);
            preparedDistricts.put((String) d.properties().get("name"), PreparedGeometryFactory.prepare(g));
            taken = taken == null ? g : taken.union(g);
        }
        Geometry dianshanOutline = sources.lake("Dianshan Lake").geometry();
        Coordinate yc = sources.keyZoneCircle("Yuandang").geometry().getCentroid().getCoordinate();
        Geometry lobe = shapes.circle(yc.x, yc.y, 2600);
        yuandang = dianshanOutline.intersection(lobe);
        dianshan = dianshanOutline.difference(lobe);
        taihuInZone = sources.lake("Taihu Lake").geometry().intersection(sources.outline);
        Coordinate fenhuPlace = sources.place("Fenhu Lake");
        fenhu = shapes.ellipse(fenhuPlace.x, fenhuPlace.y, 2100, 1200, 15);
        Coordinate xfd = sources.place("Xiangfudang");
        xiangfudangNorth = shapes.ellipse(xfd.x - 0.004, xfd.y + 0.006, 700, 420, 30);
        xiangfudangSouth = shapes.ellipse(xfd.x + 0.002, xfd.y - 0.006, 560, 330, -20);
        taipuLine = shapes.line(120.515, 30.962, 120.585, 30.968, 120.64, 30.972, 120.70, 30.975, 120.75, 30.985,
                120.80, 30.998, 120.85, 31.012, 120.89, 31.017, 120.93, 31.012, 120.97, 31.0, 121.01, 30.99);
        livingRoom = sources.place("Water Town Living Room");
    }

    /** The district (Chinese name) that contains a point, or null outside the zone. */
    String districtAt(double lon, double lat) {
        Geometry p = MetricShapes.FACTORY.createPoint(new Coordinate(lon, lat));
        for (Map.Entry<String, PreparedGeometry> e : preparedDistricts.entrySet()) {
            if (e.getValue().contains(p)) return e.getKey();
        }
        return null;
    }

    /** The districts a geometry touches, joined with "、" (e.g. "青浦区、吴江区"). */
    String districtsOf(Geometry g) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, PreparedGeometry> e : preparedDistricts.entrySet()) {
            if (e.getValue().intersects(g)) names.add(e.getKey());
        }
        return String.join("、", names);
    }

    static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    static FeatureDraft feature(Geometry g, Map<String, Object> props) {
        return new FeatureDraft(g, props);
    }

    // ----------------------------------------------------------------------------------------------------
    // Key zones

    List<FeatureDraft> keyZones() {
        List<FeatureDraft> out = new ArrayList<>();
        String clause4 = "二（四）";
        Geometry room = sources.keyZoneCircle("Water Town Living Room").geometry();
        out.add(feature(room, props("name", "水乡客厅", "name_en", "Water Town Living Room", "kind", "living-room",
                "parent", null, "clause", clause4, "synthetic", true,
                "note", "半径3.38公里圆，按规划面积35.8平方公里推算 · circle of r = 3.38 km from the planned 35.8 km²")));
        double lon = livingRoom.x;
        double lat = livingRoom.y;
        out.add(feature(shapes.circle(lon, lat, 450), props("name", "方厅水院（一点）", "name_en",
                "Fangting Water Courtyard (the core)", "kind", "core", "parent", "水乡客厅", "clause", clause4,
                "synthetic", true, "note", "沪苏浙三地交界原点 · the point where Shanghai, Jiangsu and Zhejiang meet")));
        out.add(feature(polderGarden(), props("name", "江南圩田（三园）", "name_en", "Jiangnan Polder Fields (garden)",
                "kind", "garden", "parent", "水乡客厅", "clause", clause4, "synthetic", true, "note", null)));
        out.add(feature(pondGarden(), props("name", "桑基鱼塘（三园）", "name_en", "Mulberry-Dyke Fish Ponds (garden)",
                "kind", "garden", "parent", "水乡客厅", "clause", clause4, "synthetic", true, "note", null)));
        out.add(feature(wetlandGarden(), props("name", "水乡湿地（三园）", "name_en", "Water Town Wetlands (garden)",
                "kind", "garden", "parent", "水乡客厅", "clause", clause4, "synthetic", true, "note", null)));
        Coordinate jinze = sources.place("Jinze");
        out.add(feature(shapes.circle(jinze.x, jinze.y, 1300), props("name", "研创古镇（青浦金泽）", "name_en",
                "Research & Innovation Ancient Town (Jinze, Qingpu)", "kind", "industrial", "parent", "水乡客厅",
                "clause", clause4, "synthetic", true, "note", null)));
        out.add(feature(shapes.circle(120.822, 31.022, 1400), props("name", "智造蓝湾（吴江汾湖）", "name_en",
                "Smart Manufacturing Blue Bay (Fenhu, Wujiang)", "kind", "industrial", "parent", "水乡客厅", "clause",
                clause4, "synthetic", true, "note", null)));
        Coordinate dashun = sources.place("Dashun");
        out.add(feature(shapes.circle(dashun.x, dashun.y, 1200), props("name", "数慧云巷（嘉善大舜）", "name_en",
                "Digital Wisdom Cloud Lane (Dashun, Jiashan)", "kind", "industrial", "parent", "水乡客厅", "clause",
                clause4, "synthetic", true, "note", null)));
        out.add(feature(sources.keyZoneCircle("Xicen").geometry(), props("name", "青浦西岑科创中心", "name_en",
                "Xicen Science & Innovation Centre (Qingpu)", "kind", "centre", "parent", null, "clause", "二（五）",
                "synthetic", true, "note", "名义半径2公里 · nominal 2 km radius")));
        out.add(feature(sources.keyZoneCircle("Wujiang HSR").geometry(), props("name", "吴江高铁科创新城", "name_en",
                "Wujiang High-Speed-Rail Science City", "kind", "centre", "parent", null, "clause", "二（六）",
                "synthetic", true, "note", "苏州南站周边名义半径3公里 · nominal 3 km around Suzhou South station")));
        out.add(feature(sources.keyZoneCircle("Xiangfudang").geometry(), props("name", "嘉善祥符荡创新中心", "name_en",
                "Xiangfudang Innovation Centre (Jiashan)", "kind", "centre", "parent", null, "clause", "二（七）",
                "synthetic", true, "note", "名义半径2公里 · nominal 2 km radius")));
        return out;
    }

    Geometry polderGarden() {
        return shapes.ellipse(livingRoom.x - 0.018, livingRoom.y + 0.012, 1300, 850, 20);
    }

    Geometry pondGarden() {
        return shapes.ellipse(livingRoom.x - 0.014, livingRoom.y - 0.016, 1200, 800, -25);
    }

    Geometry wetlandGarden() {
        return shapes.ellipse(livingRoom.x + 0.02, livingRoom.y - 0.004, 1100, 900, 60).difference(fenhu);
    }

    // ----------------------------------------------------------------------------------------------------
    // Water

    List<FeatureDraft> water() {
        List<FeatureDraft> out = new ArrayList<>();
        String gshhg = "GSHHG 2.3.7 (LGPL-3+)";
        out.add(feature(taihuInZone, props("name", "太湖（东太湖，示范区内部分）", "name_en", "Taihu Lake (East Taihu, part in the zone)",
                "kind", "lake", "landcover", "1102", "synthetic", false, "source", gshhg,
                "note", "GSHHG 轮廓裁剪至示范区 · GSHHG outline clipped to the zone")));
        out.add(feature(dianshan, props("name", "淀山湖", "name_en", "Dianshan Lake", "kind", "lake", "landcover", "1102",
                "synthetic", false, "source", gshhg, "note", "GSHHG 轮廓去除西侧元荡部分 · GSHHG outline without its Yuandang lobe")));
        out.add(feature(yuandang, props("name", "元荡", "name_en", "Yuandang Lake", "kind", "lake", "landcover", "1102",
                "synthetic", false, "source", gshhg, "note", "GSHHG 淀山湖轮廓的西侧部分 · western lobe of the GSHHG Dianshan outline")));
        out.add(feature(fenhu, props("name", "汾湖", "name_en", "Fenhu Lake", "kind", "lake", "landcover", "1102",
                "synthetic", true, "source", null, "note", "在真实位置绘制的椭圆 · ellipse drawn at the real place")));
        out.add(feature(xiangfudangNorth, props("name", "北祥符荡", "name_en", "North Xiangfudang", "kind", "lake",
                "landcover", "1102", "synthetic", true, "source", null, "note", null)));
        out.add(feature(xiangfudangSouth, props("name", "南祥符荡", "name_en", "South Xiangfudang", "kind", "lake",
                "landcover", "1102", "synthetic", true, "source", null, "note", null)));
        Coordinate xfd = sources.place("Xiangfudang");
        out.add(feature(shapes.ellipse(xfd.x + 0.022, xfd.y - 0.012, 380, 260, 10), props("name", "沉香荡", "name_en",
                "Chenxiangdang", "kind", "lake", "landcover", "1102", "synthetic", true, "source", null, "note", null)));
        out.add(feature(shapes.buffer(taipuLine, 90).intersection(sources.outline), props("name", "太浦河",
                "name_en", "Taipu River", "kind", "river", "landcover", "1101", "synthetic", true, "source", null,
                "note", "中心线经庙港、平望、黎里、芦墟、金泽绘制，宽约180米 · centre line drawn through Miaogang, Pingwang, Lili,"
                        + " Luxu and Jinze, about 180 m wide")));
        String[] guesses = {null, "吴淞江上游（推定）", "京杭大运河（推定）", "运河支线（推定）", "吴淞江（推定）", null, "淀浦河（推定）"};
        String[] guessesEn = {null, "upper Wusong River (likely)", "Grand Canal (likely)", "canal branch (likely)",
            "Wusong River / Suzhou Creek (likely)", null, "Dianpu River (likely)"};
        Geometry lakes = UnaryUnionOp.union(List.of(taihuInZone, dianshan, yuandang));
        for (int i = 0; i < sources.rivers.size(); i++) {
            Geometry line = sources.rivers.get(i).geometry();
            if (!line.intersects(sources.outline) || guesses[i] == null) continue;
            Geometry river = shapes.buffer(line, 45).intersection(sources.outline).difference(lakes);
            if (river.isEmpty()) continue;
            out.add(feature(river, props("name", guesses[i], "name_en", guessesEn[i], "kind", "river", "landcover", "1101",
                    "synthetic", false, "source", "WDBII / GSHHG 2.3.7 (LGPL-3+)",
                    "note", "源数据未命名，名称为推定；中心线缓冲45米 · unnamed in the source, name inferred; centre line buffered 45 m")));
        }
        return out;
    }

    /** Every water polygon, for keeping other features off it. */
    Geometry allWater(List<FeatureDraft> water) {
        return UnaryUnionOp.union(water.stream().map(FeatureDraft::geometry).toList());
    }

    // ----------------------------------------------------------------------------------------------------
    // Greenways

    List<FeatureDraft> greenways() {
        List<FeatureDraft> out = new ArrayList<>();
        LineString yuandangShore = ringOf(shapes.buffer(yuandang, 120));
        out.add(greenway(yuandangShore, "元荡岸线慢行道", "Yuandang shoreline greenway", "built", "2021-09-28", 8,
                "湖岸外侧120米绘制；实际贯通约23公里 · drawn 120 m off the lake outline; the real path is about 23 km"));
        LineString blueRing = wobblyRing(livingRoom, 4700, 0.06);
        out.add(greenway(part(blueRing, 0, 0.63), "水乡客厅蓝环（一期）", "Blue Ring, phase 1", "built", "2024-09-30",
                10, "一期19公里 · 19 km first phase"));
        out.add(greenway(part(blueRing, 0.63, 1.0), "水乡客厅蓝环（二期）", "Blue Ring, phase 2", "planned", null, 10,
                null));
        out.add(greenway(shapes.line(120.925, 31.048, 120.934, 31.055, 120.944, 31.058, 120.952, 31.066, 120.958,
                31.073), "蓝色珠链（一段）", "Blue Pearl Chain, section 1", "built", "2023-06-30", 6, "4.2 km"));
        out.add(greenway(shapes.line(120.958, 31.073, 120.968, 31.069, 120.978, 31.062, 120.986, 31.053, 120.99,
                31.043, 120.997, 31.037), "蓝色珠链（二段）", "Blue Pearl Chain, section 2", "built", "2023-12-28", 6,
                "5.3 km"));
        LineString dianshanShore = ringOf(shapes.buffer(dianshan, 150));
        Geometry eastShore = dianshanShore.intersection(shapes.rectangle(121.03, 31.12, 9000, 12000, 0));
        out.add(greenway(eastShore, "环淀山湖绿道（东岸）", "Dianshan Lake greenway (east shore)", "built", "2022-10-31",
                8, null));
        out.add(greenway(shapes.line(120.965, 31.03, 120.975, 31.037, 120.99, 31.04, 121.005, 31.047, 121.02, 31.05),
                "大莲湖绿道", "Dalian Lake greenway", "under_construction", null, 6, null));
        out.add(greenway(shapes.line(121.095, 31.14, 121.105, 31.16, 121.125, 31.168, 121.145, 31.16, 121.15, 31.142,
                121.135, 31.13, 121.11, 31.131), "青浦新城环城水系绿道", "Qingpu New City ring-canal greenway", "planned",
                null, 8, null));
        out.add(greenway(shapes.line(120.70, 30.985, 120.75, 30.995, 120.80, 31.008),
                "太浦河滨河绿道（吴江段）", "Taipu River greenway (Wujiang)", "built", "2022-06-30", 10, null));
        out.add(greenway(ringOf(shapes.buffer(xiangfudangNorth, 100)), "祥符荡环湖绿道", "Xiangfudang lake greenway",
                "built", "2022-09-30", 6, null));
        Geometry taihuShore = ringOf(shapes.buffer(taihuInZone, 150))
                .intersection(shapes.rectangle(120.60, 31.10, 9000, 14000, 0));
        out.add(greenway(taihuShore.intersection(sources.outline), "东太湖滨湖绿道", "East Taihu lakeside greenway",
                "built", "2020-10-01", 10, null));
        return out;
    }

    private FeatureDraft greenway(Geometry line, String name, String nameEn, String status, String completed,
            double widthM, String note) {
        return feature(line, props("name", name, "name_en", nameEn, "district", districtsOf(line), "status", status,
                "completed", date(completed), "width_m", widthM, "synthetic", true, "note", note));
    }

    private static LineString ringOf(Geometry polygon) {
        Geometry largest = polygon;
        if (polygon.getNumGeometries() > 1) {
            largest = polygon.getGeometryN(0);
            for (int i = 1; i < polygon.getNumGeometries(); i++) {
                if (polygon.getGeometryN(i).getArea() > largest.getArea()) largest = polygon.getGeometryN(i);
            }
        }
        return ((org.locationtech.jts.geom.Polygon) largest).getExteriorRing();
    }

    private LineString wobblyRing(Coordinate centre, double radiusM, double wobble) {
        Coordinate c = shapes.metric(centre.x, centre.y);
        int n = 72;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = radiusM * (1 + wobble * Math.sin(3 * a) + wobble * 0.5 * Math.cos(5 * a));
            ring[i] = new Coordinate(c.x + r * Math.cos(a), c.y + r * Math.sin(a));
        }
        ring[n] = new Coordinate(ring[0]);
        // Built as a line so that it starts due east and runs anticlockwise (north, through Qingpu, first).
        return (LineString) shapes.toLonLat(MetricShapes.FACTORY.createLineString(ring));
    }

    /** The part of a line between two fractions of its length. */
    private static Geometry part(LineString line, double from, double to) {
        LengthIndexedLine indexed = new LengthIndexedLine(line);
        double len = line.getLength();
        return indexed.extractLine(from * len, to * len);
    }

    // ----------------------------------------------------------------------------------------------------
    // Wetlands, polders and ponds

    List<FeatureDraft> wetlands(Geometry water) {
        List<FeatureDraft> out = new ArrayList<>();
        out.add(wetland(wetlandGarden(), "水乡湿地", "Water Town wetlands", "1108", "湿地公园 wetland park", "built",
                "2023-10-31"));
        out.add(wetland(shore(yuandang, 250, 120.87, 31.055, 3200), "元荡湖滨湿地", "Yuandang lakeshore wetland",
                "1108", "生态保护红线 ecological red line", "built", "2021-09-28"));
        out.add(wetland(shore(dianshan, 300, 120.93, 31.075, 3500), "淀山湖西岸湿地", "Dianshan west-shore wetland",
                "1106", "生态保护红线 ecological red line", "built", "2019-12-31"));
        out.add(wetland(shore(fenhu, 200, 120.835, 31.012, 2200), "汾湖湖滨湿地", "Fenhu lakeshore wetland", "1108",
                "湿地保护小区 wetland reserve", "built", "2022-05-31"));
        out.add(wetland(shore(xiangfudangNorth, 150, 120.92, 30.944, 1500).union(shore(xiangfudangSouth, 150, 120.927,
                30.927, 1200)), "祥符荡湿地", "Xiangfudang wetland", "1108", "湿地公园 wetland park", "built",
                "2022-10-31"));
        out.add(wetland(shore(taihuInZone, 250, 120.57, 31.06, 5000), "东太湖湖滨湿地", "East Taihu lakeshore wetland",
                "1106", "生态保护红线 ecological red line", "built", "2018-12-31"));
        out.add(wetland(shore(dianshan, 250, 121.0, 31.085, 2000), "淀山湖南岸湿地（拓展）", "Dianshan south-shore wetland"
                + " (extension)", "1108", "规划湿地 planned wetland", "planned", null));
        // Lakeshore bands are outside the lakes already; the garden lies off them too.
        out.replaceAll(f -> feature(f.geometry().difference(water), new LinkedHashMap<>(f.properties())));
        return out;
    }

    private Geometry shore(Geometry lake, double widthM, double lon, double lat, double reachM) {
        Geometry band = shapes.buffer(lake, widthM).difference(lake);
        return band.intersection(shapes.circle(lon, lat, reachM));
    }

    private FeatureDraft wetland(Geometry g, String name, String nameEn, String landcover, String protection,
            String status, String completed) {
        return feature(g, props("name", name, "name_en", nameEn, "district", districtsOf(g), "landcover", landcover,
                "protection", protection, "status", status, "completed", date(completed), "synthetic", true));
    }

    List<FeatureDraft> polderPonds(Geometry water) {
        List<FeatureDraft> out = new ArrayList<>();
        Geometry polder = polderGarden().difference(water);
        out.add(pond(polder, "江南圩田", "Jiangnan polder fields", "polder", "0101"));
        Geometry garden = pondGarden().difference(water);
        Geometry ponds = pondGrid(garden, 120, 80, 22, 30);
        out.add(pond(ponds, "桑基鱼塘·鱼塘", "Mulberry-dyke fish ponds: ponds", "fish-pond", "1104"));
        out.add(pond(garden.difference(ponds), "桑基鱼塘·桑基", "Mulberry-dyke fish ponds: dykes", "mulberry-dyke", "0204"));
        double[][] clusters = {
            {120.585, 31.045, 2600, 1500, 20}, {120.54, 30.98, 2200, 1300, -10}, {120.60, 30.93, 2000, 1400, 35},
            {120.78, 30.93, 1800, 1100, 0}, {120.97, 30.90, 1600, 1200, 15}, {120.99, 31.03, 1400, 900, 40},
            {120.70, 31.05, 1700, 1000, -30}, {120.84, 30.86, 1500, 1000, 25}
        };
        String[] names = {"东太湖鱼塘区", "七都鱼塘区", "震泽鱼塘区", "西塘鱼塘区", "姚庄鱼塘区", "莲湖鱼塘区", "北厍鱼塘区", "天凝鱼塘区"};
        String[] namesEn = {"East Taihu fish ponds", "Qidu fish ponds", "Zhenze fish ponds", "Xitang fish ponds",
            "Yaozhuang fish ponds", "Lianhu fish ponds", "Beishe fish ponds", "Tianning fish ponds"};
        for (int i = 0; i < clusters.length; i++) {
            double[] c = clusters[i];
            Geometry area = shapes.ellipse(c[0], c[1], c[2], c[3], c[4]).difference(water);
            out.add(pond(pondGrid(area, 140, 90, 25, c[4]), names[i], namesEn[i], "fish-pond", "1104"));
        }
        return out;
    }

    /** Rectangular ponds of w × h metres with dykes between them, rotated, inside an area. */
    private Geometry pondGrid(Geometry areaLonLat, double w, double h, double dyke, double rotationDeg) {
        Geometry area = shapes.toMetric(areaLonLat);
        org.locationtech.jts.geom.Envelope e = area.getEnvelopeInternal();
        Coordinate centre = e.centre();
        double reach = Math.hypot(e.getWidth(), e.getHeight()) / 2;
        List<Geometry> cells = new ArrayList<>();
        org.locationtech.jts.geom.util.AffineTransformation rot = org.locationtech.jts.geom.util.AffineTransformation
                .rotationInstance(Math.toRadians(rotationDeg), centre.x, centre.y);
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        for (double x = centre.x - reach; x < centre.x + reach; x += w + dyke) {
            for (double y = centre.y - reach; y < centre.y + reach; y += h + dyke) {
                Geometry cell = rot.transform(MetricShapes.FACTORY.toGeometry(
                        new org.locationtech.jts.geom.Envelope(x, x + w, y, y + h)));
                if (inside.contains(cell)) cells.add(cell);
            }
        }
        return shapes.toLonLat(MetricShapes.FACTORY.buildGeometry(cells));
    }

    private FeatureDraft pond(Geometry g, String name, String nameEn, String kind, String landcover) {
        return feature(g, props("name", name, "name_en", nameEn, "district", districtsOf(g), "kind", kind,
                "landcover", landcover, "synthetic", true));
    }

    // ----------------------------------------------------------------------------------------------------
    // Parks

    List<FeatureDraft> parks(Geometry water) {
        List<FeatureDraft> out = new ArrayList<>();
        out.add(park(shapes.ellipse(120.985, 31.088, 2400, 1500, 25), "青西郊野公园", "Qingxi Country Park", "country",
                "built", "2016-10-01", 0.6, 0.3, 0.1, water));
        out.add(park(shapes.ellipse(121.108, 31.156, 650, 420, 0), "夏阳湖公园", "Xiayang Lake Park", "urban", "built",
                "2012-09-30", 0.45, 0.35, 0.2, water));
        out.add(park(shapes.ellipse(120.655, 31.125, 900, 600, -20), "东太湖生态园", "East Taihu Ecological Park", "urban",
                "built", "2015-05-01", 0.5, 0.35, 0.15, water));
        out.add(park(shapes.ellipse(120.925, 30.842, 420, 300, 10), "嘉善城市公园", "Jiashan City Park", "urban", "built",
                "2010-10-01", 0.4, 0.35, 0.25, water));
        out.add(park(shapes.circle(livingRoom.x + 0.004, livingRoom.y + 0.006, 380), "方厅水院公园", "Fangting Water"
                + " Courtyard Park", "urban", "under_construction", null, 0.35, 0.4, 0.25, water));
        Object[][] rural = {
            {"岑卜村乡村公园", "Cenbu Village rural park", 120.952, 31.052, "built", "2021-06-30"},
            {"蔡浜村乡村公园", "Caibang Village rural park", 120.935, 31.075, "built", "2021-11-30"},
            {"莲湖村乡村公园", "Lianhu Village rural park", 120.985, 31.028, "built", "2022-06-30"},
            {"张马村乡村公园", "Zhangma Village rural park", 121.005, 31.098, "built", "2022-12-31"},
            {"东西村乡村公园", "Dongxi Village rural park", 120.905, 31.025, "built", "2023-09-30"},
            {"沈太村乡村公园", "Shentai Village rural park", 121.07, 31.06, "built", "2024-05-31"},
            // Drawn just across the border, in Jiashan: the Qingpu target does not count it.
            {"大舜乡村公园", "Dashun rural park", 120.93, 31.005, "under_construction", null},
            {"徐练村乡村公园", "Xulian Village rural park", 121.035, 31.005, "planned", null},
            {"章埝村乡村公园", "Zhangnian Village rural park", 121.09, 31.04, "planned", null}
        };
        for (Object[] r : rural) {
            out.add(park(shapes.ellipse((double) r[2], (double) r[3], 320, 220, 15), (String) r[0], (String) r[1], "rural",
                    (String) r[4], (String) r[5], 0.35, 0.45, 0.2, water));
        }
        return out;
    }

    private FeatureDraft park(Geometry g, String name, String nameEn, String kind, String status, String completed,
            double crown, double lawn, double paved, Geometry water) {
        Geometry land = g.difference(water);
        return feature(land, props("name", name, "name_en", nameEn, "district", districtsOf(land), "kind", kind,
                "status", status, "completed", date(completed), "tree_crown_fraction", crown, "lawn_fraction", lawn,
                "paved_fraction", paved, "synthetic", true));
    }

    // ----------------------------------------------------------------------------------------------------
    // PV and energy

    List<FeatureDraft> pvSites(Geometry water) {
        List<FeatureDraft> out = new ArrayList<>();
        // {name, name_en, lon, lat, kind, MW, status, started, completed}
        Object[][] sites = {
            {"普洛斯吴江东太湖35MW渔光互补项目", "GLP Wujiang East Taihu 35 MW fishery PV", 120.588, 31.04, "fishery", 35.0,
                "built", "2022-08-15", "2023-05-30"},
            {"松陵工业区屋顶光伏", "Songling industrial rooftop PV", 120.66, 31.15, "rooftop", 48.0, "built", "2021-03-01",
                "2021-12-20"},
            {"吴江经济技术开发区屋顶光伏（一期）", "Wujiang ETDZ rooftop PV, phase 1", 120.67, 31.12, "rooftop", 62.0, "built",
                "2021-05-10", "2022-06-30"},
            {"吴江经济技术开发区屋顶光伏（二期）", "Wujiang ETDZ rooftop PV, phase 2", 120.68, 31.11, "rooftop", 58.0, "built",
                "2022-09-01", "2023-08-31"},
            {"盛泽纺织园区屋顶光伏", "Shengze textile park rooftop PV", 120.66, 30.885, "rooftop", 86.0, "built",
                "2021-08-01", "2022-12-31"},
            {"七都渔光互补光伏", "Qidu fishery PV", 120.54, 30.985, "fishery", 120.0, "built", "2022-03-01", "2023-10-31"},
            {"震泽渔光互补光伏", "Zhenze fishery PV", 120.60, 30.93, "fishery", 100.0, "built", "2023-02-01", "2024-06-30"},
            {"平望农光互补光伏", "Pingwang agri-PV", 120.62, 30.995, "ground", 50.0, "built", "2023-04-01", "2024-03-31"},
            {"汾湖高新区屋顶光伏", "Fenhu high-tech zone rooftop PV", 120.83, 31.03, "rooftop", 53.0, "built", "2023-06-01",
                "2024-09-30"},
            {"吴江高铁新城车棚光伏", "Wujiang HSR city carport PV", 120.80, 31.07, "carport", 12.0, "built", "2024-01-15",
                "2024-12-31"},
            {"桃源渔光互补光伏（规划）", "Taoyuan fishery PV (planned)", 120.56, 30.84, "fishery", 150.0, "planned", null, null},
            {"同里屋顶光伏（在建）", "Tongli rooftop PV (under construction)", 120.73, 31.15, "rooftop", 40.0,
                "under_construction", "2025-09-01", null},
            {"吴江2019年存量屋顶光伏", "Wujiang rooftop PV built by 2020", 120.65, 31.16, "rooftop", 160.0, "built",
                "2017-06-01", "2019-12-31"},
            {"吴江2020年存量渔光光伏", "Wujiang fishery PV built by 2020", 120.56, 31.0, "fishery", 190.0, "built",
                "2018-06-01", "2020-06-30"},
            {"青浦工业园区屋顶光伏", "Qingpu industrial park rooftop PV", 121.14, 31.14, "rooftop", 46.0, "built",
                "2021-04-01", "2022-03-31"},
            {"徐泾商务区屋顶光伏", "Xujing business district rooftop PV", 121.27, 31.185, "rooftop", 28.0, "built",
                "2022-02-01", "2022-11-30"},
            {"华新物流园屋顶光伏", "Huaxin logistics park rooftop PV", 121.22, 31.235, "rooftop", 34.0, "built",
                "2022-05-01", "2023-06-30"},
            {"练塘渔光互补光伏", "Liantang fishery PV", 121.03, 31.0, "fishery", 40.0, "built", "2023-03-01", "2024-05-31"},
            {"西岑科创中心屋顶光伏", "Xicen innovation centre rooftop PV", 120.948, 31.062, "rooftop", 24.0, "built",
                "2023-09-01", "2024-10-31"},
            {"青浦新城公共建筑光伏（在建）", "Qingpu New City public-building PV (under construction)", 121.12, 31.16,
                "rooftop", 30.0, "under_construction", "2025-06-01", null},
            {"金泽农光互补光伏（规划）", "Jinze agri-PV (planned)", 120.93, 31.03, "ground", 35.0, "planned", null, null},
            {"青浦2020年存量屋顶光伏", "Qingpu rooftop PV built by 2020", 121.16, 31.17, "rooftop", 62.0, "built",
                "2016-06-01", "2020-09-30"},
            {"嘉善经济技术开发区屋顶光伏", "Jiashan ETDZ rooftop PV", 120.94, 30.85, "rooftop", 66.0, "built", "2021-06-01",
                "2022-08-31"},
            {"姚庄渔光互补光伏", "Yaozhuang fishery PV", 120.975, 30.895, "fishery", 70.0, "built", "2022-07-01",
                "2023-09-30"},
            {"天凝屋顶光伏", "Tianning rooftop PV", 120.86, 30.875, "rooftop", 32.0, "built", "2023-03-01", "2024-04-30"},
            {"祥符荡创新中心屋顶光伏", "Xiangfudang innovation centre rooftop PV", 120.93, 30.938, "rooftop", 14.0, "built",
                "2024-02-01", "2025-03-31"},
            {"干窑渔光互补光伏（在建）", "Ganyao fishery PV (under construction)", 120.79, 30.84, "fishery", 45.0,
                "under_construction", "2025-04-01", null},
            {"惠民农光互补光伏（规划）", "Huimin agri-PV (planned)", 120.95, 30.79, "ground", 40.0, "planned", null, null},
            {"嘉善2020年存量光伏", "Jiashan PV built by 2020", 120.91, 30.82, "rooftop", 120.0, "built", "2017-03-01",
                "2020-11-30"}
        };
        for (Object[] s : sites) {
            double mw = (double) s[5];
            // Land per MW: about 0.8 ha on roofs, 1.3 ha on ponds or ground.
            double haPerMw = s[4].equals("rooftop") || s[4].equals("carport") ? 0.8 : 1.3;
            double side = Math.sqrt(mw * haPerMw * 10_000);
            Geometry g = shapes.rectangle((double) s[2], (double) s[3], side * 1.4, side / 1.4, 12).difference(water);
            out.add(feature(g, props("name", s[0], "name_en", s[1], "district", districtsOf(g), "kind", s[4],
                    "capacity_mw", mw, "status", s[6], "started", date((String) s[7]), "completed", date((String) s[8]),
                    "synthetic", true)));
        }
        return out;
    }

    List<FeatureDraft> energySites() {
        List<FeatureDraft> out = new ArrayList<>();
        // {name, name_en, lon, lat, kind, zone, status, completed, MW}
        Object[][] sites = {
            {"方厅水院智慧能源站", "Fangting smart energy station", livingRoom.x + 0.003, livingRoom.y - 0.002,
                "smart-energy-station", "水乡客厅·一点", "built", "2024-06-30", 6.0},
            {"研创古镇智慧能源站", "Jinze smart energy station", 120.918, 31.043, "smart-energy-station", "研创古镇",
                "built", "2023-12-31", 4.0},
            {"智造蓝湾智慧能源站", "Fenhu smart energy station", 120.823, 31.025, "smart-energy-station", "智造蓝湾",
                "under_construction", null, 5.0},
            {"数慧云巷智慧能源站", "Dashun smart energy station", 120.876, 30.987, "smart-energy-station", "数慧云巷",
                "planned", null, 4.0},
            {"高铁新城1号综合能源站", "HSR city integrated energy station 1", 120.79, 31.072, "integrated-energy-station",
                "吴江高铁科创新城", "built", "2023-06-30", 12.0},
            {"高铁新城2号综合能源站", "HSR city integrated energy station 2", 120.805, 31.06, "integrated-energy-station",
                "吴江高铁科创新城", "built", "2024-03-31", 10.0},
            {"高铁新城3号综合能源站", "HSR city integrated energy station 3", 120.78, 31.055, "integrated-energy-station",
                "吴江高铁科创新城", "built", "2024-11-30", 10.0},
            {"高铁新城4号综合能源站", "HSR city integrated energy station 4", 120.81, 31.078, "integrated-energy-station",
                "吴江高铁科创新城", "under_construction", null, 8.0},
            {"高铁新城5号综合能源站", "HSR city integrated energy station 5", 120.775, 31.07, "integrated-energy-station",
                "吴江高铁科创新城", "under_construction", null, 8.0},
            {"高铁新城6号综合能源站", "HSR city integrated energy station 6", 120.796, 31.085, "integrated-energy-station",
                "吴江高铁科创新城", "planned", null, 8.0},
            {"高铁新城7号综合能源站", "HSR city integrated energy station 7", 120.815, 31.05, "integrated-energy-station",
                "吴江高铁科创新城", "planned", null, 8.0},
            {"高铁新城8号综合能源站", "HSR city integrated energy station 8", 120.77, 31.05, "integrated-energy-station",
                "吴江高铁科创新城", "planned", null, 8.0},
            {"青浦新城加氢站", "Qingpu New City hydrogen station", 121.10, 31.14, "hydrogen", null, "built", "2022-08-31",
                null},
            {"嘉善经开区加氢站", "Jiashan ETDZ hydrogen station", 120.945, 30.855, "hydrogen", null, "built", "2021-10-31",
                null},
            {"汾湖超级充电站", "Fenhu fast-charging station", 120.83, 31.012, "charging", null, "built", "2023-04-30", 2.4},
            {"松陵公交充电站", "Songling bus charging depot", 120.648, 31.15, "charging", null, "built", "2022-01-31", 4.8}
        };
        for (Object[] s : sites) {
            Geometry g = MetricShapes.FACTORY.createPoint(new Coordinate((double) s[2], (double) s[3]));
            out.add(feature(g, props("name", s[0], "name_en", s[1], "district", districtAt((double) s[2], (double) s[3]),
                    "kind", s[4], "zone", s[5], "status", s[6], "completed", date((String) s[7]), "capacity_mw", s[8],
                    "synthetic", true)));
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------------------
    // The plan's other countable works: vertical greening, ultra-low-energy buildings, eco-cycle sites and
    // low-carbon factories, as points at real towns. Each target's scope is partly met; a few features lie in
    // the other districts so that a target's scope visibly decides what counts.

    List<FeatureDraft> verticalGreening() {
        // {name, name_en, lon, lat, kind, m², status, completed}
        Object[][] sites = {
            {"青浦区行政中心屋顶绿化", "Qingpu civic centre green roof", 121.113, 31.151, "green-roof", 3200.0, "built",
                "2019-10-31"},
            {"夏阳湖畔垂直绿墙", "Xiayang Lake green wall", 121.105, 31.158, "green-wall", 1000.0, "built", "2020-06-30"},
            {"国家会展中心（上海）屋顶绿化", "National Exhibition and Convention Center green roofs", 121.295, 31.192,
                "green-roof", 8500.0, "built", "2021-09-30"},
            {"徐泾轨交高架桥体绿化", "Xujing metro viaduct greening", 121.265, 31.185, "bridge", 2600.0, "built",
                "2022-05-31"},
            {"华新镇社区中心屋顶绿化", "Huaxin community centre green roof", 121.215, 31.238, "green-roof", 2300.0, "built",
                "2022-10-31"},
            {"赵巷商业区垂直绿化", "Zhaoxiang shopping district green walls", 121.200, 31.160, "green-wall", 3100.0, "built",
                "2023-04-30"},
            {"朱家角游客中心屋顶绿化", "Zhujiajiao visitor centre green roof", 121.052, 31.110, "green-roof", 1800.0, "built",
                "2023-09-30"},
            {"青浦新城站城市综合体立体绿化", "Qingpu New City station complex greening", 121.125, 31.140, "green-wall", 6200.0,
                "built", "2024-06-30"},
            {"西岑科创中心立体绿化（一期）", "Xicen innovation centre greening, phase 1", 120.946, 31.058, "green-roof",
                5400.0, "built", "2024-11-30"},
            {"香花桥工业园区屋顶绿化", "Xianghuaqiao industrial park green roofs", 121.150, 31.195, "green-roof", 2700.0,
                "built", "2025-06-30"},
            {"白鹤镇中心小学屋顶绿化", "Baihe central primary school green roof", 121.148, 31.250, "green-roof", 1000.0,
                "built", "2025-03-31"},
            {"练塘镇公共建筑垂直绿化", "Liantang public buildings green walls", 121.020, 31.012, "green-wall", 1500.0,
                "under_construction", null},
            {"西岑科创中心立体绿化（二期）", "Xicen innovation centre greening, phase 2", 120.950, 31.064, "green-roof",
                5000.0, "under_construction", null},
            {"青浦新城公共建筑屋顶绿化", "Qingpu New City public-building green roofs", 121.130, 31.160, "green-roof",
                5000.0, "planned", null},
            {"金泽古镇桥体绿化", "Jinze old town bridge greening", 120.918, 31.040, "bridge", 1900.0, "planned", null},
            {"松陵公共建筑屋顶绿化", "Songling public-building green roofs", 120.645, 31.140, "green-roof", 4000.0, "built",
                "2022-08-31"},
            {"魏塘街道垂直绿化", "Weitang subdistrict green walls", 120.925, 30.835, "green-wall", 2200.0, "built",
                "2023-06-30"}
        };
        List<FeatureDraft> out = new ArrayList<>();
        for (Object[] s : sites) {
            out.add(site(s, "kind", s[4], "area_m2", s[5], "status", s[6], "completed", date((String) s[7]), "note", null));
        }
        return out;
    }

    List<FeatureDraft> lowEnergyBuildings() {
        // {name, name_en, lon, lat, kind, floor m², status, completed, note}
        Object[][] sites = {
            {"赵巷超低能耗试点住宅", "Zhaoxiang ultra-low-energy pilot housing", 121.205, 31.165, "residential", 9500.0, "built",
                "2022-12-31", "2024年前的试点，不计入每年1个的目标 · a pilot before 2024, outside the yearly target"},
            {"青浦新城超低能耗示范办公楼", "Qingpu New City ultra-low-energy office", 121.118, 31.147, "office", 18000.0,
                "built", "2024-10-31", null},
            {"西岑科创中心超低能耗研发楼", "Xicen ultra-low-energy research building", 120.944, 31.061, "office", 32000.0,
                "built", "2025-09-30", null},
            {"徐泾超低能耗保障性住房", "Xujing ultra-low-energy affordable housing", 121.275, 31.176, "residential", 46000.0,
                "under_construction", null, null},
            {"朱家角超低能耗学校", "Zhujiajiao ultra-low-energy school", 121.055, 31.105, "school", 12000.0, "planned", null,
                null},
            {"枫南社区超低能耗建筑项目", "Fengnan community ultra-low-energy buildings", 120.985, 30.855, "residential",
                54000.0, "built", "2025-11-30", "方案（十）2点名的嘉善项目 · the Jiashan project named in clause (10) 2"},
            {"吴江高铁新城超低能耗展示中心", "Wujiang HSR city ultra-low-energy exhibition centre", 120.797, 31.063, "public",
                8000.0, "built", "2023-08-31", null}
        };
        List<FeatureDraft> out = new ArrayList<>();
        for (Object[] s : sites) {
            out.add(site(s, "kind", s[4], "floor_area_m2", s[5], "status", s[6], "completed", date((String) s[7]), "note",
                    s[8]));
        }
        return out;
    }

    List<FeatureDraft> ecoCycleSites() {
        // {name, name_en, lon, lat, kind, speciality, status, completed}
        Object[][] sites = {
            {"练塘茭白生态循环示范基地", "Liantang water-bamboo eco-cycle base", 121.030, 31.015, "base", "茭白种养循环 water bamboo",
                "built", "2022-06-30"},
            {"白鹤草莓种养循环示范基地", "Baihe strawberry eco-cycle base", 121.155, 31.245, "base", "草莓 strawberries", "built",
                "2022-11-30"},
            {"金泽稻渔共生示范基地", "Jinze rice-fish eco-cycle base", 120.905, 31.050, "base", "稻渔共生 rice and fish", "built",
                "2023-05-31"},
            {"朱家角生态循环示范基地", "Zhujiajiao eco-cycle base", 121.030, 31.090, "base", "种养结合 crops and livestock",
                "built", "2023-10-31"},
            {"香花桥蔬菜循环示范基地", "Xianghuaqiao vegetable eco-cycle base", 121.160, 31.205, "base", "蔬菜 vegetables", "built",
                "2024-06-30"},
            {"重固生态循环示范基地", "Chonggu eco-cycle base", 121.180, 31.200, "base", "秸秆还田 straw return", "built",
                "2025-05-31"},
            {"华新种养结合示范基地", "Huaxin crop-livestock eco-cycle base", 121.210, 31.225, "base", "种养结合 crops and livestock",
                "under_construction", null},
            {"赵巷生态循环示范基地", "Zhaoxiang eco-cycle base", 121.195, 31.155, "base", "林下经济 under-forest farming",
                "planned", null},
            {"练塘生态循环示范镇", "Liantang eco-cycle demonstration town", 121.022, 31.008, "town", "全镇生态循环 the whole town",
                "under_construction", null},
            {"震泽蚕桑生态循环基地", "Zhenze sericulture eco-cycle base", 120.500, 30.920, "base", "桑基鱼塘 mulberry and fish",
                "built", "2021-09-30"}
        };
        List<FeatureDraft> out = new ArrayList<>();
        for (Object[] s : sites) {
            out.add(site(s, "kind", s[4], "speciality", s[5], "status", s[6], "completed", date((String) s[7])));
        }
        return out;
    }

    List<FeatureDraft> lowCarbonFactories() {
        // {name, name_en, lon, lat, kind, status, completed, note}
        Object[][] sites = {
            {"青浦工业园区低碳示范园区", "Qingpu industrial park low-carbon park", 121.140, 31.135, "park", "built", "2023-12-31",
                null},
            {"朱家角工业园区绿色近零碳示范工厂", "Zhujiajiao near-zero-carbon demonstration factory", 121.060, 31.120, "factory",
                "built", "2024-12-20", "方案（八）2：青浦区完成绿色近零碳示范工厂建设 · clause (8) 2"},
            {"吴江纺织循环经济产业园", "Wujiang textile circular-economy park", 120.655, 30.890, "park", "built", "2024-06-30",
                "方案（八）2点名的项目 · named in clause (8) 2"},
            {"吴江经济技术开发区低碳工厂", "Wujiang ETDZ low-carbon factory", 120.675, 31.115, "factory", "under_construction",
                null, null},
            {"嘉善经济技术开发区低碳工厂", "Jiashan ETDZ low-carbon factory", 120.945, 30.860, "factory", "built", "2025-04-30",
                null},
            {"嘉善中新产业园低碳园区", "Jiashan China-Singapore industrial park, low-carbon", 120.900, 30.870, "park", "planned",
                null, null}
        };
        List<FeatureDraft> out = new ArrayList<>();
        for (Object[] s : sites) {
            out.add(site(s, "kind", s[4], "status", s[5], "completed", date((String) s[6]), "note", s[7]));
        }
        return out;
    }

    /** A point feature from a row {name, name_en, lon, lat, ...} with the given further properties. */
    private FeatureDraft site(Object[] row, Object... more) {
        double lon = (double) row[2];
        double lat = (double) row[3];
        Map<String, Object> p = props("name", row[0], "name_en", row[1], "district", districtAt(lon, lat));
        p.putAll(props(more));
        p.put("synthetic", true);
        return feature(MetricShapes.FACTORY.createPoint(new Coordinate(lon, lat)), p);
    }

    // ----------------------------------------------------------------------------------------------------
    // Sink projects

    List<FeatureDraft> sinkProjects(Geometry water) {
        List<FeatureDraft> out = new ArrayList<>();
        out.add(project(shore(yuandang, 300, 120.895, 31.06, 2500).difference(water), "元荡生态岸线修复", "Yuandang"
                + " shoreline ecological restoration", "wetland-restoration", "built", "2020-03-15", "2021-09-28",
                "青浦区生态环境局、吴江区生态环境局", null));
        Geometry taipuBelt = shapes.buffer(taipuLine, 290).difference(shapes.buffer(taipuLine, 95))
                .intersection(shapes.rectangle(120.62, 30.972, 9000, 3000, 0)).difference(water);
        out.add(project(taipuBelt, "太浦河生态廊道造林", "Taipu River ecological corridor afforestation", "afforestation",
                "under_construction", "2022-03-01", null, "吴江区林业站", "两岸各约200米防护林带 · about 200 m of protective"
                        + " forest on each bank"));
        out.add(project(shore(xiangfudangNorth, 180, 120.92, 30.944, 1500).difference(water), "祥符荡湿地修复",
                "Xiangfudang wetland restoration", "wetland-restoration", "built", "2021-05-10", "2022-10-31",
                "嘉善县生态环境分局", null));
        out.add(project(shapes.ellipse(120.998, 31.095, 1100, 700, 25).difference(water), "青西郊野公园二期造林",
                "Qingxi Country Park phase 2 afforestation", "afforestation", "planned", "2026-03-01", null,
                "青浦区绿化和市容管理局", null));
        out.add(project(shore(fenhu, 120, 120.845, 30.99, 2500).difference(water), "汾湖岸线生态化改造",
                "Fenhu shoreline ecological works", "shoreline", "built", "2023-02-20", "2024-06-30",
                "吴江区水务局", null));
        out.add(project(shapes.circle(livingRoom.x - 0.006, livingRoom.y + 0.003, 600).difference(water),
                "方厅水院近零碳绿化", "Fangting near-zero-carbon greening", "urban-greening", "under_construction",
                "2024-10-08", null, "示范区执委会", null));
        return out;
    }

    private FeatureDraft project(Geometry g, String name, String nameEn, String kind, String status, String started,
            String completed, String owner, String note) {
        return feature(g, props("name", name, "name_en", nameEn, "district", districtsOf(g), "kind", kind, "status",
                status, "started", date(started), "completed", date(completed), "owner", owner, "synthetic", true,
                "note", note));
    }
}
