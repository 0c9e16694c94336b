package org.sinkatlas.server.auth;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.sinkatlas.layers.fault.FaultKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.Role;

/**
 * Who is calling and what they may see or do, decided in one place for every route: the caller is
 * identified from the {@code Authorization: Bearer} header before any handler runs (no header: the
 * public; a bad key or token: 401, whatever the route), then held back by the rate limit. Handlers ask
 * here for the layers the caller may see, so a layer that is not published is absent for the public
 * everywhere, answered 404 and never 403, which would tell that it exists.
 *
 * <p>Thread safety: one instance serves all requests; it keeps no per-request state outside the request's
 * own attributes, so every method may be called from any thread.
 */
public final class Access {

    private static final String CALLER = "sink-atlas.caller";
    private static final String REALM = "Bearer realm=\"Sink Atlas\"";

    private final LayerStore store;
    private final ApiKeys keys;
    private final OidcVerifier oidc;
    private final RateLimiter limiter;

    /**
     * @param oidc    verifies OpenID Connect tokens, or null when none are accepted
     * @param limiter the requests-per-second limit per client, or null for none
     */
    public Access(LayerStore store, ApiKeys keys, OidcVerifier oidc, RateLimiter limiter) {
        this.store = store;
        this.keys = keys;
        this.oidc = oidc;
        this.limiter = limiter;
    }

    /** The store\'s API keys, for the admin routes that make and revoke them. */
    public ApiKeys keys() {
        return keys;
    }

    /** Runs before every request: sets the caller, refuses bad credentials and callers over their rate. */
    public void identify(Context ctx) {
        Principal caller = authenticate(ctx);
        ctx.attribute(CALLER, caller);
        if (limiter != null) {
            long wait = limiter.acquire(caller.isAnonymous() ? "ip:" + ctx.ip() : caller.id());
            if (wait > 0) {
                throw new ApiProblem(429, "TooManyRequests", "Too many requests · 请求过于频繁", String.format(Locale.ROOT,
                        "more than %.0f requests per second from this client; try again in %d s", limiter.perSecond(), wait))
                        .withHeader("Retry-After", Long.toString(wait));
            }
        }
    }

    private Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) return Principal.ANONYMOUS;
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw unauthorized("send credentials as 'Authorization: Bearer <API key or token>'", false);
        }
        String token = parts[1].strip();
        if (ApiKeys.looksLikeKey(token)) {
            return keys.verify(token).orElseThrow(() -> unauthorized(
                    "the API key is not valid: unknown, revoked or mistyped", true));
        }
        if (oidc != null && OidcVerifier.looksLikeJwt(token)) {
            try {
                return oidc.verify(token);
            } catch (OidcVerifier.RejectedToken e) {
                switch (e.why()) {
                    case NO_ROLE:
                        throw forbidden(e.getMessage());
                    case ISSUER_UNREACHABLE:
                        throw ApiProblem.unavailable(e.getMessage());
                    default:
                        throw unauthorized(e.getMessage(), true);
                }
            }
        }
        throw unauthorized(oidc == null ? "the bearer token is not an API key of this service"
                : "the bearer token is neither an API key of this service nor a JWT", true);
    }

    /** The caller of a request (the public when no credentials came). */
    public static Principal caller(Context ctx) {
        Principal p = ctx.attribute(CALLER);
        return p == null ? Principal.ANONYMOUS : p;
    }

    /**
     * The caller, when they have at least {@code role}.
     *
     * @throws ApiProblem 401 for the public, 403 for a caller whose role is not enough
     */
    public Principal require(Context ctx, Role role) {
        Principal p = caller(ctx);
        if (p.role().includes(role)) return p;
        if (p.isAnonymous()) throw unauthorized("this needs an API key of an " + role.id() + "; send it as"
                + " 'Authorization: Bearer <key>'", false);
        throw forbidden("this needs the " + role.id() + " role; your key has " + p.role().id());
    }

    /** The layers the caller may see, in the store's order. */
    public List<LayerInfo> visibleLayers(Context ctx) {
        Principal p = caller(ctx);
        return store.layers().stream().filter(l -> l.published() || p.seesDrafts()).toList();
    }

    /** A layer the caller may see. @throws ApiProblem 404 for a layer that is missing or hidden from them */
    public LayerInfo visibleLayer(Context ctx, String layerId) {
        Principal p = caller(ctx);
        return store.layer(layerId).filter(l -> l.published() || p.seesDrafts())
                .orElseThrow(() -> ApiProblem.notFound("no collection '" + layerId + "'; see /collections"));
    }

    /**
     * A layer the caller may write.
     *
     * @throws ApiProblem 401 for the public, 404 for a layer they cannot see, 403 for one not assigned to them
     */
    public LayerInfo writableLayer(Context ctx, String layerId) {
        Principal p = require(ctx, Role.OFFICER);
        LayerInfo layer = visibleLayer(ctx, layerId);
        if (!p.mayWrite(layer.id())) {
            throw forbidden("your key may write " + p.layers() + ", not '" + layer.id() + "'; ask an admin to assign it");
        }
        return layer;
    }

    private static ApiProblem unauthorized(String detail, boolean badToken) {
        return new ApiProblem(401, "Unauthorized", "Authentication needed · 需要身份验证", detail)
                .withHeader("WWW-Authenticate", badToken ? REALM + ", error=\"invalid_token\"" : REALM);
    }

    private static ApiProblem forbidden(String detail) {
        return ApiProblem.of(FaultKind.FORBIDDEN, detail);
    }
}
