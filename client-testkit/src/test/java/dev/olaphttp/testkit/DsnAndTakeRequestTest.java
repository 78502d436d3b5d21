package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code dsn()}, {@code takeRequest(SqlMatcher)}, {@code RecordedRequest.sql()} and fixed ports on all servers. */
class DsnAndTakeRequestTest {
  private static String q(String sql) {
    return "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
  }

  @Test
  void dsnNamesTheDialectSchemeThePortAndPercentEncodedCredentials() {
    try (ClickHouseTestServer ch = new ClickHouseTestServer();
        DatabendTestServer db = new DatabendTestServer();
        StarRocksTestServer sr = new StarRocksTestServer()) {
      assertThat(ch.dsn()).isEqualTo("clickhouse://default:@127.0.0.1:" + ch.port() + "/default");
      assertThat(db.dsn()).isEqualTo("databend+http://root:@127.0.0.1:" + db.port() + "/default");
      assertThat(sr.dsn()).isEqualTo("starrocks://root:@127.0.0.1:" + sr.port() + "/");
      assertThat(ch.dsn("a b@c", "p:w/d?%")).isEqualTo(
          "clickhouse://a%20b%40c:p%3Aw%2Fd%3F%25@127.0.0.1:" + ch.port() + "/default");
    }
  }

  @Test
  void takeRequestWithAMatcherSkipsTheRequestsBeforeIt() throws IOException {
    try (ClickHouseTestServer ch = new ClickHouseTestServer(); RawHttp http = new RawHttp(ch.port())) {
      String auth = RawHttp.basic("default", "");
      http.exchange("GET", q("SELECT version(), timezone() FORMAT TSV"), null, "Authorization", auth);
      http.exchange("GET", "/ping", null);
      http.exchange("POST", "/", "SELECT 42", "Authorization", auth);
      http.exchange("GET", q("SELECT number FROM numbers(3)"), null, "Authorization", auth);

      RecordedRequest posted = ch.takeRequest(SqlMatcher.equalTo("select 42"));
      assertThat(posted.method()).isEqualTo("POST");
      assertThat(posted.sql()).isEqualTo("SELECT 42");
      RecordedRequest numbers = ch.takeRequest(SqlMatcher.contains("numbers(3)"));
      assertThat(numbers.sql()).isEqualTo("SELECT number FROM numbers(3)");
      assertThat(ch.requests()).hasSize(4);
      assertThat(ch.requests().get(1).sql()).isNull(); // /ping carries no statement
    }
  }

  @Test
  void takeRequestWithAMatcherReturnsNullWhenNothingMatches() throws IOException {
    try (ClickHouseTestServer ch = new ClickHouseTestServer(); RawHttp http = new RawHttp(ch.port())) {
      http.exchange("GET", q("SELECT 1"), null, "Authorization", RawHttp.basic("default", ""));
      long start = System.nanoTime();
      assertThat(ch.takeRequest(SqlMatcher.contains("FROM trips"), java.time.Duration.ofMillis(300))).isNull();
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
      assertThat(ch.takeRequest(SqlMatcher.any(), java.time.Duration.ofMillis(50))).isNull(); // taken, skipped
    }
  }

  @Test
  void databendAndStarRocksRequestsCarryTheirStatement() throws IOException {
    try (DatabendTestServer db = new DatabendTestServer();
        StarRocksTestServer sr = new StarRocksTestServer();
        RawHttp dbHttp = new RawHttp(db.port());
        RawHttp srHttp = new RawHttp(sr.port())) {
      dbHttp.exchange("POST", "/v1/query", "{\"session\":{},\"sql\":\"SELECT 7\"}",
          "Authorization", RawHttp.basic("root", ""), "Content-Type", "application/json");
      assertThat(db.takeRequest(SqlMatcher.equalTo("SELECT 7")).path()).isEqualTo("/v1/query");

      srHttp.exchange("POST", "/api/v1/catalogs/default_catalog/sql", "{\"query\":\"SELECT 8\"}",
          "Authorization", RawHttp.basic("root", ""), "Content-Type", "application/json");
      assertThat(sr.takeRequest(SqlMatcher.equalTo("SELECT 8")).sql()).isEqualTo("SELECT 8");
    }
  }

  @Test
  void aFixedPortIsBoundAndABusyOneFailsClearly() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (ClickHouseTestServer ch = new ClickHouseTestServer(port)) {
      assertThat(ch.port()).isEqualTo(port);
      assertThat(ch.url()).isEqualTo("http://127.0.0.1:" + port);
      assertThatThrownBy(() -> new DatabendTestServer(port))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + port);
    }
    assertThatThrownBy(() -> new StarRocksTestServer(70_000)).isInstanceOf(IllegalArgumentException.class);
  }
}
