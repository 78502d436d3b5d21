package dev.olaphttp.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * D17: a body that is not valid UTF-8 fails the query with a {@link ProtocolException} (never U+FFFD), and the
 * exception says how many rows the caller had received, through the cursor and through {@code list()}.
 */
class InvalidUtf8Test {
    private static final String HEAD = "{\"connectionId\":42}\n{\"meta\":[{\"name\":\"s\",\"type\":\"varchar(10)\"}]}\n";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    /** Two good rows, then a row whose string holds {@code bad}, then more rows and the statistics line. */
    private static MockResponse withBadThirdRow(byte[] bad) {
        Buffer b = new Buffer().writeUtf8(HEAD + "{\"data\":[\"a\"]}\n{\"data\":[\"é\"]}\n{\"data\":[\"x");
        b.write(bad).writeUtf8("y\"]}\n{\"data\":[\"d\"]}\n{\"statistics\":{\"returnRows\":4}}\n");
        return new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .chunkedBody(b, 32).build();
    }

    private static final byte[][] INVALID = {
        {(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xc3, 0x28}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xc0, (byte) 0xaf}, {(byte) 0x80}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
        {(byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0xaf}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    };

    @Test
    void wellFormedMultiByteTextPassesUnchanged() {
        String text = "é☃\ud83d\ude00\uffff\u0800\u07ff";
        server.enqueue(TestSupport.ndjson(HEAD + "{\"data\":[\"" + text + "\"]}\n{\"statistics\":{\"returnRows\":1}}\n"));
        try (SqlClient c = TestSupport.client(server, ok)) {
            String got = c.sql("select s from t").single(r -> r.getString(1));
            assertThat(got).isEqualTo(text);
        }
    }

    @Test
    void throughTheCursorTheFailureCountsTheRowsReceived() {
        for (byte[] bad : INVALID) {
            server.enqueue(withBadThirdRow(bad));
            server.enqueue(TestSupport.ndjson("")); // room for a KILL
            try (SqlClient c = TestSupport.client(server, ok); RowCursor cur = c.sql("select s from t").stream()) {
                List<String> seen = new ArrayList<>();
                Throwable t = catchThrowable(() -> {
                    while (cur.next()) {
                        seen.add(cur.getString(1));
                    }
                });
                assertThat(seen).as("bytes %s", java.util.HexFormat.of().formatHex(bad)).containsExactly("a", "é");
                assertThat(t).isInstanceOf(ProtocolException.class);
                assertThat(((SqlClientException) t).rowsDelivered()).isEqualTo(2);
            }
        }
    }

    @Test
    void throughListTheFailureCountsTheRowsMapped() {
        server.enqueue(withBadThirdRow(new byte[] {(byte) 0xff}));
        server.enqueue(TestSupport.ndjson(""));
        try (SqlClient c = TestSupport.client(server, ok)) {
            List<String> mapped = new ArrayList<>();
            Throwable t = catchThrowable(() -> c.sql("select s from t").list(r -> {
                mapped.add(r.getString(1));
                return 1;
            }));
            assertThat(t).isInstanceOf(ProtocolException.class);
            assertThat(((SqlClientException) t).rowsDelivered()).isEqualTo(2).isEqualTo(mapped.size());
        }
    }
}
