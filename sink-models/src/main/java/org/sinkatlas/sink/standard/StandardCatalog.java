package org.sinkatlas.sink.standard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every released standard, read at start from {@code /standards/index.txt} (one file name per line, oldest
 * first), and which one is current: the newest unless configured otherwise. A file with an error stops
 * start-up with a message naming the file and line.
 *
 * <p>Thread safety: the released standards never change after construction; the current one is switched
 * atomically, so every method may be called from any thread.
 */
public final class StandardCatalog {

    private final Map<String, SinkStandard> byKey = new LinkedHashMap<>();
    private volatile SinkStandard current;

    /** @throws StandardException when the list is empty or two standards share an id and version */
    public StandardCatalog(List<SinkStandard> standards) {
        if (standards.isEmpty()) throw new StandardException("no sink standard was found");
        for (SinkStandard s : standards) {
            if (byKey.put(s.key(), s) != null) throw new StandardException(s.file() + ": " + s.key() + " is released twice");
        }
        current = standards.get(standards.size() - 1);
    }

    /** The standards that ship with this build. */
    public static StandardCatalog builtIn() {
        List<SinkStandard> standards = new ArrayList<>();
        try (InputStream in = StandardCatalog.class.getResourceAsStream("/standards/index.txt")) {
            if (in == null) throw new StandardException("/standards/index.txt is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) continue;
                standards.add(StandardLoader.fromResource("/standards/" + name));
            }
        } catch (IOException e) {
            throw new StandardException("cannot read the list of standards: " + e.getMessage(), e);
        }
        return new StandardCatalog(standards);
    }

    /** Every released standard, oldest first. */
    public List<SinkStandard> all() {
        return List.copyOf(byKey.values());
    }

    /** The standard that estimates use unless a request names another. */
    public SinkStandard current() {
        return current;
    }

    /**
     * A standard by {@code id@version}, {@code version}, or {@code id} (its newest version).
     */
    public Optional<SinkStandard> find(String ref) {
        if (ref == null) return Optional.of(current);
        if (byKey.containsKey(ref)) return Optional.of(byKey.get(ref));
        SinkStandard found = null;
        for (SinkStandard s : byKey.values()) {
            if (s.version().equals(ref) || s.id().equals(ref)) found = s;
        }
        return Optional.ofNullable(found);
    }

    /** Makes another released version current. */
    public void makeCurrent(String key) {
        current = find(key).orElseThrow(() -> new IllegalArgumentException("no standard " + key));
    }
}
