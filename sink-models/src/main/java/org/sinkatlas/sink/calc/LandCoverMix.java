package org.sinkatlas.sink.calc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sinkatlas.sink.standard.LandCoverCodes;

/**
 * The land cover of a feature: one GB/T 21010-2017 class, or a mix of classes with fractions summing to 1.
 */
public record LandCoverMix(Map<String, Double> fractions) {

    private static final double TOLERANCE = 0.002;

    public LandCoverMix {
        if (fractions.isEmpty()) throw new SinkInputException("no land cover given");
        double sum = 0;
        for (Map.Entry<String, Double> e : fractions.entrySet()) {
            if (!LandCoverCodes.isCode(e.getKey())) {
                throw new SinkInputException("unknown land cover '" + e.getKey() + "': not a GB/T 21010-2017 code such as 0301");
            }
            double f = e.getValue();
            if (!(f > 0 && f <= 1)) throw new SinkInputException("land-cover fraction of " + e.getKey() + " must be in (0, 1], got " + f);
            sum += f;
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new SinkInputException("land-cover fractions must sum to 1, they sum to " + Math.round(sum * 1e4) / 1e4);
        }
        fractions = Collections.unmodifiableMap(new LinkedHashMap<>(fractions));
    }

    public static LandCoverMix of(String code) {
        if (code == null || code.isBlank()) throw new SinkInputException("no land cover given");
        return new LandCoverMix(Map.of(code.trim(), 1.0));
    }

    /**
     * The mix of a feature's properties: {@code fractions} (a code → fraction map) when present, else the
     * single {@code code}.
     */
    public static LandCoverMix of(String code, Map<String, ?> fractions) {
        if (fractions == null || fractions.isEmpty()) return of(code);
        Map<String, Double> typed = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : fractions.entrySet()) {
            if (!(e.getValue() instanceof Number n)) {
                throw new SinkInputException("land-cover fraction of " + e.getKey() + " is not a number: " + e.getValue());
            }
            typed.put(e.getKey(), n.doubleValue());
        }
        return new LandCoverMix(typed);
    }

    /** The class with the largest fraction. */
    public String main() {
        return fractions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
