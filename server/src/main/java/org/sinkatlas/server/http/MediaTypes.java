package org.sinkatlas.server.http;

/** The media types the service speaks, in one place. */
public final class MediaTypes {

    public static final String JSON = "application/json";
    public static final String GEOJSON = "application/geo+json";
    public static final String HTML = "text/html";
    public static final String CSV = "text/csv";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    public static final String MVT = "application/vnd.mapbox-vector-tile";
    public static final String PNG = "image/png";
    public static final String MAPLIBRE_STYLE = "application/vnd.mapbox.style+json";
    public static final String SCHEMA_JSON = "application/schema+json";
    public static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";

    private MediaTypes() {}
}
