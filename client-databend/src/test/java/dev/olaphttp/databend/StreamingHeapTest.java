package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.math.BigInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 1,010,000 rows over 101 pages generated on the fly, read with -Xmx64m (the heap surefire execution): the client
 * must hold about one page at a time.
 */
@Tag("heap")
class StreamingHeapTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final int PAGES = 101;
    private static final int ROWS = 10_000;

    @Test
    void streamsAMillionRowsInBoundedMemory() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String t = r.getTarget();
                if (t.endsWith("/final")) {
                    return TestServer.finalOk("q1");
                }
                int page = t.equals("/v1/query") ? 0 : Integer.parseInt(t.substring(t.lastIndexOf('/') + 1));
                return page(page);
            }
        });
        long rows = 0;
        long sum = 0;
        double floats = 0;
        String last = null;
        try (SqlClient client = TestServer.client(server, "");
                RowCursor c = client.sql("SELECT number, 'row-' || number, number / 2 FROM numbers(1010000)").stream()) {
            while (c.next()) {
                rows++;
                sum += c.getLong(1);
                floats += c.getDouble(3);
                last = c.getString(2);
            }
            assertThat(c.schema().column(1).type().javaType()).isEqualTo(BigInteger.class);
        }
        long n = (long) PAGES * ROWS;
        assertThat(rows).isEqualTo(n);
        assertThat(sum).isEqualTo(n * (n - 1) / 2);
        assertThat(floats).isEqualTo(n * (n - 1) / 4.0);
        assertThat(last).isEqualTo("row-" + (n - 1));
        assertThat(server.getRequestCount()).isEqualTo(PAGES + 1);
    }

    private static MockResponse page(int page) {
        Buffer b = new Buffer();
        b.writeUtf8("{\"id\":\"q1\",\"session_id\":\"\",\"node_id\":\"n1\",\"state\":\"Succeeded\",\"session\":null,"
                + "\"error\":null,\"warnings\":[],\"schema\":[{\"name\":\"number\",\"type\":\"UInt64\"},"
                + "{\"name\":\"s\",\"type\":\"String\"},{\"name\":\"half\",\"type\":\"Float64\"}],\"data\":[");
        long first = (long) page * ROWS;
        for (int i = 0; i < ROWS; i++) {
            long v = first + i;
            b.writeUtf8(i == 0 ? "[\"" : ",[\"").writeDecimalLong(v).writeUtf8("\",\"row-").writeDecimalLong(v)
                    .writeUtf8("\",\"").writeUtf8(Double.toString(v / 2.0)).writeUtf8("\"]");
        }
        String next = page + 1 < PAGES ? "\"/v1/query/q1/page/" + (page + 1) + "\"" : "\"/v1/query/q1/final\"";
        b.writeUtf8("],\"affect\":null,\"result_timeout_secs\":60,\"settings\":{\"timezone\":\"UTC\"},\"stats\":"
                + TestServer.STATS + ",\"stats_uri\":\"/v1/query/q1\",\"final_uri\":\"/v1/query/q1/final\","
                + "\"next_uri\":" + next + ",\"kill_uri\":\"/v1/query/q1/kill\"}");
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(b).build();
    }
}
