package org.sinkatlas.sink.targets;

/** A feature in a target's scope and whether it counts toward the target on the date asked. */
public record Contribution(FeatureQuantity feature, Counted counted) {

    public boolean counts() {
        return counted == Counted.YES;
    }
}
