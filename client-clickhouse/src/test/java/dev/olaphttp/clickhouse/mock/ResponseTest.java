package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryListener;
import dev.olaphttp.QueryStats;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import dev.olaphttp.clickhouse.ClickHouseServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Response headers, compression, ping: modern-server behaviour the 18.16 server cannot show. */
class ResponseTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    MockCh ch;

    @BeforeEach
    void setUp() {
        ch = new MockCh(server);
    }

    static byte[] encode(String encoding, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (encoding) {
            case "gzip" -> {
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(plain);
                }
            }
            case "zstd" -> out.writeBytes(Zstd.compress(plain));
            case "lz4" -> {
                try (LZ4FrameOutputStream lz = new LZ4FrameOutputStream(out)) {
                    lz.write(plain);
                }
            }
            default -> throw new IllegalArgumentException(encoding);
        }
        return out.toByteArray();
    }

    @Test
    void headersBecomeStatsProgressAndServerInfo() {
        List<QueryStats> progress = new CopyOnWriteArrayList<>();
        ch.enqueue(new MockResponse.Builder()
                .addHeader("X-ClickHouse-Query-Id", "q-7")
                .addHeader("X-ClickHouse-Server-Display-Name", "ch-1")
                .addHeader("X-ClickHouse-Timezone", "Asia/Tokyo")
                .addHeader("X-ClickHouse-Format", "RowBinaryWithNamesAndTypes")
                .addHeader("X-ClickHouse-Progress", "{\"read_rows\":\"10\",\"read_bytes\":\"80\"}")
                .addHeader("X-ClickHouse-Progress", "{\"read_rows\":\"20\",\"read_bytes\":\"160\",\"total_rows_to_read\":\"40\"}")
                .addHeader("X-ClickHouse-Summary", "{\"read_rows\":\"40\",\"read_bytes\":\"320\",\"written_rows\":\"0\","
                        + "\"written_bytes\":\"0\",\"total_rows_to_read\":\"40\",\"result_rows\":\"2\",\"elapsed_ns\":\"4505959\"}")
                .body(MockCh.buffer(MockCh.rowBinary(2))).build());
        QueryListener listener = new QueryListener() {
            @Override
            public void onProgress(QueryInfo query, QueryStats p) {
                progress.add(p);
            }
        };
        try (SqlClient c = ch.builder(server).listener(listener).option(ClickHouseOptions.SEND_PROGRESS, "true")
                .option(ClickHouseOptions.SERVER_VERSION, "25.1").build();
                RowCursor cur = c.sql("SELECT n, s FROM t").queryId("q-7").stream()) {
            while (cur.next()) {
                // read all
            }
            QueryStats s = cur.stats();
            assertThat(s.rowsRead()).isEqualTo(40);
            assertThat(s.bytesRead()).isEqualTo(320);
            assertThat(s.resultRows()).isEqualTo(2);
            assertThat(s.elapsed()).isEqualTo(Duration.ofNanos(4505959));
            assertThat(s.extra()).containsEntry("total_rows_to_read", "40");
            assertThat(cur.serverInfo()).containsEntry("X-ClickHouse-Server-Display-Name", "ch-1")
                    .containsEntry("X-ClickHouse-Timezone", "Asia/Tokyo")
                    .containsEntry("X-ClickHouse-Format", "RowBinaryWithNamesAndTypes")
                    .containsEntry("X-ClickHouse-Query-Id", "q-7")
                    .containsEntry("serverVersion", "25.1");
        }
        assertThat(progress).extracting(QueryStats::rowsRead).containsExactly(10L, 20L);
        assertThat(ch.statements.get(0).getUrl().queryParameter("send_progress_in_http_headers")).isEqualTo("1");
        assertThat(ch.poolIdle()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zstd", "lz4"})
    void compressedResponsesAreDecodedBeforeTheDecoder(String encoding) throws IOException {
        ch.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", encoding)
                .body(MockCh.buffer(encode(encoding, MockCh.rowBinary(500)))).build());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.COMPRESSION, encoding)
                .option(ClickHouseOptions.SERVER_VERSION, "25.1").build()) {
            List<String> rows = c.sql("SELECT n, s FROM t").list(r -> r.getLong(1) + r.getString(2));
            assertThat(rows).hasSize(500).startsWith("0v0").endsWith("499v499");
        }
        assertThat(ch.statements.get(0).getHeaders().get("Accept-Encoding")).isEqualTo(encoding);
        assertThat(ch.statements.get(0).getUrl().queryParameter("enable_http_compression")).isEqualTo("1");
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void gzipRequestBodies() throws IOException {
        ch.enqueue(new MockResponse.Builder().body("").build());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.COMPRESS_REQUEST, "true")
                .option(ClickHouseOptions.SERVER_VERSION, "25.1").build()) {
            c.sql("INSERT INTO t SELECT 1").execute();
        }
        var r = ch.statements.get(0);
        assertThat(r.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.getBody().toByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("INSERT INTO t SELECT 1");
        }
    }

    @Test
    void ping() {
        try (SqlClient c = ch.builder(server).build()) {
            assertThat(c.extension(ClickHouseServer.class).ping()).isTrue();
            ch.pingStatus = 503;
            assertThat(c.extension(ClickHouseServer.class).ping()).isFalse();
            assertThat(c.extension(ClickHouseServer.class).version()).isEqualTo("24.8.1.1");
        }
    }
}
