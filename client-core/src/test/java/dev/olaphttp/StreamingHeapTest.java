package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A result far larger than the heap (-Xmx64m) streams through the cursor in flat memory. */
@Tag("heap")
class StreamingHeapTest {
    private static final int ROWS = 2_000_000;
    private static final String PAD = "x".repeat(40);

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void largeResultStreamsInFlatMemory() {
        server.enqueue(new MockResponse.Builder().code(200).body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("n:int64,s:string\n");
                for (int i = 0; i < ROWS; i++) {
                    sink.writeDecimalLong(i).writeByte('\t').writeUtf8(PAD).writeByte('\n');
                }
                sink.writeUtf8("END\n");
            }
        }).build());
        long sum = 0;
        long chars = 0;
        try (SqlClient c = LineTesting.builder(server).build();
                RowCursor cursor = c.sql("SELECT n, s FROM big").stream()) {
            while (cursor.next()) {
                sum += cursor.getLong(1);
                chars += cursor.getString(2).length();
            }
            assertThat(cursor.rowNumber()).isEqualTo(ROWS);
        }
        assertThat(sum).isEqualTo((long) ROWS * (ROWS - 1) / 2);
        assertThat(chars).as("about 90 MB of text went through a 64 MB heap").isEqualTo((long) ROWS * PAD.length());
    }
}
