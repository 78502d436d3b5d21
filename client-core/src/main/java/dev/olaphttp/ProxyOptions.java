package dev.olaphttp;

import java.util.Locale;
import java.util.Objects;

/**
 * The proxy a client's own HTTP client goes through: none (the default), an HTTP proxy (plain requests are sent
 * to it with an absolute URI, TLS goes through a {@code CONNECT} tunnel) or a SOCKS5 proxy. HTTP proxy
 * credentials are sent as {@code Proxy-Authorization: Basic} to the proxy only, never to the database. Immutable;
 * {@link #toString()} hides the password.
 *
 * <pre>{@code
 * SqlClient.builder().dsn(dsn).proxy(ProxyOptions.http("proxy.corp", 3128).withCredentials("me", secret))
 * }</pre>
 */
public final class ProxyOptions {
    /** The proxy protocols. */
    public enum Type {
        /** Direct connections. */
        NONE,
        /** An HTTP proxy ({@code CONNECT} for TLS). */
        HTTP,
        /** A SOCKS5 proxy. */
        SOCKS
    }

    private static final ProxyOptions NONE = new ProxyOptions(Type.NONE, null, 0, null, null);

    private final Type type;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private ProxyOptions(Type type, String host, int port, String user, String password) {
        this.type = type;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Direct connections (the default). */
    public static ProxyOptions none() {
        return NONE;
    }

    /** An HTTP proxy. */
    public static ProxyOptions http(String host, int port) {
        return new ProxyOptions(Type.HTTP, checkHost(host), checkPort(port), null, null);
    }

    /**
     * A SOCKS5 proxy. The JDK's SOCKS client takes credentials only from the JVM-wide
     * {@link java.net.Authenticator}, so {@link #withCredentials} is refused for SOCKS.
     */
    public static ProxyOptions socks(String host, int port) {
        return new ProxyOptions(Type.SOCKS, checkHost(host), checkPort(port), null, null);
    }

    /**
     * Parses {@code http://host:port} or {@code socks5://host:port} (also {@code socks://}); {@code none} or an
     * empty string for none.
     */
    public static ProxyOptions parse(String spec) {
        Objects.requireNonNull(spec, "proxy");
        String s = spec.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("none")) {
            return NONE;
        }
        int sep = s.indexOf("://");
        String scheme = sep < 0 ? "" : s.substring(0, sep).toLowerCase(Locale.ROOT);
        String hostPort = sep < 0 ? s : s.substring(sep + 3);
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || hostPort.contains("@") || hostPort.contains("/")) {
            throw new IllegalArgumentException("proxy must look like http://host:port or socks5://host:port "
                    + "(credentials go in proxy_user and proxy_password)");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("proxy port is not a number");
        }
        return switch (scheme) {
            case "http" -> http(host, port);
            case "socks", "socks5" -> socks(host, port);
            default -> throw new IllegalArgumentException("proxy scheme must be http or socks5, got '" + scheme + "'");
        };
    }

    /** The same proxy with credentials (HTTP proxies only). */
    public ProxyOptions withCredentials(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (type != Type.HTTP) {
            throw new IllegalArgumentException("proxy credentials are supported for HTTP proxies only (a SOCKS "
                    + "proxy takes them from the JVM-wide java.net.Authenticator)");
        }
        if (user.indexOf(':') >= 0 || hasControl(user) || hasControl(password)) {
            throw new IllegalArgumentException("proxy user must not contain ':', and neither user nor password CR, LF "
                    + "or NUL");
        }
        return new ProxyOptions(type, host, port, user, password);
    }

    /** The proxy protocol. */
    public Type type() {
        return type;
    }

    /** The proxy host, or {@code null} for none. */
    public String host() {
        return host;
    }

    /** The proxy port, or 0 for none. */
    public int port() {
        return port;
    }

    /** The proxy user, or {@code null}. */
    public String user() {
        return user;
    }

    /** The proxy password, or {@code null}; never log it. */
    public String password() {
        return password;
    }

    private static String checkHost(String host) {
        if (host == null || host.isBlank() || hasControl(host)) {
            throw new IllegalArgumentException("proxy host is empty or invalid");
        }
        return host;
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port out of range (1..65535)");
        }
        return port;
    }

    private static boolean hasControl(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\0') >= 0;
    }

    @Override
    public String toString() {
        if (type == Type.NONE) {
            return "ProxyOptions{none}";
        }
        return "ProxyOptions{" + type.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port
                + (user == null ? "" : ", user=" + user + ", password=****") + "}";
    }
}
