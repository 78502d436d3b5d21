package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ClickHouse bulk inserts with a plain OkHttp client: formats, gzip, dedup tokens, errors, legacy 18.16. */
class ClickHouseLoadTest {
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();

  @AfterEach
  void shutdown() {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private static LoadedTable events(ClickHouseTestServer s) {
    return s.table("default.events", Column.of("id", "UInt32"), Column.of("name", "Nullable(String)"),
        Column.of("price", "Decimal(10, 2)"), Column.of("day", "Date"));
  }

  private Response post(ClickHouseTestServer s, String query, byte[] body, String... headers) throws IOException {
    HttpUrl.Builder url = HttpUrl.get(s.url()).newBuilder();
    if (query != null) {
      url.addQueryParameter("query", query);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i].startsWith("?")) {
        url.addQueryParameter(headers[i].substring(1), headers[i + 1]);
      }
    }
    Request.Builder b = new Request.Builder().url(url.build())
        .post(RequestBody.create(body, MediaType.get("application/octet-stream")));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (!headers[i].startsWith("?")) {
        b.header(headers[i], headers[i + 1]);
      }
    }
    return client.newCall(b.build()).execute();
  }

  private static String fixture(String name) throws IOException {
    try (java.io.InputStream in = ClickHouseLoadTest.class.getResourceAsStream("/fixtures/clickhouse/errors/"
        + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void tsvInQueryParameterKeepsTypedRowsAndAnswersSummary() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = events(s);
      try (Response r = post(s, "INSERT INTO events FORMAT TabSeparated",
          utf8("1\ta\\tb\t1.50\t2024-01-02\n2\t\\N\t3\t2024-02-03\n"))) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body().string()).isEmpty();
        assertThat(r.header("X-ClickHouse-Summary")).contains("\"written_rows\":\"2\"")
            .contains("\"written_bytes\":\"");
      }
      assertThat(t.rows()).containsExactly(
          Arrays.asList(1L, "a\tb", new BigDecimal("1.50"), LocalDate.of(2024, 1, 2)),
          Arrays.asList(2L, null, new BigDecimal("3.00"), LocalDate.of(2024, 2, 3)));
      assertThat(t.rowCount()).isEqualTo(2);
      assertThat(t.loadCount()).isEqualTo(1);
      try (Response r = post(s, null, utf8("SELECT * FROM events FORMAT TSV"))) {
        assertThat(r.body().string()).isEqualTo("1\ta\\tb\t1.5\t2024-01-02\n2\t\\N\t3\t2024-02-03\n");
      }
    }
  }

  @Test
  void statementAndDataBothInBodyCsvWithNamesAndJsonEachRow() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = events(s);
      try (Response r = post(s, null, utf8("INSERT INTO default.events (day, id, name, price) FORMAT CSV\n"
          + "2024-01-01,7,\"x,\"\"y\"\"\",2.5\n"))) {
        assertThat(r.code()).isEqualTo(200);
      }
      try (Response r = post(s, "INSERT INTO events FORMAT CSVWithNames", utf8("name,id\nz,8\n"))) {
        assertThat(r.code()).isEqualTo(200);
      }
      try (Response r = post(s, null, utf8("INSERT INTO events FORMAT JSONEachRow "
          + "{\"id\":9,\"name\":null,\"price\":\"1.25\",\"extra\":[1]}\n{\"id\":10,\"day\":\"2020-05-05\"}\n"))) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("X-ClickHouse-Summary")).contains("\"written_rows\":\"2\"");
      }
      assertThat(t.rows()).containsExactly(
          Arrays.asList(7L, "x,\"y\"", new BigDecimal("2.50"), LocalDate.of(2024, 1, 1)),
          Arrays.asList(8L, "z", new BigDecimal("0.00"), LocalDate.EPOCH),
          Arrays.asList(9L, null, new BigDecimal("1.25"), LocalDate.EPOCH),
          Arrays.asList(10L, null, new BigDecimal("0.00"), LocalDate.of(2020, 5, 5)));
    }
  }

  @Test
  void valuesInTheQueryOrTheBodyAndAsyncInsertIsAccepted() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = events(s);
      try (Response r = post(s, "INSERT INTO events (id, name) VALUES (1, 'it\\'s'), (2, NULL)", new byte[0],
          "?async_insert", "1", "?wait_for_async_insert", "1")) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("X-ClickHouse-Summary")).contains("\"written_rows\":\"2\"");
      }
      try (Response r = post(s, null, utf8("INSERT INTO events VALUES (3, 'x,y)', 1.5, '2024-03-04');"))) {
        assertThat(r.code()).isEqualTo(200);
      }
      try (Response r = post(s, "INSERT INTO events VALUES", utf8("(4, 'z', 2, '2024-01-01') (5"))) {
        assertThat(r.code()).isEqualTo(400);
      }
      try (Response r = post(s, "INSERT INTO events VALUES", utf8("(1, 'a', 1, '2024-01-01'), ('not a number', "
          + "'b', 1, '2024-01-01')"))) {
        assertThat(r.code()).isEqualTo(400);
        String golden = fixture("type_mismatch_insert_values.txt");
        String body = r.body().string();
        assertThat(body).startsWith("Code: 6. DB::Exception: Cannot parse string 'not a number' as UInt32: syntax "
            + "error at begin of string").endsWith("While executing ValuesBlockInputFormat. (CANNOT_PARSE_TEXT) "
            + "(version 26.7.2.1 (official build))\n");
        assertThat(golden).startsWith(body.substring(0, body.indexOf(": syntax error") + 14))
            .endsWith("While executing ValuesBlockInputFormat. (CANNOT_PARSE_TEXT)");
      }
      assertThat(t.rows()).containsExactly(
          Arrays.asList(1L, "it's", new BigDecimal("0.00"), LocalDate.EPOCH),
          Arrays.asList(2L, null, new BigDecimal("0.00"), LocalDate.EPOCH),
          Arrays.asList(3L, "x,y)", new BigDecimal("1.50"), LocalDate.of(2024, 3, 4)));
    }
  }

  @Test
  void headerFormatsMapColumnsByName() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = s.table("h", Column.of("a", "UInt8"), Column.of("b", "String"));
      try (Response r = post(s, "INSERT INTO h FORMAT TSVWithNamesAndTypes", utf8("b\ta\nString\tUInt8\nx\t1\n"))) {
        assertThat(r.code()).isEqualTo(200);
      }
      byte[] rb = {2, 1, 'b', 1, 'a', 6, 'S', 't', 'r', 'i', 'n', 'g', 5, 'U', 'I', 'n', 't', '8', 1, 'y', 2};
      try (Response r = post(s, "INSERT INTO h FORMAT RowBinaryWithNamesAndTypes", rb)) {
        assertThat(r.code()).isEqualTo(200);
      }
      assertThat(t.rows()).containsExactly(Arrays.asList(1L, "x"), Arrays.asList(2L, "y"));
    }
  }

  @Test
  void rowBinaryIsDecodedByType() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = s.table("rb", Column.of("id", "Int64"), Column.of("s", "Nullable(String)"),
          Column.of("ts", "DateTime"), Column.of("tags", "Array(UInt8)"));
      ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
      b.putLong(-5).put((byte) 0).put((byte) 2).put((byte) 'h').put((byte) 'i').putInt(86_400)
          .put((byte) 2).put((byte) 1).put((byte) 255);
      b.putLong(6).put((byte) 1).putInt(0).put((byte) 0);
      byte[] data = Arrays.copyOf(b.array(), b.position());
      try (Response r = post(s, "INSERT INTO rb FORMAT RowBinary", data)) {
        assertThat(r.code()).isEqualTo(200);
      }
      assertThat(t.rows()).containsExactly(
          Arrays.asList(-5L, "hi", LocalDateTime.of(1970, 1, 2, 0, 0), List.of(1L, 255L)),
          Arrays.asList(6L, null, LocalDateTime.of(1970, 1, 1, 0, 0), List.of()));
      try (Response r = post(s, "INSERT INTO rb FORMAT RowBinary", Arrays.copyOf(data, 5))) {
        assertThat(r.code()).isEqualTo(500);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("33");
        assertThat(r.body().string()).startsWith("Code: 33. DB::Exception: Cannot read all data");
      }
      assertThat(t.rowCount()).isEqualTo(2);
    }
  }

  @Test
  void gzipBodyAndDeduplicationTokenInsertOnce() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = events(s);
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
        z.write(utf8("INSERT INTO events FORMAT TSV\n1\ta\t1\t2024-01-01\n2\tb\t2\t2024-01-01\n"));
      }
      for (int i = 0; i < 2; i++) {
        try (Response r = post(s, null, gz.toByteArray(), "Content-Encoding", "gzip",
            "?insert_deduplication_token", "tok-1")) {
          assertThat(r.code()).isEqualTo(200);
          assertThat(r.header("X-ClickHouse-Summary")).contains("\"written_rows\":\"" + (i == 0 ? 2 : 0) + "\"");
        }
      }
      assertThat(t.rowCount()).isEqualTo(2);
      assertThat(t.labels()).containsExactly("tok-1");
      try (Response r = post(s, null, new byte[] {31, -117, 8, 0, 1, 2, 3}, "Content-Encoding", "gzip")) {
        assertThat(r.code()).isEqualTo(500);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("354");
      }
    }
  }

  @Test
  void badValueRejectsTheWholeInsertWithCode27AndTheConnectionStaysUsable() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = events(s);
      try (Response r = post(s, "INSERT INTO events FORMAT TSV", utf8("1\ta\t1\t2024-01-01\nx1\tb\t2\t2024-01-01\n"
          + "3\tc\t3\t2024-01-01\n"))) {
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("27");
        assertThat(r.body().string()).startsWith("Code: 27. DB::Exception: Cannot parse input")
            .contains("(at row 2)\n: \nRow 2:\nColumn 0,   name: id, type: UInt32, ERROR: text \"x1\" is not like "
                + "UInt32\n\n: While executing ParallelParsingBlockInputFormat. (CANNOT_PARSE_INPUT_ASSERTION_FAILED)");
      }
      String golden = fixture("type_mismatch_insert_tsv_body.txt");
      assertThat(golden).startsWith("Code: 27. DB::Exception: Cannot parse input: expected '\\t' before: '")
          .contains(": (at row 2)\n: \nRow 1:").contains("Row 2:\nColumn 0,   name: id, type: UInt32, ERROR: text \"")
          .endsWith(": While executing ParallelParsingBlockInputFormat. (CANNOT_PARSE_INPUT_ASSERTION_FAILED)");
      try (Response r = post(s, "INSERT INTO events FORMAT TSV", utf8("1\ta\n"))) {
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().string()).contains("Code: 27.").contains("Expect 4, but got 2");
      }
      try (Response r = post(s, "INSERT INTO events FORMAT JSONEachRow", utf8("{\"id\":\"seven\"}"))) {
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("6");
      }
      try (Response r = post(s, "INSERT INTO undeclared FORMAT TSV", utf8("1\n"))) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("X-ClickHouse-Summary")).as("undeclared tables discard, report nothing").isNull();
      }
      try (Response r = post(s, "INSERT INTO events (id, bogus) FORMAT TSV", utf8("1\t2\n"))) {
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("16");
      }
      try (Response r = post(s, "INSERT INTO events SELECT * FROM numbers(3)", new byte[0])) {
        assertThat(r.code()).isEqualTo(501);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("48");
      }
      try (Response r = post(s, "INSERT INTO undeclared SELECT 1", new byte[0])) {
        assertThat(r.code()).isEqualTo(200);
      }
      try (Response r = post(s, "INSERT INTO events FORMAT Parquet", utf8("x"))) {
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("73");
      }
      assertThat(t.rowCount()).isZero();
      assertThat(s.connectionCount()).isEqualTo(1);
      assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(1);
    }
  }

  @Test
  void legacy18HasNoSummaryNoDedupSettingAnd500ForBadRows() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer().legacy18()) {
      LoadedTable t = events(s);
      try (Response r = post(s, "INSERT INTO events FORMAT TSV", utf8("1\ta\t1\t2024-01-01\n"))) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("X-ClickHouse-Summary")).isNull();
        assertThat(r.header("X-ClickHouse-Query-Id")).isNull();
      }
      try (Response r = post(s, "INSERT INTO events FORMAT TSV", utf8("1\ta\t1\t2024-01-01\n"),
          "?insert_deduplication_token", "t")) {
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.body().string()).isEqualTo("Code: 115, e.displayText() = DB::Exception: Unknown setting "
            + "insert_deduplication_token, e.what() = DB::Exception\n");
      }
      try (Response r = post(s, "INSERT INTO events FORMAT TSV", utf8("z\ta\t1\t2024-01-01\n"))) {
        assertThat(r.code()).isEqualTo(500);
        assertThat(r.body().string()).startsWith("Code: 27, e.displayText() = DB::Exception: Cannot parse input");
      }
      assertThat(t.rowCount()).isEqualTo(1);
      try (Response r = post(s, "INSERT INTO events FORMAT JSONEachRow", utf8("{\"id\":1,\"bogus\":2}\n"))) {
        assertThat(r.code()).isEqualTo(500);
        assertThat(r.body().string()).contains("Code: 117").contains("Unknown field found while parsing "
            + "JSONEachRow format: bogus");
      }
      try (Response r = post(s, "INSERT INTO events FORMAT JSONEachRow", utf8("{\"id\":1,\"bogus\":2}\n"),
          "?input_format_skip_unknown_fields", "1")) {
        assertThat(r.code()).isEqualTo(200);
      }
      assertThat(t.rowCount()).isEqualTo(2);
      assertThat(t.attemptCount()).isEqualTo(4);
    }
  }

  @Test
  void getInsertIsReadonlyAndCountingTablesRefuseRows() throws IOException {
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = s.countingTable("c", Column.of("id", "UInt8"));
      HttpUrl url = HttpUrl.get(s.url()).newBuilder().addQueryParameter("query", "INSERT INTO c FORMAT TSV")
          .build();
      try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(r.code()).isEqualTo(500);
        assertThat(r.header("X-ClickHouse-Exception-Code")).isEqualTo("164");
      }
      try (Response r = post(s, "INSERT INTO c FORMAT TSV", utf8("1\n2\n3\n"))) {
        assertThat(r.code()).isEqualTo(200);
      }
      assertThat(t.rowCount()).isEqualTo(3);
      assertThat(t.bytesReceived()).isEqualTo(6);
      assertThatThrownBy(t::rows).isInstanceOf(IllegalStateException.class);
      try (Response r = post(s, "INSERT INTO c FORMAT TSV", utf8("300\n"))) {
        assertThat(r.code()).isEqualTo(400);
      }
      assertThat(t.rowCount()).isEqualTo(3);
    }
  }
}
