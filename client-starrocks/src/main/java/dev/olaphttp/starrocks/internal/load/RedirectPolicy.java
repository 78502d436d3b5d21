package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.Endpoint;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.spi.ClientConfig;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which load redirects are followed (with the client's credentials, as {@code curl --location-trusted} does):
 * <ul>
 *   <li>never from {@code https} to {@code http}, which would send the Basic credentials and the data in clear
 *       text, unless option {@value #ALLOW_HTTP} is {@code true};
 *   <li>only to the hosts of option {@value #HOSTS} (comma-separated {@code host} or {@code host:port}) when it is
 *       set; to any host the FE names otherwise (it picks a backend per load).
 * </ul>
 * A refused redirect is a {@link ProtocolException} and nothing is sent to its target. Immutable.
 */
record RedirectPolicy(boolean allowHttp, Set<String> hosts) {
    /** Option: allow a redirect from {@code https} to {@code http} (default false). */
    static final String ALLOW_HTTP = dev.olaphttp.starrocks.internal.DsnSettings.LOAD_REDIRECT_ALLOW_HTTP;
    /** Option: the only hosts ({@code host} or {@code host:port}) a load may be redirected to (default any). */
    static final String HOSTS = dev.olaphttp.starrocks.internal.DsnSettings.LOAD_REDIRECT_HOSTS;

    static RedirectPolicy of(ClientConfig config) {
        boolean allowHttp = config.booleanOption(ALLOW_HTTP, false);
        Set<String> hosts = config.option(HOSTS).map(RedirectPolicy::hostList).orElse(Set.of());
        return new RedirectPolicy(allowHttp, hosts);
    }

    private static Set<String> hostList(String value) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String h : value.split(",")) {
            if (!h.isBlank()) {
                out.add(h.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }

    /** Refuses {@code to} when the rule does not allow it; {@code from} is the endpoint that redirected. */
    void check(Endpoint from, URI to, int status, ErrorDetails details) {
        String scheme = to.getScheme().toLowerCase(Locale.ROOT);
        if (from.secure() && scheme.equals("http") && !allowHttp) {
            throw new ProtocolException("refused to follow the redirect (HTTP " + status + ") from https to http://"
                    + to.getRawAuthority() + ": it would send the credentials and the data in clear text; nothing"
                    + " was sent there (option " + ALLOW_HTTP + "=true allows it)", null,
                    details.withHttpStatus(status));
        }
        if (!hosts.isEmpty()) {
            String host = to.getHost().toLowerCase(Locale.ROOT);
            int port = to.getPort() >= 0 ? to.getPort() : scheme.equals("https") ? 443 : 80;
            if (!hosts.contains(host) && !hosts.contains(host + ":" + port)) {
                throw new ProtocolException("refused to follow the redirect (HTTP " + status + ") to " + host + ":"
                        + port + ", which is not in option " + HOSTS + "; nothing was sent there", null,
                        details.withHttpStatus(status));
            }
        }
    }
}
