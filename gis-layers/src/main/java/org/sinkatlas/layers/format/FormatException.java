package org.sinkatlas.layers.format;

/** A file that cannot be read as a whole (missing part, truncated, malformed, unknown CRS); the message names the file and the reason. */
public class FormatException extends RuntimeException {

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
