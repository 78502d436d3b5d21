package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.TransportException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code client.insert(table)} on a modern server: dedup token, summary, no re-send. */
class LoadTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    MockCh ch;
    SqlClient client;

    @BeforeEach
    void setUp() {
        ch = new MockCh(server);
        client = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "24.8").build();
    }

    @Test
    void rowsGoAsTabSeparatedUnderADeduplicationToken() {
        ch.enqueue(new MockResponse.Builder().body("id\tUInt64\t\t\t\t\t\nna`me\tArray(String)\t\t\t\t\t\n"
                + "m\tUInt64\tMATERIALIZED\tid\t\t\t\n").build());
        ch.enqueue(new MockResponse.Builder()
                .addHeader("X-ClickHouse-Summary", "{\"written_rows\":\"2\",\"written_bytes\":\"40\"}").body("").build());
        InsertResult r = client.insert("db.t").label("batch-7").option("format", "TSV").rows(List.of(
                new Object[] {1, List.of("x\ty", "it's")}, new Object[] {2, List.of()}));
        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(r.bytesWritten()).isEqualTo(40);
        assertThat(r.label()).isEqualTo("batch-7");
        RecordedRequest describe = ch.statements.get(0);
        assertThat(describe.getBody().utf8()).isEqualTo("DESCRIBE TABLE `db`.`t` FORMAT TabSeparated");
        RecordedRequest load = ch.statements.get(1);
        assertThat(load.getUrl().queryParameter("query")).isEqualTo("INSERT INTO `db`.`t` (`id`, `na\\`me`) FORMAT TabSeparated");
        assertThat(load.getUrl().queryParameter("insert_deduplication_token")).isEqualTo("batch-7");
        assertThat(load.getBody().utf8()).isEqualTo("1\t['x\\ty','it\\'s']\n2\t[]\n");
    }

    @Test
    void dataPassesThroughAndIsNeverResent() {
        ch.enqueue(new MockResponse.Builder().code(408)
                .body("Code: 159. DB::Exception: Timeout exceeded. (TIMEOUT_EXCEEDED)\n").build());
        assertThatThrownBy(() -> client.insert("t").from(
                new ByteArrayInputStream("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)), DataFormat.NDJSON))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(ch.statements).hasSize(1);
        RecordedRequest load = ch.statements.get(0);
        assertThat(load.getUrl().queryParameter("query")).isEqualTo("INSERT INTO `t` FORMAT JSONEachRow");
        assertThat(load.getUrl().queryParameter("insert_deduplication_token")).isNotBlank();
        assertThatThrownBy(() -> client.insert("t").option("max_filter_ratio", "0.1")
                .from(new ByteArrayInputStream(new byte[0]), DataFormat.CSV))
                .isInstanceOf(dev.olaphttp.InvalidRequestException.class).hasMessageContaining("max_filter_ratio");
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void aLoadWhoseResponseIsLostIsNotResentAndSaysHowToRetrySafely() {
        ch.enqueue(new MockResponse.Builder().body("id\tUInt64\t\t\t\t\t\n").build());
        ch.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        assertThatThrownBy(() -> client.insert("t").label("batch-9").rows(List.<Object[]>of(new Object[] {1})))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("may or may not have been applied")
                .hasMessageContaining("label batch-9")
                .satisfies(e -> assertThat(((TransportException) e).requestSent()).isTrue())
                .satisfies(e -> assertThat(((TransportException) e).queryId()).isPresent());
        assertThat(ch.statements).hasSize(2); // DESCRIBE, then the load once
        assertThat(ch.statements.get(1).getUrl().queryParameter("insert_deduplication_token")).isEqualTo("batch-9");
        assertThat(ch.statements.get(1).getBody().size()).isEqualTo(8);
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void onAServerWithoutDedupTokensTheErrorNamesTheQueryIdAndSaysToCheckFirst() {
        SqlClient old = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "18.16").build();
        ch.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        assertThatThrownBy(() -> old.insert("t").from(
                new ByteArrayInputStream("1\n".getBytes(StandardCharsets.UTF_8)), DataFormat.TSV))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("no insert_deduplication_token: check the table")
                .satisfies(e -> assertThat(e.getMessage()).contains(((TransportException) e).queryId().orElseThrow()));
        assertThat(ch.statements).hasSize(1);
        assertThat(ch.statements.get(0).getUrl().queryParameter("insert_deduplication_token")).isNull();
        old.close();
    }

    @Test
    void rowsGoAsRowBinaryByDefaultWithRowsAndBytesSentWhenThereIsNoSummary() {
        ch.enqueue(new MockResponse.Builder().body("id\tUInt8\t\t\t\t\t\ns\tNullable(String)\t\t\t\t\t\n").build());
        ch.enqueue(new MockResponse.Builder().body("").build());
        InsertResult r = client.insert("t").rows(List.of(new Object[] {1, "é"}, new Object[] {2, null}));
        RecordedRequest load = ch.statements.get(1);
        assertThat(load.getUrl().queryParameter("query")).isEqualTo("INSERT INTO `t` (`id`, `s`) FORMAT RowBinary");
        assertThat(load.getBody().hex()).isEqualTo("010002c3a90201");
        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(r.bytesWritten()).isEqualTo(7);
        assertThat(r.serverInfo()).containsEntry("format", "RowBinary").containsKey("writtenSource");
        ch.enqueue(new MockResponse.Builder().body("j\tJSON\t\t\t\t\t\n").build());
        ch.enqueue(new MockResponse.Builder().body("").build());
        client.insert("t").rows(List.<Object[]>of(new Object[] {"{\"a\":1}"}));
        assertThat(ch.statements.get(3).getUrl().queryParameter("query")).endsWith("FORMAT TabSeparated"); // no RowBinary JSON
        assertThatThrownBy(() -> client.insert("t").option("format", "Parquet").rows(List.<Object[]>of()))
                .isInstanceOf(dev.olaphttp.InvalidRequestException.class).hasMessageContaining("RowBinary or TabSeparated");
    }

    @Test
    void aBadValueAbortsTheBodyWithATypedErrorAndFreesTheConnection() {
        ch.enqueue(new MockResponse.Builder().body("id\tUInt8\t\t\t\t\t\n").build());
        ch.enqueue(new MockResponse.Builder().body("").build());
        assertThatThrownBy(() -> client.insert("t").rows(List.of(new Object[] {1}, new Object[] {300})))
                .isInstanceOf(dev.olaphttp.InvalidRequestException.class)
                .hasMessageStartingWith("row 2, column 'id'").hasMessageNotContaining("300");
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void gzipBodiesAndPassedThroughSettings() throws Exception {
        ch.enqueue(new MockResponse.Builder().body("id\tUInt32\t\t\t\t\t\n").build());
        ch.enqueue(new MockResponse.Builder().body("").build());
        client.insert("t").option("compress", "gzip").setting("async_insert", "1").setting("wait_for_async_insert", "1")
                .rows(List.of(new Object[] {1}, new Object[] {258}));
        RecordedRequest load = ch.statements.get(1);
        assertThat(load.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(load.getUrl().queryParameter("async_insert")).isEqualTo("1");
        assertThat(load.getUrl().queryParameter("wait_for_async_insert")).isEqualTo("1");
        byte[] plain = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(load.getBody().toByteArray()))
                .readAllBytes();
        assertThat(java.util.HexFormat.of().formatHex(plain)).isEqualTo("0100000002010000");
        assertThatThrownBy(() -> client.insert("t").option("compress", "zip").rows(List.<Object[]>of()))
                .isInstanceOf(dev.olaphttp.InvalidRequestException.class).hasMessageContaining("gzip or none");
    }

    @Test
    void aLoadTimedOutWhileTheServerWorksIsKilled() throws Exception {
        ch.enqueue(new MockResponse.Builder().headersDelay(30, java.util.concurrent.TimeUnit.SECONDS).body("").build());
        assertThatThrownBy(() -> client.insert("t").timeout(java.time.Duration.ofMillis(300)).from(
                new ByteArrayInputStream("1\n".getBytes(StandardCharsets.UTF_8)), DataFormat.TSV))
                .isInstanceOf(QueryTimeoutException.class);
        String id = ch.statements.get(0).getUrl().queryParameter("query_id");
        assertThat(ch.awaitKill(id)).isTrue();
        assertThat(ch.statements).hasSize(1);
    }

    @Test
    void cancellingAnEndlessLoadAbortsTheUploadAndKillsIt() throws Exception {
        server.setBodyLimit(1024);
        ch.enqueue(new MockResponse.Builder().body("id\tUInt64\t\t\t\t\t\n").build());
        ch.enqueue(new MockResponse.Builder().body("").build());
        dev.olaphttp.Insert insert = client.insert("t").label("endless");
        java.util.concurrent.atomic.AtomicLong made = new java.util.concurrent.atomic.AtomicLong();
        Iterable<Object[]> endless = () -> java.util.stream.Stream.generate(() -> new Object[] {made.incrementAndGet()})
                .iterator();
        java.util.concurrent.CompletableFuture<InsertResult> run =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> insert.rows(endless));
        while (made.get() < 100_000) {
            Thread.sleep(5);
        }
        insert.cancel();
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> run.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertThat(e).hasCauseInstanceOf(dev.olaphttp.QueryCancelledException.class);
        String id = ((dev.olaphttp.QueryCancelledException) e.getCause()).queryId().orElseThrow();
        assertThat(ch.awaitKill(id)).isTrue(); // the server may have committed blocks of what it received
        assertThat(ch.statements).hasSize(1); // the cut-off upload never completed as a request
        assertThat(ch.poolIdle()).isTrue();
    }
}
