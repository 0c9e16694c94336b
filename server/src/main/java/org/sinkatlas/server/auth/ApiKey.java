package org.sinkatlas.server.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.sinkatlas.server.http.Role;

/**
 * What the service knows of an API key, without its secret: who holds it, their role and layers, who
 * made it and when, and whether it was revoked.
 *
 * @param revoked when it was revoked, or null while it is valid
 */
public record ApiKey(String id, String name, Role role, Set<String> layers, Instant created, String createdBy,
        Instant revoked, String revokedBy) {

    public ApiKey {
        layers = Collections.unmodifiableSortedSet(new TreeSet<>(layers));
    }

    public boolean valid() {
        return revoked == null;
    }

    Principal principal() {
        return new Principal(id, name, role, layers);
    }
}
