package org.sinkatlas.layers.testing;

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
import org.sinkatlas.layers.store.AreaSum;
import org.sinkatlas.layers.store.AreaSumQuery;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.FeatureRules;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.layers.store.StoreChange;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.VectorTileQuery;
import org.sinkatlas.layers.store.WriteWork;

/**
 * A real store seen through a wrapper, for tests that make something happen at a chosen moment (a disk that
 * fails, an edit that lands during a read): override the calls to change. Closing leaves the store open.
 */
public class DelegatingStore implements LayerStore {

    protected final LayerStore inner;

    public DelegatingStore(LayerStore inner) {
        this.inner = inner;
    }

    @Override public String engine() { return inner.engine(); }
    @Override public void ping() { inner.ping(); }
    @Override public List<LayerInfo> layers() { return inner.layers(); }
    @Override public Optional<LayerInfo> layer(String id) { return inner.layer(id); }
    @Override public void createLayer(LayerInfo l) { inner.createLayer(l); }
    @Override public void updateLayer(LayerInfo l) { inner.updateLayer(l); }
    @Override public void addProperties(String id, List<PropertyDef> p) { inner.addProperties(id, p); }
    @Override public void dropLayer(String id) { inner.dropLayer(id); }
    @Override public FeatureRules rules() { return inner.rules(); }
    @Override public LayerExtent extent(String id) { return inner.extent(id); }
    @Override public long count(String id, Filter f) { return inner.count(id, f); }
    @Override public StoreCursor<Feature> query(String id, FeatureQuery q) { return inner.query(id, q); }
    @Override public Optional<Feature> feature(String id, long f) { return inner.feature(id, f); }
    @Override public <T> T write(String author, WriteWork<T> work) { return inner.write(author, work); }
    @Override public List<FeatureVersion> history(String id, long f) { return inner.history(id, f); }
    @Override public List<AreaSum> sumAreas(String id, AreaSumQuery q) { return inner.sumAreas(id, q); }
    @Override public Optional<byte[]> vectorTile(String id, VectorTileQuery q) { return inner.vectorTile(id, q); }
    @Override public StoreCursor<FeatureVersion> historyOf(String id) { return inner.historyOf(id); }
    @Override public ServiceRecord appendRecord(String kind, Map<String, ?> body, String author) {
        return inner.appendRecord(kind, body, author);
    }
    @Override public List<ServiceRecord> records(String kind) { return inner.records(kind); }
    @Override public void addChangeListener(Consumer<StoreChange> l) { inner.addChangeListener(l); }
    @Override public void close() { }
}
