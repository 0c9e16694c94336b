package org.sinkatlas.server.cli;

import java.util.concurrent.Callable;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.demo.DemoLayers;
import org.sinkatlas.layers.demo.ParcelGenerator;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate-parcels}: writes a large synthetic parcel layer (e.g. 1,000,000 parcels) for benchmarks. */
@Command(name = "generate-parcels", mixinStandardHelpOptions = true,
        description = "Write N synthetic parcels over the zone into a new layer of a store (for benchmarks).")
final class GenerateParcelsCommand implements Callable<Integer> {

    @Option(names = "--count", required = true, description = "How many parcels, e.g. 100000 or 1000000.")
    long count;

    @Mixin
    StoreOption store;

    @Option(names = "--layer", defaultValue = "parcels", description = "Layer id (default: ${DEFAULT-VALUE}).")
    String layerId;

    @Option(names = "--seed", defaultValue = "20220627", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        LayerInfo template = DemoLayers.all().stream().filter(l -> l.id().equals(DemoLayers.PARCELS)).findFirst()
                .orElseThrow();
        LayerInfo layer = new LayerInfo(layerId, Localized.of("合成地块 " + count, count + " synthetic parcels"),
                template.description(), template.geometryKind(), template.properties(), template.temporalProperty(),
                true, template.attribution(), template.keywords());
        try (LayerStore s = StoreLocation.open(store.location, false, line -> { })) {
            if (s.layer(layerId).isPresent()) {
                System.err.println("sink-atlas: layer '" + layerId + "' already exists in " + store);
                return 2;
            }
            s.createLayer(layer);
            ParcelGenerator parcels = new ParcelGenerator(new CrsService(), count, seed);
            ProgressBar bar = new ProgressBar(System.out, "parcels", count);
            long done = 0;
            int batch = 50_000;
            while (parcels.hasNext()) {
                int n = (int) Math.min(batch, count - done);
                s.write("generate-parcels", w -> {
                    for (int i = 0; i < n && parcels.hasNext(); i++) w.insert(layerId, parcels.next());
                    return null;
                });
                done += n;
                bar.update(done);
            }
            System.out.println("wrote " + done + " parcels to layer '" + layerId + "' of " + store);
            return 0;
        } catch (StoreUnavailableException e) {
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
    }
}
