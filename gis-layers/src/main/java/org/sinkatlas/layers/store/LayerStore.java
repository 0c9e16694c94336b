package org.sinkatlas.layers.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;

/**
 * The one storage interface of Sink Atlas. Engines: {@code GeoPackageStore} (embedded, one file) and a
 * PostGIS engine; the same contract test suite runs against each.
 *
 * <p>Contract: geometries go in and come out in the storage CRS (OGC CRS84, lon/lat). Reads are
 * ordered by feature id, so offset paging is stable. Every write runs in one transaction through
 * {@link #write}: it either happens whole or not at all, gives the feature a new version, and adds a
 * history row. Filters are turned into queries with bound parameters only. All methods are safe to
 * call from many threads; a {@link StoreCursor} belongs to the thread that opened it.
 *
 * <p>Failures carry their {@link org.sinkatlas.layers.fault.FaultKind}: {@link NotFoundException} for an
 * unknown layer or feature, {@link LayerExistsException} for a layer id or title in use, {@link VersionConflictException}
 * when an expected version is stale, {@link InvalidFeatureException} for data that does not fit the
 * layer, {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface LayerStore extends AutoCloseable {

    /** The engine's name, {@code geopackage} or {@code postgis}. */
    String engine();

    /** Checks that the store answers now. @throws StoreUnavailableException when it does not */
    void ping();

    /** All layers, in the order they were created. */
    List<LayerInfo> layers();

    /** The layer with that id, or empty; drafts included (who may see them is the caller's decision). */
    Optional<LayerInfo> layer(String layerId);

    /** Creates an empty layer. @throws LayerExistsException when a layer has that id (or, in a GeoPackage, that title) */
    void createLayer(LayerInfo layer);

    /** Changes a layer's title, description, publication or attribution; its id, kind and properties stay. */
    void updateLayer(LayerInfo layer);

    /**
     * Adds properties to a layer (empty in every feature until written): how a new version of the service
     * adds what it keeps with a layer made by an older one. Properties the layer has already are left as
     * they are. @throws IllegalArgumentException when one has the name of an existing property of another type
     */
    void addProperties(String layerId, List<PropertyDef> properties);

    /** Deletes a layer with its features and history. @throws NotFoundException for an unknown layer */
    void dropLayer(String layerId);

    /** Deletes every layer: undoes a fill of a new store that failed half way. */
    default void dropAllLayers() {
        for (LayerInfo layer : layers()) dropLayer(layer.id());
    }

    /** The checks every feature written to this store passes; parts of the service add their rules here. */
    FeatureRules rules();

    /** The layer's bounding box (CRS84) and time span, empty when it has no features. @throws NotFoundException for an unknown layer */
    LayerExtent extent(String layerId);

    /** How many features match the filter ({@link Filter#ALL} for all). @throws NotFoundException for an unknown layer */
    long count(String layerId, Filter filter);

    /** Opens a streaming read; the caller closes the cursor. */
    StoreCursor<Feature> query(String layerId, FeatureQuery query);

    /** The current version of one feature, or empty when there is none (never was, or deleted). @throws NotFoundException for an unknown layer */
    Optional<Feature> feature(String layerId, long featureId);

    /**
     * Runs writes in one transaction: committed when {@code work} returns, rolled back when it throws.
     *
     * @param author who is writing, kept in history
     */
    <T> T write(String author, WriteWork<T> work);

    /** Every version of a feature, oldest first, including the current one and a delete tombstone. */
    List<FeatureVersion> history(String layerId, long featureId);

    /**
     * Sums features' stored areas by group and class (see {@link AreaSumQuery}). Engines may answer in their
     * own query language; the numbers are the same as this default, which streams features through Java.
     */
    default List<AreaSum> sumAreas(String layerId, AreaSumQuery query) {
        return AreaSums.compute(this, layerId, query);
    }

    /**
     * A vector tile of a layer made by the engine itself, when it can (PostGIS does, with ST_AsMVT); empty
     * when the caller is to encode the features itself, as for the embedded engine.
     *
     * @return the tile's bytes, an empty byte array for a tile with no features
     */
    default Optional<byte[]> vectorTile(String layerId, VectorTileQuery query) {
        return Optional.empty();
    }

    /** Every history row of a layer, by feature id then version, streamed; the caller closes it. */
    StoreCursor<FeatureVersion> historyOf(String layerId);

    /** Appends a service record in a transaction of its own; returns it with its id and time. */
    default ServiceRecord appendRecord(String kind, Map<String, ?> body, String author) {
        return write(author, w -> w.appendRecord(kind, body));
    }

    /** Every service record of a kind, oldest first; every record of every kind when {@code kind} is null. */
    List<ServiceRecord> records(String kind);

    /**
     * Calls {@code listener} after every committed write with what it changed (on the writing thread, after
     * the commit). Layer definitions changed or dropped are whole-layer changes.
     */
    void addChangeListener(Consumer<StoreChange> listener);

    /** Releases connections and files. */
    @Override
    void close();
}
