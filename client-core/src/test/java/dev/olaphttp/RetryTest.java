package dev.olaphttp;

import static dev.olaphttp.LineTesting.builder;
import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static dev.olaphttp.testdialect.LineProtocol.partial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the transport retries, and what it must never retry. */
class RetryTest {
    private static final String ONE_ROW = body("n:int64", "1");
    private static final String INSERT = "INSERT INTO t VALUES (1)";
    private static final String SELECT = "SELECT n FROM t";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final LineTesting.Recorder listener = new LineTesting.Recorder();

    private SqlClient client() {
        return builder(server).listener(listener).build();
    }

    @Test
    void connectFailureBeforeSendIsRetriedEvenForNonIdempotentStatement() throws Exception {
        server.enqueue(ok(body("")));
        try (SqlClient c = SqlClient.builder()
                .dialect(new dev.olaphttp.testdialect.LineDialect())
                .endpoint("http://127.0.0.1:" + LineTesting.deadPort())
                .endpoint(LineTesting.url(server))
                .resilience(LineTesting.fastPolicy(4).build())
                .listener(listener)
                .build()) {
            ExecutionResult r = c.sql(INSERT).execute();
            assertThat(r.rowsReturned()).isZero();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(listener.retryCauses).singleElement().isInstanceOfSatisfying(TransportException.class,
                t -> assertThat(t.requestSent()).isFalse());
    }

    @Test
    void connectFailureOnTheOnlyEndpointUsesEveryAttemptThenFailsTyped() throws Exception {
        try (SqlClient c = SqlClient.builder()
                .dialect(new dev.olaphttp.testdialect.LineDialect())
                .endpoint("http://127.0.0.1:" + LineTesting.deadPort())
                .resilience(LineTesting.fastPolicy(3).build())
                .listener(listener)
                .build()) {
            TransportException e = catchThrowableOfType(TransportException.class, () -> c.sql(INSERT).execute());
            assertThat(e.requestSent()).isFalse();
        }
        assertThat(listener.requestAttempts).containsExactly(1, 2, 3);
        assertThat(listener.retryCauses).as("no retry is announced after the last attempt").hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"503, false", "429, false", "503, true", "429, true"})
    void busyServerIsRetriedForNonIdempotentStatement(int code, boolean retryAfter) {
        MockResponse.Builder busy = new MockResponse.Builder().code(code).body("busy");
        if (retryAfter) {
            busy.addHeader("Retry-After", "1");
        }
        server.enqueue(busy.build());
        server.enqueue(ok(ONE_ROW));
        long started = System.nanoTime();
        try (SqlClient c = client()) {
            assertThat(c.sql(INSERT).list(r -> r.getLong(1))).containsExactly(1L);
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(listener.retryCauses).singleElement().isInstanceOf(ServerBusyException.class);
        if (retryAfter) {
            assertThat(listener.retryDelays.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(elapsedMs).isGreaterThanOrEqualTo(1000);
            assertThat(((ServerBusyException) listener.retryCauses.get(0)).retryAfter()).hasValue(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504})
    void gatewayErrorsAreRetriedOnlyForIdempotentStatements(int code) throws Exception {
        server.enqueue(status(code, "<html><body>Bad gateway</body></html>"));
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).list(r -> r.getLong(1))).containsExactly(1L);
            assertThat(server.getRequestCount()).isEqualTo(2);

            server.enqueue(status(code, "<html><body>Bad gateway</body></html>"));
            server.enqueue(ok(ONE_ROW));
            ServerBusyException e = catchThrowableOfType(ServerBusyException.class, () -> c.sql(INSERT).execute());
            assertThat(e.httpStatus()).isEqualTo(code);
            assertThat(server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void callerCanDeclareAWriteIdempotent() {
        server.enqueue(status(502, "bad gateway"));
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = client()) {
            assertThat(c.sql(INSERT).idempotent(true).list(r -> r.getLong(1))).containsExactly(1L);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void droppedConnectionAfterSendIsNotRetriedForNonIdempotentStatement() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = client()) {
            TransportException e = catchThrowableOfType(TransportException.class, () -> c.sql(INSERT).execute());
            assertThat(e.requestSent()).isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(listener.retryCauses).isEmpty();
    }

    @Test
    void droppedConnectionAfterSendIsRetriedForIdempotentStatement() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).list(r -> r.getLong(1))).containsExactly(1L);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void sqlErrorIsNeverRetriedEvenWhenIdempotent() {
        server.enqueue(status(400, "ERROR 60: Table t does not exist"));
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = client()) {
            QueryFailedException e = catchThrowableOfType(QueryFailedException.class, () -> c.sql(SELECT).execute());
            assertThat(e.errorCode()).hasValue(60);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("Table t does not exist");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void authenticationErrorIsNeverRetried(int code) {
        server.enqueue(status(code, "wrong password"));
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = builder(server).user("u", "p").build()) {
            AuthenticationException e =
                    catchThrowableOfType(AuthenticationException.class, () -> c.sql(SELECT).execute());
            assertThat(e.httpStatus()).isEqualTo(code);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void resultTruncatedAfterRowsIsNeverRetried() {
        server.enqueue(ok(partial("n:int64", "1", "2")));
        server.enqueue(ok(ONE_ROW));
        List<Long> seen = new ArrayList<>();
        try (SqlClient c = client()) {
            ResultInterruptedException e = catchThrowableOfType(
                    ResultInterruptedException.class, () -> c.sql(SELECT).forEach(r -> seen.add(r.getLong(1))));
            assertThat(e.rowsDelivered()).isEqualTo(2);
        }
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void bodyBrokenAfterRowsGivesResultInterruptedAndIsNeverRetried() {
        String rows = partial("n:int64", "1", "2", "3");
        server.enqueue(new MockResponse.Builder().code(200).body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return rows.length() + 1000; // promise more than we send
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(rows);
            }
        }).onResponseEnd(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok(ONE_ROW));
        List<Long> seen = new ArrayList<>();
        try (SqlClient c = builder(server).readTimeout(Duration.ofSeconds(10)).build()) {
            ResultInterruptedException e = catchThrowableOfType(
                    ResultInterruptedException.class, () -> c.sql(SELECT).forEach(r -> seen.add(r.getLong(1))));
            assertThat(e.rowsDelivered()).isEqualTo(3);
            assertThat(e.isRetryable()).isFalse();
        }
        assertThat(seen).containsExactly(1L, 2L, 3L);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void socketReadTimeoutIsReportedAsReadTimeoutNotAsBudget() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(ONE_ROW)
                .bodyDelay(1500, TimeUnit.MILLISECONDS)
                .build());
        try (SqlClient c = builder(server).readTimeout(Duration.ofMillis(200)).build()) {
            QueryTimeoutException e = catchThrowableOfType(QueryTimeoutException.class, () -> c.sql(SELECT).execute());
            assertThat(e.getMessage()).doesNotContain("time budget");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void timeBudgetBoundsRetriesHonouringRetryAfter() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "1").build());
        }
        try (SqlClient c = builder(server).resilience(LineTesting.fastPolicy(10).build()).build()) {
            assertThatThrownBy(() -> c.sql(SELECT).timeout(Duration.ofMillis(1500)).execute())
                    .isInstanceOfAny(QueryTimeoutException.class, ServerBusyException.class);
        }
        assertThat(server.getRequestCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void timeBudgetBoundsRetriesWithBackoff() {
        for (int i = 0; i < 20; i++) {
            server.enqueue(status(503, "busy"));
        }
        ResiliencePolicy slow = ResiliencePolicy.builder()
                .maxAttempts(20)
                .backoff(Duration.ofMillis(200), 1.0, Duration.ofMillis(200))
                .jitter(0)
                .build();
        try (SqlClient c = builder(server).resilience(slow).build()) {
            assertThatThrownBy(() -> c.sql(SELECT).timeout(Duration.ofMillis(500)).execute())
                    .isInstanceOfAny(QueryTimeoutException.class, ServerBusyException.class);
        }
        assertThat(server.getRequestCount()).isBetween(1, 3);
    }

    @Test
    void bearerTokenIsRefreshedExactlyOnceAfter401() throws Exception {
        List<Boolean> refreshes = new CopyOnWriteArrayList<>();
        Credentials creds = Credentials.bearer(refresh -> {
            refreshes.add(refresh);
            return refresh ? "fresh-token" : "stale-token";
        });
        server.enqueue(status(401, "token expired"));
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = builder(server).credentials(creds).build()) {
            assertThat(c.sql(INSERT).list(r -> r.getLong(1))).containsExactly(1L);
        }
        assertThat(refreshes).containsExactly(false, true);
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer stale-token");
        assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer fresh-token");
    }

