package org.sinkatlas.layers.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The properties of a sink layer: what the service reads to estimate a feature (its land cover, mix, planned
 * land cover, crown share, and land-use history) and what it keeps with each feature (computed with the
 * current standard; see sink-models): the area, and the headline of every figure, the mean of the Monte
 * Carlo draws, with the 5th and 95th percentiles of the net. Net is exactly removal less methane less
 * nitrous oxide. A layer that has {@code landcover} and {@link #AREA} is a sink layer: maps colour its
 * features by {@link #DENSITY}.
 */
public final class SinkFields {

    public static final String LANDCOVER = "landcover";
    public static final String FRACTIONS = "landcover_fractions";
    public static final String PLANNED = "planned_landcover";
    public static final String TREE_CROWN = "tree_crown_fraction";
    /** The date the current land cover began (planting, conversion); kept by the service when an edit changes it. */
    public static final String LANDUSE_SINCE = "landuse_since";
    /** The land cover before {@link #LANDUSE_SINCE}. */
    public static final String PREVIOUS = "previous_landcover";

    public static final String AREA = "sink_area_m2";
    public static final String STOCK = "sink_stock_tc";
    public static final String REMOVAL = "sink_removal_tco2e";
    public static final String METHANE = "sink_methane_tco2e";
    public static final String N2O = "sink_n2o_tco2e";
    public static final String NET = "sink_net_tco2e";
    public static final String NET_P5 = "sink_net_p5";
    public static final String NET_P95 = "sink_net_p95";
    public static final String DENSITY = "sink_density";
    public static final String STANDARD = "sink_standard";
    public static final String GWP = "sink_gwp";
    public static final String YEAR = "sink_year";
    /**
     * How the sink may be counted: {@code ccer-eligible}, {@code ccer-undetermined} or {@code ccer-not-eligible} for
     * a CCER afforestation candidate after the standard's screen, else the category of its land cover (such as
     * {@code ecological-accounting}).
     */
    public static final String ELIGIBILITY = "sink_eligibility";
    /** The plan against today: the planned land cover's net less the current one's in {@link #PLAN_YEAR}, tCO2e/yr. */
    public static final String PLAN_DIFF = "sink_plan_diff_tco2e";
    /** The year the map compares the plan with today: the peak the 2022 plan aims at comes before 2030. */
    public static final int PLAN_YEAR = 2030;

    private SinkFields() {}

    /** The stored-estimate properties, to add to a layer's own. */
    public static List<PropertyDef> definitions() {
        List<PropertyDef> d = new ArrayList<>();
        d.add(PropertyDef.of(AREA, PropertyType.REAL, "面积（平方米，椭球面）", "Area (m², ellipsoidal)"));
        d.add(PropertyDef.of(STOCK, PropertyType.REAL, "碳储量（吨碳，抽样均值）", "Carbon stock (tC, mean of the draws)"));
        d.add(PropertyDef.of(REMOVAL, PropertyType.REAL, "年固碳量（吨CO2/年，抽样均值）", "Annual removal (tCO2/yr, mean of the draws)"));
        d.add(PropertyDef.of(METHANE, PropertyType.REAL, "甲烷排放（吨CO2当量/年，抽样均值）", "Methane (tCO2e/yr, mean of the draws)"));
        d.add(PropertyDef.of(N2O, PropertyType.REAL, "氧化亚氮排放（吨CO2当量/年，抽样均值）", "Nitrous oxide (tCO2e/yr, mean of the draws)"));
        d.add(PropertyDef.of(NET, PropertyType.REAL, "净碳汇（吨CO2当量/年，抽样均值）", "Net sink (tCO2e/yr, mean of the draws)"));
        d.add(PropertyDef.of(NET_P5, PropertyType.REAL, "净碳汇第5百分位", "Net sink, 5th percentile"));
        d.add(PropertyDef.of(NET_P95, PropertyType.REAL, "净碳汇第95百分位", "Net sink, 95th percentile"));
        d.add(PropertyDef.of(DENSITY, PropertyType.REAL, "净碳汇密度（吨CO2当量/公顷/年）", "Net sink density (tCO2e/ha/yr)"));
        d.add(PropertyDef.of(STANDARD, PropertyType.STRING, "计算所用标准", "Standard used"));
        d.add(PropertyDef.of(GWP, PropertyType.STRING, "全球增温潜势（GWP）组", "GWP set"));
        d.add(PropertyDef.of(YEAR, PropertyType.INTEGER, "核算年份", "Year accounted"));
        d.add(PropertyDef.of(ELIGIBILITY, PropertyType.STRING, "计入方式（生态核算 / CCER 筛查结果）",
                "Counted as (ecological accounting / CCER screen)"));
        d.add(PropertyDef.of(PLAN_DIFF, PropertyType.REAL, "规划情景与现状净碳汇之差（" + PLAN_YEAR + "年，吨CO2当量/年）",
                "Plan less today, net sink in " + PLAN_YEAR + " (tCO2e/yr)"));
        return d;
    }

    /** The land-use history properties a sink layer keeps for its estimates. */
    public static List<PropertyDef> historyDefinitions() {
        return List.of(PropertyDef.of(LANDUSE_SINCE, PropertyType.DATE, "现状地类起始日期（造林、转换）",
                        "Current land cover since (planting, conversion)"),
                PropertyDef.of(PREVIOUS, PropertyType.STRING, "此前地类（GB/T 21010-2017 编码）", "Previous land cover (GB/T 21010-2017)"));
    }

    /** Whether a layer keeps stored sink estimates. */
    public static boolean isSinkLayer(LayerInfo layer) {
        return layer.property(LANDCOVER).isPresent() && layer.property(AREA).isPresent()
                && layer.geometryKind() != GeometryKind.POINT;
    }
}
