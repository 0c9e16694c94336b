package org.sinkatlas.server.viewer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Lang;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Urls;

/**
 * The web map's page ({@code /viewer}, and {@code /} for browsers): the HTML from the jar with the service's
 * public address and the map's settings filled in. Its script and the map library come from the jar too.
 */
public final class ViewerPage {

    /**
     * An optional base map under the service's layers, e.g. 天地图 Tianditu's vector tiles with a key.
     *
     * @param url a raster XYZ template with {z}, {x} and {y}
     */
    public record Basemap(String url, String attribution) {}

    private final Urls urls;
    private final Basemap basemap;
    private final String template;

    /** @param basemap the base map, or null for none (the default: no outside requests) */
    public ViewerPage(Urls urls, Basemap basemap) {
        this.urls = urls;
        this.basemap = basemap;
        try (InputStream in = ViewerPage.class.getResourceAsStream("/web/viewer/index.html")) {
            if (in == null) throw new IllegalStateException("/web/viewer/index.html is missing from the jar");
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ApiRoute> routes() {
        return List.of(new ApiRoute("/viewer", "getViewer", "The web map · 网络地图", "Map", List.of(),
                List.of(MediaTypes.HTML), false, this::page));
    }

    /** Answers the map page (also used for {@code /} when a browser asks). */
    public void page(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("layer", "ids"));
        String base = urls.base(ctx);
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("base", base);
        config.put("lang", "en".equals(Lang.of(ctx)) ? "en" : "zh");
        if (basemap != null) config.putObject("basemap").put("url", basemap.url()).put("attribution", basemap.attribution());
        // The JSON goes inside a <script>: "</" must not close it.
        String json = Json.write(config).replace("</", "<\\/");
        Responses.html(ctx, template.replace("{{base}}", base).replace("{{config}}", json));
    }
}
