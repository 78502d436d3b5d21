package dev.olaphttp.starrocks.internal;

import dev.olaphttp.Dsn;
import dev.olaphttp.Endpoint;
import dev.olaphttp.SqlClient;
import java.util.Locale;
import java.util.Map;

/** Applies a {@code starrocks://} DSN to a client builder (variable names lower-cased, as SET does). Not API. */
public final class DsnSettings {
    /** The FE's default HTTP port. */
    public static final int DEFAULT_PORT = 8030;

    /** Option: use HTTPS. */
    public static final String SECURE = "secure";

    /** Option: send {@code KILL QUERY} after a cancel or an early close (default true). */
    public static final String KILL_ON_CANCEL = "kill_on_cancel";

    /** Option: let a Stream Load follow a redirect from https to http (default false: refused). */
    public static final String LOAD_REDIRECT_ALLOW_HTTP = "load_redirect_allow_http";

    /** Option: the only hosts ({@code host} or {@code host:port}, comma-separated) a load may be redirected to. */
    public static final String LOAD_REDIRECT_HOSTS = "load_redirect_hosts";

    /** Prefix of DSN parameters that are session variables. */
    public static final String VAR_PREFIX = "var.";

    private DsnSettings() {}

    /** Sets endpoints, credentials, catalog, database, session variables and options from the DSN. */
    public static void apply(Dsn dsn, SqlClient.Builder builder) {
        boolean secure = dsn.scheme().endsWith("+https");
        for (Map.Entry<String, String> p : dsn.params().entrySet()) {
            String key = p.getKey();
            if (key.startsWith(VAR_PREFIX) && key.length() > VAR_PREFIX.length()) {
                builder.setting(key.substring(VAR_PREFIX.length()).toLowerCase(Locale.ROOT), p.getValue());
            } else if (key.equals(SECURE)) {
                secure |= parseBoolean(key, p.getValue());
            } else if (key.equals(KILL_ON_CANCEL) || key.equals(LOAD_REDIRECT_ALLOW_HTTP)) {
                parseBoolean(key, p.getValue());
                builder.option(key, p.getValue());
            } else if (key.equals(LOAD_REDIRECT_HOSTS)) {
                builder.option(key, p.getValue());
            } else {
                throw new IllegalArgumentException("unknown starrocks DSN option '" + key + "' (known: " + SECURE
                        + ", " + KILL_ON_CANCEL + ", " + LOAD_REDIRECT_ALLOW_HTTP + ", " + LOAD_REDIRECT_HOSTS + ", " + VAR_PREFIX + "<session variable>)");
            }
        }
        java.util.List<Endpoint> endpoints = new java.util.ArrayList<>();
        for (Dsn.HostPort hp : dsn.hosts()) {
            endpoints.add(new Endpoint(secure, hp.host(), hp.port() > 0 ? hp.port() : DEFAULT_PORT, ""));
        }
        builder.endpoints(endpoints);
        if (dsn.user().isPresent()) {
            builder.user(dsn.user().get(), dsn.password().orElse(""));
        }
        String path = dsn.path();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.contains("/")) {
            throw new IllegalArgumentException("starrocks DSN path must be 'catalog.database' or 'database'");
        }
        if (!path.isEmpty()) {
            int dot = path.indexOf('.');
            if (dot < 0) {
                builder.database(path);
            } else {
                String catalog = path.substring(0, dot);
                String database = path.substring(dot + 1);
                if (catalog.isEmpty()) {
                    throw new IllegalArgumentException("starrocks DSN path has an empty catalog before '.'");
                }
                builder.catalog(catalog);
                if (!database.isEmpty()) {
                    builder.database(database);
                }
            }
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(
                    "starrocks DSN option " + name + " must be true or false, got '" + value + "'");
        };
    }
}
