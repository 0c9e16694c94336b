package org.sinkatlas.layers.filter;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/**
 * A CQL2 filter that cannot be parsed or does not fit the layer. The message is for the person who wrote
 * the filter: what was expected and where, e.g. {@code filter: expected a property name or literal at
 * character 14, found ';'}.
 */
public class Cql2Exception extends IllegalArgumentException implements Fault {

    public Cql2Exception(String message) {
        super(message.startsWith("filter") ? message : "filter: " + message);
    }

    @Override
    public FaultKind kind() {
        return FaultKind.INVALID_INPUT;
    }
}
