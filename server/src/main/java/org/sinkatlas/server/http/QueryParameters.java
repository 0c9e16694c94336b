package org.sinkatlas.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.UnknownCrsException;

/** Checks a request's query parameters against those its route declares, and reads them strictly. */
public final class QueryParameters {

    private QueryParameters() {}

    /**
     * Refuses any parameter not in {@code allowed} (OGC API Features: 400 for parameters the API does
     * not define) and any parameter given twice.
     */
    public static void requireKnown(Context ctx, Set<String> allowed) {
        Map<String, List<String>> params = ctx.queryParamMap();
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!allowed.contains(e.getKey())) unknown.add(e.getKey());
            else if (e.getValue().size() > 1) {
                throw ApiProblem.badRequest("parameter '" + e.getKey() + "' is given " + e.getValue().size() + " times");
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.unknownParameter("unknown query parameter(s) " + unknown + "; this request accepts "
                    + new TreeSet<>(allowed));
        }
    }

    /** The CRS a parameter names, {@link CrsService#CRS84} when it is absent; 400 naming the parameter when unknown. */
    public static CrsDefinition crs(Context ctx, CrsService crs, String name) {
        String v = ctx.queryParam(name);
        if (v == null) return CrsService.CRS84;
        try {
            return crs.require(v);
        } catch (UnknownCrsException e) {
            throw ApiProblem.badRequest(name + ": " + e.getMessage());
        }
    }

    /** A whole number of at least {@code min}, or null when absent. */
    public static Long integer(Context ctx, String name, long min) {
        String v = ctx.queryParam(name);
        if (v == null) return null;
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be a whole number, not '" + v + "'");
        }
        if (n < min) throw ApiProblem.badRequest(name + " must be at least " + min + ", not " + n);
        return n;
    }
}
