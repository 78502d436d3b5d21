package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DESCRIBE of declared tables and nested values (Array, Map, Tuple) in CSV and TSV loads, with plain OkHttp. */
class ClickHouseDescribeAndNestedTest {
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();

  @AfterEach
  void shutdown() {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private static LoadedTable declare(ClickHouseTestServer s) {
    return s.table("default.events", Column.of("id", "UInt64"), Column.of("name", "Nullable(String)"),
        Column.of("amount", "Decimal(10, 2)"), Column.of("tags", "Array(String)"));
  }

  private Response post(ClickHouseTestServer s, String query, String body) throws IOException {
    HttpUrl.Builder url = HttpUrl.get(s.url()).newBuilder();
    if (query != null) {
      url.addQueryParameter("query", query);
    }
    return client.newCall(new Request.Builder().url(url.build())
        .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("text/plain"))).build())
        .execute();
  }

  private String ok(ClickHouseTestServer s, String query, String body) throws IOException {
    try (Response r = post(s, query, body)) {
      String text = r.body().string();
      assertThat(r.code()).as(text).isEqualTo(200);
      return text;
    }
  }

  @Test
  void describeAnswersOneRowPerColumnInTheModernShape() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      declare(s);
      String tsv = ok(s, null, "DESCRIBE TABLE `default`.`events` FORMAT TabSeparated");
      assertThat(tsv.split("\n", -1)).containsExactly(
          "id\tUInt64\t\t\t\t\t", "name\tNullable(String)\t\t\t\t\t", "amount\tDecimal(10, 2)\t\t\t\t\t",
          "tags\tArray(String)\t\t\t\t\t", "");
      String json = ok(s, "desc events FORMAT JSONEachRow", "");
      assertThat(json).startsWith("{\"name\":\"id\",\"type\":\"UInt64\",\"default_type\":\"\","
          + "\"default_expression\":\"\",\"comment\":\"\",\"codec_expression\":\"\",\"ttl_expression\":\"\"}\n");
      assertThat(json.split("\n")).hasSize(4);
      String names = ok(s, "DESCRIBE events FORMAT TabSeparatedWithNames", "");
      assertThat(names).startsWith(
          "name\ttype\tdefault_type\tdefault_expression\tcomment\tcodec_expression\tttl_expression\nid\t");
    }
  }

  @Test
  void describeOnLegacy18HasFourColumnsAndCountingTablesAnswerToo() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer().legacy18()) {
      s.countingTable("big", Column.of("k", "UInt32"), Column.of("v", "String"));
      String tsv = ok(s, null, "DESCRIBE TABLE `big` FORMAT TabSeparatedWithNames");
      assertThat(tsv).isEqualTo("name\ttype\tdefault_type\tdefault_expression\nk\tUInt32\t\t\nv\tString\t\t\n");
    }
  }

  @Test
  void describeOfAnUndeclaredTableFailsWithUnknownTable() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      declare(s);
      try (Response r = post(s, null, "DESCRIBE TABLE missing FORMAT TabSeparated")) {
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("60");
        assertThat(r.body().string()).contains("Table default.missing does not exist");
      }
    }
  }

  @Test
  void csvArraysAreParsedFromTheirTextFormAndReadBack() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = declare(s);
      ok(s, "INSERT INTO events FORMAT CSV",
          "7,\"comma, inside\",1.50,\"['p','q']\"\n8,\\N,2.00,[]\n9,x,0,\"['a\\'b', 'c,d']\"\n");
      assertThat(t.rows()).hasSize(3);
      assertThat(t.rows().get(0).get(3)).isEqualTo(List.of("p", "q"));
      assertThat(t.rows().get(1).get(3)).isEqualTo(List.of());
      assertThat(t.rows().get(2).get(3)).isEqualTo(List.of("a'b", "c,d"));
      assertThat(t.rows().get(0).get(2)).isEqualTo(new BigDecimal("1.50"));
      // modern servers drop a Decimal's trailing zeros in text output (output_format_decimal_trailing_zeros=0)
      assertThat(ok(s, "SELECT * FROM events FORMAT TabSeparated", "")).isEqualTo(
          "7\tcomma, inside\t1.5\t['p','q']\n8\t\\N\t2\t[]\n9\tx\t0\t['a\\'b','c,d']\n");
    }
  }

  @Test
  void tsvAndCsvParseNestedMapsTuplesAndNullableElements() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = s.table("nested", Column.of("a", "Array(Nullable(Int32))"),
          Column.of("m", "Map(String, Array(UInt8))"), Column.of("p", "Tuple(String, Date)"));
      ok(s, "INSERT INTO nested FORMAT TabSeparated",
          "[1, NULL, -3]\t{'x\\ty':[1,2],'q\\'':[]}\t('a\\tb','2024-01-02')\n");
      ok(s, "INSERT INTO nested FORMAT CSV", "\"[]\",\"{}\",\"('',  '1970-01-01')\"\n");
      assertThat(t.rows()).hasSize(2);
      assertThat(t.rows().get(0).get(0)).isEqualTo(Arrays.asList(1L, null, -3L));
      assertThat(t.rows().get(0).get(1)).isEqualTo(Map.of("x\ty", List.of(1L, 2L), "q'", List.of()));
      assertThat(t.rows().get(0).get(2)).isEqualTo(List.of("a\tb", java.time.LocalDate.of(2024, 1, 2)));
      assertThat(t.rows().get(1).get(1)).isEqualTo(Map.of());
      assertThat(ok(s, "SELECT * FROM nested FORMAT TabSeparated", "").split("\n")[0])
          .isEqualTo("[1,NULL,-3]\t{'x\\ty':[1,2],'q\\'':[]}\t('a\\tb','2024-01-02')");
    }
  }

  @Test
  void anUnparseableNestedValueFailsTheWholeLoadWithCannotParse() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = declare(s);
      for (String bad : List.of("1,a,1,\"['p'\"\n", "1,a,1,\"[p]\"\n", "1,a,1,\"[NULL]\"\n", "1,a,1,\"['p'] x\"\n")) {
        try (Response r = post(s, "INSERT INTO events FORMAT CSV", "2,ok,1,[]\n" + bad)) {
          String body = r.body().string();
          assertThat(r.code()).as(bad).isEqualTo(400);
          assertThat(r.header("X-ClickHouse-Exception-Code")).as(body).isEqualTo("27");
          assertThat(body).contains("Array(String)");
        }
      }
      assertThat(t.rowCount()).isZero();
      assertThat(ok(s, "SELECT * FROM events FORMAT TabSeparated", "")).isEmpty();
    }
  }
}
