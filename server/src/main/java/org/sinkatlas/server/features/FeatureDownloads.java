package org.sinkatlas.server.features;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.transfer.FeatureFormat;
import org.sinkatlas.layers.transfer.LayerExport;
import org.sinkatlas.layers.transfer.LayerImport;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.server.http.Responses;

/**
 * Downloads of a collection's items as files: {@code f=gpkg}, {@code f=shp} (a zipped shapefile) or {@code f=csv}
 * on {@code /collections/{id}/items}, with the same filters and {@code crs} as the GeoJSON pages. Without a
 * {@code limit} a download holds every matching feature (not one page); the file is named after the collection.
 */
final class FeatureDownloads {


    /** The formats offered besides GeoJSON, by their {@code f} value. */
    static final List<FeatureFormat> FORMATS = List.of(FeatureFormat.GEOPACKAGE, FeatureFormat.SHAPEFILE, FeatureFormat.CSV);

    private final LayerStore store;
    private final CrsService crs;

    FeatureDownloads(LayerStore store, CrsService crs) {
        this.store = store;
        this.crs = crs;
    }

    /** The download format a request asks for with {@code f}, if it asks for one. */
    static Optional<FeatureFormat> requested(Context ctx) {
        String f = ctx.queryParam("f");
        if (f == null) return Optional.empty();
        String key = f.toLowerCase(Locale.ROOT);
        return FORMATS.stream().filter(x -> x.key().equals(key)).findFirst();
    }

    static List<String> keys() {
        return FORMATS.stream().map(FeatureFormat::key).toList();
    }

    static List<String> mediaTypes() {
        return FORMATS.stream().map(FeatureFormat::mediaType).toList();
    }

    /** Links to the downloads of a collection, for its description. */
    static List<Link> links(String itemsUrl) {
        List<Link> links = new ArrayList<>();
        for (FeatureFormat f : FORMATS) {
            links.add(Link.of(itemsUrl + "?f=" + f.key(), "enclosure", f.mediaType(), "All features as " + f.title()));
        }
        return links;
    }

    /** Streams the selected features as a file of the format. */
    void send(Context ctx, LayerInfo layer, ItemsRequest req, FeatureFormat format) {
        if (req.properties() != null) {
            throw ApiProblem.badRequest("properties chooses what a GeoJSON or HTML page shows; a download holds every"
                    + " property of the layer (leave properties out)");
        }
        long limit = ctx.queryParam("limit") == null ? FeatureQuery.UNLIMITED : req.limit();
        FeatureQuery query = new FeatureQuery(req.filter(), req.offset(), limit);
        ctx.status(200);
        ctx.contentType(format.mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + layer.id() + format.extension() + "\"");
        ctx.header("Content-Crs", "<" + req.crs().uri() + ">");
        Responses.stream(ctx, out -> new LayerExport(store, crs).run(layer.id(), query, format, req.crs(), out,
                LayerImport.Progress.NONE));
    }
}
