package org.sinkatlas.server.cli;

import picocli.CommandLine.Option;

/** {@code --store}, the same on every command that works on a store (a picocli mixin). */
final class StoreOption {

    @Option(names = "--store", defaultValue = "data/sink-atlas.gpkg",
            description = {"The store: a GeoPackage file path (default: ${DEFAULT-VALUE}), or"
                    + " postgresql://[user@]host[:port]/database[?schema=name] with the password in PGPASSWORD."})
    String location;

    @Override
    public String toString() {
        return location;
    }
}
