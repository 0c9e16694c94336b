package org.sinkatlas.sink.calc;

import java.util.Arrays;
import org.sinkatlas.sink.standard.GwpSet;

/**
 * Σ hectares × per-hectare draws over the strata of a feature or group, figure by figure, and the spreads
 * of the sums: the range of a group comes from its draws, never from adding percentiles. The net is formed
 * draw by draw as removals less emissions, so its mean is exactly the means' difference.
 */
final class DrawSums {

    final double[] removals;
    final double[] methane;
    final double[] nitrousOxide;
    final double[] methaneShown;
    final double[] stock;
    final double[] pools = new double[4];

    DrawSums(int draws) {
        removals = new double[draws];
        methane = new double[draws];
        nitrousOxide = new double[draws];
        methaneShown = new double[draws];
        stock = new double[draws];
    }

    void clear() {
        Arrays.fill(removals, 0);
        Arrays.fill(methane, 0);
        Arrays.fill(nitrousOxide, 0);
        Arrays.fill(methaneShown, 0);
        Arrays.fill(stock, 0);
        Arrays.fill(pools, 0);
    }

    /** Adds {@code ha} hectares of a stratum's year. */
    void add(HectareYear y, double ha) {
        int n = removals.length;
        for (int i = 0; i < n; i++) {
            removals[i] += ha * y.removals[i];
            methane[i] += ha * y.methane[i];
            nitrousOxide[i] += ha * y.nitrousOxide[i];
            methaneShown[i] += ha * y.methaneShown[i];
            stock[i] += ha * y.stock[i];
        }
        for (int p = 0; p < 4; p++) pools[p] += ha * y.meanPools[p];
    }

    /** The net of each draw, tCO2e: removals less methane and nitrous oxide in CO2e of the GWP set. */
    double[] net(GwpSet gwp, double[] into) {
        double ch4 = gwp.ch4().value();
        double n2o = gwp.n2oValue();
        for (int i = 0; i < into.length; i++) into[i] = removals[i] - (methane[i] * ch4 + nitrousOxide[i] * n2o);
        return into;
    }

    /** The figures' spreads under a GWP set; {@code scratch} is a work array of the draws' length. */
    Figures figures(GwpSet gwp, double[] scratch) {
        double ch4 = gwp.ch4().value();
        double n2o = gwp.n2oValue();
        int n = removals.length;
        Spread removalSpread = spread(removals, 1, scratch);
        Spread methaneSpread = spread(methane, ch4, scratch);
        Spread n2oSpread = spread(nitrousOxide, n2o, scratch);
        for (int i = 0; i < n; i++) scratch[i] = methane[i] * ch4 + nitrousOxide[i] * n2o;
        Spread emissions = Spread.of(scratch);
        Spread net = Spread.of(net(gwp, scratch));
        Spread shown = spread(methaneShown, ch4, scratch);
        Spread stockSpread = spread(stock, 1, scratch);
        return Figures.of(stockSpread, new SinkEstimate.Pools(pools[0], pools[1], pools[2], pools[3]), removalSpread,
                methaneSpread, n2oSpread, emissions, net, shown);
    }

    private static Spread spread(double[] values, double factor, double[] scratch) {
        for (int i = 0; i < values.length; i++) scratch[i] = values[i] * factor;
        return Spread.of(scratch);
    }

    /** The spreads of one sum (or of one hectare, to be scaled). */
    record Figures(Spread stock, SinkEstimate.Pools pools, Spread removals, Spread methane, Spread nitrousOxide,
            Spread emissions, Spread net, Spread methaneShown) {

        /**
         * The figures with their headlines tied: emissions' mean is methane's plus nitrous oxide's, and net's is
         * removals' less emissions', exactly (the draw-by-draw sums agree with them to rounding only).
         */
        static Figures of(Spread stock, SinkEstimate.Pools pools, Spread removals, Spread methane, Spread nitrousOxide,
                Spread emissions, Spread net, Spread methaneShown) {
            Spread e = new Spread(methane.mean() + nitrousOxide.mean(), emissions.p5(), emissions.p95());
            Spread n = new Spread(removals.mean() - e.mean(), net.p5(), net.p95());
            return new Figures(stock, pools, removals, methane, nitrousOxide, e, n, methaneShown);
        }

        Figures scaled(double ha) {
            return of(stock.scaled(ha), new SinkEstimate.Pools(pools.aboveGround() * ha, pools.belowGround() * ha,
                    pools.soil() * ha, pools.dead() * ha), removals.scaled(ha), methane.scaled(ha), nitrousOxide.scaled(ha),
                    emissions.scaled(ha), net.scaled(ha), methaneShown.scaled(ha));
        }
    }
}
