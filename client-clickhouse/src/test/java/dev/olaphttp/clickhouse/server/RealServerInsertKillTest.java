package dev.olaphttp.clickhouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouse;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseInserts.InsertOptions;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import dev.olaphttp.okhttp.OkHttpAdapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Streamed inserts in several formats, KILL on early close and cancel, and the connection pool, on 18.16. */
@ExtendWith(ClickHouseServerExtension.class)
class RealServerInsertKillTest {
    private static OkHttpClient http;
    private static SqlClient client;

    @BeforeAll
    static void open() {
        http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 2, TimeUnit.SECONDS))
                .readTimeout(Duration.ofSeconds(30)).build();
        client = ClickHouse.builder().endpoint(ClickHouseServerExtension.url())
                .httpClient(OkHttpAdapter.borrow(http)).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
        if (http != null) {
            http.connectionPool().evictAll();
        }
    }

    private static List<String> rows(String table) {
        return client.sql("SELECT id, name FROM " + table + " ORDER BY id").list(r -> r.getLong(1) + "|" + r.getString(2));
    }

    @Test
    void insertsInSeveralFormatsReadBackValueForValue() {
        client.sql("CREATE TABLE ins_t (id UInt32, name String) ENGINE = Memory").execute();
        ClickHouseInserts ins = client.extension(ClickHouseInserts.class);
        ins.insert("INSERT INTO ins_t FORMAT TabSeparated",
                new ByteArrayInputStream("1\ttab\\there\n2\tback\\\\slash\n".getBytes(StandardCharsets.UTF_8)));
        ins.insert("INSERT INTO ins_t FORMAT CSV", out -> out.write("3,\"a,b\"\n4,\"quo\"\"te\"\n".getBytes(StandardCharsets.UTF_8)));
        ins.insert("INSERT INTO ins_t FORMAT JSONEachRow", out -> out.write(
                "{\"id\":5,\"name\":\"üñí\",\"extra\":1}\n".getBytes(StandardCharsets.UTF_8)),
                InsertOptions.DEFAULTS.withGzip(true).withSetting("input_format_skip_unknown_fields", "1"));
        ByteArrayOutputStream rb = new ByteArrayOutputStream();
        rb.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(6).array());
        byte[] name = "bin\0ary".getBytes(StandardCharsets.UTF_8);
        rb.write(name.length);
        rb.writeBytes(name);
        ins.insert("INSERT INTO ins_t FORMAT RowBinary", new ByteArrayInputStream(rb.toByteArray()));
        assertThat(rows("ins_t")).containsExactly(
                "1|tab\there", "2|back\\slash", "3|a,b", "4|quo\"te", "5|üñí", "6|bin\0ary");
        assertThatThrownBy(() -> ins.insert("INSERT INTO ins_t FORMAT CSV",
                new ByteArrayInputStream("x,y\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(QueryFailedException.class)
                .satisfies(e -> assertThat(((QueryFailedException) e).errorCode()).isPresent());
        assertThat(rows("ins_t")).hasSize(6);
    }

    @Test
    void earlyCloseKillsTheQueryAndFreesTheConnection() throws Exception {
        String id = "olap-kill-close-" + System.nanoTime();
        try (RowCursor c = client.sql("SELECT number FROM system.numbers").queryId(id).stream()) {
            for (int i = 0; i < 1000; i++) {
                assertThat(c.next()).isTrue();
            }
        }
        awaitGone(id);
        assertThat(http.connectionPool().connectionCount()).isEqualTo(http.connectionPool().idleConnectionCount());
    }

    @Test
    void cancelFromAnotherThreadStopsABlockedRead() throws Exception {
        String id = "olap-kill-cancel-" + System.nanoTime();
        // 18.16 buffers 1 MiB before the headers go out: the first block (~1.4 MB) arrives after 1 s, the next
        // one a second later, so the reader blocks between blocks
        RowCursor c = client.sql("SELECT number, sleep(1) FROM system.numbers LIMIT 10000000")
                .setting("max_block_size", "200000").queryId(id).stream();
        assertThat(c.next()).isTrue();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                // test ends anyway
            }
            c.cancel();
        });
        t.start();
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            while (c.next()) {
                // drain
            }
        }).isInstanceOf(QueryCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        c.close();
        t.join();
        awaitGone(id);
        assertThat(http.connectionPool().connectionCount()).isEqualTo(http.connectionPool().idleConnectionCount());
    }

    @Test
    void errorsLeaveNoConnectionBusy() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.sql("SELECT * FROM nowhere_" + 1).list(r -> 1))
                    .isInstanceOf(QueryFailedException.class);
        }
        assertThat(http.connectionPool().connectionCount()).isEqualTo(http.connectionPool().idleConnectionCount());
    }

    @Test
    void killCanBeSwitchedOff() throws Exception {
        try (SqlClient noKill = ClickHouse.builder().endpoint(ClickHouseServerExtension.url())
                .option(ClickHouseOptions.KILL_ON_CANCEL, "false").build()) {
            String id = "olap-nokill-" + System.nanoTime();
            try (RowCursor c = noKill.sql("SELECT number FROM system.numbers LIMIT 100000000").queryId(id).stream()) {
                assertThat(c.next()).isTrue();
            }
            // without KILL the server notices the closed socket only when it writes; it still stops eventually
            awaitGone(id);
        }
    }

    private static void awaitGone(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        long n = -1;
        while (System.nanoTime() < deadline) {
            n = client.sql("SELECT count() FROM system.processes WHERE query_id = {id:String}").param("id", id)
                    .single(r -> r.getLong(1));
            if (n == 0) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(n).as("query %s still running", id).isZero();
    }
}
