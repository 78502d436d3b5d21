package dev.olaphttp.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryStats;
import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Observations and meters recorded for real statements against the testkit servers. */
class MicrometerQueryListenerTest {
    private final DatabendTestServer databend = new DatabendTestServer();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();

    {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }

    @AfterEach
    void tearDown() {
        databend.close();
    }

    private SqlClient client(MicrometerQueryListener listener, ResiliencePolicy policy) {
        return SqlClient.builder()
                .dsn("databend://root:@127.0.0.1:" + databend.port() + "/default?sslmode=disable")
                .resilience(policy)
                .listener(listener)
                .build();
    }

    private MicrometerQueryListener listener() {
        return MicrometerQueryListener.builder(observations).meterRegistry(meters).build();
    }

    private Timer timer(String outcome) {
        return meters.find(MicrometerQueryListener.OBSERVATION).tag("outcome", outcome).timer();
    }

    @Test
    void successIsTimedByDialectKindEndpointAndOutcomeAndCountsRows() {
        databend.when(SqlMatcher.contains("FROM events")).thenReturn(Table.numbers(1500, "UInt64"));
        MicrometerQueryListener listener = listener();
        try (SqlClient c = client(listener, ResiliencePolicy.defaults())) {
            assertThat(c.sql("SELECT number FROM events").list(r -> r.getLong(1))).hasSize(1500);
        }
        Timer t = timer("success");
        assertThat(t).isNotNull();
        assertThat(t.count()).isEqualTo(1);
        assertThat(t.getId().getTag("dialect")).isEqualTo("databend");
        assertThat(t.getId().getTag("kind")).isEqualTo("query");
        assertThat(t.getId().getTag("endpoint")).isEqualTo("127.0.0.1:" + databend.port());
        assertThat(t.getId().getTag("error")).isEqualTo("none");
        assertThat(meters.get(MicrometerQueryListener.ROWS).tag("outcome", "success").counter().count())
                .isEqualTo(1500);
        assertThat(listener.inFlight()).isZero();
    }

    @Test
    void sqlTextIsNeverATagAndTheStatementNameIsOptIn() {
        databend.when(SqlMatcher.contains("secret_col")).thenReturn(Table.numbers(1, "UInt64"));
        Map<String, String> names = Map.of("SELECT secret_col FROM t", "lookup-secret");
        MicrometerQueryListener listener = MicrometerQueryListener.builder(observations)
                .meterRegistry(meters)
                .statementName(q -> names.get(q.sql()))
                .build();
        try (SqlClient c = client(listener, ResiliencePolicy.defaults())) {
            c.sql("SELECT secret_col FROM t").execute();
            c.sql("SELECT secret_col FROM t -- other").execute();
        }
        meters.getMeters().forEach(m -> m.getId().getTags().forEach(tag ->
                assertThat(tag.getValue()).as(m.getId().getName()).doesNotContain("secret_col")));
        assertThat(meters.get(MicrometerQueryListener.OBSERVATION).tag("statement", "lookup-secret").timer().count())
                .isEqualTo(1);
        assertThat(meters.get(MicrometerQueryListener.OBSERVATION).tag("statement", "none").timer().count())
                .isEqualTo(1);
    }

    @Test
    void serverErrorIsFailedWithTheErrorType() {
        databend.when(SqlMatcher.contains("FROM nowhere")).thenFail(1025, "Unknown table 'nowhere'");
        Throwable thrown;
        try (SqlClient c = client(listener(), ResiliencePolicy.noRetries())) {
            thrown = org.assertj.core.api.Assertions.catchThrowable(() -> c.sql("SELECT * FROM nowhere").execute());
        }
        assertThat(thrown).isInstanceOf(QueryFailedException.class);
        Timer t = timer("failed");
        assertThat(t.count()).isEqualTo(1);
        assertThat(t.getId().getTag("error")).isEqualTo(thrown.getClass().getSimpleName());
    }

    @Test
    void observationCarriesKeysAndTheQueryIdAsHighCardinality() {
        TestObservationRegistry test = TestObservationRegistry.create();
        databend.when(SqlMatcher.contains("FROM t")).thenReturn(Table.numbers(3, "UInt64"));
        try (SqlClient c = client(MicrometerQueryListener.builder(test).build(), ResiliencePolicy.defaults())) {
            c.sql("SELECT number FROM t").queryId("q-obs-1").execute();
        }
        assertThat(test)
                .hasObservationWithNameEqualTo(MicrometerQueryListener.OBSERVATION)
                .that()
                .hasBeenStarted()
                .hasBeenStopped()
                .hasContextualNameEqualTo("olaphttp query")
                .hasLowCardinalityKeyValue("dialect", "databend")
                .hasLowCardinalityKeyValue("kind", "query")
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasHighCardinalityKeyValue("query.id", "q-obs-1")
                .doesNotHaveError();
    }

