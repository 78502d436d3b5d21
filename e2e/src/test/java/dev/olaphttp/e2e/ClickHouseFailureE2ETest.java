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
import dev.olaphttp.okhttp.OkHttpAdapter;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ClickHouse failures end to end on the modern and the 18.16 server: typed errors, retries, mid-stream exceptions
 * (tagged block and legacy tail), broken bodies, timeouts, cancel with KILL QUERY, and the lent connection pool.
 */
class ClickHouseFailureE2ETest {
    private static final String BIG = "SELECT number FROM numbers(1000000)";
    private static final Predicate<RecordedRequest> BIG_QUERY = r -> E2e.sqlOf(r).contains("numbers(1000000)");

    private final OkHttpClient http = new OkHttpClient();
    private ClickHouseTestServer server;
    private SqlClient client;

    private SqlClient start(boolean old, String options) {
        server = old ? ClickHouseQueryE2ETest.legacy18() : ClickHouseQueryE2ETest.modern();
        client = SqlClient.builder().dsn(ClickHouseQueryE2ETest.dsn(server, options))
                .resilience(E2e.FAST_RETRIES)
                .httpClient(OkHttpAdapter.borrow(http))
                .build();
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        http.connectionPool().evictAll();
    }

    @ParameterizedTest(name = "legacy18={0}")
    @ValueSource(booleans = {false, true})
    void anSqlErrorIsAQueryFailureWithTheServersCodeAndMessage(boolean old) {
        start(old, "");
        server.when(SqlMatcher.contains("FROM nowhere")).thenFail(60, "Table default.nowhere does not exist");
        assertThatThrownBy(() -> client.sql("SELECT * FROM nowhere").list(r -> r.getLong(1)))
                .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                    assertThat(e.details().errorCode()).hasValue(60);
                    assertThat(e.getMessage()).contains("Table default.nowhere does not exist");
                });
        E2e.assertNoActiveConnections(http);
    }

    @ParameterizedTest(name = "legacy18={0}")
    @ValueSource(booleans = {false, true})
    void aWrongPasswordIsAnAuthenticationFailure(boolean old) {
        start(old, "");
        server.addUser("alice", "s3cret");
        try (SqlClient bad = SqlClient.connect(ClickHouseQueryE2ETest.dsn(server, "").replace("default:", "alice:nope"))) {
            assertThatThrownBy(() -> bad.sql("SELECT 1").execute())
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining("nope");
        }
        try (SqlClient good = SqlClient.connect(ClickHouseQueryE2ETest.dsn(server, "").replace("default:", "alice:s3cret"))) {
            long one = good.sql("SELECT 1").single(r -> r.getLong(1));
            assertThat(one).isEqualTo(1L);
        }
    }

    @Test
    void aBurstOf503IsRetriedAndTheQuerySucceeds() {
        start(false, "");
        server.fault(BIG_QUERY, Fault.status(503), 2);
        long[] read = {0};
        client.sql(BIG).forEach(r -> read[0]++);
        assertThat(read[0]).isEqualTo(1_000_000);
        assertThat(server.requests().stream().filter(BIG_QUERY).count()).isEqualTo(3);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void persistent503IsServerBusyAfterTheAttemptsRunOut() {
        start(false, "");
        server.fault(BIG_QUERY, Fault.status(503), 100);
        assertThatThrownBy(() -> client.sql(BIG).execute()).isInstanceOf(ServerBusyException.class);
        assertThat(server.requests().stream().filter(BIG_QUERY).count()).isEqualTo(4);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void anHtmlErrorPageIsAProtocolErrorQuotingStatusAndSnippet() {
        start(false, "");
        server.fault(BIG_QUERY, Fault.status(500), 1);
        assertThatThrownBy(() -> client.sql(BIG).execute())
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("500")
                .hasMessageContaining("nginx")
                .hasMessageNotContaining("<html>");
        E2e.assertNoActiveConnections(http);
    }

    @ParameterizedTest(name = "legacy18={0} {1}")
    @CsvSource({"false,format=rowbinary,''", "false,format=tsv,''",
            "false,'',' FORMAT JSONCompactEachRowWithNamesAndTypes'", "true,'',''"})
    void aMidStreamExceptionComesAfterTheRowsBeforeIt(boolean old, String options, String formatClause) {
        start(old, options);
        server.outputBufferBytes(512); // the status line is long gone when the error happens
        server.when(SqlMatcher.contains("FROM flaky")).thenFailAfter(Table.numbers(100_000, "UInt64"), 5000, 395,
                "Value passed to 'throwIf' function is non-zero");
        long[] read = {0};
        assertThatThrownBy(() -> client.sql("SELECT number FROM flaky" + formatClause).forEach(r -> {
            assertThat(r.getLong(1)).isEqualTo(read[0]);
            read[0]++;
        })).isInstanceOfSatisfying(QueryFailedException.class, e -> {
            assertThat(e.details().errorCode()).hasValue(395);
            assertThat(e.getMessage()).contains("throwIf");
        });
        assertThat(read[0]).as("every row before the exception").isEqualTo(5000);
        E2e.assertNoActiveConnections(http);
    }

    @ParameterizedTest(name = "legacy18={0} {1}")
    @CsvSource({"false,truncate", "false,reset", "true,truncate", "true,reset"})
    void aBrokenBodyIsResultInterruptedNeverACleanEnd(boolean old, String kind) {
        start(old, "");
        server.fault(BIG_QUERY, kind.equals("reset") ? Fault.resetAfterBytes(40_000) : Fault.truncateAfterBytes(40_000),
                1);
        long[] read = {0};
        assertThatThrownBy(() -> client.sql(BIG).forEach(r -> read[0]++))
                .isInstanceOfSatisfying(ResultInterruptedException.class,
                        e -> assertThat(e.rowsDelivered()).isEqualTo(read[0]));
        assertThat(read[0]).isPositive().isLessThan(1_000_000);
        E2e.assertNoActiveConnections(http);
    }

    @ParameterizedTest(name = "legacy18={0}")
    @ValueSource(booleans = {false, true})
    void aStalledBodyTimesOutWithinTheQueryTimeout(boolean old) {
        start(old, "");
        server.fault(BIG_QUERY, Fault.stallAfterBytes(20_000), 1);
        long start = System.nanoTime();
        long[] read = {0};
        assertThatThrownBy(() -> client.sql(BIG).timeout(Duration.ofMillis(800)).forEach(r -> read[0]++))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(read[0]).isPositive();
        E2e.assertNoActiveConnections(http);
    }

    @ParameterizedTest(name = "legacy18={0}")
    @ValueSource(booleans = {false, true})
    void cancelFromAnotherThreadUnblocksAStalledReadAndKillsTheQuery(boolean old) throws Exception {
        start(old, "");
        server.outputBufferBytes(512);
        server.fault(BIG_QUERY, Fault.stallAfterBytes(20_000), 1);
        Query query = client.sql(BIG).queryId("e2e-cancel-" + old);
        CountDownLatch streaming = new CountDownLatch(1);
        CompletableFuture<Long> reader = E2e.async(() -> {
            long n = 0;
            try (RowCursor c = query.stream()) {
                while (c.next()) {
                    streaming.countDown();
                    n++;
                }
            }
            return n;
        });
        assertThat(streaming.await(5, TimeUnit.SECONDS)).as("rows arrive before the stall").isTrue();
        E2e.sleep(200);
        long cancelled = System.nanoTime();
        query.cancel();
        assertThat(E2e.failureOf(reader, 5)).isInstanceOf(QueryCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(3));
        RecordedRequest kill = E2e.awaitRequest(server, r -> E2e.sqlOf(r).contains("KILL QUERY"), Duration.ofSeconds(5));
        assertThat(E2e.sqlOf(kill)).contains("e2e-cancel-" + old);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void cancelWhileTheServerHasNotAnsweredYetStillKillsTheQuery() throws Exception {
        start(false, "");
        server.fault(BIG_QUERY, Fault.delay(Duration.ofSeconds(3)), 1);
        Query query = client.sql(BIG).queryId("e2e-early-cancel");
        CompletableFuture<Long> reader = E2e.async(() -> {
            try (RowCursor c = query.stream()) {
                return c.next() ? 1L : 0L;
            }
        });
        E2e.awaitRequest(server, BIG_QUERY, Duration.ofSeconds(5));
        query.cancel();
        assertThat(E2e.failureOf(reader, 5)).isInstanceOf(QueryCancelledException.class);
        RecordedRequest kill = E2e.awaitRequest(server, r -> E2e.sqlOf(r).contains("KILL QUERY"), Duration.ofSeconds(5));
        assertThat(E2e.sqlOf(kill)).contains("e2e-early-cancel");
    }

    @ParameterizedTest(name = "legacy18={0}")
    @ValueSource(booleans = {false, true})
    void earlyCloseKillsTheQueryAndReleasesTheConnection(boolean old) {
        start(old, "");
        try (RowCursor c = client.sql("SELECT number FROM numbers(50000000)").stream()) {
            assertThat(c.next()).isTrue();
        }
        E2e.awaitRequest(server, r -> E2e.sqlOf(r).contains("KILL QUERY"), Duration.ofSeconds(5));
        E2e.assertNoActiveConnections(http);
        assertThat(client.sql("SELECT number FROM numbers(10)").list(r -> r.getLong(1)))
                .as("the lent pool still works").hasSize(10);
    }
}
