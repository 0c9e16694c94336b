package org.sinkatlas.sink.standard;

/** Carbon pools per hectare (tC/ha): above ground, below ground, soil 0-30 cm, dead organic matter. */
public record Pools(Figure aboveGround, Figure belowGround, Figure soil, Figure dead) {

    public double total() {
        return aboveGround.value() + belowGround.value() + soil.value() + dead.value();
    }

    /** Pool values in a fixed order: above ground, below ground, soil, dead. */
    public double[] values() {
        return new double[] {aboveGround.value(), belowGround.value(), soil.value(), dead.value()};
    }
}
