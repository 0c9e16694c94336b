package org.sinkatlas.sink.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sinkatlas.sink.calc.CoefficientDraws;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.StratumAreas;
import org.sinkatlas.sink.standard.Coefficient;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.UncertainFigure;

/**
 * Which uncertain coefficients move a total most: for each, the correlation of its draws with the total's
 * draws across the Monte Carlo iterations. Its square is the share of the total's variance the coefficient
 * explains (first order: the model is nearly linear in each coefficient); the swing is how far the total
 * moves as the coefficient goes from its 5th to its 95th percentile (regression slope × that span). Officers
 * measure first the figures at the top, the unverified ones above all.
 */
public final class Sensitivity {

    /** One coefficient's effect on the total. */
    public record Entry(UncertainFigure figure, boolean measured, double correlation, double varianceShare, double swing) {}

    /** The total's spread and each coefficient's effect, largest variance share first. */
    public record Result(double mean, double sd, List<Entry> entries) {

        /**
         * The measured coefficients (not the standard's own choices) that explain most of the total's variance, at
         * most {@code n}: measuring them locally narrows the range most, whether they were read in a source
         * elsewhere (V) or not.
         */
        public List<Entry> toMeasureFirst(int n) {
            return entries.stream().filter(Entry::measured).limit(n).toList();
        }
    }

    private Sensitivity() {}

    public static Result of(SinkCalculator calc, StratumAreas total, int year, String gwp) {
        SinkStandard s = calc.standard();
        double[] t = calc.netDraws(total, year, gwp);
        double tMean = mean(t);
        double tSd = sd(t, tMean);
        CoefficientDraws draws = calc.draws();
        List<Entry> out = new ArrayList<>();
        for (Coefficient c : s.coefficients()) {
            if (!(c instanceof UncertainFigure f) || f.low() == f.high()) continue;
            double[] x = draws.of(f);
            double xMean = mean(x);
            double xSd = sd(x, xMean);
            if (xSd == 0 || tSd == 0) continue;
            double cov = 0;
            for (int i = 0; i < x.length; i++) cov += (x[i] - xMean) * (t[i] - tMean);
            cov /= x.length;
            double r = cov / (xSd * tSd);
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            double span = sorted[(int) Math.ceil(0.95 * sorted.length) - 1] - sorted[(int) Math.ceil(0.05 * sorted.length) - 1];
            out.add(new Entry(f, s.measured(f), r, r * r, cov / (xSd * xSd) * span));
        }
        out.sort(Comparator.comparingDouble(Entry::varianceShare).reversed());
        return new Result(tMean, tSd, out);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double sd(double[] v, double mean) {
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / v.length);
    }
}
