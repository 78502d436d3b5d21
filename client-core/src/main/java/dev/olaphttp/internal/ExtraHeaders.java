package dev.olaphttp.internal;

import dev.olaphttp.ProxyOptions;
import java.io.IOException;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the client's extra headers to every request (a header the dialect set wins), and the HTTP proxy's
 * {@code Proxy-Authorization} to plain-HTTP requests, which go to the proxy itself. A TLS request goes through a
 * {@code CONNECT} tunnel instead, whose credentials {@link HttpClients} adds; inside the tunnel the header would
 * reach the database, so it is never added there.
 */
final class ExtraHeaders implements Interceptor {
    private final Map<String, String> headers;
    private final String proxyAuthorization;

    ExtraHeaders(Map<String, String> headers, ProxyOptions proxy) {
        this.headers = headers;
        this.proxyAuthorization = proxyAuthorization(proxy);
    }

    static String proxyAuthorization(ProxyOptions proxy) {
        return proxy.type() == ProxyOptions.Type.HTTP && proxy.user() != null
                ? Credentials.basic(proxy.user(), proxy.password(), java.nio.charset.StandardCharsets.UTF_8)
                : null;
    }

    boolean needed() {
        return !headers.isEmpty() || proxyAuthorization != null;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Request.Builder b = request.newBuilder();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (request.header(h.getKey()) == null) {
                b.header(h.getKey(), h.getValue());
            }
        }
        if (proxyAuthorization != null && !request.isHttps()) {
            b.header("Proxy-Authorization", proxyAuthorization);
        }
        return chain.proceed(b.build());
    }
}
