package org.sinkatlas.sink.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.demo.ParcelGenerator;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.sink.calc.LandCoverMix;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkInput;
import org.sinkatlas.sink.calc.StratumAreas;
import org.sinkatlas.sink.standard.StandardCatalog;

/**
 * Sink estimates of the synthetic parcel set (the same {@code generate-parcels} makes for PostGIS in
 * scripts/bench/sinks.sh): every parcel's area on the ellipsoid, and the mean, 5th and 95th percentiles of
 * its stock, removals, emissions and net from the Monte Carlo draws, with its eligibility screen, on one
 * core and on all; and a whole-zone total from the draws. Scores are parcels per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class SinkCalculatorBenchmark {

    static final int PARCELS = 1_000_000;

    @Param({"1000000"})
    int count;

    private List<SinkInput> inputs;
    private SinkCalculator calc;

    @Setup
    public void parcels() {
        calc = new SinkCalculator(StandardCatalog.builtIn().current());
        inputs = new ArrayList<>(count);
        ParcelGenerator generator = new ParcelGenerator(new CrsService(), count, 20220627L);
        while (generator.hasNext()) {
            FeatureDraft f = generator.next();
            @SuppressWarnings("unchecked")
            Map<String, ?> fractions = (Map<String, ?>) f.properties().get("landcover_fractions");
            inputs.add(new SinkInput(f.geometry(), LandCoverMix.of((String) f.properties().get("landcover"), fractions),
                    (Double) f.properties().get("tree_crown_fraction"), null, null, null, null, null, null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PARCELS)
    public void everyParcelOneCore(Blackhole bh) {
        int year = calc.standard().accountingYear();
        for (SinkInput in : inputs) bh.consume(calc.estimate(in, year, null, false));
    }

    @Benchmark
    @OperationsPerInvocation(PARCELS)
    public void everyParcelAllCores(Blackhole bh) {
        int year = calc.standard().accountingYear();
        inputs.parallelStream().forEach(in -> bh.consume(calc.estimate(in, year, null, false)));
    }

    @Benchmark
    @OperationsPerInvocation(PARCELS)
    public Object zoneTotalAllCores() {
        StratumAreas total = inputs.parallelStream().collect(StratumAreas::new, (acc, in) -> acc.add(calc.areas(in)),
                StratumAreas::add);
        return calc.estimate(total, calc.standard().accountingYear(), null);
    }
}
