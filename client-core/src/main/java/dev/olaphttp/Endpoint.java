package dev.olaphttp;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One server address: scheme ({@code http} or {@code https}), host, port and an optional base path. Immutable.
 *
 * @param secure   whether to use TLS
 * @param host     host name or IP literal
 * @param port     TCP port
 * @param basePath path prefix with no trailing slash, usually empty
 */
public record Endpoint(boolean secure, String host, int port, String basePath) {
    /** Validates host and port and normalizes the base path (no trailing slash). */
    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("endpoint host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("endpoint port out of range: " + port);
        }
        basePath = basePath == null ? "" : stripTrailingSlash(basePath);
    }

    /** Parses {@code http://host:port[/base]}; a missing port defaults to 80 or 443. User info is rejected. */
    public static Endpoint parse(String url) {
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("endpoint must be http:// or https://, got scheme '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("endpoint URL must not carry credentials; use Credentials");
        }
        boolean secure = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : (secure ? 443 : 80);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint has no host: " + url);
        }
        return new Endpoint(secure, uri.getHost(), port, uri.getRawPath());
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8123}. */
    public String url() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (secure ? "https" : "http") + "://" + h + ":" + port + basePath;
    }

    /** {@code host:port}, the key of this endpoint's circuit breaker. */
    public String key() {
        return host + ":" + port;
    }

    private static String stripTrailingSlash(String p) {
        String s = p;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public String toString() {
        return url();
    }
}
