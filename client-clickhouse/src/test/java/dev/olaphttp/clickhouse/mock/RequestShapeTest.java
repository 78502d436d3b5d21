package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import dev.olaphttp.UnsupportedStatementException;
import dev.olaphttp.clickhouse.ClickHouse;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import dev.olaphttp.okhttp.OkHttpAdapter;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the dialect sends: URL parameters, settings at three levels, auth, sessions, parameters, GET. */
class RequestShapeTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    MockCh ch;

    @BeforeEach
    void setUp() {
        ch = new MockCh(server);
    }

    private static MockResponse empty() {
        return new MockResponse.Builder().body("").build();
    }

    @Test
    void queryIdDatabaseSettingsAndOptionsGoInTheUrlCredentialsNever() {
        String dsn = "clickhouse://alice:s3cret@" + server.getHostName() + ":" + server.getPort()
                + "/db1?max_threads=3&role=r1,r2&quota_key=qk&wait_end_of_query=1&buffer_size=4096&server_version=24.8";
        ch.enqueue(empty());
        try (SqlClient c = ClickHouse.builder().dsn(dsn).httpClient(OkHttpAdapter.borrow(ch.http)).build();
                SqlSession s = c.openSession()) {
            s.sql("SET max_threads = 5, log_comment = 'x y'").execute();
            s.sql("USE db2").execute();
            assertThat(ch.statements).isEmpty(); // handled client-side
            s.sql("CREATE TABLE t (x UInt8) ENGINE = Memory").setting("log_comment", "stmt").queryId("q-1").execute();
        }
        RecordedRequest r = ch.statements.get(0);
        HttpUrl url = r.getUrl();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(url.encodedPath()).isEqualTo("/");
        assertThat(url.queryParameter("query_id")).isEqualTo("q-1");
        assertThat(url.queryParameter("database")).isEqualTo("db2");
        assertThat(url.queryParameter("max_threads")).isEqualTo("5");
        assertThat(url.queryParameterValues("log_comment")).containsExactly("stmt");
        assertThat(url.queryParameterValues("role")).containsExactly("r1", "r2");
        assertThat(url.queryParameter("quota_key")).isEqualTo("qk");
        assertThat(url.queryParameter("wait_end_of_query")).isEqualTo("1");
        assertThat(url.queryParameter("buffer_size")).isEqualTo("4096");
        assertThat(url.queryParameter("default_format")).isNull();
        assertThat(url.toString()).doesNotContain("s3cret").doesNotContain("alice").doesNotContain("server_version");
        assertThat(r.getHeaders().get("Authorization")).startsWith("Basic ");
        assertThat(r.getBody().utf8()).isEqualTo("CREATE TABLE t (x UInt8) ENGINE = Memory");
    }

    @Test
    void sessionSettingsKeepTheOrderTheyWereSetIn() {
        ch.enqueue(empty());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "24.8").build();
                SqlSession s = c.openSession()) {
            s.sql("SET b_setting = 2, a_setting = 1").execute();
            s.sql("SET c_setting = 3").execute();
            s.sql("CREATE TABLE t (x UInt8) ENGINE = Memory").execute();
        }
        List<String> names = ch.statements.get(0).getUrl().queryParameterNames().stream()
                .filter(n -> n.endsWith("_setting")).toList();
        assertThat(names).containsExactly("b_setting", "a_setting", "c_setting");
    }

    private HttpUrl urlOf(String version, String sql, String userSetting) {
        ch.statements.clear();
        ch.enqueue(new MockResponse.Builder().body("").build());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, version).build()) {
            var q = c.sql(sql);
            if (userSetting != null) {
                q = q.setting(userSetting, "7");
            }
            try {
                q.list(r -> 1);
            } catch (RuntimeException ignored) {
                // the empty body is not a valid result; only the request matters here
            }
        }
        return ch.statements.get(0).getUrl();
    }

    @Test
    void textFormatsAskServersFrom20_11ForIsoDateTimes() {
        String tsv = "SELECT 1 FORMAT TabSeparatedWithNamesAndTypes";
        String json = "SELECT 1 FORMAT JSONCompactEachRowWithNamesAndTypes";
        assertThat(urlOf("20.11", tsv, null).queryParameter("date_time_output_format")).isEqualTo("iso");
        assertThat(urlOf("26.7", json, null).queryParameter("date_time_output_format")).isEqualTo("iso");
        assertThat(urlOf("20.10", tsv, null).queryParameterNames()).doesNotContain("date_time_output_format");
        assertThat(urlOf("18.16", tsv, null).queryParameterNames()).doesNotContain("date_time_output_format");
        assertThat(urlOf("26.7", "SELECT 1", null).queryParameterNames()).doesNotContain("date_time_output_format");
        assertThat(urlOf("26.7", tsv, "date_time_output_format").queryParameterValues("date_time_output_format"))
                .containsExactly("7");
        // what such a server then sends (ISO, UTC) reads exactly inside the New York overlap
        ch.statements.clear();
        ch.enqueue(new MockResponse.Builder().body("t\nDateTime(\\'America/New_York\\')\n2024-11-03T06:30:00Z\n").build());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "26.7").build()) {
            assertThat(c.sql(tsv).list(r -> r.get(1, java.time.Instant.class)))
                    .containsExactly(java.time.Instant.ofEpochSecond(1730615400));
        }
    }

    @Test
    void formatSettingsAreSentOnlyToServersThatKnowThem() {
        String json = "SELECT 1 FORMAT JSONCompactEachRowWithNamesAndTypes";
        assertThat(urlOf("25.1", "SELECT 1", null).queryParameter("output_format_binary_write_json_as_string"))
                .isEqualTo("1");
        assertThat(urlOf("24.8", "SELECT 1", null).queryParameterNames())
                .doesNotContain("output_format_binary_write_json_as_string");
        HttpUrl mid = urlOf("24.8", json, null);
        assertThat(mid.queryParameter("output_format_json_quote_denormals")).isEqualTo("1");
        assertThat(mid.queryParameter("http_write_exception_in_output_format")).isEqualTo("0");
        assertThat(mid.queryParameterNames()).doesNotContain("output_format_binary_write_json_as_string");
        HttpUrl late = urlOf("25.12", json, null);
        assertThat(late.queryParameter("output_format_json_quote_denormals")).isEqualTo("1");
        assertThat(late.queryParameterNames()).doesNotContain("http_write_exception_in_output_format");
        assertThat(urlOf("23.8", json, null).queryParameterNames()).doesNotContain("http_write_exception_in_output_format");
        assertThat(urlOf("19.17", "SELECT 1", null).queryParameterNames())
                .noneMatch(n -> n.startsWith("output_format") || n.startsWith("http_write"));
        assertThat(urlOf("25.1", "SELECT 1", "output_format_binary_write_json_as_string")
                .queryParameterValues("output_format_binary_write_json_as_string")).containsExactly("7");
    }

    @Test
    void headerAuthenticationReplacesBasic() {
        ch.enqueue(empty());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.AUTH, "headers")
                .option(ClickHouseOptions.SERVER_VERSION, "24.8").build()) {
            c.sql("DROP TABLE IF EXISTS t").execute();
        }
        RecordedRequest r = ch.statements.get(0);
        assertThat(r.getHeaders().get("Authorization")).isNull();
        assertThat(r.getHeaders().get("X-ClickHouse-User")).isEqualTo("alice");
        assertThat(r.getHeaders().get("X-ClickHouse-Key")).isEqualTo("s3cret");
    }

    @Test
    void modernServersGetRowBinaryAndServerParameters() {
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(MockCh.rowBinary(2))).build());
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(MockCh.rowBinary(1))).build());
        try (SqlClient c = ch.builder(server).build()) {
            List<String> rows = c.sql("SELECT n, s FROM t WHERE s = {s:String} AND n IN {ns:Array(UInt64)}")
                    .param("s", "a\tb'c").param("ns", List.of(1, 2))
                    .list(r -> r.getLong(1) + ":" + r.getString(2));
            assertThat(rows).containsExactly("0:v0", "1:v1");
            assertThat(c.sql("SELECT 1").list(r -> r.getString("s"))).containsExactly("v0");
        }
        assertThat(ch.lookups).hasSize(1); // version looked up once per endpoint
        RecordedRequest r = ch.statements.get(0);
        assertThat(r.getUrl().queryParameter("default_format")).isEqualTo("RowBinaryWithNamesAndTypes");
        assertThat(r.getUrl().queryParameter("param_s")).isEqualTo("a\\tb'c");
        assertThat(r.getUrl().queryParameter("param_ns")).isEqualTo("[1,2]");
        assertThat(r.getBody().utf8()).isEqualTo("SELECT n, s FROM t WHERE s = {s:String} AND n IN {ns:Array(UInt64)}");
    }

    @Test
    void oldServersGetTsvAndClientSideLiterals() {
        ch.version = "18.16.1\tUTC\n";
        ch.enqueue(new MockResponse.Builder().body("s\nString\na\\tb'c\n").build());
        try (SqlClient c = ch.builder(server).build()) {
            assertThat(c.sql("SELECT {s:String} AS s").param("s", "a\tb'c").list(r -> r.getString(1)))
                    .containsExactly("a\tb'c");
        }
        RecordedRequest r = ch.statements.get(0);
        assertThat(r.getUrl().queryParameter("default_format")).isEqualTo("TabSeparatedWithNamesAndTypes");
        assertThat(r.getUrl().queryParameterNames()).noneMatch(n -> n.startsWith("param_"));
        assertThat(r.getBody().utf8()).isEqualTo("SELECT CAST('a\\x09b\\x27c' AS String) AS s");
    }

    @Test
    void jsonCompactChosenByTheFormatOption() {
        ch.enqueue(new MockResponse.Builder().body("[\"n\", \"t\"]\n[\"Int64\", \"DateTime('Asia/Tokyo')\"]\n"
                + "[\"9007199254740993\", \"2024-03-01 09:30:05\"]\n").build());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.FORMAT, "jsoncompact")
                .option(ClickHouseOptions.SERVER_VERSION, "24.8").build()) {
            assertThat(c.sql("SELECT n, t FROM t").list(r -> r.getLong(1) + " " + r.getObject(2)))
                    .containsExactly("9007199254740993 2024-03-01T09:30:05+09:00[Asia/Tokyo]");
        }
        HttpUrl url = ch.statements.get(0).getUrl();
        assertThat(url.queryParameter("default_format")).isEqualTo("JSONCompactEachRowWithNamesAndTypes");
        assertThat(url.queryParameter("output_format_json_quote_denormals")).isEqualTo("1");
    }

    @Test
    void getForReadsWhenAsked() {
        ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(MockCh.rowBinary(1))).build());
        ch.enqueue(empty());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.HTTP_GET, "true")
                .option(ClickHouseOptions.SERVER_VERSION, "24.8").build()) {
            assertThat(c.sql("SELECT n, s FROM t").list(r -> r.getLong(1))).containsExactly(0L);
            c.sql("INSERT INTO t VALUES (1, 'x')").execute();
        }
        assertThat(ch.statements.get(0).getMethod()).isEqualTo("GET");
        assertThat(ch.statements.get(0).getUrl().queryParameter("query")).isEqualTo("SELECT n, s FROM t");
        assertThat(ch.statements.get(1).getMethod()).isEqualTo("POST");
    }

    @Test
    void serverSessionsReuseOneIdAndCheckItAfterTheFirstStatement() {
        ch.enqueue(empty()).enqueue(empty()).enqueue(empty()).enqueue(empty());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.SESSION, "server")
                .option(ClickHouseOptions.SESSION_TIMEOUT, "30").option(ClickHouseOptions.SESSION_CHECK, "true")
                .option(ClickHouseOptions.SERVER_VERSION, "24.8").build();
                SqlSession s = c.openSession()) {
            s.sql("CREATE TEMPORARY TABLE tmp (x UInt8)").execute();
            s.sql("USE other").execute();
            s.sql("INSERT INTO tmp VALUES (1)").execute();
            assertThat(s.state().serverSessionId()).isPresent();
            assertThat(s.state().database()).contains("other");
            c.sql("DROP TABLE IF EXISTS x").execute(); // one-shot: no session
        }
        List<RecordedRequest> reqs = ch.statements;
        assertThat(reqs).hasSize(4);
        String id = reqs.get(0).getUrl().queryParameter("session_id");
        assertThat(id).isNotBlank();
        assertThat(reqs.get(1).getUrl().queryParameter("session_id")).isEqualTo(id);
        assertThat(reqs.get(1).getBody().utf8()).isEqualTo("USE other"); // sent to the server session
        assertThat(reqs.get(2).getUrl().queryParameter("database")).isEqualTo("other");
        assertThat(reqs.get(0).getUrl().queryParameter("session_timeout")).isEqualTo("30");
        assertThat(reqs.get(0).getUrl().queryParameter("session_check")).isNull();
        assertThat(reqs.get(2).getUrl().queryParameter("session_check")).isEqualTo("1");
        assertThat(reqs.get(3).getUrl().queryParameter("session_id")).isNull();
    }

    @Test
    void badInputIsRejectedBeforeAnyRequest() {
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "24.8").build()) {
            assertThatThrownBy(() -> c.sql("SELECT 1 FORMAT Parquet").list(r -> 1))
                    .isInstanceOf(UnsupportedStatementException.class).hasMessageContaining("ClickHouseRaw");
            assertThatThrownBy(() -> c.sql("SELECT ?").param(1).list(r -> 1))
                    .isInstanceOf(UnsupportedStatementException.class).hasMessageContaining("{name:Type}");
            assertThatThrownBy(() -> c.sql("SELECT {x:UInt8}").list(r -> 1))
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> ch.builder(server).option("no_such_option", "1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_option");
        assertThat(ch.statements).isEmpty();
    }

    @Test
    void userFormatThatDecodesIsUsedAsIs() {
        ch.enqueue(new MockResponse.Builder().body("s\nString\nx\n").build());
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "24.8").build();
                RowCursor cur = c.sql("SELECT 'x' AS s FORMAT TSVWithNamesAndTypes").stream()) {
            assertThat(cur.next()).isTrue();
            assertThat(cur.getString(1)).isEqualTo("x");
            assertThat(cur.next()).isFalse();
        }
        assertThat(ch.statements.get(0).getUrl().queryParameter("default_format")).isNull();
    }
}
