package dev.olaphttp;

/**
 * Supplies the HTTP client a {@link SqlClient} uses. Obtain one from {@code dev.olaphttp.okhttp.OkHttpAdapter};
 * without one the client creates and owns its own.
 */
public interface HttpClientProvider {
    /** The underlying client object (an {@code okhttp3.OkHttpClient}). */
    Object unwrap();

    /** Whether closing the {@link SqlClient} should shut the client down. */
    boolean owned();
}
