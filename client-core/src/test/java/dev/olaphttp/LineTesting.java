package dev.olaphttp;

import dev.olaphttp.testdialect.LineDialect;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared helpers for the core's tests over the test dialect and mockwebserver3. */
final class LineTesting {
    private LineTesting() {}

    /** Retries with a short, fixed backoff so tests run fast. */
    static ResiliencePolicy.Builder fastPolicy(int attempts) {
        return ResiliencePolicy.builder()
                .maxAttempts(attempts)
                .backoff(Duration.ofMillis(5), 1.0, Duration.ofMillis(5))
                .jitter(0);
    }

    /** A builder for a client of the test dialect over the given servers, fast retries. */
    static SqlClient.Builder builder(MockWebServer... servers) {
        SqlClient.Builder b = SqlClient.builder().dialect(new LineDialect()).resilience(fastPolicy(4).build());
        for (MockWebServer s : servers) {
            b.endpoint(url(s));
        }
        return b;
    }

    static String url(MockWebServer s) {
        return "http://127.0.0.1:" + s.getPort();
    }

    /** A port nobody listens on. */
    static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    /** Records listener calls. */
    static final class Recorder implements QueryListener {
        final List<Duration> retryDelays = new CopyOnWriteArrayList<>();
        final List<SqlClientException> retryCauses = new CopyOnWriteArrayList<>();
        final List<Integer> requestAttempts = new CopyOnWriteArrayList<>();
        final List<SqlClientException> failures = new CopyOnWriteArrayList<>();
        final List<Long> ends = new CopyOnWriteArrayList<>();

        @Override
        public void onRequest(QueryInfo query, String method, String path, int attempt) {
            requestAttempts.add(attempt);
        }

        @Override
        public void onRetry(QueryInfo query, int attempt, Duration delay, SqlClientException cause) {
            retryDelays.add(delay);
            retryCauses.add(cause);
        }

        @Override
        public void onEnd(QueryInfo query, QueryStats stats, long rows) {
            ends.add(rows);
        }

        @Override
        public void onFailure(QueryInfo query, SqlClientException error) {
            failures.add(error);
        }
    }
}
