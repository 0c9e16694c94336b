package org.sinkatlas.layers.store;

/** Writes to run inside one store transaction. */
@FunctionalInterface
public interface WriteWork<T> {
    T run(FeatureWriter writer);
}
