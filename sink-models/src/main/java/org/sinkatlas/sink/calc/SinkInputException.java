package org.sinkatlas.sink.calc;

/** An input the calculator cannot estimate, with the reason (a caller's mistake: answered with 4xx). */
public class SinkInputException extends IllegalArgumentException {

    public SinkInputException(String message) {
        super(message);
    }
}
