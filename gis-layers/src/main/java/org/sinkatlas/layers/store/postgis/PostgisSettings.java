package org.sinkatlas.layers.store.postgis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a PostGIS store lives, from a {@code postgresql://[user@]host[:port]/database[?schema=name]} URL.
 * The password comes only from the environment ({@code PGPASSWORD}), never from the URL, so that it stays
 * out of command lines, process lists and logs; the user may come from the URL or {@code PGUSER}.
 */
public record PostgisSettings(String host, int port, String database, String schema, String user, String password) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgisSettings {
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema + "' must be a lower-case SQL name");
        }
    }

    public static boolean isPostgisUrl(String location) {
        return location.startsWith("postgresql://") || location.startsWith("postgres://");
    }

    /**
     * Parses a store URL with credentials from {@code env} (normally {@link System#getenv()}).
     *
     * @throws IllegalArgumentException naming what is wrong with the URL
     */
    public static PostgisSettings parse(String location, Map<String, String> env) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a postgresql:// URL: " + e.getMessage());
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("the PostgreSQL URL has no host: " + redacted(location));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty()) throw new IllegalArgumentException("the PostgreSQL URL names no database: " + redacted(location));
        String user = env.get("PGUSER");
        if (uri.getUserInfo() != null) {
            if (uri.getUserInfo().contains(":")) {
                throw new IllegalArgumentException("put the password in PGPASSWORD, not in the store URL");
            }
            user = uri.getUserInfo();
        }
        if (user == null || user.isBlank()) user = env.getOrDefault("USER", "postgres");
        String schema = "sink_atlas";
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                String[] p = kv.split("=", 2);
                if (p.length == 2 && p[0].equals("schema")) schema = p[1];
                else throw new IllegalArgumentException("unknown store URL parameter '" + p[0] + "' (only schema=...)");
            }
        }
        return new PostgisSettings(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, schema, user,
                env.get("PGPASSWORD"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL without credentials, for messages and logs. */
    public String describe() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database + "?schema=" + schema;
    }

    private static String redacted(String location) {
        return location.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public String toString() {
        return describe();
    }
}
