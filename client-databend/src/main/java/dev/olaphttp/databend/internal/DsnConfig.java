package dev.olaphttp.databend.internal;

import dev.olaphttp.Credentials;
import dev.olaphttp.Dsn;
import dev.olaphttp.Endpoint;
import dev.olaphttp.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies a Databend DSN, {@code databend://user:password@host:port/database?warehouse=..&tenant=..&sslmode=..}:
 * TLS and port 443 by default (Databend Cloud), {@code sslmode=disable} for self-hosted servers (port 8000).
 */
final class DsnConfig {
    private DsnConfig() {}

    /** Applies {@code dsn} to {@code builder}; unknown parameters fail, naming the known ones. */
    static void apply(Dsn dsn, SqlClient.Builder builder) {
        Map<String, String> params = dsn.params();
        boolean secure = secure(dsn.scheme(), params.get(Options.SSLMODE));
        int defaultPort = secure ? 443 : 8000;
        List<Endpoint> endpoints = new ArrayList<>();
        for (Dsn.HostPort hp : dsn.hosts()) {
            endpoints.add(new Endpoint(secure, hp.host(), hp.port() > 0 ? hp.port() : defaultPort, ""));
        }
        builder.endpoints(endpoints);
        String token = params.get(Options.ACCESS_TOKEN);
        if (token != null && !token.isEmpty()) {
            builder.credentials(Credentials.bearer(token));
        } else if (dsn.user().isPresent()) {
            builder.credentials(Credentials.basic(dsn.user().get(), dsn.password().orElse("")));
        }
        if (!dsn.path().isEmpty()) {
            builder.database(dsn.path());
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(Options.SETTING_PREFIX) && key.length() > Options.SETTING_PREFIX.length()) {
                builder.setting(key.substring(Options.SETTING_PREFIX.length()), e.getValue());
            } else if (Options.KNOWN.contains(key)) {
                if (!key.equals(Options.ACCESS_TOKEN) && !key.equals(Options.SSLMODE)) {
                    builder.option(key, e.getValue());
                }
            } else {
                throw new IllegalArgumentException("unknown databend DSN parameter '" + key + "'; known: "
                        + new TreeSet<>(Options.KNOWN) + " and setting.<name> for session settings");
            }
        }
    }

    private static boolean secure(String scheme, String sslmode) {
        if (scheme.endsWith("+http")) {
            return false;
        }
        if (scheme.endsWith("+https")) {
            return true;
        }
        if (sslmode == null || sslmode.isEmpty()) {
            return true;
        }
        return switch (sslmode.toLowerCase(Locale.ROOT)) {
            case "disable", "disabled", "false", "off" -> false;
            case "require", "enable", "enabled", "true", "on", "verify-ca", "verify-full" -> true;
            default -> throw new IllegalArgumentException("sslmode must be disable or require, got '" + sslmode + "'");
        };
    }
}
