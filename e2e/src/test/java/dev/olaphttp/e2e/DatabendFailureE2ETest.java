package dev.olaphttp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.Query;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.databend.Databend;
import dev.olaphttp.okhttp.OkHttpAdapter;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Databend failures end to end: typed errors, retries, broken pages, timeouts, cancel, and the connection pool. */
class DatabendFailureE2ETest {
    private static final Predicate<RecordedRequest> START = r -> r.path().equals("/v1/query");
    private static final Predicate<RecordedRequest> PAGE = r -> r.path().contains("/page/");

    @RegisterExtension
    final TestServerExtension<DatabendTestServer> db = TestServerExtension.of(DatabendTestServer::new);

    private final OkHttpClient http = new OkHttpClient();
    private SqlClient client;

    @BeforeEach
    void connect() {
        client = Databend.builder(DatabendQueryE2ETest.dsn(db.server(), "max_rows_per_page=100"))
                .resilience(E2e.FAST_RETRIES)
                .httpClient(OkHttpAdapter.borrow(http))
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        http.connectionPool().evictAll();
    }

    @Test
    void anSqlErrorIsAQueryFailureWithTheServersCodeAndMessage() {
        db.server().when(SqlMatcher.contains("FROM nowhere")).thenFail(1025, "Unknown table 'nowhere'");
        assertThatThrownBy(() -> client.sql("SELECT * FROM nowhere").list(r -> r.getLong(1)))
                .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                    assertThat(e.details().errorCode()).hasValue(1025);
                    assertThat(e.getMessage()).contains("Unknown table 'nowhere'");
                });
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void wrongPasswordAndUnknownUserAreAuthenticationFailures() {
        db.server().addUser("alice", "s3cret");
        for (String user : new String[] {"alice:wrong", "mallory:s3cret"}) {
            String dsn = DatabendQueryE2ETest.dsn(db.server(), "").replace("root:", user);
            try (SqlClient bad = SqlClient.connect(dsn)) {
                assertThatThrownBy(() -> bad.sql("SELECT 1").execute())
                        .isInstanceOf(AuthenticationException.class)
                        .hasMessageNotContaining("s3cret")
                        .hasMessageNotContaining("wrong");
            }
        }
        try (SqlClient good = SqlClient.connect(DatabendQueryE2ETest.dsn(db.server(), "").replace("root:", "alice:s3cret"))) {
            long one = good.sql("SELECT 1").single(r -> r.getLong(1));
            assertThat(one).isEqualTo(1L);
        }
    }

    @Test
    void aBurstOf503IsRetriedAndTheQuerySucceeds() {
        db.server().fault(START, Fault.status(503), 2);
        assertThat(client.sql("SELECT number FROM numbers(250)").list(r -> r.getLong(1))).hasSize(250);
        assertThat(db.server().requests().stream().filter(START).count()).as("two 503s, then the answer").isEqualTo(3);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void persistent503IsServerBusyAfterTheAttemptsRunOut() {
        db.server().fault(START, Fault.status(503), 100);
        assertThatThrownBy(() -> client.sql("SELECT 1").execute()).isInstanceOf(ServerBusyException.class);
        assertThat(db.server().requests().stream().filter(START).count()).as("maxAttempts").isEqualTo(4);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void anHtmlErrorPageIsAProtocolErrorQuotingStatusAndSnippet() {
        db.server().fault(START, Fault.status(500), 1);
        assertThatThrownBy(() -> client.sql("SELECT 1").execute())
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("500")
                .hasMessageContaining("nginx")
                .hasMessageNotContaining("<html>");
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void aMalformedBodyIsAProtocolError() {
        db.server().fault(START, Fault.malformedBody(), 1);
        assertThatThrownBy(() -> client.sql("SELECT 1").execute()).isInstanceOf(ProtocolException.class);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void anErrorOnALaterPageComesAfterTheRowsBeforeIt() {
        db.server().when(SqlMatcher.contains("FROM flaky"))
                .thenFailAfter(Table.numbers(1000, "UInt64"), 350, 1006, "divided by zero");
        long[] read = {0};
        assertThatThrownBy(() -> client.sql("SELECT number FROM flaky").forEach(r -> {
            assertThat(r.getLong(1)).isEqualTo(read[0]);
            read[0]++;
        })).isInstanceOfSatisfying(QueryFailedException.class, e -> {
            assertThat(e.details().errorCode()).hasValue(1006);
            assertThat(e.getMessage()).contains("divided by zero");
        });
        assertThat(read[0]).as("rows before the failure were delivered").isEqualTo(350);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void aPageCutOnceIsFetchedAgainAndNothingIsLost() {
        db.server().fault(PAGE, Fault.truncateAfterBytes(300), 1);
        try (RowCursor c = client.sql("SELECT number FROM numbers(1000)").stream()) {
            long n = 0;
            long sum = 0;
            while (c.next()) {
                n++;
                sum += c.getLong(1);
            }
            assertThat(n).isEqualTo(1000); // the page is read again (issue #10 A15): exact, not interrupted
            assertThat(sum).isEqualTo(999L * 1000 / 2);
        }
        E2e.assertNoActiveConnections(http);
    }

    static Stream<Fault> brokenBodies() {
        return Stream.of(Fault.truncateAfterBytes(300), Fault.resetAfterBytes(300));
    }

    @ParameterizedTest
    @MethodSource("brokenBodies")
    void pagesThatKeepBreakingEndInResultInterruptedNeverACleanEnd(Fault fault) {
        db.server().fault(PAGE, fault, 50);
        long[] read = {0};
        assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(1000)").forEach(r -> read[0]++))
                .isInstanceOfSatisfying(ResultInterruptedException.class,
                        e -> assertThat(e.rowsDelivered()).isEqualTo(read[0]));
        assertThat(read[0]).as("the first page was delivered, no more").isEqualTo(100);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void aStalledFirstResponseTimesOutWithinTheQueryTimeout() {
        db.server().fault(START, Fault.stallAfterBytes(20), 1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.sql("SELECT 1").timeout(Duration.ofMillis(800)).execute())
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void aStalledPageTimesOutWithinTheQueryTimeout() {
        db.server().fault(PAGE, Fault.stallAfterBytes(50), 1);
        // the testkit holds a stalled page's kill and final until the stall ends (see the disabled test below):
        // release it after 2 s; a deadline that did not fire would then show as ResultInterruptedException
        E2e.async(() -> {
            E2e.sleep(2000);
            releaseStalledServer();
            return null;
        });
        long start = System.nanoTime();
        RowCursor c = client.sql("SELECT number FROM numbers(1000)").timeout(Duration.ofMillis(800)).stream();
        long[] read = {0};
        assertThatThrownBy(() -> {
            while (c.next()) {
                read[0]++;
            }
        }).isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(read[0]).as("the first page").isEqualTo(100);
        c.close();
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void aQueryThatKeepsRunningTimesOutAndIsKilled() {
        db.server().runningPolls(1_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(10)").timeout(Duration.ofMillis(700)).execute())
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        E2e.awaitRequest(db.server(), r -> r.path().endsWith("/kill"), Duration.ofSeconds(5));
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void cancelFromAnotherThreadUnblocksAStalledReadAndKillsTheQuery() throws Exception {
        db.server().fault(PAGE, Fault.stallAfterBytes(50), 1);
        Query query = client.sql("SELECT number FROM numbers(1000)");
        long[] failedAt = {0};
        CompletableFuture<Long> reader = E2e.async(() -> {
            long n = 0;
            try (RowCursor c = query.stream()) {
                try {
                    while (c.next()) {
                        n++;
                    }
                } catch (RuntimeException e) {
                    failedAt[0] = System.nanoTime(); // before close(), whose kill the testkit may hold up
                    throw e;
                }
            }
            return n;
        });
        E2e.awaitRequest(db.server(), PAGE, Duration.ofSeconds(5));
        E2e.sleep(100);
        long cancelled = System.nanoTime();
        CompletableFuture<Object> canceller = E2e.async(() -> {
            query.cancel();
            return null;
        });
        E2e.awaitRequest(db.server(), r -> r.path().endsWith("/kill"), Duration.ofSeconds(5));
        releaseStalledServer(); // see killDuringAStalledPageDoesNotBlockTheCaller
        assertThat(E2e.failureOf(reader, 5)).isInstanceOf(QueryCancelledException.class);
        assertThat(Duration.ofNanos(failedAt[0] - cancelled)).as("the read unblocked promptly")
                .isLessThan(Duration.ofSeconds(3));
        canceller.get(5, java.util.concurrent.TimeUnit.SECONDS);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void killDuringAStalledPageDoesNotBlockTheCaller() throws Exception {
        db.server().fault(PAGE, Fault.stallAfterBytes(50), 1);
        Query query = client.sql("SELECT number FROM numbers(1000)");
        CompletableFuture<Long> reader = E2e.async(() -> {
            try (RowCursor c = query.stream()) {
                while (c.next()) {
                    assertThat(c.getLong(1)).isNotNegative();
                }
            }
            return 0L;
        });
        E2e.awaitRequest(db.server(), PAGE, Duration.ofSeconds(5));
        E2e.sleep(100);
        long start = System.nanoTime();
        query.cancel();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cancel() returns").isLessThan(Duration.ofSeconds(3));
        assertThat(E2e.failureOf(reader, 5)).isInstanceOf(QueryCancelledException.class);
    }

    @Test
    void cancelWhileTheServerHasNotAnsweredYetStillKillsTheQuery() throws Exception {
        db.server().fault(START, Fault.delay(Duration.ofSeconds(3)), 1);
        Query query = client.sql("SELECT number FROM numbers(1000)").queryId("e2e-early-cancel");
        CompletableFuture<Long> reader = E2e.async(() -> {
            try (RowCursor c = query.stream()) {
                return c.next() ? 1L : 0L;
            }
        });
        E2e.awaitRequest(db.server(), START, Duration.ofSeconds(5));
        long cancelled = System.nanoTime();
        query.cancel();
        assertThat(E2e.failureOf(reader, 5)).isInstanceOf(QueryCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(2));
        E2e.awaitRequest(db.server(), r -> r.path().equals("/v1/query/e2e-early-cancel/kill"), Duration.ofSeconds(5));
    }

    /** Ends the testkit's stalled responses (and every connection) so kill/final are not held up. */
    private void releaseStalledServer() {
        db.server().close();
    }

    @Test
    void earlyCloseKillsTheQueryAndReleasesTheConnection() {
        try (RowCursor c = client.sql("SELECT number FROM numbers(100000)").stream()) {
            assertThat(c.next()).isTrue();
            assertThat(c.next()).isTrue();
        }
        E2e.awaitRequest(db.server(), r -> r.path().endsWith("/kill"), Duration.ofSeconds(5));
        E2e.assertNoActiveConnections(http);
        assertThat(http.connectionPool().connectionCount()).as("the lent pool is still usable").isPositive();
    }

    @Test
    void typedErrorsShareOneRoot() {
        db.server().when(SqlMatcher.contains("FROM nowhere")).thenFail(1025, "Unknown table");
        assertThatThrownBy(() -> client.sql("SELECT * FROM nowhere").execute())
                .isInstanceOf(SqlClientException.class)
                .satisfies(e -> assertThat(((SqlClientException) e).details().dialect()).contains("databend"));
    }
}
