package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StarRocksTestServerTest {
  private static final String AUTH = RawHttp.basic("root", "");
  private StarRocksTestServer server;
  private String path;

  @BeforeEach
  void start() {
    server = new StarRocksTestServer();
    path = "/api/v1/catalogs/default_catalog/databases/demo/sql";
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RawHttp.Response post(RawHttp c, String body) throws IOException {
    return c.exchange("POST", path, body, "Authorization", AUTH, "Content-Type", "application/json");
  }

  private static Table multiTypes() {
    Map<String, Integer> attrs = new LinkedHashMap<>();
    attrs.put("a", 1);
    attrs.put("b", 2);
    Map<String, Object> nullAttrs = new LinkedHashMap<>();
    return Table.builder()
        .column("id", "int(11)").column("big", "bigint(20)").column("li", "largeint(40)")
        .column("flag", "boolean").column("price", "decimal64(10, 2)").column("amount", "decimal128(38, 9)")
        .column("score", "double").column("d", "date").column("ts", "datetime").column("name", "varchar(65533)")
        .column("tags", "array<int(11)>").column("attrs", "map<varchar(65533),int(11)>")
        .column("info", "struct<a int(11), b varchar(65533)>").column("doc", "json").column("bm", "bitmap")
        .row(1, Long.MAX_VALUE, new BigInteger("170141183460469231731687303715884105727"), true,
            new BigDecimal("12.5"), new BigDecimal("12345678901234567890.123456789"), 0.1,
            LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 13, 45, 1), "h\u00e9llo \"w\"\n",
            java.util.Arrays.asList(1, 2, null), attrs, List.of(1, "x"), "{\"k\": [1, 2], \"z\": null}", null)
        .row(2, -42L, new BigInteger("-170141183460469231731687303715884105728"), false, new BigDecimal("-0.05"),
            new BigDecimal("0.000000001"), -2.5, LocalDate.of(1970, 1, 1),
            LocalDateTime.of(2024, 2, 29, 13, 45, 1, 250_000_000), "", List.of(), nullAttrs,
            java.util.Arrays.asList(null, null), "\"plain json string\"", null)
        .row(3, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
        .build();
  }

  @Test
  void selectStreamsTheFixtureLinesWithRealHeaders() throws IOException {
    server.when(SqlMatcher.contains("FROM t_types")).thenReturn(multiTypes());
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = post(c, "{\"query\":\"SELECT id, big, li, flag, price, amount, score, d, ts, name, tags, "
          + "attrs, info, doc, bm FROM t_types ORDER BY id\"}");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.complete).isTrue();
      assertThat(r.headerNames()).containsExactly("content-type", "X-StarRocks-Query-Id", "transfer-encoding");
      assertThat(r.header("content-type")).isEqualTo("application/x-ndjson; charset=utf-8");
      assertThat(r.header("X-StarRocks-Query-Id")).matches("[0-9a-f-]{36}");
      List<String> expected = Fixtures.text("starrocks/select_multi_types.ndjson").lines().toList();
      List<String> actual = r.text().lines().toList();
      assertThat(actual).hasSize(expected.size());
      assertThat(actual.get(0)).matches("\\{\"connectionId\":\\d+}");
      assertThat(actual.subList(1, 5)).containsExactlyElementsOf(expected.subList(1, 5));
      assertThat(actual.get(5)).isEqualTo("{\"statistics\":{\"scanRows\":3,\"scanBytes\":" + scanBytes(actual)
          + ",\"returnRows\":3}}");
      assertThat(r.text()).endsWith("\n");
    }
  }

  private static String scanBytes(List<String> lines) {
    return lines.get(5).replaceAll(".*\"scanBytes\":(\\d+).*", "$1");
  }

  @Test
  void emptyResultHasMetaAndStatisticsOnly() throws IOException {
    server.when(SqlMatcher.contains("where 1 = 0")).thenReturn(Table.builder().column("id", "int(11)").build());
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = post(c, "{\"query\":\"select id from t_types where 1 = 0\"}");
      List<String> expected = Fixtures.text("starrocks/select_empty_result.ndjson").lines().toList();
      assertThat(r.text().lines().skip(1).toList()).containsExactlyElementsOf(expected.subList(1, 3));
    }
  }

  @Test
  void failureBeforeStreamingIsTheGsonEnvelope() throws IOException {
    String msg = "Getting syntax error at line 1, column 9. Detail message: Unexpected input 'FORM', the most "
        + "similar input is {<EOF>, ';'}.";
    server.when(SqlMatcher.contains("FORM t_types")).thenFail(1, msg);
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = post(c, "{\"query\":\"SELECT * FORM t_types\"}");
      assertThat(r.status).isEqualTo(500);
      assertThat(r.text()).isEqualTo(Fixtures.text("starrocks/presend_failure_syntax_error.ndjson"));
      assertThat(r.headerNames()).containsExactly("content-type", "content-length", "connection");
      assertThat(r.header("content-length")).isEqualTo(Integer.toString(r.body.length));
      RawHttp.Response again = post(c, "{\"query\":\"select 1\"}");
      assertThat(again.status).as("connection stays usable").isEqualTo(200);
    }
  }

  @Test
  void disallowedStatementAndAuthFailureMatchTheFixtures() throws IOException {
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response insert = post(c, "{\"query\":\"insert into t values (1)\"}");
      assertThat(insert.status).isEqualTo(500);
      assertThat(insert.text()).isEqualTo(Fixtures.text("starrocks/disallowed_insert.ndjson"));
      RawHttp.Response denied = c.exchange("POST", path, "{\"query\":\"select 1\"}",
          "Authorization", RawHttp.basic("root", "wrong"));
      assertThat(denied.status).isEqualTo(401);
      assertThat(denied.text()).isEqualTo(Fixtures.text("starrocks/auth_failure_wrong_password.ndjson"));
      assertThat(denied.header("www-authenticate")).isEqualTo("Basic realm=\"\"");
      assertThat(denied.header("content-type")).isEqualTo("text/html");
      RawHttp.Response missing = c.exchange("POST", path, "{\"query\":\"select 1\"}");
      assertThat(missing.text()).contains("\"msg\":\"Need auth information.\"");
    }
  }

  @Test
  void validationErrors() throws IOException {
    try (RawHttp c = new RawHttp(server.port())) {
      assertThat(post(c, "{\"query\":\"  \"}").text()).contains("\\\"query can not be empty\\\"");
      assertThat(post(c, "{\"query\":\"select 1; select 2\"}").text())
          .contains("http query does not support execute multiple query");
      RawHttp.Response malformed = post(c, "{query");
      assertThat(malformed.status).isEqualTo(500);
      assertThat(malformed.text()).contains("malformed json [ {query ]");
      assertThat(post(c, "{\"query\":\"select 1;\"}").status).as("trailing ; is fine").isEqualTo(200);
      RawHttp.Response catalog = c.exchange("POST", "/api/v1/catalogs/hive/sql", "{\"query\":\"select 1\"}",
          "Authorization", AUTH);
      assertThat(catalog.status).isEqualTo(403);
      assertThat(catalog.text()).contains("set catalog or db failed");
    }
  }

  @Test
  void midStreamFailureTruncatesWithoutStatistics() throws IOException {
    Table t = Table.builder().column("id", "int(11)").column("v", "varchar(65533)")
        .row(1, "a").row(2, "b").row(3, "c").build();
    server.when(SqlMatcher.contains("big_table")).thenFailAfter(t, 2, 1, "query timeout");
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = post(c, "{\"query\":\"select id, v from big_table\"}");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.complete).isFalse();
      List<String> expected = Fixtures.text("starrocks/midstream_failure_truncated.ndjson").lines().toList();
      assertThat(r.text().lines().skip(1).toList()).containsExactlyElementsOf(expected.subList(1, 4));
      assertThat(r.text()).doesNotContain("statistics").doesNotContain("timeout");
    }
  }

  @Test
  void showAndExplainAreSingleObjectsWithoutNewline() throws IOException {
    server.when(SqlMatcher.equalTo("show databases")).thenReturn(Table.builder().column("Database", "varchar(256)")
        .row("_statistics_").row("demo").row("information_schema").build());
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response show = c.exchange("POST", "/api/v1/catalogs/default_catalog/sql",
          "{\"query\":\"show databases;\"}", "Authorization", AUTH);
      assertThat(show.text()).isEqualTo(Fixtures.text("starrocks/show_databases.ndjson"));
      RawHttp.Response explain = post(c, "{\"query\":\"explain select id from t\"}");
      assertThat(explain.text()).startsWith("{\"explain\":\"PLAN FRAGMENT 0\\n").endsWith("}");
    }
  }

  @Test
  void sessionVariablesPersistPerTcpConnection() throws IOException {
    try (RawHttp a = new RawHttp(server.port()); RawHttp b = new RawHttp(server.port())) {
      RawHttp.Response first = post(a, "{\"query\":\"select 1\",\"sessionVariables\":{\"query_timeout\":10}}");
      String id = first.lines().get(0);
      RawHttp.Response same = post(a, "{\"query\":\"select @@query_timeout\"}");
      assertThat(same.lines().get(0)).as("same connection id").isEqualTo(id);
      assertThat(same.lines().get(2)).isEqualTo("{\"data\":[10]}");
      assertThat(post(a, "{\"query\":\"select database()\"}").lines().get(2)).isEqualTo("{\"data\":[\"demo\"]}");
      RawHttp.Response other = post(b, "{\"query\":\"select @@query_timeout\"}");
      assertThat(other.lines().get(0)).isNotEqualTo(id);
      assertThat(other.lines().get(2)).as("the default, not this connection's 10").isEqualTo("{\"data\":[300]}");
    }
  }

  @Test
  void killClosesTheVictimConnectionAndAnswersEmpty() throws Exception {
    try (RawHttp victim = new RawHttp(server.port()); RawHttp killer = new RawHttp(server.port())) {
      victim.send("POST", path, "{\"query\":\"select number from numbers(50000000)\"}", "Authorization", AUTH);
      RawHttp.Response head = victim.readHeaders();
      int victimId = 1;
      RawHttp.Response kill = post(killer, "{\"query\":\"kill " + victimId + "\"}");
      assertThat(kill.status).isEqualTo(200);
      assertThat(kill.body).isEmpty();
      assertThat(kill.header("content-length")).isEqualTo("0");
      assertThat(kill.header("X-StarRocks-Query-Id")).isNull();
      RawHttp.Response cut = victim.readBody(head);
      assertThat(cut.complete).isFalse();
      assertThat(cut.text()).startsWith("{\"connectionId\":1}\n{\"meta\":[{\"name\":\"number\",\"type\":\"bigint(20)\"}]}\n");
      RawHttp.Response unknown = post(killer, "{\"query\":\"kill 999\"}");
      assertThat(unknown.status).isEqualTo(500);
      assertThat(unknown.text()).contains("Unknown thread id: 999");
    }
  }

  @Test
  void killQueryCutsAStreamingVictim() throws Exception {
    try (RawHttp victim = new RawHttp(server.port()); RawHttp killer = new RawHttp(server.port())) {
      victim.send("POST", path, "{\"query\":\"select number from numbers(50000000)\"}", "Authorization", AUTH);
      RawHttp.Response head = victim.readHeaders();
      RawHttp.Response kill = post(killer, "{\"query\":\"kill query 1\"}");
      assertThat(kill.status).isEqualTo(200);
      assertThat(kill.header("connection")).isEqualTo("keep-alive");
      RawHttp.Response cut = victim.readBody(head);
      assertThat(cut.complete).isFalse();
      assertThat(cut.text()).doesNotContain("statistics");
    }
  }

  @Test
  void generatedRowsStreamWithCorrectValues() throws IOException {
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = post(c, "{\"query\":\"select number from numbers(3)\"}");
      assertThat(r.text().lines().skip(2).toList()).containsExactly("{\"data\":[0]}", "{\"data\":[1]}",
          "{\"data\":[2]}", "{\"statistics\":{\"scanRows\":3,\"scanBytes\":39,\"returnRows\":3}}");
    }
  }
}
