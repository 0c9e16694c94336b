package org.sinkatlas.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;

/** {@code /health}: 200 when the store answers, 503 when it does not (for load balancers and operators). */
final class HealthResource {

    private final LayerStore store;

    HealthResource(LayerStore store) {
        this.store = store;
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute("/health", "getHealth", "Service health · 服务状态", "Capabilities", List.of(),
                List.of(MediaTypes.JSON), false, this::health));
    }

    private void health(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode s = body.putObject("store").put("engine", store.engine());
        try {
            store.ping();
            body.put("status", "ok");
            s.put("reachable", true);
            body.put("layers", store.layers().size());
            ctx.status(200);
        } catch (StoreUnavailableException e) {
            body.put("status", "unavailable");
            s.put("reachable", false);
            s.put("detail", e.getMessage());
            ctx.status(503);
        }
        Responses.json(ctx, body);
    }
}
