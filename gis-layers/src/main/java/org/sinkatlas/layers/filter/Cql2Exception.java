package org.sinkatlas.layers.filter;

/**
 * A CQL2 filter that cannot be parsed or does not fit the layer. The message is for the person who wrote
 * the filter: what was expected and where, e.g. {@code filter: expected a property name or literal at
 * character 14, found ';'}.
 */
public class Cql2Exception extends IllegalArgumentException {

    public Cql2Exception(String message) {
        super(message.startsWith("filter") ? message : "filter: " + message);
    }
}
