package dev.olaphttp.starrocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.InsertResult;
import dev.olaphttp.SqlClient;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ten million rows generated lazily, encoded while the body is written and sent through the FE's 307 to a backend
 * that counts and discards them, all in a 64 MB heap (the "heap" surefire execution, -Xmx64m).
 */
@Tag("heap")
class LoadHeapTest {
    private static final long ROWS = 10_000_000L;

    @StartStop
    final MockWebServer fe = new MockWebServer();

    @StartStop
    final MockWebServer be = new MockWebServer();

    @Test
    void tenMillionRowsLoadInConstantMemory() {
        AtomicLong received = new AtomicLong(-1);
        be.setBodyLimit(0); // keep nothing of the body, only count it
        be.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse peek() {
                return new MockResponse.Builder().add100Continue().build(); // read the body after a 100 Continue
            }

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.set(request.getBodySize());
                return LoadSupport.beJson("{\"TxnId\":5,\"Label\":\"big\",\"Status\":\"Success\",\"Message\":\"OK\","
                        + "\"NumberLoadedRows\":" + ROWS + ",\"LoadBytes\":" + request.getBodySize() + "}");
            }
        });
        fe.enqueue(LoadSupport.desc("id", "bigint(20)", "name", "varchar(64)", "ok", "boolean"));
        fe.enqueue(LoadSupport.redirectTo(be, "/api/demo/big/_stream_load"));
        Iterable<Object[]> rows = () -> new Iterator<>() {
            private final Object[] row = new Object[3];
            private long i;

            @Override
            public boolean hasNext() {
                return i < ROWS;
            }

            @Override
            public Object[] next() {
                if (i >= ROWS) {
                    throw new NoSuchElementException();
                }
                row[0] = i;
                row[1] = (i & 1) == 0 ? "even" : "odd";
                row[2] = (i & 1) == 0;
                i++;
                return row;
            }
        };
        OkHttpClient ok = TestSupport.okHttp();
        InsertResult r;
        try (SqlClient c = TestSupport.client(fe, ok)) {
            r = c.insert("demo.big").label("big").rows(rows);
        }
        long expected = 0;
        for (long i = 0; i < ROWS; i++) {
            // {"id":N,"name":"even","ok":true}\n
            expected += 24 + Long.toString(i).length() + ((i & 1) == 0 ? 4 + 4 : 3 + 5);
        }
        assertThat(received.get()).isEqualTo(expected);
        assertThat(r.rowsWritten()).isEqualTo(ROWS);
        assertThat(r.bytesWritten()).isEqualTo(expected);
        assertThat(r.serverInfo()).containsEntry("rowsSent", Long.toString(ROWS))
                .containsEntry("bytesSent", Long.toString(expected));
        ok.connectionPool().evictAll();
    }
}
