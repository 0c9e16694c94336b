package org.sinkatlas.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sinkatlas.server.http.Role;

/**
 * One route of the API, declared once: Javalin registers its handler, the OpenAPI document is written
 * from it, its query parameters are the only ones a request may carry, and its role is the least a caller
 * needs.
 *
 * @param path           Javalin path, e.g. {@code /collections/{collectionId}/items}
 * @param responseTypes  media types of a successful answer
 * @param perCollection  the OpenAPI document lists this route once per collection, with the collection's
 *                       property filters
 * @param requestType    media type of the request body, or null when it has none
 * @param okStatus       the status of a successful answer (200, or 202 when work is started)
 * @param role           the least role a caller needs; checked before the handler runs, and written into
 *                       the OpenAPI document as the route's security requirement
 */
public record ApiRoute(HandlerType method, String path, String operationId, String summary, String tag,
        List<ApiParameter> parameters, List<String> responseTypes, boolean perCollection, String requestType,
        int okStatus, Handler handler, Role role) {

    /** A route open to everyone. */
    public ApiRoute(HandlerType method, String path, String operationId, String summary, String tag,
            List<ApiParameter> parameters, List<String> responseTypes, boolean perCollection, String requestType,
            int okStatus, Handler handler) {
        this(method, path, operationId, summary, tag, parameters, responseTypes, perCollection, requestType, okStatus,
                handler, Role.ANONYMOUS);
    }

    /** A GET route. */
    public ApiRoute(String path, String operationId, String summary, String tag, List<ApiParameter> parameters,
            List<String> responseTypes, boolean perCollection, Handler handler) {
        this(HandlerType.GET, path, operationId, summary, tag, parameters, responseTypes, perCollection, null, 200, handler);
    }

    /** This route, for callers with at least {@code least}. */
    public ApiRoute requiring(Role least) {
        return new ApiRoute(method, path, operationId, summary, tag, parameters, responseTypes, perCollection, requestType,
                okStatus, handler, least);
    }

    /** The query parameters this route accepts. */
    public Set<String> queryNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ApiParameter p : parameters) {
            if (p.in().equals("query")) names.add(p.name());
        }
        return names;
    }
}
