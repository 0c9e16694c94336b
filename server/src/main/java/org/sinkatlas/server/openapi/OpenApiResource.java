package org.sinkatlas.server.openapi;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.sinkatlas.server.features.FeaturesApi;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Urls;

/** Serves the API definition ({@code /api}, OpenAPI 3.0 JSON) and its HTML documentation ({@code /api.html}). */
public final class OpenApiResource {

    private final Supplier<List<ApiRoute>> routes;
    private final FeaturesApi features;
    private final Urls urls;
    private final String version;

    public OpenApiResource(Supplier<List<ApiRoute>> routes, FeaturesApi features, Urls urls,
            String version) {
        this.routes = routes;
        this.features = features;
        this.urls = urls;
        this.version = version;
    }

    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute("/api", "getApiDefinition", "API definition, OpenAPI 3.0 · 接口定义", "Capabilities",
                        List.of(), List.of(MediaTypes.OPENAPI_JSON), false, this::definition),
                new ApiRoute("/api.html", "getApiDocumentation", "API documentation · 接口文档", "Capabilities",
                        List.of(), List.of(MediaTypes.HTML), false, this::documentation));
    }

    private void definition(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Responses.json(ctx, MediaTypes.OPENAPI_JSON, OpenApiDocument.build(urls.base(ctx), version, routes.get(),
                features.publishedLayers()));
    }

    private void documentation(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Responses.html(ctx, ApiDocumentationPage.of(urls.base(ctx), routes.get()));
    }
}
