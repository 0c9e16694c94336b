package org.sinkatlas.server.viewer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Lang;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.sink.standard.LandCoverCodes;

/**
 * The web map's page ({@code /viewer}, and {@code /} for browsers): the HTML from the jar with the service's
 * public address and the map's settings filled in. Its script and the map library come from the jar too.
 */
public final class ViewerPage {

    /** The layer whose extent the map opens on: the zone's districts. */
    private static final String ZONE_LAYER = "districts";

    /**
     * An optional base map under the service's layers, e.g. 天地图 Tianditu's vector tiles with a key.
     *
     * @param url a raster XYZ template with {z}, {x} and {y}
     */
    public record Basemap(String url, String attribution) {}

    private final LayerStore store;
    private final Urls urls;
    private final Basemap basemap;
    private final String template;

    /** @param basemap the base map, or null for none (the default: no outside requests) */
    public ViewerPage(LayerStore store, Urls urls, Basemap basemap) {
        this.store = store;
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
        // What the map shows people instead of codes: land-cover class names, the published layers' property
        // titles and value labels; and where the zone is, for the first view.
        ObjectNode landcover = config.putObject("landcover");
        LandCoverCodes.all().forEach((code, name) -> landcover.set(code, Json.localized(name)));
        ObjectNode layers = config.putObject("layers");
        Envelope zone = new Envelope();
        for (LayerInfo layer : store.layers()) {
            if (!layer.published()) continue;
            ObjectNode l = layers.putObject(layer.id());
            l.set("title", Json.localized(layer.title()));
            ObjectNode properties = l.putObject("properties");
            for (PropertyDef p : layer.properties()) {
                ObjectNode d = properties.putObject(p.name());
                d.set("title", Json.localized(p.title()));
                if (p.values() != null) {
                    ObjectNode values = d.putObject("values");
                    p.values().forEach((v, label) -> values.set(v, Json.localized(label)));
                }
            }
            if (layer.id().equals(ZONE_LAYER)) {
                Envelope e = store.extent(layer.id()).bbox();
                if (e != null) zone.expandToInclude(e);
            }
        }
        if (!zone.isNull()) config.putArray("bounds").add(zone.getMinX()).add(zone.getMinY()).add(zone.getMaxX()).add(zone.getMaxY());
        // The JSON goes inside a <script>: "</" must not close it.
        String json = Json.write(config).replace("</", "<\\/");
        Responses.html(ctx, template.replace("{{base}}", base).replace("{{config}}", json));
    }
}
