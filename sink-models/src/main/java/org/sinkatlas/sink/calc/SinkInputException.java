package org.sinkatlas.sink.calc;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/** An input the calculator cannot estimate, with the reason (a caller's mistake: answered with 4xx). */
public class SinkInputException extends IllegalArgumentException implements Fault {

    public SinkInputException(String message) {
        super(message);
    }

    @Override
    public FaultKind kind() {
        return FaultKind.UNPROCESSABLE;
    }
}
