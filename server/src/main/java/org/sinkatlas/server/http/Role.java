package org.sinkatlas.server.http;

import java.util.Locale;
import org.sinkatlas.layers.fault.InvalidInputException;

/**
 * What a caller may do, each role including the one before it: the public reads published layers; an
 * officer reads every layer and writes the layers assigned to them; an admin manages layers, publishing,
 * standards and keys, and writes every layer.
 */
public enum Role {
    ANONYMOUS, OFFICER, ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The name used in keys, tokens and JSON: {@code officer} or {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidInputException naming the roles a key may have
     */
    public static Role ofKey(String name) {
        if ("officer".equals(name)) return OFFICER;
        if ("admin".equals(name)) return ADMIN;
        throw new InvalidInputException("role must be officer or admin, not '" + name + "'");
    }
}
