package org.sinkatlas.server.search;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Format;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Urls;

/**
 * {@code /search?q=}: features of the layers the caller may see whose name (Chinese or English) contains
 * the text, or whose code (a parcel's, e.g. {@code QP-004211}) is it; each with its layer, id and box, so
 * that the map can fly there. Exact codes come first, then names, layer by layer.
 */
public final class SearchApi {

    static final int MAX_RESULTS = 20;
    private static final List<String> NAME_PROPERTIES = List.of("name", "name_en");
    private static final String CODE = "code";

    private final LayerStore store;
    private final Access access;
    private final Urls urls;

    public SearchApi(LayerStore store, Access access, Urls urls) {
        this.store = store;
        this.access = access;
        this.urls = urls;
    }

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        return List.of(new ApiRoute("/search", "search", "Find places and parcels by name or code · 按名称或编号查找",
                "Data", List.of(ApiParameter.query("q", "Text in a name, or a parcel code (1 to 100 characters:"
                        + " one Chinese character, 淀, is a query).", n.objectNode().put("type", "string").put("minLength", 1)
                        .put("maxLength", 100))),
                List.of(MediaTypes.JSON, MediaTypes.HTML), false, this::search));
    }

    private void search(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("q", "f"));
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (q.isEmpty() || q.codePointCount(0, q.length()) > 100) {
            throw ApiProblem.badRequest("q must have 1 to 100 characters");
        }
        // LIKE's own characters in the text are matched as themselves.
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<LayerInfo> layers = access.visibleLayers(ctx);
        List<ObjectNode> found = new ArrayList<>();
        for (LayerInfo layer : layers) {
            if (layer.property(CODE).isPresent()) collect(layer, new Filter.Compare(CODE, ComparisonOp.EQ, q.toUpperCase()), found);
        }
        for (LayerInfo layer : layers) {
            List<Filter> names = new ArrayList<>();
            for (String p : NAME_PROPERTIES) if (layer.property(p).isPresent()) names.add(new Filter.Like(p, pattern, true));
            if (!names.isEmpty()) collect(layer, names.size() == 1 ? names.get(0) : new Filter.Or(names), found);
        }
        List<ObjectNode> shown = found.stream().limit(MAX_RESULTS).toList();
        if (Format.of(ctx) == Format.HTML) {
            Responses.html(ctx, SearchPage.search(urls.base(ctx), q, shown));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("q", q);
        body.putArray("results").addAll(shown);
        Responses.json(ctx, body);
    }

    private void collect(LayerInfo layer, Filter filter, List<ObjectNode> found) {
        if (found.size() >= MAX_RESULTS) return;
        try (StoreCursor<Feature> c = store.query(layer.id(), new FeatureQuery(filter, 0, MAX_RESULTS - found.size()))) {
            while (c.hasNext()) {
                Feature f = c.next();
                ObjectNode r = Json.MAPPER.createObjectNode();
                r.put("collection", layer.id());
                r.put("collection_title_zh", layer.title().zh()).put("collection_title_en", layer.title().en());
                r.put("id", f.id());
                Object name = f.property("name") != null ? f.property("name") : f.property(CODE);
                r.put("name", name == null ? "#" + f.id() : name.toString());
                if (f.property("name_en") != null) r.put("name_en", f.property("name_en").toString());
                Envelope e = f.geometry().getEnvelopeInternal();
                r.putArray("bbox").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
                found.add(r);
            }
        }
    }
}