    @Test
    void cancelIsCancelledNotFailed() {
        databend.when(SqlMatcher.contains("FROM big")).thenReturn(Table.numbers(100_000, "UInt64"));
        try (SqlClient c = client(listener(), ResiliencePolicy.defaults())) {
            var q = c.sql("SELECT number FROM big");
            try (RowCursor cursor = q.stream()) {
                assertThat(cursor.next()).isTrue();
                q.cancel();
                assertThatThrownBy(cursor::next).isInstanceOf(QueryCancelledException.class);
            }
        }
        Timer t = timer("cancelled");
        assertThat(t.count()).isEqualTo(1);
        assertThat(meters.get(MicrometerQueryListener.ROWS).tag("outcome", "cancelled").counter().count())
                .isEqualTo(1);
    }

    @Test
    void cutResultIsInterrupted() {
        try (ClickHouseTestServer ch = new ClickHouseTestServer()) {
            ch.when(SqlMatcher.contains("SELECT version(), timezone()")).thenReturn(Table.builder()
                    .column("version()", "String").column("timezone()", "String").row("26.7.2.1", "UTC").build());
            ch.when(SqlMatcher.contains("FROM big")).thenReturn(Table.numbers(200_000, "UInt64"));
            ch.fault(r -> r.bodyUtf8().contains("FROM big") || String.valueOf(r.queryParam("query")).contains("FROM big"),
                    Fault.truncateAfterBytes(40_000), 1);
            try (SqlClient c = SqlClient.builder()
                    .dsn("clickhouse://default:@127.0.0.1:" + ch.port() + "/default")
                    .listener(listener())
                    .build()) {
                assertThatThrownBy(() -> c.sql("SELECT number FROM big").forEach(r -> {}))
                        .isInstanceOf(ResultInterruptedException.class);
            }
        }
        Timer t = timer("interrupted");
        assertThat(t).isNotNull();
        assertThat(t.getId().getTag("dialect")).isEqualTo("clickhouse");
        assertThat(t.getId().getTag("error")).isEqualTo("ResultInterruptedException");
    }

    @Test
    void retriesAreCountedPerEndpointAndCause() {
        databend.when(SqlMatcher.contains("FROM t")).thenReturn(Table.numbers(1, "UInt64"));
        databend.fault(r -> r.method().equals("POST") && r.path().equals("/v1/query"), Fault.status(503), 2);
        ResiliencePolicy fast = ResiliencePolicy.builder()
                .maxAttempts(4)
                .backoff(Duration.ofMillis(1), 1.0, Duration.ofMillis(1))
                .jitter(0)
                .build();
        try (SqlClient c = client(listener(), fast)) {
            c.sql("SELECT number FROM t").execute();
        }
        assertThat(meters.get(MicrometerQueryListener.RETRIES)
                        .tag("endpoint", "127.0.0.1:" + databend.port())
                        .tag("cause", "ServerBusyException")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(timer("success").count()).isEqualTo(1);
    }

    /** The core reports an early close through {@code onClosedEarly}; its accounting, driven directly. */
    @Test
    void closedEarlyEndsTheObservationWithTheRowsDelivered() {
        MicrometerQueryListener listener = listener();
        QueryInfo info = new QueryInfo("q-early", "databend", "SELECT 1").atAttempt("h:1", 1);
        listener.onStart(info);
        listener.onRequest(info, "POST", "/v1/query", 1);
        listener.onClosedEarly(info.withProgress(10, 80), QueryStats.builder().rowsRead(10).bytesRead(80).build(), 7);
        Timer t = timer("closed_early");
        assertThat(t.count()).isEqualTo(1);
        assertThat(t.getId().getTag("endpoint")).isEqualTo("h:1");
        assertThat(meters.get(MicrometerQueryListener.ROWS).tag("outcome", "closed_early").counter().count())
                .isEqualTo(7);
        assertThat(meters.get(MicrometerQueryListener.ROWS_READ).counter().count()).isEqualTo(10);
        assertThat(meters.get(MicrometerQueryListener.BYTES_READ).counter().count()).isEqualTo(80);
        // a second terminal event for the same statement records nothing more
        listener.onEnd(info, QueryStats.unknown(), 7);
        assertThat(t.count()).isEqualTo(1);
        assertThat(meters.find(MicrometerQueryListener.OBSERVATION).tag("outcome", "success").timer()).isNull();
        assertThat(listener.inFlight()).isZero();
    }

    @Test
    void everyStartedStatementEndsItsObservation() {
        databend.when(SqlMatcher.contains("FROM t")).thenReturn(Table.numbers(5, "UInt64"));
        databend.when(SqlMatcher.contains("FROM bad")).thenFail(1025, "nope");
        MicrometerQueryListener listener = listener();
        try (SqlClient c = client(listener, ResiliencePolicy.noRetries())) {
            for (int i = 0; i < 20; i++) {
                if (i % 3 == 0) {
                    assertThatThrownBy(() -> c.sql("SELECT * FROM bad").execute()).isInstanceOf(QueryFailedException.class);
                } else {
                    List<Long> rows = c.sql("SELECT number FROM t").list(r -> r.getLong(1));
                    assertThat(rows).hasSize(5);
                }
            }
        }
        assertThat(listener.inFlight()).isZero();
        assertThat(timer("success").count() + timer("failed").count()).isEqualTo(20);
    }
}
