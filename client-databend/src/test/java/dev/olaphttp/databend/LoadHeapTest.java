package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.InsertResult;
import dev.olaphttp.SqlClient;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000,000 rows generated lazily, loaded with -Xmx64m (the heap surefire execution) into a server that keeps only
 * the first 16 KiB of the upload and counts the rest: the client must stream the rows, never hold them.
 */
@Tag("heap")
class LoadHeapTest {
    private static final long ROWS = 10_000_000L;
    private static final int KEPT = 16 * 1024;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void loadsTenMillionRowsInBoundedMemory() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L << 20);
        server.setBodyLimit(KEPT);
        AtomicLong uploadSize = new AtomicLong(-1);
        AtomicReference<String> uploadError = new AtomicReference<>();
        LoadServer db = new LoadServer() {
            @Override
            public synchronized MockResponse dispatch(RecordedRequest r) {
                if ("PUT".equals(r.getMethod())) {
                    uploadSize.set(r.getBodySize());
                    uploadError.set(checkFraming(r));
                }
                return super.dispatch(r);
            }
        };
        db.schema = "[{\"name\":\"id\",\"type\":\"Int64\"},{\"name\":\"s\",\"type\":\"Nullable(String)\"}]";
        db.insert = n -> LoadServer.inserted(ROWS, 123_456_789L);
        server.setDispatcher(db);

        Iterable<Object[]> rows = () -> new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < ROWS;
            }

            @Override
            public Object[] next() {
                long v = i++;
                return new Object[] {v, (v & 1) == 0 ? "x" : null};
            }
        };
        InsertResult r;
        try (SqlClient client = TestServer.client(server, "")) {
            r = client.insert("t").label("big").rows(rows);
        }
        long expected = expectedNdjsonBytes();
        assertThat(uploadError.get()).isNull();
        assertThat(r.rowsWritten()).isEqualTo(ROWS);
        assertThat(r.serverInfo()).containsEntry("rows_sent", Long.toString(ROWS))
                .containsEntry("bytes_sent", Long.toString(expected));
        String boundary = boundary(db.first("UPLOAD"));
        long framing = head(boundary).length() + ("\r\n--" + boundary + "--\r\n").length();
        assertThat(uploadSize.get()).isEqualTo(expected + framing);
        assertThat(db.kinds).containsExactly("SCHEMA", "UPLOAD", "INSERT");
    }

    private static String boundary(RecordedRequest r) {
        String ct = r.getHeaders().get("Content-Type");
        return ct.substring(ct.indexOf('=') + 1);
    }

    private static String head(String boundary) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"big.ndjson\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n";
    }

    /** The kept head of the upload: multipart header, then the first rows exactly; null when right. */
    private static String checkFraming(RecordedRequest r) {
        String head = head(boundary(r));
        String kept = r.getBody().string(StandardCharsets.UTF_8);
        if (!kept.startsWith(head)) {
            return "bad multipart head: " + kept.substring(0, Math.min(200, kept.length()));
        }
        StringBuilder first = new StringBuilder();
        for (long i = 0; first.length() < KEPT; i++) {
            first.append(line(i));
        }
        String rows = kept.substring(head.length());
        if (!first.toString().startsWith(rows)) {
            return "rows differ from the expected encoding";
        }
        return rows.length() > 100 ? null : "too little kept";
    }

    private static String line(long i) {
        return "{\"id\":" + i + ",\"s\":" + ((i & 1) == 0 ? "\"x\"" : "null") + "}\n";
    }

    private static long expectedNdjsonBytes() {
        long total = 0;
        long digits = 1;
        long nextPow = 10;
        for (long i = 0; i < ROWS; i++) {
            if (i == nextPow) {
                digits++;
                nextPow *= 10;
            }
            // {"id": + digits + ,"s": + "x" or null + }\n
            total += 6 + digits + 5 + ((i & 1) == 0 ? 3 : 4) + 2;
        }
        return total;
    }
}
