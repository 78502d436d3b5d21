package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Millions of generated rows stream through each simulator within a 64 MiB heap (never materialised). */
@Tag("heap")
class HeapStreamingTest {
  private static final long ROWS = 1_000_000;
  private static final Column[] COLUMNS = {Column.of("id", "Int64"), Column.of("s", "String"),
      Column.of("d", "Nullable(Float64)")};

  @Test
  void clickHouseRowBinary() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer(); RawHttp c = new RawHttp(server.port())) {
      server.when(SqlMatcher.contains("FROM big")).thenReturn(Table.random(7, ROWS, COLUMNS));
      c.send("POST", "/", "SELECT * FROM big FORMAT RowBinaryWithNamesAndTypes");
      RawHttp.Response r = c.drain();
      assertThat(r.complete).isTrue();
      assertThat(r.bodyBytes).isGreaterThan(ROWS * (8 + 1 + 1));
    }
  }

  @Test
  void starRocksNdjson() throws IOException {
    try (StarRocksTestServer server = new StarRocksTestServer(); RawHttp c = new RawHttp(server.port())) {
      server.when(SqlMatcher.contains("from big")).thenReturn(Table.random(7, ROWS,
          Column.of("id", "bigint(20)"), Column.of("s", "varchar(65533)"), Column.of("d", "double")));
      c.send("POST", "/api/v1/catalogs/default_catalog/sql", "{\"query\":\"select * from big\"}",
          "Authorization", RawHttp.basic("root", ""));
      RawHttp.Response r = c.drain();
      assertThat(r.complete).isTrue();
      assertThat(new String(r.lastBytes, StandardCharsets.UTF_8)).contains("\"returnRows\":" + ROWS + "}}\n");
    }
  }

  @Test
  void databendPages() throws IOException {
    Pattern next = Pattern.compile("\"next_uri\":\"([^\"]+)\"");
    try (DatabendTestServer server = new DatabendTestServer(); RawHttp c = new RawHttp(server.port())) {
      server.when(SqlMatcher.contains("from big")).thenReturn(Table.random(7, ROWS / 2, COLUMNS));
      String auth = RawHttp.basic("root", "");
      RawHttp.Response r = c.exchange("POST", "/v1/query", "{\"sql\":\"select * from big\"}",
          "Authorization", auth, "Content-Type", "application/json");
      long rows = 0;
      while (true) {
        String body = r.text();
        rows += Long.parseLong(r.header("x-databend-query-page-rows"));
        Matcher m = next.matcher(body);
        if (!m.find() || m.group(1).endsWith("/final")) {
          break;
        }
        r = c.exchange("GET", m.group(1), null, "Authorization", auth);
      }
      assertThat(rows).isEqualTo(ROWS / 2);
    }
  }
}
