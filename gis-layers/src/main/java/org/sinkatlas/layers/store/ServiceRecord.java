package org.sinkatlas.layers.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A record that the service keeps beside its layers, such as an API key, a reported target figure or an
 * audit entry. Records are only ever appended: a correction or a revocation is a new record, so nothing
 * said is lost.
 *
 * @param id     increasing in the order records were appended, across kinds
 * @param kind   a slug naming what the record is, e.g. {@code api-key}
 * @param body   a JSON object (strings, numbers, booleans, lists and maps)
 * @param author who appended it
 */
public record ServiceRecord(long id, String kind, Map<String, Object> body, String author, Instant at) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    public ServiceRecord {
        requireKind(kind);
        body = body == null ? Map.of() : Collections.unmodifiableMap(body);
        Objects.requireNonNull(at, "at");
    }

    /** @throws IllegalArgumentException when {@code kind} is not a slug such as {@code target-report} */
    public static String requireKind(String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("record kind '" + kind + "' must be a slug like 'target-report'");
        }
        return kind;
    }
}
