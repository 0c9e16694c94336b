package org.sinkatlas.server.http;

import org.sinkatlas.layers.model.Localized;

/** What the service calls itself and where it keeps its web assets, for every page and document that says so. */
public final class ServiceInfo {

    public static final Localized TITLE = Localized.of("碳汇一张图", "Sink Atlas");

    public static final Localized DESCRIPTION = Localized.of(
            "长三角生态绿色一体化发展示范区（青浦、吴江、嘉善）生态碳汇的空间数据服务：行政区、重点区域、水域、绿道、林地、湿地、公园、光伏与能源站点、地块及碳汇项目。",
            "Spatial data of the ecological carbon sinks of the Yangtze River Delta Ecological Green Integrated"
                    + " Development Demonstration Zone (Qingpu, Wujiang, Jiashan): districts, key zones, water,"
                    + " greenways, forests, wetlands, parks, PV and energy sites, parcels and sink projects.");

    /** Where the web assets are served: {@code /assets/vendor/maplibre-gl/maplibre-gl.js} and the like. */
    public static final String ASSETS_PATH = "/assets";

    private ServiceInfo() {}
}
