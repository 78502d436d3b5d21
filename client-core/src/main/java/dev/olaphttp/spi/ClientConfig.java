package dev.olaphttp.spi;

import dev.olaphttp.Credentials;
import dev.olaphttp.Endpoint;
import dev.olaphttp.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settled configuration of one client, as dialects see it. Immutable.
 *
 * @param endpoints       servers to talk to, in preference order
 * @param credentials     how to authenticate
 * @param defaultState    the session state statements start from
 * @param options         dialect options by name (from the DSN or {@code SqlClient.Builder#option})
 * @param connectTimeout  TCP/TLS connect timeout
 * @param readTimeout     longest wait for the next bytes of a response
 * @param queryTimeout    default time budget of a statement, {@link Duration#ZERO} for none
 */
public record ClientConfig(
        List<Endpoint> endpoints,
        Credentials credentials,
        SessionState defaultState,
        Map<String, String> options,
        Duration connectTimeout,
        Duration readTimeout,
        Duration queryTimeout) {

    /** Copies the endpoints and options. */
    public ClientConfig {
        endpoints = List.copyOf(endpoints);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** A dialect option. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** A boolean option: {@code true/1/yes/on} or {@code false/0/no/off}; anything else fails clearly. */
    public boolean booleanOption(String name, boolean defaultValue) {
        String v = options.get(name);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("option " + name + " must be true or false, got '" + v + "'");
        };
    }

    /** An integer option; a malformed value fails clearly. */
    public long longOption(String name, long defaultValue) {
        String v = options.get(name);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be a whole number, got '" + v + "'");
        }
    }

    @Override
    public String toString() {
        return "ClientConfig{endpoints=" + endpoints + ", credentials=" + credentials + ", state=" + defaultState
                + ", options=" + options.keySet() + "}";
    }
}
