package org.sinkatlas.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;

/**
 * The audit log: who did what to what, one service record per change of layers, keys and features. A
 * feature's entry is written in the same transaction as the feature, so neither stands without the other.
 */
public final class AuditLog {

    /** The kind of service record that holds the log. */
    public static final String RECORDS = "audit";

    private AuditLog() {}

    /** Appends an entry on its own (changes of layers and keys). */
    public static void append(LayerStore store, Principal who, String action, String target, String detail) {
        store.appendRecord(RECORDS, entry(who, action, target, detail), who.name());
    }

    /** Appends an entry inside a feature write, committed or rolled back with it. */
    public static void append(FeatureWriter w, Principal who, String action, String target, String detail) {
        w.appendRecord(RECORDS, entry(who, action, target, detail));
    }

    private static Map<String, Object> entry(Principal who, String action, String target, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("target", target);
        body.put("detail", detail);
        body.put("by_key", who.id());
        return body;
    }
}
