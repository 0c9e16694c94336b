package org.sinkatlas.sink.targets;

import org.sinkatlas.layers.model.Localized;

/** Why a target cannot be measured now: a layer, property or scope feature it needs is not in the store. */
public class UnmeasurableException extends RuntimeException {

    private final Localized reason;

    public UnmeasurableException(Localized reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Localized reason() {
        return reason;
    }
}
