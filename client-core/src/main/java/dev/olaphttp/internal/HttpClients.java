package dev.olaphttp.internal;

import dev.olaphttp.HttpClientProvider;
import dev.olaphttp.ProxyOptions;
import dev.olaphttp.TlsOptions;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Creates the OkHttpClient a SqlClient uses, or derives a safe view of a borrowed one. */
final class HttpClients {
    private HttpClients() {}

    /**
     * A client with OkHttp's silent re-sends (408, connection failures) and redirects off, so that nothing runs a
     * statement twice behind our back. A borrowed client is only derived from (its pool and dispatcher shared).
     */
    static OkHttpClient create(HttpClientProvider provider, Duration connectTimeout, Duration readTimeout,
            TlsOptions tls, HttpSettings http) {
        OkHttpClient.Builder b;
        if (provider != null) {
            if (!(provider.unwrap() instanceof OkHttpClient borrowed)) {
                throw new IllegalArgumentException("the HTTP client provider must wrap an okhttp3.OkHttpClient");
            }
            if (http.poolSet() || http.proxy().type() != ProxyOptions.Type.NONE) {
                throw new IllegalStateException("a borrowed OkHttpClient keeps its own connection pool and proxy: "
                        + "set them on it, not on the SqlClient builder");
            }
            b = borrowed.newBuilder();
        } else {
            // The keep-alive stays below the servers' (ClickHouse 18.16 closes idle connections after 3 s): a
            // statement sent on a connection the server already closed fails after the request was written, and a
            // non-idempotent statement cannot then be retried safely.
            b = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(
                            http.maxIdleConnections(), http.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
                    .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            proxy(b, http.proxy());
        }
        ExtraHeaders extra = new ExtraHeaders(http.headers(), http.proxy());
        if (extra.needed()) {
            b.addInterceptor(extra);
        }
        b.retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false);
        if (tls.isCustom()) {
            b.sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager());
        }
        return b.build();
    }

    private static void proxy(OkHttpClient.Builder b, ProxyOptions proxy) {
        switch (proxy.type()) {
            case NONE -> b.proxy(Proxy.NO_PROXY);
            case SOCKS -> b.proxy(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
            case HTTP -> {
                b.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
                String auth = ExtraHeaders.proxyAuthorization(proxy);
                if (auth != null) {
                    // CONNECT tunnels (TLS): OkHttp asks preemptively, then on a 407; a 407 to credentials ends it
                    b.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null
                            ? null
                            : response.request().newBuilder().header("Proxy-Authorization", auth).build());
                }
            }
        }
    }

    /** Shuts down an owned client: stops its dispatcher and closes pooled connections. */
    static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
