package org.sinkatlas.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkatlas.layers.fault.InvalidInputException;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.NotFoundException;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.server.http.Role;

/**
 * The API keys of a store. A key is a random secret shown once when it is made; the store keeps only a
 * salted SHA-256 hash of it (the secret has 256 random bits, so a slow hash would add nothing), in the
 * append-only service records: {@code api-key} when made, {@code api-key-change} when its layers change
 * or it is revoked. Every server instance reads the records again after {@code refresh}, so a key revoked
 * on one instance stops working on all of them within that time.
 *
 * <p>A token reads {@code sa_<key id>_<secret>}: the id finds the key, the secret is checked against the
 * hash in constant time. Tokens and secrets are never logged or put in an error message.
 *
 * <p>Thread safety: the known keys are an immutable snapshot swapped atomically on refresh, and changes go
 * through the store's transactions, so every method may be called from any thread.
 */
public final class ApiKeys {

    static final String KEY_RECORD = "api-key";
    static final String CHANGE_RECORD = "api-key-change";
    private static final Pattern TOKEN = Pattern.compile("sa_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as just made, with the token that is shown to its holder once. */
    public record Issued(ApiKey key, String token) {}

    private record Entry(ApiKey key, byte[] salt, byte[] hash) {}

    private record Snapshot(Map<String, Entry> keys, long loadedAt) {}

    private final LayerStore store;
    private final long refreshNanos;
    private volatile Snapshot snapshot;

    /** The keys of {@code store}, read again from its records at most every {@code refresh}. */
    public ApiKeys(LayerStore store, Duration refresh) {
        this.store = store;
        this.refreshNanos = refresh.toNanos();
    }

    /**
     * Makes a key.
     *
     * @param layers the layers an officer may write ({@code *} for all); ignored for an admin
     * @throws InvalidInputException for an empty name or an officer without layers
     */
    public Issued create(String name, Role role, Set<String> layers, String author) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("a key needs a name of 1 to 200 characters saying who holds it");
        }
        if (role == Role.ANONYMOUS) throw new InvalidInputException("role must be officer or admin");
        Set<String> assigned = role == Role.ADMIN ? Set.of("*") : new TreeSet<>(layers);
        if (assigned.isEmpty()) throw new InvalidInputException("an officer's key needs the layers they may write");
        byte[] idBytes = new byte[8];
        byte[] secret = new byte[32];
        byte[] salt = new byte[16];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secret);
        RANDOM.nextBytes(salt);
        String id = HexFormat.of().formatHex(idBytes);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key_id", id);
        body.put("name", name.strip());
        body.put("role", role.id());
        body.put("layers", List.copyOf(assigned));
        body.put("salt", Base64.getEncoder().encodeToString(salt));
        body.put("hash", Base64.getEncoder().encodeToString(hash(salt, secretText)));
        ServiceRecord r = store.appendRecord(KEY_RECORD, body, author);
        snapshot = null;
        ApiKey key = new ApiKey(id, name.strip(), role, assigned, r.at(), author, null, null);
        return new Issued(key, "sa_" + id + "_" + secretText);
    }

    /** Revokes a key for good. @throws NotFoundException for an unknown key */
    public ApiKey revoke(String keyId, String reason, String author) {
        require(keyId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key_id", keyId);
        body.put("revoked", true);
        if (reason != null && !reason.isBlank()) body.put("reason", reason.strip());
        store.appendRecord(CHANGE_RECORD, body, author);
        snapshot = null;
        return require(keyId);
    }

    /** Changes the layers an officer's key may write. */
    public ApiKey assignLayers(String keyId, Set<String> layers, String author) {
        ApiKey key = require(keyId);
        if (key.role() != Role.OFFICER) throw new InvalidInputException("only an officer's key has assigned layers");
        if (layers.isEmpty()) throw new InvalidInputException("an officer's key needs the layers they may write");
        store.appendRecord(CHANGE_RECORD, Map.of("key_id", keyId, "layers", List.copyOf(new TreeSet<>(layers))), author);
        snapshot = null;
        return require(keyId);
    }

    /** Every key ever made, oldest first, revoked ones included. */
    public List<ApiKey> list() {
        return current().keys.values().stream().map(Entry::key).toList();
    }

    /** The key with that id, revoked ones included, as of the last refresh. */
    public Optional<ApiKey> find(String keyId) {
        Entry e = current().keys.get(keyId);
        return e == null ? Optional.empty() : Optional.of(e.key);
    }

    /** Whether a bearer token has the shape of one of our keys (rather than, say, a JWT). */
    public static boolean looksLikeKey(String token) {
        return token.startsWith("sa_");
    }

    /** The holder of a valid, unrevoked key; empty for anything else, whatever the reason. */
    public Optional<Principal> verify(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) return Optional.empty();
        Entry e = current().keys.get(m.group(1));
        if (e == null || !e.key.valid()) return Optional.empty();
        if (!MessageDigest.isEqual(e.hash, hash(e.salt, m.group(2)))) return Optional.empty();
        return Optional.of(e.key.principal());
    }

    /**
     * Makes the first admin key of a store that has none, so that someone can make the others.
     *
     * @return the new key, to be shown once; empty when the store has keys already
     */
    public Optional<Issued> bootstrapAdmin() {
        if (!store.records(KEY_RECORD).isEmpty()) return Optional.empty();
        return Optional.of(create("首个管理员 · first admin", Role.ADMIN, Set.of("*"), "sink-atlas"));
    }

    private ApiKey require(String keyId) {
        return find(keyId).orElseThrow(() -> new NotFoundException("no API key '" + keyId + "'; see /admin/keys"));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAt > refreshNanos) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, Entry> keys = new LinkedHashMap<>();
        for (ServiceRecord r : store.records(KEY_RECORD)) {
            Map<String, Object> b = r.body();
            ApiKey key = new ApiKey((String) b.get("key_id"), (String) b.get("name"), Role.ofKey((String) b.get("role")),
                    strings(b.get("layers")), r.at(), r.author(), null, null);
            keys.put(key.id(), new Entry(key, Base64.getDecoder().decode((String) b.get("salt")),
                    Base64.getDecoder().decode((String) b.get("hash"))));
        }
        for (ServiceRecord r : store.records(CHANGE_RECORD)) {
            Map<String, Object> b = r.body();
            Entry e = keys.get((String) b.get("key_id"));
            if (e == null || !e.key.valid()) continue;
            ApiKey k = e.key;
            if (Boolean.TRUE.equals(b.get("revoked"))) {
                k = new ApiKey(k.id(), k.name(), k.role(), k.layers(), k.created(), k.createdBy(), r.at(), r.author());
            } else if (b.get("layers") != null) {
                k = new ApiKey(k.id(), k.name(), k.role(), strings(b.get("layers")), k.created(), k.createdBy(), null, null);
            }
            keys.put(k.id(), new Entry(k, e.salt, e.hash));
        }
        return new Snapshot(Collections.unmodifiableMap(keys), System.nanoTime());
    }

    private static Set<String> strings(Object list) {
        Set<String> out = new LinkedHashSet<>();
        if (list instanceof List<?> l) l.forEach(x -> out.add(String.valueOf(x)));
        return out;
    }

    private static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            return d.digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
