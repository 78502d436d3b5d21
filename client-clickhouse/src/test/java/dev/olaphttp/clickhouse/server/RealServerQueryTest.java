package dev.olaphttp.clickhouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SessionState;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import dev.olaphttp.UnsupportedStatementException;
import dev.olaphttp.clickhouse.ClickHouse;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import dev.olaphttp.clickhouse.ClickHouseRaw;
import dev.olaphttp.clickhouse.ClickHouseServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Queries, settings, sessions, auth, parameters and errors against a real clickhouse-server 18.16. */
@ExtendWith(ClickHouseServerExtension.class)
class RealServerQueryTest {
    private static SqlClient client;

    @BeforeAll
    static void open() {
        client = ClickHouse.builder().endpoint(ClickHouseServerExtension.url()).user("default", "").build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void selectsTypedRowsInTheOldServersFormat() {
        try (RowCursor c = client.sql("SELECT number AS n, toString(number) AS s, toDate('2026-01-02') AS d, "
                + "toDecimal64(1.25, 2) AS dec, [1, 2] AS arr FROM system.numbers LIMIT 3").stream()) {
            assertThat(c.schema().names()).containsExactly("n", "s", "d", "dec", "arr");
            int i = 0;
            while (c.next()) {
                assertThat(c.getLong("n")).isEqualTo(i);
                assertThat(c.getString("s")).isEqualTo(Integer.toString(i));
                assertThat(c.getObject("d")).isEqualTo(LocalDate.of(2026, 1, 2));
                assertThat(c.getObject("dec")).isEqualTo(new BigDecimal("1.25"));
                assertThat((List<?>) c.getObject("arr")).hasSize(2);
                assertThat(((List<?>) c.getObject("arr")).get(1).toString()).isEqualTo("2");
                i++;
            }
            assertThat(i).isEqualTo(3);
            assertThat(c.serverInfo()).containsKey("X-ClickHouse-Server-Display-Name").containsEntry("serverVersion", "18.16");
        }
        assertThat(client.extension(ClickHouseServer.class).version()).startsWith("18.16");
        assertThat(client.extension(ClickHouseServer.class).ping()).isTrue();
    }

    @Test
    void settingsAtClientSessionAndStatementLevel() {
        try (SqlClient c = ClickHouse.builder().endpoint(ClickHouseServerExtension.url())
                .setting("max_threads", "3").build()) {
            String q = "SELECT value FROM system.settings WHERE name = 'max_threads'";
            assertThat(str(c.sql(q).single(r -> r.getString(1)))).isEqualTo("3");
            assertThat(str(c.sql(q).setting("max_threads", "2").single(r -> r.getString(1)))).isEqualTo("2");
            try (SqlSession s = c.openSession()) {
                s.sql("SET max_threads = 5").execute();
                assertThat(str(s.sql(q).single(r -> r.getString(1)))).isEqualTo("5");
                s.sql("CREATE DATABASE IF NOT EXISTS olap_use").execute();
                s.sql("USE olap_use").execute();
                assertThat(str(s.sql("SELECT currentDatabase()").single(r -> r.getString(1)))).isEqualTo("olap_use");
            }
            assertThat(str(c.sql(q).single(r -> r.getString(1)))).isEqualTo("3");
        }
    }

    @Test
    void serverSessionKeepsTemporaryTables() {
        try (SqlClient c = ClickHouse.builder().endpoint(ClickHouseServerExtension.url())
                .option(ClickHouseOptions.SESSION, "server").option(ClickHouseOptions.SESSION_TIMEOUT, "30").build();
                SqlSession s = c.openSession()) {
            s.sql("CREATE TEMPORARY TABLE tmp_x (x UInt8)").execute();
            s.sql("INSERT INTO tmp_x VALUES (7)").execute();
            assertThat(s.state().serverSessionId()).isPresent();
            assertThat(num(s.sql("SELECT x FROM tmp_x").single(r -> r.getInt(1)))).isEqualTo(7);
            s.sql("SET max_threads = 6").execute();
            assertThat(str(s.sql("SELECT value FROM system.settings WHERE name = 'max_threads'").single(r -> r.getString(1))))
                    .isEqualTo("6");
        }
    }

    @Test
    void aBusyServerSessionIsReportedClearly() {
        String sid = "olap-lock-" + System.nanoTime();
        try (SqlSession s1 = client.openSession(SessionState.empty().withServerSessionId(sid));
                SqlSession s2 = client.openSession(SessionState.empty().withServerSessionId(sid));
                RowCursor running = s1.sql("SELECT number, sleep(1) FROM system.numbers LIMIT 10000000")
                        .setting("max_block_size", "200000").stream()) {
            assertThat(running.next()).isTrue(); // the session is now held by a running statement
            assertThatThrownBy(() -> s2.sql("SELECT 1").execute())
                    .isInstanceOf(QueryFailedException.class)
                    .hasMessageContaining("one statement at a time per session_id")
                    .satisfies(e -> assertThat(((QueryFailedException) e).errorCode()).hasValue(373));
        }
    }

    @Test
    void authentication() {
        try (SqlClient ok = ClickHouse.connect(dsn("tester:secret"));
                SqlClient headers = ClickHouse.builder().dsn(dsn("tester:secret")).option(ClickHouseOptions.AUTH, "headers").build();
                SqlClient bad = ClickHouse.connect(dsn("tester:wrong"))) {
            assertThat(str(ok.sql(WHO).single(r -> r.getString(1)))).isEqualTo("tester");
            assertThat(str(headers.sql(WHO).single(r -> r.getString(1)))).isEqualTo("tester");
            assertThatThrownBy(() -> bad.sql("SELECT 1").execute())
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining("wrong")
                    .satisfies(e -> assertThat(((AuthenticationException) e).errorCode()).hasValue(193));
        }
    }

    /** 18.16 has no currentUser(): the running query finds itself in system.processes. */
    private static final String WHO =
            "SELECT user FROM system.processes WHERE query LIKE '%olap_who_marker%' LIMIT 1";

    static String str(String s) {
        return s;
    }

    static int num(int n) {
        return n;
    }

    static String dsn(String userInfo) {
        return ClickHouseServerExtension.url().replace("http://", "clickhouse://" + userInfo + "@");
    }

    @Test
    void readOnlyUsersAndGetRequestsCannotWrite() {
        try (SqlClient ro = ClickHouse.connect(dsn("ro:"));
                SqlClient get = ClickHouse.builder().endpoint(ClickHouseServerExtension.url())
                        .option(ClickHouseOptions.HTTP_GET, "true").build()) {
            assertThat(str(ro.sql("SELECT 'r'").single(r -> r.getString(1)))).isEqualTo("r");
            assertThatThrownBy(() -> ro.sql("CREATE TABLE ro_t (x UInt8) ENGINE = Memory").execute())
                    .isInstanceOf(QueryFailedException.class)
                    .satisfies(e -> assertThat(((QueryFailedException) e).errorCode()).hasValue(164));
            assertThat(str(get.sql("SELECT 'g'").single(r -> r.getString(1)))).isEqualTo("g");
            get.sql("CREATE TABLE IF NOT EXISTS get_t (x UInt8) ENGINE = Memory").execute(); // a write goes as POST
        }
    }

    @Test
    void errorsCarryTheServerCode() {
        assertThatThrownBy(() -> client.sql("SELEC 1").execute())
                .isInstanceOf(QueryFailedException.class)
                .satisfies(e -> assertThat(((QueryFailedException) e).errorCode()).hasValue(62));
        assertThatThrownBy(() -> client.sql("SELECT * FROM no_such_table").list(r -> 1))
                .isInstanceOf(QueryFailedException.class)
                .satisfies(e -> {
                    QueryFailedException q = (QueryFailedException) e;
                    assertThat(q.errorCode()).hasValue(60);
                    assertThat(q.details().errorName()).contains("UNKNOWN_TABLE");
                    assertThat(q.httpStatus()).isEqualTo(404);
                });
        assertThatThrownBy(() -> client.sql("SELECT 1 FORMAT CSV").list(r -> 1))
                .isInstanceOf(UnsupportedStatementException.class)
                .hasMessageContaining("ClickHouseRaw");
    }

    @Test
    void midStreamErrorIsNeverACleanEnd() {
        long[] seen = {0};
        assertThatThrownBy(() -> client.sql("SELECT number, throwIf(number >= 149999) FROM system.numbers LIMIT 200000")
                .setting("max_block_size", "10000")
                .forEach(r -> seen[0]++))
                .isInstanceOf(QueryFailedException.class)
                .satisfies(e -> assertThat(((QueryFailedException) e).errorCode()).hasValue(395));
        assertThat(seen[0]).isLessThan(150000);
    }

    @Test
    void gzipResponsesIncludingAMidStreamError() {
        try (SqlClient gz = ClickHouse.builder().endpoint(ClickHouseServerExtension.url())
                .option(ClickHouseOptions.COMPRESSION, "gzip").option(ClickHouseOptions.COMPRESS_REQUEST, "true").build()) {
            assertThat(gz.sql("SELECT number FROM system.numbers LIMIT 100000").list(r -> r.getLong(1)))
                    .hasSize(100000).endsWith(99999L);
            assertThatThrownBy(() -> gz.sql("SELECT number, throwIf(number >= 149999) FROM system.numbers LIMIT 200000")
                    .setting("max_block_size", "10000").forEach(r -> { }))
                    .isInstanceOf(QueryFailedException.class)
                    .satisfies(e -> assertThat(((QueryFailedException) e).errorCode()).hasValue(395));
        }
    }

    @Test
    void clientSideParametersRoundTripExactly() {
        List<String> nasty = List.of("plain", "it's", "back\\slash", "tab\there", "line\nfeed", "\\N", "NULL",
                "'); DROP TABLE x; --", "{s:String}", "üñí©ødé 😀", "nul\0byte", "\u0001ctl");
        for (String s : nasty) {
            assertThat(str(client.sql("SELECT {s:String}").param("s", s).single(r -> r.getString(1)))).isEqualTo(s);
        }
        Map<String, Object> row = client.sql("SELECT {d:Date} AS d, {t:DateTime} AS t, {n:Nullable(Int32)} AS n, "
                        + "{a:Array(String)} AS a, {x:Decimal(10,2)} AS x, {b:UInt8} AS b")
                .param("d", LocalDate.of(2026, 1, 2))
                .param("t", LocalDateTime.of(2026, 1, 2, 3, 4, 5))
                .param("n", null)
                .param("a", Arrays.asList("x'y", "z"))
                .param("x", new BigDecimal("12.34"))
                .param("b", true)
                .single(r -> Map.of("d", r.getObject("d"), "t", r.getObject("t").toString(), "n", String.valueOf(r.getObject("n")),
                        "a", r.getObject("a"), "x", r.getObject("x"), "b", r.getLong("b")));
        assertThat(row).containsEntry("d", LocalDate.of(2026, 1, 2))
                .containsEntry("n", "null")
                .containsEntry("a", List.of("x'y", "z"))
                .containsEntry("x", new BigDecimal("12.34"))
                .containsEntry("b", 1L);
        assertThat((String) row.get("t")).startsWith("2026-01-02T03:04:05");
    }

    @Test
    void serverMessagesNeverQuoteClientSideRenderedValues() {
        assertThatThrownBy(() -> client.sql("SELECT 1 ,, {s:String}").param("s", "top-secret-value").execute())
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("Syntax error")
                .hasMessageNotContaining("top-secret-value");
    }

    @Test
    void rawStreamsAnyFormat() throws IOException {
        try (InputStream in = client.extension(ClickHouseRaw.class).stream("SELECT number, 'a,b' FROM system.numbers LIMIT 2 FORMAT CSV")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0,\"a,b\"\n1,\"a,b\"\n");
        }
        try (InputStream in = client.extension(ClickHouseRaw.class).stream(
                "SELECT number, throwIf(number >= 149999) FROM system.numbers LIMIT 200000 FORMAT TSV",
                Map.of(), Map.of("max_block_size", "10000"))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasCauseInstanceOf(QueryFailedException.class);
        }
    }
}
