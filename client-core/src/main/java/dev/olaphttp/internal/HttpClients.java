package dev.olaphttp.internal;

import dev.olaphttp.HttpClientProvider;
import dev.olaphttp.TlsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Creates the OkHttpClient a SqlClient uses, or derives a safe view of a borrowed one. */
final class HttpClients {
    /**
     * How long an owned client keeps an idle connection. Shorter than the servers' keep-alive (ClickHouse 18.16
     * closes idle connections after 3 s): a statement sent on a connection the server already closed fails after
     * the request was written, and a non-idempotent statement cannot then be retried safely.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(2);

    static final int MAX_IDLE_CONNECTIONS = 8;

    private HttpClients() {}

    /**
     * A client with OkHttp's silent re-sends (408, connection failures) and redirects off, so that nothing runs a
     * statement twice behind our back. A borrowed client is only derived from (its pool and dispatcher shared).
     */
    static OkHttpClient create(
            HttpClientProvider provider, Duration connectTimeout, Duration readTimeout, TlsOptions tls) {
        OkHttpClient.Builder b;
        if (provider != null) {
            if (!(provider.unwrap() instanceof OkHttpClient borrowed)) {
                throw new IllegalArgumentException("the HTTP client provider must wrap an okhttp3.OkHttpClient");
            }
            b = borrowed.newBuilder();
        } else {
            b = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                    .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        b.retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false);
        if (tls.isCustom()) {
            b.sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager());
        }
        return b.build();
    }

    /** Shuts down an owned client: stops its dispatcher and closes pooled connections. */
    static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
