package org.sinkatlas.server.auth;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.sinkatlas.server.http.Role;

/**
 * Who is calling: the public, or the holder of an API key or an OpenID Connect token, with their role
 * and, for an officer, the layers assigned to them ({@code *} for all).
 *
 * @param id   the key id or the token's subject; {@code anonymous} for the public
 * @param name a name for people and for history rows ({@code author})
 */
public record Principal(String id, String name, Role role, Set<String> layers) {

    public static final Principal ANONYMOUS = new Principal("anonymous", "anonymous", Role.ANONYMOUS, Set.of());

    public Principal {
        layers = Collections.unmodifiableSortedSet(new TreeSet<>(layers));
    }

    public boolean isAnonymous() {
        return role == Role.ANONYMOUS;
    }

    /** Officers and admins see layers that are not yet published. */
    public boolean seesDrafts() {
        return role.includes(Role.OFFICER);
    }

    public boolean mayWrite(String layerId) {
        if (role == Role.ADMIN) return true;
        return role == Role.OFFICER && (layers.contains("*") || layers.contains(layerId));
    }
}
