package org.sinkatlas.server.features;

import java.util.List;

/** The conformance classes the service implements: exactly these, as data. */
public final class Conformance {

    public static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    public static final String OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
    public static final String HTML = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html";
    public static final String GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    public static final String CRS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";

    public static final List<String> CLASSES = List.of(CORE, OAS30, HTML, GEOJSON, CRS);

    private Conformance() {}
}
