package org.sinkatlas.sink.calc;

import org.sinkatlas.sink.standard.Biomass;
import org.sinkatlas.sink.standard.DeadMatter;
import org.sinkatlas.sink.standard.Flux;
import org.sinkatlas.sink.standard.LandType;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.Soil;

/**
 * The 2026.1 method, as released: the land type in force holds its fixed pools and takes up its constant
 * removal rate every year; a change of land use changes the stock at once and the rate from then on (the
 * stock change itself is not a flux). Methane marked not netted is shown beside the net, not in it.
 */
final class ConstantRateAccounting implements Accounting {

    private final CoefficientDraws draws;

    ConstantRateAccounting(SinkStandard standard, CoefficientDraws draws) {
        this.draws = draws;
    }

    @Override
    public void evaluate(LandUseHistory history, int year, HectareYear out) {
        LandType t = history.segments().get(history.activeAt(year)).type();
        double ag = t.biomass() instanceof Biomass.Fixed f ? f.aboveGround().value() : 0;
        double bg = t.biomass() instanceof Biomass.Fixed f ? f.belowGround().value() : 0;
        double soil = t.soil() instanceof Soil.Fixed f ? f.stock().value() : 0;
        double dead = t.dead() instanceof DeadMatter.Fixed f ? f.stock().value() : 0;
        out.meanPools[0] = ag;
        out.meanPools[1] = bg;
        out.meanPools[2] = soil;
        out.meanPools[3] = dead;
        int n = out.draws();
        java.util.Arrays.fill(out.stock, ag + bg + soil + dead);
        java.util.Arrays.fill(out.removals, 0);
        java.util.Arrays.fill(out.methane, 0);
        java.util.Arrays.fill(out.nitrousOxide, 0);
        java.util.Arrays.fill(out.methaneShown, 0);
        for (Flux f : t.fluxes()) {
            if (!(f instanceof Flux.Rate r)) continue;
            double[] d = draws.of(r.rate());
            double[] into = switch (r.gas()) {
                case CO2 -> out.removals;
                case CH4 -> r.netted() ? out.methane : out.methaneShown;
                case N2O -> out.nitrousOxide;
            };
            for (int i = 0; i < n; i++) into[i] += d[i];
        }
    }
}
