package org.sinkatlas.layers.store;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/** A layer cannot be created or renamed because its id or title is taken by another layer. */
public class LayerExistsException extends StoreException implements Fault {

    public LayerExistsException(String message) {
        super(message);
    }

    @Override
    public FaultKind kind() {
        return FaultKind.CONFLICT;
    }
}
