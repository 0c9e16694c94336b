package org.sinkatlas.server.features;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.UnknownCrsException;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.filter.TimeInterval;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.QueryParameters;

/**
 * The parsed query of an items request: the filter (bbox in any supported CRS, datetime, property
 * equality), the page (offset, limit clamped to the maximum) and the response CRS. Every bad value is an
 * {@link ApiProblem} naming the parameter and the reason.
 */
public record ItemsRequest(Filter filter, long offset, long limit, CrsDefinition crs, Map<String, String> echo) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 100_000;

    /** Parameters every items request may carry besides the collection's property names. */
    static final List<String> NAMES = List.of("f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs");

    public static ItemsRequest parse(Context ctx, LayerInfo layer, CrsService crsService) {
        Map<String, String> echo = new LinkedHashMap<>();
        Long limitParam = QueryParameters.integer(ctx, "limit", 1);
        long limit = limitParam == null ? DEFAULT_LIMIT : Math.min(limitParam, MAX_LIMIT);
        long offset = orZero(QueryParameters.integer(ctx, "offset", 0));

        CrsDefinition crs = crs(ctx, crsService, "crs");
        CrsDefinition bboxCrs = crs(ctx, crsService, "bbox-crs");
        List<Filter> parts = new ArrayList<>();
        String bbox = ctx.queryParam("bbox");
        if (bbox != null) {
            parts.add(bboxFilter(bbox, bboxCrs, crsService));
            echo.put("bbox", bbox);
            if (ctx.queryParam("bbox-crs") != null) echo.put("bbox-crs", ctx.queryParam("bbox-crs"));
        } else if (ctx.queryParam("bbox-crs") != null) {
            throw ApiProblem.badRequest("bbox-crs is given without bbox");
        }
        String datetime = ctx.queryParam("datetime");
        if (datetime != null) {
            TimeInterval interval;
            try {
                interval = TimeInterval.parse(datetime);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("datetime: " + e.getMessage());
            }
            // A collection without a time has nothing to filter (its extent has no temporal part).
            if (layer.temporalProperty() != null) parts.add(new Filter.During(layer.temporalProperty(), interval));
            echo.put("datetime", datetime);
        }
        for (PropertyDef p : layer.properties()) {
            String v = ctx.queryParam(p.name());
            if (v == null) continue;
            Object typed;
            try {
                typed = p.type().coerce(v);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(p.name() + ": " + e.getMessage());
            }
            if (p.type() == org.sinkatlas.layers.model.PropertyType.JSON) {
                throw ApiProblem.badRequest(p.name() + " is a JSON property and cannot be filtered by value");
            }
            parts.add(new Filter.Compare(p.name(), ComparisonOp.EQ, typed));
            echo.put(p.name(), v);
        }
        if (ctx.queryParam("crs") != null) echo.put("crs", ctx.queryParam("crs"));
        return new ItemsRequest(Filter.and(parts.toArray(Filter[]::new)), offset, limit, crs, echo);
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private static CrsDefinition crs(Context ctx, CrsService crsService, String param) {
        String v = ctx.queryParam(param);
        if (v == null) return CrsService.CRS84;
        try {
            return crsService.require(v);
        } catch (UnknownCrsException e) {
            throw ApiProblem.badRequest(param + ": " + e.getMessage());
        }
    }

    /** A bbox in its CRS's axis order, as a filter in the storage CRS. */
    static Filter bboxFilter(String text, CrsDefinition crs, CrsService crsService) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiProblem.badRequest("bbox must have 4 numbers (or 6 with heights), got " + parts.length + ": '"
                    + text + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("bbox value #" + (i + 1) + " '" + parts[i] + "' is not a number");
            }
        }
        try {
            return new Filter.Intersects(crsService.boxToStorage(v, crs));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("bbox '" + text + "': " + e.getMessage());
        }
    }
}
