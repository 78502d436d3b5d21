package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SQL comments never change how a statement is classified; unknown statements are errors, never 200. */
class CommentsAndStatementsTest {
  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String q(String sql) {
    return "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/* tag */ SELECT 1", "-- c\nSELECT 1", "SELECT 1 -- trailing", "SELECT 1 /* t */;",
      "  /* a */ -- b\n /* c */ SELECT 1 ; -- done"})
  void clickHouseClassifiesThroughComments(String sql) throws IOException {
    try (ClickHouseTestServer ch = new ClickHouseTestServer(); RawHttp http = new RawHttp(ch.port())) {
      // GET is read-only: a comment must not make a SELECT look like a write (164 READONLY) or an empty 200
      RawHttp.Response r = http.exchange("GET", q(sql), null, "Authorization", RawHttp.basic("default", ""));
      assertThat(r.status).as(sql).isEqualTo(200);
      assertThat(r.text()).as(sql).isEqualTo("1\n");
    }
  }

  @Test
  void clickHouseRejectsAnUnknownStatementWithSyntaxError62() throws IOException {
    try (ClickHouseTestServer ch = new ClickHouseTestServer(); RawHttp http = new RawHttp(ch.port())) {
      RawHttp.Response r = http.exchange("POST", "/", "FROBNICATE the table", "Authorization",
          RawHttp.basic("default", ""));
      assertThat(r.status).isEqualTo(400);
      assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("62");
      RawHttp.Response ddl = http.exchange("POST", "/", "/* ddl */ CREATE TABLE t (x UInt8) ENGINE = Memory",
          "Authorization", RawHttp.basic("default", ""));
      assertThat(ddl.status).isEqualTo(200);
      RawHttp.Response insert = http.exchange("POST", q("/* load */ INSERT INTO t FORMAT TSV"), "1\n",
          "Authorization", RawHttp.basic("default", ""));
      assertThat(insert.status).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/* tag */ SELECT 1", "-- c\nSELECT 1", "SELECT 1 -- trailing"})
  void databendClassifiesThroughComments(String sql) throws IOException {
    try (DatabendTestServer db = new DatabendTestServer(); RawHttp http = new RawHttp(db.port())) {
      RawHttp.Response r = http.exchange("POST", "/v1/query", "{\"sql\":" + quote(sql) + "}",
          "Authorization", RawHttp.basic("root", ""), "Content-Type", "application/json");
      assertThat(r.text()).as(sql).contains("\"data\":[[\"1\"]]").doesNotContain("\"error\":{");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/* tag */ SELECT 1", "-- c\nSELECT 1", "SELECT 1 -- trailing"})
  void starRocksClassifiesThroughComments(String sql) throws IOException {
    try (StarRocksTestServer sr = new StarRocksTestServer(); RawHttp http = new RawHttp(sr.port())) {
      RawHttp.Response r = http.exchange("POST", "/api/v1/catalogs/default_catalog/sql",
          "{\"query\":" + quote(sql) + "}", "Authorization", RawHttp.basic("root", ""));
      assertThat(r.status).as(sql).isEqualTo(200);
      assertThat(r.text()).as(sql).contains("{\"data\":[1]}");
    }
  }

  @Test
  void starRocksRefusesExplainInsert() throws IOException {
    try (StarRocksTestServer sr = new StarRocksTestServer(); RawHttp http = new RawHttp(sr.port())) {
      RawHttp.Response r = http.exchange("POST", "/api/v1/catalogs/default_catalog/sql",
          "{\"query\":\"EXPLAIN INSERT INTO t SELECT 1\"}", "Authorization", RawHttp.basic("root", ""));
      assertThat(r.text()).contains("only support SELECT, SHOW, EXPLAIN, DESC, KILL");
      RawHttp.Response ok = http.exchange("POST", "/api/v1/catalogs/default_catalog/sql",
          "{\"query\":\"EXPLAIN VERBOSE SELECT 1\"}", "Authorization", RawHttp.basic("root", ""));
      assertThat(ok.text()).startsWith("{\"explain\":");
    }
  }
}
