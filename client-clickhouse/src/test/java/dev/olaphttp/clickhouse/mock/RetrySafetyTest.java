package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse answers 503 for its own errors (209 SOCKET_TIMEOUT, 439 CANNOT_SCHEDULE_TASK) after blocks of an
 * INSERT may already be written (protocol notes 2.3): such a statement is never re-sent; an idempotent read is.
 */
class RetrySafetyTest {
    private static final String SOCKET_TIMEOUT = "Code: 209. DB::Exception: Timeout exceeded while reading from socket "
            + "(127.0.0.1:50000, 30000 ms). (SOCKET_TIMEOUT) (version 26.7.2.1 (official build))\n";
    private static final String LEGACY_SCHEDULE = "Code: 439, e.displayText() = DB::Exception: Cannot schedule a task: "
            + "no free thread (timeout=0) (threads=10000, jobs=10000), e.what() = DB::Exception\n";

    @StartStop
    final MockWebServer server = new MockWebServer();

    MockCh ch;
    SqlClient client;

    @BeforeEach
    void setUp() {
        ch = new MockCh(server);
        client = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12").build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static MockResponse coded503(String code, String text) {
        MockResponse.Builder b = new MockResponse.Builder().code(503).body(text);
        if (code != null) {
            b.addHeader("X-ClickHouse-Exception-Code", code);
        }
        return b.build();
    }

    @Test
    void anInsertFailedBy503WithAServerCodeIsSentOnce() {
        ch.enqueue(coded503("209", SOCKET_TIMEOUT));
        ch.enqueue(new MockResponse.Builder().body("").build());
        assertThatThrownBy(() -> client.sql("INSERT INTO t SELECT number FROM numbers(10)").execute())
                .isInstanceOf(QueryFailedException.class)
                .satisfies(e -> {
                    assertThat(((SqlClientException) e).errorCode()).hasValue(209);
                    assertThat(((SqlClientException) e).httpStatus()).isEqualTo(503);
                    assertThat(((SqlClientException) e).isRetryable()).isTrue();
                });
        assertThat(ch.statements).hasSize(1);
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void aLegacy503TextWithoutTheHeaderIsAServerErrorToo() {
        ch.enqueue(coded503(null, LEGACY_SCHEDULE));
        ch.enqueue(new MockResponse.Builder().body("").build());
        assertThatThrownBy(() -> client.sql("INSERT INTO t VALUES (1)").execute())
                .isInstanceOf(QueryFailedException.class)
                .satisfies(e -> assertThat(((SqlClientException) e).errorCode()).hasValue(439));
        assertThat(ch.statements).hasSize(1);
    }

    @Test
    void retryAfterZeroDoesNotMakeOkHttpResendAnInsert() {
        ch.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
                .addHeader("X-ClickHouse-Exception-Code", "439").body(LEGACY_SCHEDULE).build());
        ch.enqueue(new MockResponse.Builder().body("").build());
        assertThatThrownBy(() -> client.sql("INSERT INTO t VALUES (1)").execute())
                .isInstanceOf(QueryFailedException.class);
        assertThat(ch.statements).hasSize(1);
    }

    @Test
    void streamedAndTableInsertsAreSentOnce() {
        ch.enqueue(coded503("209", SOCKET_TIMEOUT));
        ch.enqueue(new MockResponse.Builder().body("").build());
        assertThatThrownBy(() -> client.extension(ClickHouseInserts.class).insert("INSERT INTO t FORMAT CSV",
                new ByteArrayInputStream("1,2\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(QueryFailedException.class);
        assertThat(ch.statements).hasSize(1);
    }

    @Test
    void anIdempotentReadIsStillRetriedAfterA503() {
        ch.enqueue(coded503("439", SOCKET_TIMEOUT.replace("209", "439")));
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(MockCh.rowBinary(2))).build());
        assertThat(client.sql("SELECT n, s FROM t").list(r -> r.getLong(1))).containsExactly(0L, 1L);
        assertThat(ch.statements).hasSize(2);
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void aStatementMarkedIdempotentMayBeRetried() {
        ch.enqueue(coded503("209", SOCKET_TIMEOUT));
        ch.enqueue(new MockResponse.Builder().body("").build());
        client.sql("INSERT INTO t SETTINGS insert_deduplication_token = 'x' VALUES (1)").idempotent(true).execute();
        assertThat(ch.statements).hasSize(2);
    }
}
