package org.sinkatlas.sink.targets;

/** A target whose figures officers report (not spatial), with the range a reported value must lie in. */
public record Reported(double min, double max) {

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
