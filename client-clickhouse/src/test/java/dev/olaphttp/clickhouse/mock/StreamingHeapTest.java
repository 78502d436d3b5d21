package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseInserts.InsertOptions;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import dev.olaphttp.clickhouse.ClickHouseRaw;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Inserts, raw streams and decoded results far larger than the 64 MiB heap stream in constant memory. */
@Tag("heap")
class StreamingHeapTest {
    private static final long BIG = 160L * 1024 * 1024;

    @StartStop
    final MockWebServer server = new MockWebServer();

    MockCh ch;

    @BeforeEach
    void setUp() {
        server.setBodyLimit(1024);
        ch = new MockCh(server);
    }

    private SqlClient client() {
        return ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.1").build();
    }

    @Test
    void insertsStreamFromAWriter() {
        ch.enqueue(new MockResponse.Builder().addHeader("X-ClickHouse-Summary", "{\"written_rows\":\"1\"}").body("").build());
        ch.enqueue(new MockResponse.Builder().body("").build());
        byte[] line = "1234567890,abcdefghijklmnopqrstuvwxyz\n".getBytes(StandardCharsets.UTF_8);
        ClickHouseInserts.DataWriter writer = out -> {
            for (long written = 0; written < BIG; written += line.length) {
                out.write(line);
            }
        };
        try (SqlClient c = client()) {
            ClickHouseInserts ins = c.extension(ClickHouseInserts.class);
            assertThat(ins.insert("INSERT INTO t FORMAT CSV", writer).stats().rowsWritten()).isEqualTo(1);
            ins.insert("INSERT INTO t FORMAT CSV", writer, InsertOptions.DEFAULTS.withGzip(true));
        }
        assertThat(ch.statements.get(0).getBodySize()).isGreaterThanOrEqualTo(BIG);
        assertThat(ch.statements.get(1).getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    }

    /** A body of a header and {@code units} copies of a unit, generated while it is sent. */
    static MockResponseBody generated(byte[] header, byte[] unit, long units) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return header.length + units * unit.length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(header);
                for (long n = 0; n < units; n++) {
                    sink.write(unit);
                }
            }
        };
    }

    @Test
    void rawStreamsStayFlat() throws IOException {
        byte[] unit = "1,a\n".repeat(64).getBytes(StandardCharsets.UTF_8);
        ch.enqueue(new MockResponse.Builder().body(generated(new byte[0], unit, BIG / unit.length)).build());
        long total = 0;
        try (SqlClient c = client(); InputStream in = c.extension(ClickHouseRaw.class).stream("SELECT * FROM t FORMAT CSV")) {
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
            }
        }
        assertThat(total).isEqualTo(BIG / unit.length * unit.length);
    }

    @Test
    void decodedRowsStayFlat() {
        byte[] header = MockCh.rowBinary(0);
        ByteBuffer row = ByteBuffer.allocate(8 + 1 + 16).order(ByteOrder.LITTLE_ENDIAN);
        row.putLong(42).put((byte) 16).put("sixteen-bytes-xx".getBytes(StandardCharsets.US_ASCII));
        byte[] unit = row.array();
        long rows = (BIG / 2) / unit.length;
        ch.enqueue(new MockResponse.Builder().body(generated(header, unit, rows)).build());
        long seen = 0;
        try (SqlClient c = client(); RowCursor cur = c.sql("SELECT n, s FROM t").stream()) {
            while (cur.next()) {
                seen += cur.getLong(1) == 42 ? 1 : 0;
            }
        }
        assertThat(seen).isEqualTo(rows);
    }
}