    @Test
    void bearerTokenRefreshHappensOnlyOnceWhenTheServerKeepsRejecting() {
        List<Boolean> refreshes = new CopyOnWriteArrayList<>();
        Credentials creds = Credentials.bearer(refresh -> {
            refreshes.add(refresh);
            return "token-" + refreshes.size();
        });
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(401, "no"));
        }
        try (SqlClient c = builder(server).credentials(creds).build()) {
            assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(AuthenticationException.class);
        }
        assertThat(refreshes).containsExactly(false, true);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void okHttpDoesNotSilentlyResendA408() {
        server.enqueue(status(408, "request timeout"));
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = client()) {
            ServerBusyException e = catchThrowableOfType(ServerBusyException.class, () -> c.sql(INSERT).execute());
            assertThat(e.httpStatus()).isEqualTo(408);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void idleConnectionsAreDroppedBeforeServersCloseThem() throws Exception {
        // The server closes the connection after answering, as a server does when its keep-alive runs out.
        server.enqueue(new MockResponse.Builder().code(200).body(ONE_ROW)
                .onResponseEnd(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = client()) {
            c.sql(SELECT).execute();
            Thread.sleep(2_500); // longer than the owned pool's keep-alive (2 s)
            assertThat(c.sql(INSERT).list(r -> r.getLong(1))).as("sent on a fresh connection").containsExactly(1L);
        }
        server.takeRequest();
        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(1);
    }

    @Test
    void cancelDuringALongRetryAfterWaitEndsTheStatementAtOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "20").build());
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = client()) {
            Query q = c.sql(SELECT);
            java.util.concurrent.CompletableFuture<Object> running =
                    java.util.concurrent.CompletableFuture.supplyAsync(q::execute);
            while (listener.retryDelays.isEmpty()) {
                Thread.sleep(10);
            }
            q.cancel();
            assertThat(running)
                    .failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(QueryCancelledException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void defaultPolicyMakesFourAttemptsAndNoRetriesMakesOne() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503, "busy"));
        }
        server.enqueue(ok(ONE_ROW));
        server.enqueue(status(503, "busy"));
        try (SqlClient c = builder(server).resilience(ResiliencePolicy.defaults()).build()) {
            assertThat(c.sql(INSERT).list(r -> r.getLong(1))).containsExactly(1L);
        }
        assertThat(server.getRequestCount()).isEqualTo(4);
        try (SqlClient c = builder(server).resilience(ResiliencePolicy.noRetries()).build()) {
            assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(ServerBusyException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(5);
    }
}
