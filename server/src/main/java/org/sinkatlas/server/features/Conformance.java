package org.sinkatlas.server.features;

import java.util.List;

/** The conformance classes the service implements: exactly these, as data. */
public final class Conformance {

    public static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    public static final String OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
    public static final String HTML = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html";
    public static final String GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    public static final String CRS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";

    // OGC API - Features - Part 3: Filtering (OGC 19-079r2).
    public static final String QUERYABLES = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables";
    public static final String QUERYABLES_QUERY_PARAMETERS =
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters";
    public static final String FILTER = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter";
    public static final String FEATURES_FILTER = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter";

    // Common Query Language CQL2 (OGC 21-065r2): what the parsers and both store engines implement. Not
    // implemented: accent-insensitive comparison, array functions, property-property comparisons, custom
    // functions and arithmetic.
    public static final String CQL2_TEXT = "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text";
    public static final String CQL2_JSON = "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json";
    public static final String BASIC_CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2";
    public static final String ADVANCED_COMPARISON = "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators";
    public static final String CASE_INSENSITIVE = "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison";
    public static final String BASIC_SPATIAL = "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions";
    public static final String BASIC_SPATIAL_PLUS = "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus";
    public static final String SPATIAL = "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions";
    public static final String TEMPORAL = "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions";

    public static final List<String> CLASSES = List.of(CORE, OAS30, HTML, GEOJSON, CRS, QUERYABLES,
            QUERYABLES_QUERY_PARAMETERS, FILTER, FEATURES_FILTER, CQL2_TEXT, CQL2_JSON, BASIC_CQL2, ADVANCED_COMPARISON,
            CASE_INSENSITIVE, BASIC_SPATIAL, BASIC_SPATIAL_PLUS, SPATIAL, TEMPORAL);

    private Conformance() {}
}
