package org.sinkatlas.server.features;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Cql2Binder;
import org.sinkatlas.layers.filter.Cql2Encoding;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.filter.TimeInterval;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.QueryParameters;

/**
 * The parsed query of an items request: the filter (bbox in any supported CRS, datetime, property and id
 * equality, a CQL2 filter, all combined by AND), the page (offset, limit clamped to the maximum) and the
 * response CRS, and the properties to return (null: all). Every bad value is an {@link ApiProblem} naming the parameter and the reason.
 */
public record ItemsRequest(Filter filter, long offset, long limit, CrsDefinition crs, List<String> properties,
        Map<String, String> echo) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 100_000;

    /** Parameters every items request may carry besides the collection's property names. */
    static final List<String> NAMES = List.of("f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "id",
            "filter", "filter-lang", "filter-crs", "properties");

    public static ItemsRequest parse(Context ctx, LayerInfo layer, CrsService crsService) {
        Map<String, String> echo = new LinkedHashMap<>();
        Long limitParam = QueryParameters.integer(ctx, "limit", 1);
        long limit = limitParam == null ? DEFAULT_LIMIT : Math.min(limitParam, MAX_LIMIT);
        long offset = orZero(QueryParameters.integer(ctx, "offset", 0));

        CrsDefinition crs = QueryParameters.crs(ctx, crsService, "crs");
        CrsDefinition bboxCrs = QueryParameters.crs(ctx, crsService, "bbox-crs");
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
        Long id = QueryParameters.integer(ctx, Cql2Binder.ID, 0);
        if (id != null) {
            parts.add(new Filter.Compare(Cql2Binder.ID, ComparisonOp.EQ, id));
            echo.put(Cql2Binder.ID, ctx.queryParam(Cql2Binder.ID));
        }
        parts.add(cql2(ctx, layer, crsService, echo));
        if (ctx.queryParam("crs") != null) echo.put("crs", ctx.queryParam("crs"));
        List<String> properties = properties(ctx, layer);
        if (properties != null) echo.put("properties", ctx.queryParam("properties"));
        return new ItemsRequest(Filter.and(parts.toArray(Filter[]::new)), offset, limit, crs, properties, echo);
    }

    /** {@code properties}: a comma-separated list of the layer's property names, empty for none; null when absent. */
    private static List<String> properties(Context ctx, LayerInfo layer) {
        String text = ctx.queryParam("properties");
        if (text == null) return null;
        List<String> names = text.isBlank() ? List.of() : Arrays.stream(text.split(",", -1)).map(String::trim).toList();
        layer.withOnly(names);
        return names;
    }

    /**
     * The CQL2 {@code filter} (OGC API Features Part 3) in its {@code filter-lang} (cql2-text by default),
     * with geometry literals in {@code filter-crs} (CRS84 by default); {@link Filter#ALL} when absent.
     */
    private static Filter cql2(Context ctx, LayerInfo layer, CrsService crsService, Map<String, String> echo) {
        String text = ctx.queryParam("filter");
        String lang = ctx.queryParam("filter-lang");
        String filterCrs = ctx.queryParam("filter-crs");
        if (text == null) {
            if (lang != null) throw ApiProblem.badRequest("filter-lang is given without filter");
            if (filterCrs != null) throw ApiProblem.badRequest("filter-crs is given without filter");
            return Filter.ALL;
        }
        Cql2Encoding encoding = lang == null ? Cql2Encoding.TEXT : Cql2Encoding.byName(lang).orElseThrow(() ->
                ApiProblem.badRequest("filter-lang: unknown filter language '" + lang + "'; this service reads "
                        + Cql2Encoding.TEXT.filterLang() + " (the default) and " + Cql2Encoding.JSON.filterLang()));
        CrsDefinition crs = QueryParameters.crs(ctx, crsService, "filter-crs");
        Filter filter = new Cql2Binder(layer, crsService, crs).bind(encoding.parse(text));
        echo.put("filter", text);
        if (lang != null) echo.put("filter-lang", lang);
        if (filterCrs != null) echo.put("filter-crs", filterCrs);
        return filter;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
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
