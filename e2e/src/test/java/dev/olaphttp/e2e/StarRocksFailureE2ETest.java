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
import dev.olaphttp.ResultSizeException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.okhttp.OkHttpAdapter;
import dev.olaphttp.starrocks.StarRocks;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * StarRocks failures end to end: FAILED envelopes, auth, 503 retries, HTML pages, streams cut without statistics,
 * timeouts, cancel with KILL of the connection, and the lent connection pool.
 */
class StarRocksFailureE2ETest {
    private static final String BIG = "SELECT number FROM numbers(1000000)";
    private static final Predicate<RecordedRequest> BIG_QUERY = r -> r.bodyUtf8().contains("numbers(1000000)");

    @RegisterExtension
    final TestServerExtension<StarRocksTestServer> sr = TestServerExtension.of(StarRocksTestServer::new);

    private final OkHttpClient http = new OkHttpClient();
    private SqlClient client;

    @BeforeEach
    void connect() {
        client = SqlClient.builder().dsn(StarRocksQueryE2ETest.dsn(sr.server(), "shop"))
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
    void aFailedStatementIsAQueryFailureWithTheServersMessage() {
        sr.server().when(SqlMatcher.contains("FROM nowhere")).thenFail(5502, "Unknown table 'shop.nowhere'");
        assertThatThrownBy(() -> client.sql("SELECT * FROM nowhere").list(r -> r.getLong(1)))
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("Unknown table 'shop.nowhere'");
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        sr.server().addUser("alice", "s3cret");
        String dsn = StarRocksQueryE2ETest.dsn(sr.server(), "shop");
        try (SqlClient bad = SqlClient.connect(dsn.replace("root:", "alice:nope"))) {
            assertThatThrownBy(() -> bad.sql("SELECT 1").execute())
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining("nope");
        }
        try (SqlClient good = SqlClient.connect(dsn.replace("root:", "alice:s3cret"))) {
            assertThat(good.sql("SELECT 1").list(r -> r.getLong(1))).containsExactly(1L);
        }
    }

    @Test
    void aBurstOf503IsRetriedAndTheQuerySucceeds() {
        sr.server().fault(BIG_QUERY, Fault.status(503), 2);
        long[] read = {0};
        client.sql(BIG).forEach(r -> read[0]++);
        assertThat(read[0]).isEqualTo(1_000_000);
        assertThat(sr.server().requests().stream().filter(BIG_QUERY).count()).isEqualTo(3);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void persistent503IsServerBusyAfterTheAttemptsRunOut() {
        sr.server().fault(BIG_QUERY, Fault.status(503), 100);
        assertThatThrownBy(() -> client.sql(BIG).execute()).isInstanceOf(ServerBusyException.class);
        assertThat(sr.server().requests().stream().filter(BIG_QUERY).count()).isEqualTo(4);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void anHtmlErrorPageIsAProtocolErrorQuotingStatusAndSnippet() {
        sr.server().fault(BIG_QUERY, Fault.status(500), 1);
        assertThatThrownBy(() -> client.sql(BIG).execute())
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("500")
                .hasMessageContaining("nginx")
                .hasMessageNotContaining("<html>");
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void aFailureMidStreamIsACutWithoutStatisticsAfterTheRowsBeforeIt() {
        sr.server().when(SqlMatcher.contains("FROM flaky"))
                .thenFailAfter(Table.numbers(100_000, "bigint(20)"), 5000, 1064, "Memory of process exceed limit");
        long[] read = {0};
        assertThatThrownBy(() -> client.sql("SELECT number FROM flaky").forEach(r -> {
            assertThat(r.getLong(1)).isEqualTo(read[0]);
            read[0]++;
        })).isInstanceOfSatisfying(ResultInterruptedException.class,
                e -> assertThat(e.rowsDelivered()).isEqualTo(read[0]));
        assertThat(read[0]).as("rows before the cut").isEqualTo(5000);
        E2e.assertNoActiveConnections(http);
    }

    static Stream<Fault> brokenBodies() {
        return Stream.of(Fault.truncateAfterBytes(40_000), Fault.resetAfterBytes(40_000));
    }

    @ParameterizedTest
    @MethodSource("brokenBodies")
    void aBrokenBodyIsResultInterruptedNeverACleanEnd(Fault fault) {
        sr.server().fault(BIG_QUERY, fault, 1);
        long[] read = {0};
        assertThatThrownBy(() -> client.sql(BIG).forEach(r -> read[0]++))
                .isInstanceOfSatisfying(ResultInterruptedException.class,
                        e -> assertThat(e.rowsDelivered()).isEqualTo(read[0]));
        assertThat(read[0]).isPositive().isLessThan(1_000_000);
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void aStalledBodyTimesOutWithinTheQueryTimeout() {
        sr.server().fault(BIG_QUERY, Fault.stallAfterBytes(20_000), 1);
        long start = System.nanoTime();
        long[] read = {0};
        assertThatThrownBy(() -> client.sql(BIG).timeout(Duration.ofMillis(800)).forEach(r -> read[0]++))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(read[0]).isPositive();
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void cancelFromAnotherThreadUnblocksAStalledReadAndKillsTheConnectionsQuery() throws Exception {
        sr.server().fault(BIG_QUERY, Fault.stallAfterBytes(20_000), 1);
        Query query = client.sql(BIG);
        CountDownLatch streaming = new CountDownLatch(1);
        String[] connectionId = new String[1];
        CompletableFuture<Long> reader = E2e.async(() -> {
            long n = 0;
            try (RowCursor c = query.stream()) {
                connectionId[0] = c.serverInfo().get(StarRocks.CONNECTION_ID);
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
        RecordedRequest kill = E2e.awaitRequest(sr.server(),
                r -> r.bodyUtf8().toUpperCase().contains("KILL"), Duration.ofSeconds(5));
        assertThat(connectionId[0]).isNotBlank();
        assertThat(kill.bodyUtf8()).containsPattern("(?i)KILL\\s+(QUERY\\s+)?" + connectionId[0] + "\\b");
        E2e.assertNoActiveConnections(http);
    }

    @Test
    void earlyCloseKillsTheQueryAndReleasesTheConnection() {
        try (RowCursor c = client.sql("SELECT number FROM numbers(50000000)").stream()) {
            assertThat(c.next()).isTrue();
        }
        E2e.awaitRequest(sr.server(), r -> r.bodyUtf8().toUpperCase().contains("KILL"), Duration.ofSeconds(5));
        E2e.assertNoActiveConnections(http);
        assertThat(client.sql("SELECT number FROM numbers(10)").list(r -> r.getLong(1))).hasSize(10);
    }

    @Test
    void anEarlyClosedStatementsKillNeverHitsTheNextStatementOnItsConnection() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(3)").optional(r -> r.getLong(1)))
                    .isInstanceOf(ResultSizeException.class);
            assertThat(client.sql("SELECT number FROM numbers(100000)").list(r -> r.getLong(1)))
                    .as("round " + i).hasSize(100000);
        }
    }
}
