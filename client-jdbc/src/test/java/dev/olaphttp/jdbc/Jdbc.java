package dev.olaphttp.jdbc;

import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Shared helpers of the JDBC tests: URLs for the testkit servers, polling, requests, threads. */
final class Jdbc {
    private Jdbc() {}

    static String url(ClickHouseTestServer s) {
        return "jdbc:olaphttp:clickhouse://127.0.0.1:" + s.port() + "/default";
    }

    static String url(DatabendTestServer s) {
        return "jdbc:olaphttp:databend://127.0.0.1:" + s.port() + "/default?sslmode=disable";
    }

    static String url(StarRocksTestServer s) {
        return "jdbc:olaphttp:starrocks://127.0.0.1:" + s.port() + "/default_catalog.demo";
    }

    /** The SQL of a request as any dialect sends it (ClickHouse {@code query=} or the body). */
    static String sqlOf(RecordedRequest r) {
        String q = r.queryParam("query");
        return (q == null ? "" : q) + " " + r.bodyUtf8();
    }

    static List<RecordedRequest> requestsWith(TestServer server, String fragment) {
        return server.requests().stream().filter(r -> sqlOf(r).contains(fragment)).toList();
    }

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

    /** Polls until the condition holds; false if it did not within the timeout. */
    static boolean await(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    static <T> CompletableFuture<T> async(Callable<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "jdbc-test-async");
        t.setDaemon(true);
        t.start();
        return f;
    }

    static Throwable failureOf(CompletableFuture<?> f, int seconds) throws Exception {
        try {
            f.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
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
