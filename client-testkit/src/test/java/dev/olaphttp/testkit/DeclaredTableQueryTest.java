package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A declared table answers the SELECT list it is asked for, and refuses loudly what it cannot evaluate. */
class DeclaredTableQueryTest {
  private static final String AUTH = RawHttp.basic("default", "");

  private static String q(String sql) {
    return "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
  }

  private static RawHttp.Response get(RawHttp http, String sql) throws IOException {
    return http.exchange("GET", q(sql), null, "Authorization", AUTH);
  }

  @Test
  void projectionLimitAndCountOverLoadedRows() throws IOException {
    try (ClickHouseTestServer ch = new ClickHouseTestServer(); RawHttp http = new RawHttp(ch.port())) {
      ch.table("default.events", Column.of("id", "UInt64"), Column.of("name", "String"));
      RawHttp.Response load = http.exchange("POST", q("INSERT INTO events FORMAT TSV"), "1\ta\n2\tb\n3\tc\n",
          "Authorization", AUTH);
      assertThat(load.status).isEqualTo(200);

      assertThat(get(http, "SELECT name FROM events FORMAT TSV").text()).isEqualTo("a\nb\nc\n");
      assertThat(get(http, "SELECT name, id FROM default.events LIMIT 2 FORMAT TSV").text()).isEqualTo("a\t1\nb\t2\n");
      assertThat(get(http, "SELECT * FROM events FORMAT TSV").text()).isEqualTo("1\ta\n2\tb\n3\tc\n");
      assertThat(get(http, "SELECT count() FROM events FORMAT TSV").text()).isEqualTo("3\n");
      assertThat(get(http, "SELECT count(*) FROM events FORMAT TSVWithNames").text()).isEqualTo("count()\n3\n");
    }
  }

  @Test
  void whatTheTestkitCannotEvaluateFailsInsteadOfReturningTheWholeTable() throws IOException {
    try (ClickHouseTestServer ch = new ClickHouseTestServer(); RawHttp http = new RawHttp(ch.port())) {
      ch.table("events", Column.of("id", "UInt64"), Column.of("name", "String"));
      http.exchange("POST", q("INSERT INTO events FORMAT TSV"), "1\ta\n2\tb\n", "Authorization", AUTH);
      for (String sql : new String[] {
          "SELECT * FROM events WHERE id = 1", "SELECT name FROM events ORDER BY id DESC",
          "SELECT upper(name) FROM events", "SELECT * FROM events e JOIN other o ON 1"}) {
        RawHttp.Response r = get(http, sql);
        assertThat(r.status).as(sql).isNotEqualTo(200);
        assertThat(r.header("X-ClickHouse-Exception-Code")).as(sql).isEqualTo("48");
        assertThat(r.text()).as(sql).contains("cannot answer this query").doesNotContain("\ta");
      }
      RawHttp.Response unknown = get(http, "SELECT nope FROM events");
      assertThat(unknown.status).isEqualTo(404);
      assertThat(unknown.header("X-ClickHouse-Exception-Code")).isEqualTo("47");
    }
  }

  @Test
  void aCountingTableAnswersCountAndRefusesRows() throws IOException {
    try (ClickHouseTestServer ch = new ClickHouseTestServer(); RawHttp http = new RawHttp(ch.port())) {
      ch.countingTable("hits", Column.of("id", "UInt64"));
      http.exchange("POST", q("INSERT INTO hits FORMAT TSV"), "1\n2\n3\n4\n", "Authorization", AUTH);
      assertThat(get(http, "SELECT count() FROM hits").text()).isEqualTo("4\n");
      RawHttp.Response rows = get(http, "SELECT id FROM hits");
      assertThat(rows.status).isNotEqualTo(200);
      assertThat(rows.text()).contains("keeps no rows");
    }
  }

  @Test
  void databendRefusesWithItsUnimplementedCode() throws IOException {
    try (DatabendTestServer db = new DatabendTestServer(); RawHttp http = new RawHttp(db.port())) {
      db.table("events", Column.of("id", "UInt64"));
      RawHttp.Response r = http.exchange("POST", "/v1/query", "{\"sql\":\"SELECT * FROM events WHERE id > 1\"}",
          "Authorization", RawHttp.basic("root", ""), "Content-Type", "application/json");
      assertThat(r.text()).contains("\"code\":1002").contains("cannot answer this query");
    }
  }
}
