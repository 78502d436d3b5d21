package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClickHouseTestServerTest {
  private ClickHouseTestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String q(String sql) {
    return "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
  }

  /** Header names of a captured 18.16 response, in order. */
  private static List<String> fixtureHeaderNames(String name) {
    List<String> out = new ArrayList<>();
    String[] lines = Fixtures.text("clickhouse/http-18.16/" + name + ".headers.txt").split("\r\n");
    for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
      out.add(lines[i].substring(0, lines[i].indexOf(':')));
    }
    return out;
  }

  @Test
  void legacyModeReproducesThe1816Captures() throws IOException {
    server = new ClickHouseTestServer().legacy18().displayName("vm");
    Table t = GoldenTsv.read(Fixtures.bytes("clickhouse/http-18.16/select_tsv_with_names_and_types.body"));
    server.when(SqlMatcher.contains("FROM t")).thenReturn(t);
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response tsv = c.exchange("POST", "/", "SELECT * FROM t FORMAT TabSeparatedWithNamesAndTypes");
      assertThat(tsv.headerNames()).containsExactlyElementsOf(fixtureHeaderNames("select_tsv_with_names_and_types"));
      assertThat(tsv.header("X-ClickHouse-Server-Display-Name")).isEqualTo("vm");
      assertThat(tsv.body).isEqualTo(Fixtures.bytes("clickhouse/http-18.16/select_tsv_with_names_and_types.body"));
      RawHttp.Response bin = c.exchange("POST", "/", "SELECT * FROM t FORMAT RowBinary");
      assertThat(bin.headerNames()).containsExactlyElementsOf(fixtureHeaderNames("select_rowbinary"));
      assertThat(bin.header("Content-Type")).isEqualTo("application/octet-stream");
      assertThat(bin.body).hasSize(3 * (8 + 2 + 1 + 16 + 1) + 2 * 8);
      server.when(SqlMatcher.contains("FROM two")).thenReturn(Table.builder().column("n", "UInt64")
          .column("s", "String").row(0L, "0").row(1L, "1").row(2L, "2").build());
      RawHttp.Response json = c.exchange("POST", "/", "SELECT n, s FROM two FORMAT JSONEachRow");
      assertThat(json.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
      assertThat(json.text()).isEqualTo(Fixtures.text("clickhouse/http-18.16/select_jsoneachrow.body"));
      RawHttp.Response unknown = c.exchange("POST", "/", "SELECT * FROM t FORMAT RowBinaryWithNamesAndTypes");
      assertThat(unknown.status).isEqualTo(404);
      assertThat(unknown.text()).isEqualTo(
          Fixtures.text("clickhouse/http-18.16/error_unknown_format_rowbinarywithnamesandtypes.body"));
      RawHttp.Response param = c.exchange("POST", "/?param_x=1", "SELECT {x:UInt8}");
      assertThat(param.status).isEqualTo(404);
      assertThat(param.text()).isEqualTo(Fixtures.text("clickhouse/http-18.16/error_param_unsupported.body"));
    }
  }

  @Test
  void legacyAuthAndSessionErrors() throws IOException {
    server = new ClickHouseTestServer().legacy18().displayName("vm");
    server.addUser("tester", "secret");
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response wrong = c.exchange("POST", "/", "SELECT 1", "Authorization", RawHttp.basic("tester", "x"));
      assertThat(wrong.status).isEqualTo(401);
      assertThat(wrong.headerNames()).containsExactlyElementsOf(fixtureHeaderNames("error_wrong_password"));
      assertThat(wrong.text()).isEqualTo(Fixtures.text("clickhouse/http-18.16/error_wrong_password.body"));
      RawHttp.Response unknown = c.exchange("POST", "/", "SELECT 1", "Authorization", RawHttp.basic("nobody", ""));
      assertThat(unknown.text()).isEqualTo(Fixtures.text("clickhouse/http-18.16/error_unknown_user.body"));
      RawHttp.Response session = c.exchange("POST", "/?session_id=s1&session_check=1", "SELECT 1");
      assertThat(session.status).isEqualTo(500);
      assertThat(session.headerNames()).containsExactlyElementsOf(fixtureHeaderNames("error_session_not_found"));
      assertThat(session.text()).isEqualTo(Fixtures.text("clickhouse/http-18.16/error_session_not_found.body"));
    }
  }

  @Test
  void legacyMidStreamErrorIsAppendedAndFramingEndsNormally() throws IOException {
    server = new ClickHouseTestServer().legacy18().outputBufferBytes(1024);
    server.when(SqlMatcher.contains("throwIf")).thenFailAfter(Table.numbers(100_000, "UInt64"), 50_000, 395,
        "Value passed to 'throwIf' function is non zero");
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange("POST", "/", "SELECT number, throwIf(number = 50000) FROM numbers(100000)");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.complete).isTrue();
      assertThat(r.text()).startsWith("0\n1\n").endsWith("49999\nCode: 395, e.displayText() = DB::Exception: "
          + "Value passed to 'throwIf' function is non zero, e.what() = DB::Exception\n");
    }
  }

  @Test
  void modernMidStreamErrorIsTheTaggedBlockAndTheConnectionIsCut() throws IOException {
    server = new ClickHouseTestServer().outputBufferBytes(1024);
    server.when(SqlMatcher.contains("throwIf")).thenFailAfter(Table.numbers(10_000, "UInt64"), 5_000, 395,
        "Value passed to 'throwIf' function is non zero");
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange("POST", "/", "SELECT number FROM t WHERE throwIf(0) FORMAT TSV");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.complete).isFalse();
      String tag = r.header("X-ClickHouse-Exception-Tag");
      assertThat(tag).matches("[a-z]{16}");
      String msg = "Code: 395. DB::Exception: Value passed to 'throwIf' function is non zero. "
          + "(FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version 26.7.2.1 (official build))\n";
      assertThat(r.text()).startsWith("0\n1\n").endsWith("4999\n\r\n__exception__\r\n" + tag + "\r\n" + msg
          + msg.length() + " " + tag + "\r\n__exception__\r\n");
    }
  }

  @Test
  void smallFailingResultBecomesAFullErrorResponse() throws IOException {
    server = new ClickHouseTestServer();
    server.when(SqlMatcher.contains("intDiv")).thenFailAfter(Table.numbers(10, "UInt64"), 3, 153, "Division by zero");
    server.when(SqlMatcher.contains("no_such_table")).thenFail(60, "Unknown table expression identifier "
        + "'no_such_table' in scope SELECT * FROM no_such_table");
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange("POST", "/?query_id=abc", "SELECT intDiv(1, 0)");
      assertThat(r.status).isEqualTo(500);
      assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("153");
      assertThat(r.header("X-ClickHouse-Query-Id")).isEqualTo("abc");
      assertThat(r.text()).isEqualTo("Code: 153. DB::Exception: Division by zero. (ILLEGAL_DIVISION) "
          + "(version 26.7.2.1 (official build))\n");
      RawHttp.Response t = c.exchange("POST", "/", "SELECT * FROM no_such_table");
      assertThat(t.status).isEqualTo(404);
      assertThat(t.text()).isEqualTo("Code: 60. DB::Exception: Unknown table expression identifier "
          + "'no_such_table' in scope SELECT * FROM no_such_table. (UNKNOWN_TABLE) (version 26.7.2.1 (official "
          + "build))\n");
    }
  }

  @Test
  void modernHeadersAndFormatSelection() throws IOException {
    server = new ClickHouseTestServer().timezone("Asia/Tokyo");
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange("POST", "/?default_format=JSONEachRow", "SELECT number FROM numbers(2)",
          "X-ClickHouse-Query-Id", "qid-1");
      assertThat(r.headerNames()).containsExactly("Date", "Connection", "Content-Type",
          "X-ClickHouse-Server-Display-Name", "Transfer-Encoding", "X-ClickHouse-Query-Id", "X-ClickHouse-Format",
          "X-ClickHouse-Timezone", "X-ClickHouse-Exception-Tag", "Keep-Alive", "X-ClickHouse-Summary");
      assertThat(r.header("X-ClickHouse-Query-Id")).isEqualTo("qid-1");
      assertThat(r.header("X-ClickHouse-Format")).isEqualTo("JSONEachRow");
      assertThat(r.header("X-ClickHouse-Timezone")).isEqualTo("Asia/Tokyo");
      assertThat(r.header("X-ClickHouse-Summary")).contains("\"result_rows\":\"2\"");
      assertThat(r.text()).isEqualTo("{\"number\":0}\n{\"number\":1}\n");
      RawHttp.Response progress = c.exchange("POST", "/?send_progress_in_http_headers=1", "SELECT 1");
      assertThat(progress.headerNames()).containsSubsequence("X-ClickHouse-Progress", "X-ClickHouse-Summary");
      assertThat(progress.header("X-ClickHouse-Progress")).startsWith("{\"read_rows\":\"1\"");
      RawHttp.Response h = c.exchange("POST", "/", "SELECT number FROM numbers(1)", "X-ClickHouse-Format",
          "TSVWithNames");
      assertThat(h.text()).isEqualTo("number\n0\n");
      RawHttp.Response clause = c.exchange("POST", "/?default_format=JSONEachRow", "SELECT 1 FORMAT TSV");
      assertThat(clause.text()).isEqualTo("1\n");
      RawHttp.Response bad = c.exchange("POST", "/", "SELECT 1 FORMAT Nope");
      assertThat(bad.status).isEqualTo(404);
      assertThat(bad.header("X-ClickHouse-Exception-Code")).isEqualTo("73");
      RawHttp.Response ping = c.exchange("GET", "/ping", null);
      assertThat(ping.text()).isEqualTo("Ok.\n");
    }
  }

  @Test
  void modernAuthFailures() throws IOException {
    server = new ClickHouseTestServer();
    server.addUser("tester", "secret");
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response d = c.exchange("POST", "/", "SELECT 1", "Authorization", RawHttp.basic("default", "x"));
      assertThat(d.status).isEqualTo(401);
      assertThat(d.header("WWW-Authenticate")).isEqualTo("Basic realm=\"ClickHouse server HTTP API\"");
      assertThat(d.header("X-ClickHouse-Exception-Code")).isEqualTo("194");
      RawHttp.Response t = c.exchange("POST", "/", "SELECT 1", "X-ClickHouse-User", "tester", "X-ClickHouse-Key", "x");
      assertThat(t.status).isEqualTo(403);
      assertThat(t.text()).startsWith("Code: 516. DB::Exception: tester: Authentication failed");
      RawHttp.Response both = c.exchange("POST", "/", "SELECT 1", "Authorization", RawHttp.basic("tester", "secret"),
          "X-ClickHouse-User", "tester");
      assertThat(both.header("X-ClickHouse-Exception-Code")).isEqualTo("516");
      RawHttp.Response ok = c.exchange("POST", "/?user=tester&password=secret", "SELECT 1");
      assertThat(ok.status).isEqualTo(200);
    }
  }

  @Test
  void sessionsKeepSettingsAndLockConcurrentRequests() throws Exception {
    server = new ClickHouseTestServer().outputBufferBytes(1024);
    server.fault(r -> "busy".equals(r.queryParam("session_id")) && r.bodyUtf8().contains("numbers"),
        Fault.stallAfterBytes(10), 1);
    try (RawHttp a = new RawHttp(server.port()); RawHttp b = new RawHttp(server.port())) {
      assertThat(a.exchange("POST", "/?session_id=s1", "SET max_threads = 2").status).isEqualTo(200);
      assertThat(server.sessionSettings("default", "s1")).containsEntry("max_threads", "2");
      RawHttp.Response noSession = a.exchange("POST", "/", "USE db1");
      assertThat(noSession.status).isEqualTo(500);
      assertThat(noSession.header("X-ClickHouse-Exception-Code")).isEqualTo("113");
      a.send("POST", "/?session_id=busy", "SELECT number FROM numbers(100000)");
      assertThat(a.readHeaders().status).as("the busy request holds the session lock").isEqualTo(200);
      RawHttp.Response locked = b.exchange("POST", "/?session_id=busy", "SELECT 1");
      assertThat(locked.status).isEqualTo(500);
      assertThat(locked.text()).startsWith("Code: 373. DB::Exception: Session busy is locked by a concurrent client.");
      RawHttp.Response other = b.exchange("POST", "/?session_id=s1", "SELECT 1");
      assertThat(other.status).isEqualTo(200);
      RawHttp.Response timeout = b.exchange("POST", "/?session_id=s2&session_timeout=99999", "SELECT 1");
      assertThat(timeout.header("X-ClickHouse-Exception-Code")).isEqualTo("374");
    }
  }

  @Test
  void introspectionReflectsDatabaseSettingsAndTimezone() throws IOException {
    server = new ClickHouseTestServer().timezone("Europe/Paris");
    try (RawHttp c = new RawHttp(server.port())) {
      assertThat(c.exchange("POST", "/", "SELECT currentDatabase()").text()).isEqualTo("default\n");
      assertThat(c.exchange("POST", "/?database=db1", "SELECT currentDatabase()").text()).isEqualTo("db1\n");
      assertThat(c.exchange("POST", "/?database=db1", "SELECT currentDatabase()", "X-ClickHouse-Database", "db2")
          .text()).isEqualTo("db2\n");
      c.exchange("POST", "/?session_id=u", "USE db3");
      assertThat(c.exchange("POST", "/?session_id=u", "SELECT currentDatabase()").text()).isEqualTo("db3\n");
      assertThat(c.exchange("POST", "/?max_threads=3", "SELECT getSetting('max_threads')").text()).isEqualTo("3\n");
      c.exchange("POST", "/?session_id=u", "SET max_block_size = 100");
      assertThat(c.exchange("POST", "/?session_id=u", "SELECT getSetting('max_block_size')").text())
          .isEqualTo("100\n");
      assertThat(c.exchange("POST", "/", "SELECT getSetting('nope')").header("X-ClickHouse-Exception-Code"))
          .isEqualTo("115");
      assertThat(c.exchange("POST", "/", "SELECT timezone() FORMAT JSONEachRow").text())
          .isEqualTo("{\"timezone()\":\"Europe\\/Paris\"}\n");
    }
  }

  @Test
  void nonSelectStatementsSucceedWithAnEmptyBodyAndAreRecorded() throws IOException {
    server = new ClickHouseTestServer();
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange("POST", q("INSERT INTO t FORMAT TSV"), "1\ta\n2\tb\n");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.body).isEmpty();
    }
    RecordedRequest rec = server.takeRequest();
    assertThat(rec.queryParam("query")).isEqualTo("INSERT INTO t FORMAT TSV");
    assertThat(Arrays.asList(rec.bodyUtf8().split("\n"))).containsExactly("1\ta", "2\tb");
  }
}
