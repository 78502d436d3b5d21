package dev.olaphttp.starrocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.io.IOException;
import java.math.BigDecimal;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One million NDJSON rows (about 90 MB) streamed through a 64 MB heap: the body is generated while it is sent and
 * read row by row, so memory stays flat. Runs in the "heap" surefire execution (-Xmx64m).
 */
@Tag("heap")
class StreamingHeapTest {
    private static final int ROWS = 1_000_000;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void millionRowsStreamInConstantMemory() {
        MockResponseBody body = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("{\"connectionId\":7}\n{\"meta\":[{\"name\":\"id\",\"type\":\"bigint(20)\"},"
                        + "{\"name\":\"name\",\"type\":\"varchar(64)\"},{\"name\":\"price\",\"type\":\"decimal64(10, 2)\"},"
                        + "{\"name\":\"ts\",\"type\":\"datetime\"},{\"name\":\"ok\",\"type\":\"boolean\"}]}\n");
                for (int i = 0; i < ROWS; i++) {
                    sink.writeUtf8("{\"data\":[").writeUtf8(Integer.toString(i)).writeUtf8(",\"name-")
                            .writeUtf8(Integer.toString(i % 1000)).writeUtf8("\",\"")
                            .writeUtf8(Integer.toString(i % 100)).writeUtf8(".25\",\"2024-02-29 13:45:01\",")
                            .writeUtf8(i % 2 == 0 ? "1" : "0").writeUtf8("]}\n");
                }
                sink.writeUtf8("{\"statistics\":{\"scanRows\":" + ROWS + ",\"scanBytes\":1,\"returnRows\":" + ROWS + "}}\n");
            }
        };
        // no length and no chunking: the body ends when the server closes the connection
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .body(body).onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
        OkHttpClient ok = TestSupport.okHttp();
        long rows = 0;
        long idSum = 0;
        long trues = 0;
        BigDecimal priceSum = BigDecimal.ZERO;
        try (SqlClient c = TestSupport.client(server, ok); RowCursor cur = c.sql("select * from big").stream()) {
            while (cur.next()) {
                rows++;
                idSum += cur.getLong(1);
                if (cur.getBoolean(5)) {
                    trues++;
                }
                if (rows % 1000 == 0) {
                    priceSum = priceSum.add(cur.getBigDecimal(3));
                    assertThat(cur.getString(2)).startsWith("name-");
                }
            }
            assertThat(cur.stats().resultRows()).isEqualTo(ROWS);
        } finally {
            ok.connectionPool().evictAll();
        }
        assertThat(rows).isEqualTo(ROWS);
        assertThat(idSum).isEqualTo((long) ROWS * (ROWS - 1) / 2);
        assertThat(trues).isEqualTo(ROWS / 2);
        // rows 1000, 2000, ... have ids 999, 1999, ...: price (id % 100) + .25 = 99.25
        assertThat(priceSum).isEqualByComparingTo(new BigDecimal("99.25").multiply(BigDecimal.valueOf(ROWS / 1000)));
    }
}
