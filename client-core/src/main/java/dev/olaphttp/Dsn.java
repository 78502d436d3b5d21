package dev.olaphttp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed data source name: {@code scheme://user:password@host:port[,host2:port2]/path?key=value&...}.
 * User, password and parameter values are percent-decoded. {@link #toString()} hides the password.
 *
 * <p>Dialects read what they need from it: {@code databend://u:p@host:443/db?warehouse=wh&sslmode=disable},
 * {@code clickhouse://u:p@host:8123/db}, {@code starrocks://u:p@fe:8030/catalog.db}.
 */
public final class Dsn {
    /** Error messages never quote the DSN, which may hold a password: they say where to look instead. */
    private static final String HINT = "; percent-encode reserved characters (@ : / ? # % and space) in the user "
            + "and password";

    /** One {@code host[:port]} of the DSN; port is -1 when absent. */
    public record HostPort(String host, int port) {}

    private final String scheme;
    private final String user;
    private final String password;
    private final List<HostPort> hosts;
    private final String path;
    private final Map<String, String> params;

    private Dsn(String scheme, String user, String password, List<HostPort> hosts, String path, Map<String, String> params) {
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.hosts = hosts;
        this.path = path;
        this.params = params;
    }

    /** Parses a DSN; throws {@link IllegalArgumentException} (without echoing the password) when malformed. */
    public static Dsn parse(String dsn) {
        if (dsn == null) {
            throw new IllegalArgumentException("DSN is null");
        }
        int sep = dsn.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException("DSN must look like scheme://[user[:password]@]host[:port][/path][?k=v]");
        }
        String scheme = dsn.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = dsn.substring(sep + 3);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int at = rest.lastIndexOf('@');
        String userInfo = null;
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = decode(rest.substring(slash + 1));
            rest = rest.substring(0, slash);
        }
        List<HostPort> hosts = new ArrayList<>();
        for (String hp : rest.split(",")) {
            if (!hp.isBlank()) {
                hosts.add(parseHostPort(hp.trim()));
            }
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("DSN has no host (scheme " + scheme + ")");
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = decode(eq >= 0 ? pair.substring(0, eq) : pair);
                String v = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
                params.put(k, v);
            }
        }
        return new Dsn(scheme, user, password, List.copyOf(hosts), path, Collections.unmodifiableMap(params));
    }

    private static HostPort parseHostPort(String hp) {
        String host;
        String port = null;
        if (hp.startsWith("[")) {
            int end = hp.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("DSN host has an unclosed IPv6 bracket");
            }
            host = hp.substring(1, end);
            if (hp.length() > end + 1 && hp.charAt(end + 1) == ':') {
                port = hp.substring(end + 2);
            }
        } else {
            int colon = hp.lastIndexOf(':');
            host = colon >= 0 ? hp.substring(0, colon) : hp;
            port = colon >= 0 ? hp.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("DSN host is empty");
        }
        int p = -1;
        if (port != null && !port.isEmpty()) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DSN port is not a number" + HINT);
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("DSN port out of range (1..65535)" + HINT);
            }
        }
        return new HostPort(host, p);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder quotes the offending characters, which may be part of the password
            throw new IllegalArgumentException("DSN has an invalid percent-encoding (%XX)" + HINT);
        }
    }

    /** The scheme, lower-cased. */
    public String scheme() {
        return scheme;
    }

    /** The user name, percent-decoded, when the DSN has one. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password; never log it. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The hosts in the order given (at least one). */
    public List<HostPort> hosts() {
        return hosts;
    }

    /** The path without its leading slash, decoded; empty when absent. */
    public String path() {
        return path;
    }

    /** Query parameters, decoded, in order. */
    public Map<String, String> params() {
        return params;
    }

    /** This DSN without the given parameters (the shared connection options the core consumes). */
    Dsn withoutParams(java.util.Set<String> names) {
        Map<String, String> rest = new LinkedHashMap<>(params);
        rest.keySet().removeAll(names);
        return new Dsn(scheme, user, password, hosts, path, Collections.unmodifiableMap(rest));
    }

    /** One parameter. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (user != null) {
            sb.append(user);
            if (password != null) {
                sb.append(":****");
            }
            sb.append('@');
        }
        for (int i = 0; i < hosts.size(); i++) {
            HostPort h = hosts.get(i);
            sb.append(i == 0 ? "" : ",").append(h.host().contains(":") ? "[" + h.host() + "]" : h.host());
            if (h.port() > 0) {
                sb.append(':').append(h.port());
            }
        }
        if (!path.isEmpty()) {
            sb.append('/').append(path);
        }
        if (!params.isEmpty()) {
            sb.append('?');
            boolean first = true;
            for (Map.Entry<String, String> e : params.entrySet()) {
                sb.append(first ? "" : "&").append(e.getKey()).append('=');
                sb.append(SessionState.looksSecret(e.getKey()) ? "****" : e.getValue());
                first = false;
            }
        }
        return sb.toString();
    }
}
