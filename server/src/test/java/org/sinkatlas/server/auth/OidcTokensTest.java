package org.sinkatlas.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.server.SinkAtlasServer;
import org.sinkatlas.server.testing.DemoServer;

/**
 * OpenID Connect tokens against a real issuer: a small HTTP server on loopback that publishes a discovery
 * document and its signing keys, as Keycloak or any OIDC provider does, and tokens signed with them.
 */
class OidcTokensTest {

    @TempDir
    static Path dir;

    private static RSAKey issuerKey;
    private static Javalin issuer;
    private static String issuerUrl;
    private static LayerStore store;
    private static SinkAtlasServer server;

    @BeforeAll
    static void start() throws Exception {
        issuerKey = new RSAKeyGenerator(2048).keyID("zone-idp-1").generate();
        issuer = Javalin.create(c -> {
            c.routes.get("/realms/zone/.well-known/openid-configuration", ctx -> ctx.json(Map.of(
                    "issuer", issuerUrl, "jwks_uri", issuerUrl + "/protocol/openid-connect/certs")));
            c.routes.get("/realms/zone/protocol/openid-connect/certs", ctx -> ctx.contentType("application/json")
                    .result(new JWKSet(issuerKey.toPublicJWK()).toString()));
        }).start("127.0.0.1", 0);
        issuerUrl = "http://127.0.0.1:" + issuer.port() + "/realms/zone";
        store = GeoPackageStore.open(dir.resolve("empty.gpkg"));
        server = new SinkAtlasServer(store, SinkAtlasServer.Settings.defaults()
                .withOidc(OidcVerifier.Settings.of(issuerUrl, "sink-atlas"))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
        issuer.stop();
    }

    private static String token(RSAKey key, String iss, String aud, Object role, long expiresInSeconds) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(iss).subject("u-42").audience(aud)
                .claim("name", "嘉善县 生态科 林业组").expirationTime(new Date(System.currentTimeMillis() + expiresInSeconds * 1000));
        if (role != null) claims.claim("sink_atlas_role", role).claim("sink_atlas_layers", List.of("forests"));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HttpResponse<String> adminKeys(String token) {
        return DemoServer.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/admin/keys"))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    @Test
    void aValidTokenCarriesItsRoleAndEveryBadOneIsRefused() throws Exception {
        assertEquals(200, adminKeys(token(issuerKey, issuerUrl, "sink-atlas", "admin", 300)).statusCode());
        HttpResponse<String> officer = adminKeys(token(issuerKey, issuerUrl, "sink-atlas", List.of("officer"), 300));
        assertEquals(403, officer.statusCode(), officer.body());
        assertTrue(officer.body().contains("needs the admin role"), officer.body());

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("zone-idp-1").generate();
        assertEquals(401, adminKeys(token(stranger, issuerUrl, "sink-atlas", "admin", 300)).statusCode(), "wrong signature");
        assertEquals(401, adminKeys(token(issuerKey, issuerUrl, "sink-atlas", "admin", -120)).statusCode(), "expired");
        assertEquals(401, adminKeys(token(issuerKey, "http://elsewhere/realms/x", "sink-atlas", "admin", 300)).statusCode());
        assertEquals(401, adminKeys(token(issuerKey, issuerUrl, "another-app", "admin", 300)).statusCode(), "audience");
        HttpResponse<String> noRole = adminKeys(token(issuerKey, issuerUrl, "sink-atlas", null, 300));
        assertEquals(403, noRole.statusCode());
        assertTrue(noRole.body().contains("sink_atlas_role"), noRole.body());
        assertEquals(401, adminKeys("not.a.jwt").statusCode());
    }

    private static HttpResponse<String> report(String token, String body) {
        return DemoServer.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/targets/waste-sorting/reports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void reportsNeedARoleAndKeepTheTokensName() throws Exception {
        String body = "{\"value\": 96.1, \"date\": \"2024-12-31\", \"source\": \"城管局年报\"}";
        HttpResponse<String> noRole = report(token(issuerKey, issuerUrl, "sink-atlas", null, 300), body);
        assertEquals(403, noRole.statusCode(), noRole.body());
        assertTrue(store.records("target-report").isEmpty(), "nothing stored");
        HttpResponse<String> officer = report(token(issuerKey, issuerUrl, "sink-atlas", "officer", 300), body);
        assertEquals(201, officer.statusCode(), officer.body());
        assertEquals(1, store.records("target-report").size());
        assertEquals("嘉善县 生态科 林业组", store.records("target-report").get(0).author());
        assertEquals("oidc:u-42", store.records("target-report").get(0).body().get("author_id"));
    }
}
