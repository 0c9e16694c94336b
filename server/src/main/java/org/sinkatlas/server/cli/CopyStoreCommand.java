package org.sinkatlas.server.cli;

import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCopy;
import org.sinkatlas.layers.store.StoreException;

/**
 * The whole-store side of {@code export} and {@code import}: moves a whole store between engines (GeoPackage ⇄
 * PostGIS) with nothing lost: the same features, ids, versions, times and history. The target must be new or
 * empty.
 */
final class CopyStoreCommand {

    private CopyStoreCommand() {}

    /** Copies {@code from} into {@code to}; returns the exit code. */
    static int copy(String from, String to) {
        long started = System.nanoTime();
        try (LayerStore source = StoreLocation.openExisting(from)) {
            StoreCopy.Report[] report = new StoreCopy.Report[1];
            StoreLocation.createFilled(to, target -> report[0] = StoreCopy.copy(source, target, "copy",
                    line -> System.out.println("  " + line)));
            System.out.printf("copied %d layers, %,d features, %,d history rows and %,d records from %s to %s in %.1f s%n",
                    report[0].layers(), report[0].features(), report[0].historyRows(), report[0].records(), from, to,
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (StoreException | IllegalArgumentException e) {
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
    }
}
