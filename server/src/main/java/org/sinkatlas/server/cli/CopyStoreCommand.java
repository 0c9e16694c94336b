package org.sinkatlas.server.cli;

import java.util.concurrent.Callable;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCopy;
import org.sinkatlas.layers.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export} and {@code import}: move a whole store between engines (GeoPackage ⇄ PostGIS) with
 * nothing lost: the same features, ids, versions, times and history. The target must be new or empty.
 */
abstract class CopyStoreCommand implements Callable<Integer> {

    @Option(names = "--store", required = true, description = "This store: a GeoPackage path or postgresql:// URL.")
    String store;

    abstract String from();

    abstract String to();

    @Override
    public Integer call() {
        long started = System.nanoTime();
        try (LayerStore source = StoreLocation.openExisting(from())) {
            StoreCopy.Report[] report = new StoreCopy.Report[1];
            StoreLocation.createFilled(to(), target -> report[0] = StoreCopy.copy(source, target, "copy",
                    line -> System.out.println("  " + line)));
            System.out.printf("copied %d layers, %,d features, %,d history rows and %,d records from %s to %s in %.1f s%n",
                    report[0].layers(), report[0].features(), report[0].historyRows(), report[0].records(), from(), to(),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (StoreException | IllegalArgumentException e) {
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
    }

    /** {@code export --store SRC --to DEST}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Copy this whole store into a new GeoPackage file or an empty PostGIS schema.")
    static final class Export extends CopyStoreCommand {
        @Option(names = "--to", required = true, description = "The new store: a GeoPackage path or postgresql:// URL.")
        String to;

        @Override
        String from() {
            return store;
        }

        @Override
        String to() {
            return to;
        }
    }

    /** {@code import --store DEST --from SRC}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Fill this new or empty store with a whole other store (GeoPackage or PostGIS).")
    static final class Import extends CopyStoreCommand {
        @Option(names = "--from", required = true, description = "The store to copy: a GeoPackage path or postgresql:// URL.")
        String from;

        @Override
        String from() {
            return from;
        }

        @Override
        String to() {
            return store;
        }
    }
}
