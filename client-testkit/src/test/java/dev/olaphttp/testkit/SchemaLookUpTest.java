package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The look-ups clients send before their real work, answered without scripts as a real server does: ClickHouse's
 * {@code SELECT version(), timezone()}, a declared table's {@code LIMIT 0} schema on all three servers, and
 * StarRocks {@code DESC}. Plain OkHttp client.
 */
class SchemaLookUpTest {
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();

  @AfterEach
  void shutdown() {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private Response get(TestServer server, String query) throws IOException {
    HttpUrl url = HttpUrl.get(server.url()).newBuilder().addQueryParameter("query", query).build();
    return client.newCall(new Request.Builder().url(url).header("Accept-Encoding", "identity").build()).execute();
  }

  private String clickHouse(TestServer server, String query) throws IOException {
    try (Response r = get(server, query)) {
      assertThat(r.code()).as(query).isEqualTo(200);
      return r.body().string();
    }
  }

  @Test
  void clickHouseAnswersTheDialectsVersionLookUpAndItsVariants() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer()) {
      // the exact request the ClickHouse dialect sends once per endpoint (GET, idempotent)
      assertThat(clickHouse(server, "SELECT version(), timezone() FORMAT TabSeparated")).isEqualTo("26.7.2.1\tUTC\n");
      assertThat(clickHouse(server, "SELECT version()")).isEqualTo("26.7.2.1\n");
      assertThat(clickHouse(server, "SELECT timezone()")).isEqualTo("UTC\n");
      assertThat(clickHouse(server, "select version() as v, timezone() FORMAT JSONEachRow"))
          .isEqualTo("{\"v\":\"26.7.2.1\",\"timezone()\":\"UTC\"}\n");
      assertThat(clickHouse(server, "SELECT version() FORMAT TabSeparatedWithNamesAndTypes"))
          .isEqualTo("version()\nString\n26.7.2.1\n");
      server.version("24.8.4.13").timezone("Europe/Berlin");
      assertThat(clickHouse(server, "SELECT version(), timezone() FORMAT TabSeparated"))
          .isEqualTo("24.8.4.13\tEurope/Berlin\n");
      try (Response r = get(server, "SELECT version(), nosuchfunction()")) {
        assertThat(r.code()).as("only the known functions are answered").isEqualTo(404);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("60");
      }
    }
    try (ClickHouseTestServer legacy = new ClickHouseTestServer().legacy18()) {
      assertThat(clickHouse(legacy, "SELECT version(), timezone() FORMAT TabSeparated")).isEqualTo("18.16.1\tUTC\n");
    }
  }

  @Test
  void declaredClickHouseTablesAnswerLimitZeroWithTheirSchema() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer()) {
      server.countingTable("default.events", Column.of("id", "UInt64"), Column.of("name", "Nullable(String)"));
      assertThat(clickHouse(server, "SELECT * FROM events LIMIT 0 FORMAT TabSeparatedWithNamesAndTypes"))
          .isEqualTo("id\tname\nUInt64\tNullable(String)\n");
      assertThat(clickHouse(server, "SELECT name, `id` FROM default.events WHERE 1 = 0 LIMIT 0 "
          + "FORMAT TabSeparatedWithNamesAndTypes")).isEqualTo("name\tid\nNullable(String)\tUInt64\n");
      try (Response r = get(server, "SELECT missing FROM events LIMIT 0")) {
        assertThat(r.code()).as("an unknown column is not invented").isEqualTo(404);
      }
    }
  }

  @Test
  void declaredDatabendTablesAnswerTheLoadersLimitZeroLookUp() throws IOException {
    try (DatabendTestServer server = new DatabendTestServer()) {
      server.table("t", Column.of("a", "UInt64"), Column.of("b", "String"));
      server.countingTable("shop.big", Column.of("x", "Int32"));
      Map<String, Object> r = databend(server, "SELECT * FROM t LIMIT 0");
      assertThat(r.get("state")).isEqualTo("Succeeded");
      assertThat(r.get("error")).isNull();
      assertThat(r.get("has_result_set")).isEqualTo(true);
      assertThat(r.get("schema")).isEqualTo(List.of(Map.of("name", "a", "type", "UInt64"),
          Map.of("name", "b", "type", "String")));
      assertThat(r.get("data")).isEqualTo(List.of());
      assertThat(r.get("next_uri")).asString().endsWith("/final");
      Map<String, Object> counting = databend(server, "SELECT x FROM shop.big LIMIT 0");
      assertThat(counting.get("schema")).isEqualTo(List.of(Map.of("name", "x", "type", "Int32")));
      assertThat(databend(server, "SELECT * FROM nowhere LIMIT 0").get("state")).isEqualTo("Failed");
    }
  }

  private Map<String, Object> databend(DatabendTestServer server, String sql) throws IOException {
    Request req = new Request.Builder().url(server.url() + "/v1/query")
        .header("Authorization", Credentials.basic("root", ""))
        .post(RequestBody.create("{\"sql\":\"" + sql + "\",\"session\":{\"database\":\"shop\"}}",
            MediaType.get("application/json"))).build();
    try (Response r = client.newCall(req).execute()) {
      assertThat(r.code()).isEqualTo(200);
      return Json.object(r.body().string());
    }
  }

  private String starRocks(StarRocksTestServer server, String sql) throws IOException {
    Request req = new Request.Builder().url(server.sqlUrl("default_catalog", "shop"))
        .header("Authorization", Credentials.basic("root", ""))
        .post(RequestBody.create("{\"query\":\"" + sql + "\"}", MediaType.get("application/json"))).build();
    try (Response r = client.newCall(req).execute()) {
      assertThat(r.code()).as(sql).isEqualTo(200);
      return r.body().string();
    }
  }

  @Test
  void declaredStarRocksTablesAnswerDescInTheShowShapeAndLimitZero() throws IOException {
    try (StarRocksTestServer server = new StarRocksTestServer()) {
      server.table("shop.orders", Column.of("id", "BIGINT"), Column.of("amount", "DECIMAL(10,2)"),
          Column.of("note", "VARCHAR(65533)"));
      String desc = starRocks(server, "DESC shop.orders");
      // one JSON object, no trailing newline, no connectionId line: the FE's SHOW/DESC shape
      assertThat(desc).doesNotContain("\n").doesNotContain("connectionId");
      Map<String, Object> show = Json.object(desc);
      assertThat(show.keySet()).containsExactly("meta", "data", "statistics");
      assertThat(Json.list(show.get("meta"))).extracting(m -> Json.obj(m).get("name"))
          .containsExactly("Field", "Type", "Null", "Key", "Default", "Extra");
      assertThat(Json.list(show.get("data"))).extracting(m -> Json.obj(m).get("Field"), m -> Json.obj(m).get("Type"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple("id", "bigint"),
              org.assertj.core.groups.Tuple.tuple("amount", "decimal(10,2)"),
              org.assertj.core.groups.Tuple.tuple("note", "varchar(65533)"));
      assertThat(Json.obj(Json.list(show.get("data")).get(0))).containsEntry("Null", "YES").containsEntry("Key", "true")
          .containsEntry("Default", null);
      assertThat(Json.obj(show.get("statistics"))).containsEntry("returnRows", 3L);
      assertThat(Json.object(starRocks(server, "DESCRIBE `orders`")).get("data")).isEqualTo(show.get("data"));
      // the StarRocks loader's look-up: DESC `db`.`table`
      assertThat(Json.object(starRocks(server, "DESC `shop`.`orders`")).get("data")).isEqualTo(show.get("data"));

      List<String> lines = starRocks(server, "SELECT * FROM orders LIMIT 0").lines().toList();
      assertThat(lines).hasSize(3);
      assertThat(lines.get(0)).startsWith("{\"connectionId\":");
      assertThat(Json.list(Json.object(lines.get(1)).get("meta"))).extracting(m -> Json.obj(m).get("name"))
          .containsExactly("id", "amount", "note");
      assertThat(lines.get(2)).startsWith("{\"statistics\":").contains("\"returnRows\":0");
    }
  }
}
