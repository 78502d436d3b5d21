package dev.olaphttp.okhttp;

import dev.olaphttp.HttpClientProvider;
import okhttp3.OkHttpClient;

/**
 * The one place where olaphttp accepts an OkHttp type: lend the client your own {@link OkHttpClient} (its
 * connection pool, dispatcher, interceptors, proxy and TLS setup). The client derives a view of it with OkHttp's
 * silent retries and redirects turned off, and never shuts the borrowed client down.
 *
 * <pre>{@code
 * SqlClient client = SqlClient.builder().dsn(dsn).httpClient(OkHttpAdapter.borrow(shared)).build();
 * }</pre>
 */
public final class OkHttpAdapter {
    private OkHttpAdapter() {}

    /** A provider that borrows {@code client}; closing the {@code SqlClient} leaves it open. */
    public static HttpClientProvider borrow(OkHttpClient client) {
        return new BorrowedOkHttp(client);
    }

    /** Carries the borrowed client; package-private so that no OkHttp type leaks through the provider. */
    static final class BorrowedOkHttp implements HttpClientProvider {
        private final OkHttpClient client;

        BorrowedOkHttp(OkHttpClient client) {
            this.client = java.util.Objects.requireNonNull(client, "client");
        }

        @Override
        public Object unwrap() {
            return client;
        }

        @Override
        public boolean owned() {
            return false;
        }

        @Override
        public String toString() {
            return "borrowed OkHttpClient";
        }
    }
}
