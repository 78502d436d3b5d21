package dev.olaphttp;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The DSN parameters every dialect shares, for the client's own HTTP client: applied to the builder and removed
 * before the dialect sees the DSN (for ClickHouse any other parameter is a server setting).
 *
 * <ul>
 *   <li>{@code pool_max_idle=8}, {@code pool_keep_alive=2s} (ms, s, m or ISO-8601 such as {@code PT2S})</li>
 *   <li>{@code proxy=http://host:port} or {@code socks5://host:port}; {@code proxy_user}, {@code proxy_password}</li>
 *   <li>{@code tls_trust_pem=/ca.pem}; a client certificate: {@code tls_pkcs12=/client.p12} with
 *       {@code tls_pkcs12_password}, or {@code tls_cert_pem=/chain.pem} with {@code tls_key_pem=/key.pem}</li>
 *   <li>{@code header.X-Name=value}: an extra request header</li>
 * </ul>
 */
final class DsnConnectionOptions {
    static final String POOL_MAX_IDLE = "pool_max_idle";
    static final String POOL_KEEP_ALIVE = "pool_keep_alive";
    static final String PROXY = "proxy";
    static final String PROXY_USER = "proxy_user";
    static final String PROXY_PASSWORD = "proxy_password";
    static final String TLS_TRUST_PEM = "tls_trust_pem";
    static final String TLS_PKCS12 = "tls_pkcs12";
    static final String TLS_PKCS12_PASSWORD = "tls_pkcs12_password";
    static final String TLS_CERT_PEM = "tls_cert_pem";
    static final String TLS_KEY_PEM = "tls_key_pem";
    static final String HEADER_PREFIX = "header.";

    private static final Set<String> KEYS = Set.of(POOL_MAX_IDLE, POOL_KEEP_ALIVE, PROXY, PROXY_USER, PROXY_PASSWORD,
            TLS_TRUST_PEM, TLS_PKCS12, TLS_PKCS12_PASSWORD, TLS_CERT_PEM, TLS_KEY_PEM);

    private DsnConnectionOptions() {}

    /** Applies the shared parameters to {@code b}; returns the DSN without them. */
    static Dsn apply(Dsn dsn, SqlClient.Builder b) {
        Map<String, String> p = dsn.params();
        Set<String> used = new HashSet<>();
        for (String k : p.keySet()) {
            if (KEYS.contains(k.toLowerCase(Locale.ROOT)) || k.toLowerCase(Locale.ROOT).startsWith(HEADER_PREFIX)) {
                used.add(k);
            }
        }
        if (used.isEmpty()) {
            return dsn;
        }
        String maxIdle = get(dsn, POOL_MAX_IDLE);
        String keepAlive = get(dsn, POOL_KEEP_ALIVE);
        if (maxIdle != null || keepAlive != null) {
            b.connectionPool(maxIdle == null ? b.maxIdleConnections : wholeNumber(POOL_MAX_IDLE, maxIdle),
                    keepAlive == null ? b.keepAlive : duration(POOL_KEEP_ALIVE, keepAlive));
        }
        String proxy = get(dsn, PROXY);
        String proxyUser = get(dsn, PROXY_USER);
        if (proxy != null) {
            ProxyOptions options = ProxyOptions.parse(proxy);
            if (proxyUser != null) {
                String pw = get(dsn, PROXY_PASSWORD);
                options = options.withCredentials(proxyUser, pw == null ? "" : pw);
            }
            b.proxy(options);
        } else if (proxyUser != null) {
            throw new IllegalArgumentException("DSN has proxy_user but no proxy");
        }
        tls(dsn, b);
        for (String k : used) {
            if (k.toLowerCase(Locale.ROOT).startsWith(HEADER_PREFIX)) {
                b.header(k.substring(HEADER_PREFIX.length()), p.get(k));
            }
        }
        return dsn.withoutParams(used);
    }

    private static void tls(Dsn dsn, SqlClient.Builder b) {
        String trust = get(dsn, TLS_TRUST_PEM);
        String p12 = get(dsn, TLS_PKCS12);
        String cert = get(dsn, TLS_CERT_PEM);
        String key = get(dsn, TLS_KEY_PEM);
        if (trust == null && p12 == null && cert == null && key == null) {
            return;
        }
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("DSN needs both tls_cert_pem and tls_key_pem");
        }
        if (p12 != null && cert != null) {
            throw new IllegalArgumentException("DSN has both tls_pkcs12 and tls_cert_pem: choose one client certificate");
        }
        TlsOptions.Builder t = TlsOptions.builder();
        if (trust != null) {
            t.trustPem(Path.of(trust));
        }
        if (p12 != null) {
            String pw = get(dsn, TLS_PKCS12_PASSWORD);
            t.clientCertificatePkcs12(Path.of(p12), (pw == null ? "" : pw).toCharArray());
        } else if (cert != null) {
            t.clientCertificatePem(Path.of(cert), Path.of(key));
        }
        b.tls(t.build());
    }

    private static String get(Dsn dsn, String key) {
        for (Map.Entry<String, String> e : dsn.params().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static int wholeNumber(String key, String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("DSN parameter " + key + " must be a whole number >= 0");
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, a plain number of seconds, or ISO-8601 ({@code PT2S}). */
    static Duration duration(String key, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt")) {
                return Duration.parse(s);
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("DSN parameter " + key + " must be a duration such as 500ms, 2s or 1m");
        }
    }
}
