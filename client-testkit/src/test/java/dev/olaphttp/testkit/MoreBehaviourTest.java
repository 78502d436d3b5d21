package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Compression, readonly GET, HEAD, sticky routing, timed expiry, malformed bodies and random tables. */
class MoreBehaviourTest {
  private static final String SR_AUTH = RawHttp.basic("root", "");

  @Test
  void clickHouseGzipsForAcceptEncodingOnModernServers() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer(); RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange("POST", "/", "SELECT number FROM numbers(3)", "Accept-Encoding", "gzip");
      assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(gunzip(r.body)).isEqualTo("0\n1\n2\n");
      RawHttp.Response off = c.exchange("POST", "/?enable_http_compression=0", "SELECT 1", "Accept-Encoding", "gzip");
      assertThat(off.header("Content-Encoding")).isNull();
      assertThat(off.text()).isEqualTo("1\n");
    }
    try (ClickHouseTestServer legacy = new ClickHouseTestServer().legacy18(); RawHttp c = new RawHttp(legacy.port())) {
      RawHttp.Response r = c.exchange("POST", "/", "SELECT 1", "Accept-Encoding", "gzip");
      assertThat(r.header("Content-Encoding")).as("18.16 needs enable_http_compression=1").isNull();
    }
  }

  @Test
  void clickHouseTaggedBlockInsideGzipIsCutBeforeTheGzipTrailer() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer().outputBufferBytes(1024);
        RawHttp c = new RawHttp(server.port())) {
      server.when(SqlMatcher.contains("boom")).thenFailAfter(Table.numbers(5000, "UInt64"), 4000, 241,
          "Memory limit exceeded");
      RawHttp.Response r = c.exchange("POST", "/", "SELECT boom", "Accept-Encoding", "gzip");
      assertThat(r.complete).isFalse();
      assertThatThrownBy(() -> gunzip(r.body)).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void clickHouseReadonlyGetHeadAndWaitEndOfQuery() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer().outputBufferBytes(16);
        RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response insert = c.exchange("GET", "/?query=INSERT%20INTO%20t%20VALUES%20(1)", null);
      assertThat(insert.status).isEqualTo(500);
      assertThat(insert.header("X-ClickHouse-Exception-Code")).isEqualTo("164");
      RawHttp.Response select = c.exchange("GET", "/?query=SELECT%203", null);
      assertThat(select.text()).isEqualTo("3\n");
      c.send("HEAD", "/?query=SELECT%203", null);
      RawHttp.Response head = c.read();
      assertThat(head.status).isEqualTo(200);
      assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(c.exchange("POST", "/", "SELECT 4").text()).as("no stray body after HEAD").isEqualTo("4\n");
      server.when(SqlMatcher.contains("late")).thenFailAfter(Table.numbers(100_000, "UInt64"), 90_000, 395, "late");
      RawHttp.Response buffered = c.exchange("POST", "/?wait_end_of_query=1", "SELECT late");
      assertThat(buffered.status).as("the whole result was buffered, so the error replaces it").isEqualTo(500);
      assertThat(buffered.text()).startsWith("Code: 395. DB::Exception: late.");
    }
  }

  @Test
  void databendStickyAndRoutingHeaders() throws IOException {
    try (DatabendTestServer server = new DatabendTestServer(); RawHttp c = new RawHttp(server.port())) {
      String auth = RawHttp.basic("root", "");
      RawHttp.Response lost = c.exchange("POST", "/v1/query", "{\"sql\":\"select 1\"}", "Authorization", auth,
          "X-DATABEND-STICKY-NODE", "elsewhere");
      assertThat(lost.status).isEqualTo(400);
      assertThat(lost.text()).contains("Sticky session state lost");
      Map<String, Object> ok = Json.object(c.exchange("POST", "/v1/query", "{\"sql\":\"select 1\"}",
          "Authorization", auth, "X-DATABEND-STICKY-NODE", server.nodeId()).text());
      RawHttp.Response routed = c.exchange("GET", (String) ok.get("final_uri"), null, "Authorization", auth,
          "X-DATABEND-NODE-ID", "other");
      assertThat(routed.status).isEqualTo(404);
      assertThat(routed.text()).contains("Routing error: query " + ok.get("id") + " should be on server other");
    }
  }

  @Test
  void databendResultTimeoutClosesIdleQueries() throws Exception {
    try (DatabendTestServer server = new DatabendTestServer(); RawHttp c = new RawHttp(server.port())) {
      String auth = RawHttp.basic("root", "");
      Map<String, Object> body = Json.object(c.exchange("POST", "/v1/query", "{\"sql\":\"select number from "
          + "numbers(100)\",\"session\":{\"settings\":{\"http_handler_result_timeout_secs\":\"1\"}},"
          + "\"pagination\":{\"max_rows_per_page\":10}}", "Authorization", auth).text());
      assertThat(body.get("result_timeout_secs")).isEqualTo(1L);
      Thread.sleep(1200);
      RawHttp.Response r = c.exchange("GET", (String) body.get("next_uri"), null, "Authorization", auth);
      assertThat(r.status).isEqualTo(400);
      assertThat(r.text()).contains("is closed for timed out");
    }
  }

  @Test
  void malformedBodiesKeepTheDialectContentType() throws IOException {
    try (DatabendTestServer d = new DatabendTestServer(); RawHttp c = new RawHttp(d.port())) {
      d.fault(Fault.malformedBody());
      RawHttp.Response r = c.exchange("POST", "/v1/query", "{\"sql\":\"select 1\"}");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.header("content-type")).isEqualTo("application/json; charset=utf-8");
      assertThatThrownBy(() -> Json.parse(r.text())).isInstanceOf(RuntimeException.class);
    }
    try (StarRocksTestServer s = new StarRocksTestServer(); RawHttp c = new RawHttp(s.port())) {
      s.fault(Fault.malformedBody());
      RawHttp.Response r = c.exchange("POST", "/api/v1/catalogs/default_catalog/sql", "{\"query\":\"select 1\"}");
      assertThat(r.header("content-type")).isEqualTo("application/x-ndjson; charset=utf-8");
      assertThat(r.text().lines().toList()).anySatisfy(line ->
          assertThatThrownBy(() -> Json.parse(line)).isInstanceOf(RuntimeException.class));
    }
    try (ClickHouseTestServer h = new ClickHouseTestServer(); RawHttp c = new RawHttp(h.port())) {
      h.fault(Fault.malformedBody());
      RawHttp.Response r = c.exchange("POST", "/", "SELECT 1 FORMAT JSONEachRow");
      assertThat(r.text().lines().toList()).anySatisfy(line ->
          assertThatThrownBy(() -> Json.parse(line)).isInstanceOf(RuntimeException.class));
    }
  }

  @Test
  void randomTablesOfManyTypesStreamThroughEverySimulator() throws IOException {
    Column[] ch = {Column.of("a", "Int8"), Column.of("b", "UInt64"), Column.of("c", "Int128"),
        Column.of("d", "Float32"), Column.of("e", "Decimal(38, 10)"), Column.of("f", "LowCardinality(String)"),
        Column.of("g", "FixedString(4)"), Column.of("h", "Date32"), Column.of("i", "DateTime('Asia/Tokyo')"),
        Column.of("j", "DateTime64(9)"), Column.of("k", "UUID"), Column.of("l", "IPv4"), Column.of("m", "IPv6"),
        Column.of("n", "Enum8('x' = 1, 'y' = 2)"), Column.of("o", "Array(Nullable(Int32))"),
        Column.of("p", "Map(String, Array(UInt8))"), Column.of("q", "Tuple(a Int32, b Nullable(String))"),
        Column.of("r", "Bool")};
    try (ClickHouseTestServer server = new ClickHouseTestServer(); RawHttp c = new RawHttp(server.port())) {
      server.when(SqlMatcher.contains("rnd")).thenReturn(Table.random(1, 500, ch));
      for (String f : List.of("TSV", "RowBinaryWithNamesAndTypes", "JSONEachRow",
          "JSONCompactEachRowWithNamesAndTypes")) {
        RawHttp.Response r = c.exchange("POST", "/", "SELECT * FROM rnd FORMAT " + f);
        assertThat(r.status).as(f).isEqualTo(200);
        assertThat(r.complete).isTrue();
        if (f.startsWith("JSON")) {
          assertThat(r.text().lines().toList()).allSatisfy(Json::parse);
        }
        if (f.equals("TSV")) {
          assertThat(r.text().lines().count()).isEqualTo(500);
        }
      }
    }
    Column[] db = {Column.of("a", "Nullable(Int64)"), Column.of("b", "Decimal(20, 3)"), Column.of("c", "Timestamp"),
        Column.of("d", "Timestamp_Tz"), Column.of("e", "Array(String NULL)"), Column.of("f", "Map(String, Int64)"),
        Column.of("g", "Tuple(Int32, String)"), Column.of("h", "Variant"), Column.of("i", "Binary"),
        Column.of("j", "Boolean"), Column.of("k", "Date"), Column.of("l", "Interval"), Column.of("m", "Bitmap")};
    try (DatabendTestServer server = new DatabendTestServer(); RawHttp c = new RawHttp(server.port())) {
      server.when(SqlMatcher.contains("rnd")).thenReturn(Table.random(1, 300, db));
      Map<String, Object> body = Json.object(c.exchange("POST", "/v1/query", "{\"sql\":\"select * from rnd\"}",
          "Authorization", RawHttp.basic("root", "")).text());
      assertThat(Json.list(body.get("data"))).hasSize(300).allSatisfy(row -> assertThat(Json.list(row)).hasSize(13));
    }
    Column[] sr = {Column.of("a", "tinyint(4)"), Column.of("b", "largeint(40)"), Column.of("c", "decimal64(10, 2)"),
        Column.of("d", "datetime"), Column.of("e", "array<varchar(65533)>"), Column.of("f", "map<int(11),double>"),
        Column.of("g", "struct<x int(11), y varchar(10)>"), Column.of("h", "json"), Column.of("i", "boolean"),
        Column.of("j", "float"), Column.of("k", "hll")};
    try (StarRocksTestServer server = new StarRocksTestServer(); RawHttp c = new RawHttp(server.port())) {
      server.when(SqlMatcher.contains("rnd")).thenReturn(Table.random(1, 300, sr));
      RawHttp.Response r = c.exchange("POST", "/api/v1/catalogs/default_catalog/sql",
          "{\"query\":\"select * from rnd\"}", "Authorization", SR_AUTH);
      List<String> lines = r.text().lines().toList();
      assertThat(lines).hasSize(303).allSatisfy(Json::parse);
    }
  }

  private static String gunzip(byte[] b) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
