package org.sinkatlas.sink.standard;

import java.util.List;

/** A flux per hectare and year that a land type has besides its stock changes. */
public sealed interface Flux {

    /** The gas of a flux. */
    enum Gas { CO2, CH4, N2O }

    Gas gas();

    /**
     * A constant annual flux: for CO2 a removal in tCO2e/ha/yr (the 2026.1 standard's rates), for CH4 and N2O an
     * emission in t of the gas per ha per year.
     *
     * @param netted whether it is subtracted in the net (2026.1 showed unverified methane without netting it;
     *               from 2027.1 every flux is netted)
     */
    record Rate(Gas gas, UncertainFigure rate, boolean netted) implements Flux {}

    /**
     * Methane of flooded rice, IPCC 2019 Refinement Vol. 4 Eq. 5.1-5.3: a daily baseline emission factor scaled
     * for the water regime during and before the season and for organic amendments, times the days of the
     * season: EF = EFc × SFw × SFp × SFo × t, with SFo = (1 + Σ ROA × CFOA) ^ exponent.
     *
     * @param baseline   EFc, kg CH4/ha/day
     * @param seasonDays t, days
     */
    record RiceMethane(UncertainFigure baseline, UncertainFigure waterRegime, UncertainFigure preSeason,
            List<Amendment> amendments, Figure exponent, UncertainFigure seasonDays) implements Flux {
        @Override
        public Gas gas() {
            return Gas.CH4;
        }
    }

    /** An organic amendment of rice: how much is applied (t/ha) and its conversion factor CFOA. */
    record Amendment(String name, UncertainFigure amount, UncertainFigure factor) {}
}
