package org.sinkatlas.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Role;

/**
 * Verifies OpenID Connect access tokens (JWTs) from one configured issuer with the Nimbus JOSE + JWT
 * library: the signature against the issuer's published keys (found through its discovery document and
 * cached), the issuer, the audience and the expiry. The caller's role and layers come from two claims,
 * e.g. {@code sink_atlas_role: "officer"} and {@code sink_atlas_layers: ["forests", "wetlands"]}.
 */
public final class OidcVerifier {

    /**
     * @param issuer      the issuer URL, e.g. {@code https://login.example.gov.cn/realms/zone}
     * @param audience    the audience tokens must name, or null to accept any
     * @param roleClaim   the claim holding {@code officer} or {@code admin} (a string or a list)
     * @param layersClaim the claim holding an officer's layers (a list, or one comma-separated string)
     */
    public record Settings(String issuer, String audience, String roleClaim, String layersClaim) {

        public static Settings of(String issuer, String audience) {
            return new Settings(issuer, audience, "sink_atlas_role", "sink_atlas_layers");
        }
    }

    /** A token that is not accepted, with the reason (which never quotes the token). */
    public static final class RejectedToken extends Exception {

        /** Why: not valid (401), valid but without a role here (403), or the issuer could not be asked (503). */
        public enum Why { INVALID, NO_ROLE, ISSUER_UNREACHABLE }

        private final Why why;

        RejectedToken(String reason, Why why) {
            super(reason);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    private final Settings settings;
    private volatile DefaultJWTProcessor<SecurityContext> processor;

    public OidcVerifier(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Whether a bearer token has the shape of a JWT (three base64url parts). */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    public Principal verify(String token) throws RejectedToken {
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (ParseException e) {
            throw new RejectedToken("the bearer token is not a readable JWT", RejectedToken.Why.INVALID);
        } catch (BadJOSEException e) {
            throw new RejectedToken("the token is not valid here: " + e.getMessage(), RejectedToken.Why.INVALID);
        } catch (JOSEException e) {
            throw new RejectedToken("the token's signature could not be checked: " + e.getMessage(),
                    RejectedToken.Why.INVALID);
        }
        Role role = role(claims.getClaim(settings.roleClaim()));
        if (role == null) {
            throw new RejectedToken("the token carries no " + settings.roleClaim() + " claim of officer or admin",
                    RejectedToken.Why.NO_ROLE);
        }
        String name = firstText(claims, "name", "preferred_username", "email");
        Set<String> layers = role == Role.ADMIN ? Set.of("*") : texts(claims.getClaim(settings.layersClaim()));
        return new Principal("oidc:" + claims.getSubject(), name == null ? claims.getSubject() : name, role, layers);
    }

    private DefaultJWTProcessor<SecurityContext> processor() throws RejectedToken {
        DefaultJWTProcessor<SecurityContext> p = processor;
        if (p != null) return p;
        synchronized (this) {
            if (processor == null) processor = build();
            return processor;
        }
    }

    /** Reads the issuer's discovery document for its key set; done at the first token, then kept. */
    private DefaultJWTProcessor<SecurityContext> build() throws RejectedToken {
        String issuer = settings.issuer().replaceAll("/+$", "");
        URL jwks;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IOException("discovery answered " + r.statusCode());
            JsonNode doc = Json.MAPPER.readTree(r.body());
            if (!doc.path("issuer").asText().replaceAll("/+$", "").equals(issuer)) {
                throw new IOException("discovery names issuer '" + doc.path("issuer").asText() + "'");
            }
            jwks = URI.create(doc.path("jwks_uri").asText()).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedToken("the token issuer " + issuer + " cannot be reached to check tokens: " + e.getMessage(),
                    RejectedToken.Why.ISSUER_UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedToken("interrupted while reaching the token issuer", RejectedToken.Why.ISSUER_UNREACHABLE);
        }
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(true).build();
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
                JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384), keys));
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp")));
        return p;
    }

    private static Role role(Object claim) {
        Role best = null;
        for (String r : texts(claim)) {
            Role found = "admin".equals(r) ? Role.ADMIN : "officer".equals(r) ? Role.OFFICER : null;
            if (found != null && (best == null || found.includes(best))) best = found;
        }
        return best;
    }

    private static Set<String> texts(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof List<?> list) list.forEach(x -> out.add(String.valueOf(x).strip()));
        else if (claim instanceof String s) for (String part : s.split(",")) if (!part.isBlank()) out.add(part.strip());
        return out;
    }

    private static String firstText(JWTClaimsSet claims, String... names) {
        for (String n : names) {
            Object v = claims.getClaim(n);
            if (v instanceof String s && !s.isBlank()) return s;
        }
        return null;
    }
}
