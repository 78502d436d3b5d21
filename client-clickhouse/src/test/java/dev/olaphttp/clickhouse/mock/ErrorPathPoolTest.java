package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import dev.olaphttp.clickhouse.ClickHouseRaw;
import dev.olaphttp.clickhouse.ClickHouseServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Every error answer, on every way a statement starts (query, execute, stream, raw stream, streamed insert, table
 * insert, ping), closes its body: the connection pool has no connection left in use afterwards. Includes the 431
 * a server or proxy sends for a 1.6 MB parameter in the URL.
 */
class ErrorPathPoolTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String CH_ERROR = "Code: 62. DB::Exception: Syntax error. (SYNTAX_ERROR) (version 25.12.1)\n";
    private static final String BIG = "x".repeat(1_600_000);

    /** The error answers: status, headers and body shapes a server or a proxy sends. */
    private static List<Supplier<MockResponse>> answers() {
        List<Supplier<MockResponse>> out = new ArrayList<>();
        for (int status : new int[] {400, 401, 403, 404, 408, 411, 413, 414, 415, 429, 431, 500, 501, 502, 503, 504}) {
            out.add(() -> new MockResponse.Builder().code(status).body(CH_ERROR)
                    .addHeader("X-ClickHouse-Exception-Code", "62").build());
            out.add(() -> new MockResponse.Builder().code(status).addHeader("Content-Type", "text/html")
                    .body("<html><body>" + status + " from the proxy</body></html>").build());
            out.add(() -> new MockResponse.Builder().code(status).body("").build());
            out.add(() -> new MockResponse.Builder().code(status).addHeader("Connection", "close")
                    .body("Request Header Fields Too Large").build());
            out.add(() -> new MockResponse.Builder().code(status).body(MockCh.buffer(new byte[200_000])).build());
        }
        out.add(() -> new MockResponse.Builder().code(200).addHeader("X-ClickHouse-Exception-Code", "241")
                .body("Code: 241. DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED)\n").build());
        for (String enc : new String[] {"gzip", "deflate", "zstd", "lz4", "br"}) {
            out.add(() -> new MockResponse.Builder().code(200).addHeader("Content-Encoding", enc)
                    .body("not " + enc + " at all").build());
            out.add(() -> new MockResponse.Builder().code(500).addHeader("Content-Encoding", enc)
                    .body("not " + enc + " at all").build());
        }
        out.add(() -> new MockResponse.Builder().code(200).addHeader("X-ClickHouse-Summary", "{\"read_rows\":")
                .addHeader("X-ClickHouse-Timezone", "Not/AZone").body(MockCh.buffer(MockCh.rowBinary(1))).build());
        return out;
    }

    private static Map<String, Consumer<SqlClient>> entryPoints() {
        return Map.of(
                "list", c -> c.sql("SELECT n, s FROM t").list(r -> r.getLong(1)),
                "bigServerParam", c -> c.sql("SELECT {p:String}").param("p", BIG).list(r -> r.getString(1)),
                "execute", c -> c.sql("INSERT INTO t VALUES (1)").execute(),
                "stream", c -> {
                    try (var cur = c.sql("SELECT n, s FROM t").stream()) {
                        while (cur.next()) {
                            cur.getLong(1);
                        }
                    }
                },
                "raw", c -> {
                    try (InputStream in = c.extension(ClickHouseRaw.class).stream("SELECT 1 FORMAT CSV")) {
                        in.readAllBytes();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                "streamedInsert", c -> c.extension(ClickHouseInserts.class).insert("INSERT INTO t FORMAT CSV",
                        new ByteArrayInputStream("1,a\n".getBytes(StandardCharsets.UTF_8))),
                "tableInsert", c -> c.insert("t").rows(List.<Object[]>of(new Object[] {1L, "a"})),
                "ping", c -> c.extension(ClickHouseServer.class).ping());
    }

    @Test
    void noErrorAnswerLeavesAConnectionInUse() {
        MockCh ch = new MockCh(server);
        List<String> leaks = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        for (String mode : new String[] {"25.12", "18.16"}) {
            try (SqlClient client = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, mode)
                    .resilience(dev.olaphttp.ResiliencePolicy.noRetries()).build()) {
                List<Supplier<MockResponse>> answers = answers();
                for (Map.Entry<String, Consumer<SqlClient>> entry : entryPoints().entrySet()) {
                    for (int i = 0; i < answers.size(); i++) {
                        MockResponse answer = answers.get(i).get();
                        ch.queue.clear();
                        // the table insert first asks for the table's columns: answer that with the error too
                        ch.enqueue(answer).enqueue(answers.get(i).get());
                        String what = mode + " " + entry.getKey() + " answer #" + i + " (HTTP " + answer.getCode() + ")";
                        try {
                            entry.getValue().accept(client);
                        } catch (SqlClientException e) {
                            // typed: fine
                        } catch (RuntimeException e) {
                            if (!(e instanceof IllegalStateException && e.getCause() instanceof IOException io
                                    && io.getCause() instanceof SqlClientException)) {
                                untyped.add(what + ": " + e);
                            }
                        }
                        if (!ch.poolIdle()) {
                            leaks.add(what);
                            ch.http.connectionPool().evictAll();
                        }
                    }
                }
            }
        }
        assertThat(leaks).as("connections left in use").isEmpty();
        assertThat(untyped).as("untyped failures").isEmpty();
    }
}
