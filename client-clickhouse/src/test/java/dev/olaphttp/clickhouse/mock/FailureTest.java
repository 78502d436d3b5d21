package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.TransportException;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import dev.olaphttp.clickhouse.ClickHouseRaw;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors, no silent re-sends, truncation, cancel and early close (with KILL), and the connection pool. */
class FailureTest {
    private static final String TIMEOUT_TEXT =
            "Code: 159. DB::Exception: Timeout exceeded: elapsed 1.2 sec, maximum: 1 sec. (TIMEOUT_EXCEEDED) (version 25.3.1)\n";
    private static final String TAG = "dngjzjnxkvlwkeua";

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

    static byte[] taggedBlock(String message) {
        byte[] msg = (message + "\n").getBytes(StandardCharsets.UTF_8);
        return ("\r\n__exception__\r\n" + TAG + "\r\n" + message + "\n" + msg.length + " " + TAG + "\r\n__exception__\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void status408IsNeverResentForAStatement() {
        ch.enqueue(new MockResponse.Builder().code(408).body(TIMEOUT_TEXT).build());
        assertThatThrownBy(() -> client.sql("INSERT INTO t SELECT number FROM numbers(10)").execute())
                .isInstanceOf(QueryTimeoutException.class)
                .satisfies(e -> assertThat(((QueryTimeoutException) e).errorCode()).hasValue(159));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void status408IsNeverResentForAnInsert() {
        ch.enqueue(new MockResponse.Builder().code(408).body("").build());
        assertThatThrownBy(() -> client.extension(ClickHouseInserts.class).insert("INSERT INTO t FORMAT CSV",
                new ByteArrayInputStream("1,2\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ServerBusyException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionAfterTheRequestIsNeverResent() {
        ch.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        assertThatThrownBy(() -> client.sql("INSERT INTO t VALUES (1)").execute())
                .isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).requestSent()).isTrue());
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(ch.statements).hasSize(1);
    }

    @Test
    void exceptionCodeHeaderCountsEvenWithStatus200() {
        ch.enqueue(new MockResponse.Builder().addHeader("X-ClickHouse-Exception-Code", "159").body(TIMEOUT_TEXT).build());
        assertThatThrownBy(() -> client.sql("SELECT n, s FROM t").list(r -> 1))
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("Timeout exceeded");
        ch.enqueue(new MockResponse.Builder().code(403).body(
                "Code: 516. DB::Exception: alice: Authentication failed. (AUTHENTICATION_FAILED) (version 25.3.1)\n").build());
        assertThatThrownBy(() -> client.sql("SELECT 1").list(r -> 1))
                .isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).errorCode()).hasValue(516))
                .hasMessageNotContaining("s3cret");
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void proxyPagesAreTypedAndQuoted() {
        ch.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());
        assertThatThrownBy(() -> client.sql("INSERT INTO t VALUES (1)").execute())
                .isInstanceOf(ServerBusyException.class).hasMessageContaining("502 Bad Gateway");
        ch.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "text/html")
                .body("<html><body>Internal proxy failure</body></html>").build());
        assertThatThrownBy(() -> client.sql("INSERT INTO t VALUES (1)").execute())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("HTTP 500").hasMessageContaining("Internal proxy failure");
        assertThat(ch.statements).hasSize(2);
    }

    @Test
    void taggedExceptionInsideAGzipBodyFailsTheResult() throws Exception {
        byte[] body = concat(MockCh.rowBinary(3),
                taggedBlock("Code: 241. DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED) (version 25.12.1)"));
        ch.enqueue(new MockResponse.Builder().addHeader("X-ClickHouse-Exception-Tag", TAG)
                .addHeader("Content-Encoding", "gzip").body(MockCh.buffer(ResponseTest.encode("gzip", body))).build());
        try (SqlClient gz = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12")
                .option(ClickHouseOptions.COMPRESSION, "gzip").build()) {
            long[] rows = {0};
            assertThatThrownBy(() -> gz.sql("SELECT n, s FROM t").forEach(r -> rows[0]++))
                    .isInstanceOf(QueryFailedException.class)
                    .satisfies(e -> assertThat(((QueryFailedException) e).errorCode()).hasValue(241));
            assertThat(rows[0]).isLessThanOrEqualTo(3);
        }
        Thread.sleep(200);
        assertThat(ch.kills).as("the server ended the query itself: no KILL").isEmpty();
    }

    @Test
    void aBodyCutInsideARowIsNeverACleanEnd() throws Exception {
        byte[] full = MockCh.rowBinary(3);
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(Arrays.copyOf(full, full.length - 2))).build());
        long[] rows = {0};
        assertThatThrownBy(() -> client.sql("SELECT n, s FROM t").forEach(r -> rows[0]++))
                .isInstanceOf(ResultInterruptedException.class);
        assertThat(rows[0]).isEqualTo(2);
        assertThat(ch.poolIdle()).isTrue();
        assertThat(ch.awaitKill(ch.statements.get(0).getUrl().queryParameter("query_id")))
                .as("a broken stream may leave the query running: KILL it").isTrue();
    }

    @Test
    void earlyCloseSendsKillAndReleasesTheConnection() throws Exception {
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(MockCh.rowBinary(100_000))).build());
        try (RowCursor c = client.sql("SELECT n, s FROM t").queryId("early-1").stream()) {
            assertThat(c.next()).isTrue();
        }
        assertThat(ch.awaitKill("early-1")).isTrue();
        assertThat(ch.kills.get(0).getUrl().queryParameter("session_id")).isNull();
        assertThat(ch.poolIdle()).isTrue();
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(MockCh.rowBinary(1))).build());
        assertThat(client.sql("SELECT n, s FROM t").list(r -> r.getLong(1))).containsExactly(0L);
    }

    @Test
    void cancelUnblocksAReadAndSendsKill() throws Exception {
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(MockCh.rowBinary(5000)))
                .throttleBody(1024, 1, TimeUnit.SECONDS).build());
        RowCursor c = client.sql("SELECT n, s FROM t").queryId("cancel-1").stream();
        assertThat(c.next()).isTrue();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                // ends anyway
            }
            c.cancel();
        });
        t.start();
        assertThatThrownBy(() -> {
            while (c.next()) {
                // blocks on the throttled body until cancelled
            }
        }).isInstanceOf(QueryCancelledException.class);
        c.close();
        t.join();
        assertThat(ch.awaitKill("cancel-1")).isTrue();
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void killCanBeTurnedOff() throws Exception {
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(MockCh.rowBinary(100_000))).build());
        try (SqlClient quiet = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12")
                .option(ClickHouseOptions.KILL_ON_CANCEL, "false").build();
                RowCursor c = quiet.sql("SELECT n, s FROM t").queryId("quiet-1").stream()) {
            assertThat(c.next()).isTrue();
        }
        Thread.sleep(300);
        assertThat(ch.kills).isEmpty();
    }

    @Test
    void rawStreamsReportATaggedErrorAndATruncation() throws IOException {
        byte[] csv = "1,a\n2,b\n".getBytes(StandardCharsets.UTF_8);
        ch.enqueue(new MockResponse.Builder().addHeader("X-ClickHouse-Exception-Tag", TAG)
                .body(MockCh.buffer(concat(csv, taggedBlock("Code: 395. DB::Exception: Value passed to 'throwIf' function "
                        + "is non-zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version 25.12.1)")))).build());
        try (InputStream in = client.extension(ClickHouseRaw.class).stream("SELECT * FROM t FORMAT CSV")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .cause().isInstanceOf(QueryFailedException.class).hasMessageContaining("throwIf");
        }
        ch.enqueue(new MockResponse.Builder().body("1,a\n2,b\n").setHeader("Content-Length", "100")
                .onResponseEnd(new SocketEffect.CloseSocket()).build());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = client.extension(ClickHouseRaw.class).stream("SELECT * FROM t FORMAT CSV")) {
            assertThatThrownBy(() -> in.transferTo(got)).isInstanceOf(IOException.class)
                    .cause().isInstanceOf(ResultInterruptedException.class);
        }
        assertThat(got.toString(StandardCharsets.UTF_8)).isEqualTo("1,a\n2,b\n");
        ch.enqueue(new MockResponse.Builder().body("x,y\n").build());
        try (InputStream in = client.extension(ClickHouseRaw.class).stream("SELECT * FROM t FORMAT CSV")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x,y\n");
        }
        assertThat(ch.poolIdle()).isTrue();
    }
}
