package dev.olaphttp.internal;

import dev.olaphttp.HttpClientProvider;
import dev.olaphttp.TlsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** Creates the OkHttpClient a SqlClient uses, or derives a safe view of a borrowed one. */
final class HttpClients {
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
