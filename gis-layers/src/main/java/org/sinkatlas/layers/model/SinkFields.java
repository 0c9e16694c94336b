package org.sinkatlas.layers.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The properties in which a layer keeps each feature's stored sink estimate (computed by the service from
 * the feature's land cover with the current standard; see sink-models): the area, the stock, and the
 * medians of the annual figures with the 5th and 95th percentiles of the net. A layer that has them, and
 * a {@code landcover} property, is a sink layer: maps colour its features by {@link #DENSITY}.
 */
public final class SinkFields {

    public static final String LANDCOVER = "landcover";
    public static final String FRACTIONS = "landcover_fractions";
    public static final String PLANNED = "planned_landcover";
    public static final String TREE_CROWN = "tree_crown_fraction";

    public static final String AREA = "sink_area_m2";
    public static final String STOCK = "sink_stock_tc";
    public static final String REMOVAL = "sink_removal_tco2e";
    public static final String METHANE = "sink_methane_tco2e";
    public static final String NET = "sink_net_tco2e";
    public static final String NET_P5 = "sink_net_p5";
    public static final String NET_P95 = "sink_net_p95";
    public static final String DENSITY = "sink_density";
    public static final String STANDARD = "sink_standard";

    private SinkFields() {}

    /** The stored-estimate properties, to add to a layer's own. */
    public static List<PropertyDef> definitions() {
        List<PropertyDef> d = new ArrayList<>();
        d.add(PropertyDef.of(AREA, PropertyType.REAL, "面积（平方米，椭球面）", "Area (m², ellipsoidal)"));
        d.add(PropertyDef.of(STOCK, PropertyType.REAL, "碳储量（吨碳）", "Carbon stock (tC)"));
        d.add(PropertyDef.of(REMOVAL, PropertyType.REAL, "年固碳量（吨CO2当量/年）", "Annual removal (tCO2e/yr)"));
        d.add(PropertyDef.of(METHANE, PropertyType.REAL, "甲烷排放（吨CO2当量/年）", "Methane (tCO2e/yr)"));
        d.add(PropertyDef.of(NET, PropertyType.REAL, "净碳汇（吨CO2当量/年）", "Net sink (tCO2e/yr)"));
        d.add(PropertyDef.of(NET_P5, PropertyType.REAL, "净碳汇第5百分位", "Net sink, 5th percentile"));
        d.add(PropertyDef.of(NET_P95, PropertyType.REAL, "净碳汇第95百分位", "Net sink, 95th percentile"));
        d.add(PropertyDef.of(DENSITY, PropertyType.REAL, "净碳汇密度（吨CO2当量/公顷/年）", "Net sink density (tCO2e/ha/yr)"));
        d.add(PropertyDef.of(STANDARD, PropertyType.STRING, "计算所用标准", "Standard used"));
        return d;
    }

    /** Whether a layer keeps stored sink estimates. */
    public static boolean isSinkLayer(LayerInfo layer) {
        return layer.property(LANDCOVER).isPresent() && layer.property(AREA).isPresent()
                && layer.geometryKind() != GeometryKind.POINT;
    }
}
