package org.sinkatlas.layers.format;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/** A file that cannot be read as a whole (missing part, truncated, malformed, unknown CRS); the message names the file and the reason. */
public class FormatException extends RuntimeException implements Fault {

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public FaultKind kind() {
        return FaultKind.INVALID_INPUT;
    }
}
