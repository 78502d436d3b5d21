package dev.olaphttp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;

/** Small helpers shared by the end-to-end suites. */
final class E2e {
    /** Fast retries so 503 bursts do not slow the suite down. */
    static final ResiliencePolicy FAST_RETRIES =
            ResiliencePolicy.builder().maxAttempts(4).backoff(Duration.ofMillis(5), 1.5, Duration.ofMillis(20)).build();

    private E2e() {}

    /**
     * Stubs {@code SELECT * FROM <table>} with {@code Table.random(seed, rows, ...)}, reads it through the client and
     * compares every decoded value with the generator's value converted by the column's expectation.
     */
    static void verifyRandomTable(SqlClient client, TestServer server, String tableName, long seed, int rows,
            Expect.TypedColumn... columns) {
        verifyRandomTable(client, server, tableName, "", seed, rows, columns);
    }

    /** As above, with {@code suffix} (e.g. a FORMAT clause) after the table name. */
    static void verifyRandomTable(SqlClient client, TestServer server, String tableName, String suffix, long seed,
            int rows, Expect.TypedColumn... columns) {
        dev.olaphttp.testkit.Column[] cols = new dev.olaphttp.testkit.Column[columns.length];
        for (int i = 0; i < columns.length; i++) {
            cols[i] = columns[i].column();
        }
        Table table = Table.random(seed, rows, cols);
        server.when(SqlMatcher.contains("FROM " + tableName)).thenReturn(table);
        Object[] generated = new Object[columns.length];
        int nulls = 0;
        try (RowCursor cursor = client.sql("SELECT * FROM " + tableName + suffix).stream()) {
            assertThat(cursor.schema().names()).containsExactly(names(columns));
            int row = 0;
            while (cursor.next()) {
                table.row(row, generated);
                for (int c = 0; c < columns.length; c++) {
                    Expect.TypedColumn col = columns[c];
                    Object actual = cursor.getObject(c + 1);
                    Object expected = col.expect(generated[c]);
                    String where = "row " + row + " column " + col.name() + " (" + col.type() + ")";
                    assertThat(Expect.canon(actual)).as(where).isEqualTo(Expect.canon(expected));
                    assertThat(cursor.isNull(c + 1)).as(where).isEqualTo(expected == null);
                    if (actual != null) {
                        assertThat(actual).as(where).isInstanceOf(col.javaType());
                    } else {
                        nulls++;
                    }
                }
                row++;
            }
            assertThat(row).as("rows read").isEqualTo(rows);
        }
        boolean nullable = java.util.Arrays.stream(columns)
                .anyMatch(c -> c.type().startsWith("Nullable(") || c.type().endsWith(" NULL"));
        if (nullable) {
            assertThat(nulls).as("the generator produced NULLs in nullable columns").isPositive();
        }
    }

    private static String[] names(Expect.TypedColumn... columns) {
        String[] names = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            names[i] = columns[i].name();
        }
        return names;
    }

    /** Asserts that a lent OkHttpClient's pool holds no connection in use (every response body was closed). */
    static void assertNoActiveConnections(OkHttpClient http) {
        awaitTrue(() -> http.connectionPool().connectionCount() == http.connectionPool().idleConnectionCount(),
                Duration.ofSeconds(3));
        assertThat(http.connectionPool().connectionCount())
                .as("connections in use")
                .isEqualTo(http.connectionPool().idleConnectionCount());
    }

    /** Waits until a request matching {@code test} has arrived, and returns it. */
    static RecordedRequest awaitRequest(TestServer server, Predicate<RecordedRequest> test, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (RecordedRequest r : server.requests()) {
                if (test.test(r)) {
                    return r;
                }
            }
            sleep(10);
        }
        throw new AssertionError("no matching request within " + timeout + "; got " + server.requests());
    }

    /** Requests whose query text (URL parameter or body) contains {@code fragment}. */
    static List<RecordedRequest> requestsWith(TestServer server, String fragment) {
        return server.requests().stream().filter(r -> sqlOf(r).contains(fragment)).toList();
    }

    /** The SQL of a request as sent by any of the dialects (ClickHouse {@code query=} or any body). */
    static String sqlOf(RecordedRequest r) {
        String q = r.queryParam("query");
        return (q == null ? "" : q) + " " + r.bodyUtf8();
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            sleep(10);
        }
    }

    /** Runs {@code body} on another thread. */
    static <T> CompletableFuture<T> async(Callable<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "e2e-async");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The failure a future ended with, waiting at most {@code seconds}. */
    static Throwable failureOf(CompletableFuture<?> f, int seconds) throws Exception {
        try {
            f.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure but the call completed normally");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
