package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Loads of millions of rows, generated while sent, into counting tables within a 64 MiB heap. */
@Tag("heap")
class HeapLoadTest {
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();

  @org.junit.jupiter.api.BeforeAll
  static void runsInASmallHeap() {
    assertThat(Runtime.getRuntime().maxMemory()).as("heap tests run with -Xmx64m").isLessThan(100L << 20);
  }

  @AfterEach
  void shutdown() {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  /** A chunked body of {@code rows} lines {@code i<sep>name-i}, generated on the fly. */
  private static RequestBody lines(long rows, char sep) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("text/plain");
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        for (long i = 0; i < rows; i++) {
          sink.writeDecimalLong(i).writeByte(sep).writeUtf8("name-").writeDecimalLong(i % 1000).writeByte('\n');
        }
      }
    };
  }

  @Test
  void clickHouseTenMillionRowInsert() throws IOException {
    long rows = 10_000_000;
    try (ClickHouseTestServer s = new ClickHouseTestServer()) {
      LoadedTable t = s.countingTable("big", Column.of("id", "UInt64"), Column.of("name", "String"));
      HttpUrl url = HttpUrl.get(s.url()).newBuilder().addQueryParameter("query", "INSERT INTO big FORMAT TSV")
          .build();
      try (Response r = client.newCall(new Request.Builder().url(url).post(lines(rows, '\t')).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("X-ClickHouse-Summary")).contains("\"written_rows\":\"" + rows + "\"");
      }
      assertThat(t.rowCount()).isEqualTo(rows);
      assertThat(t.bytesReceived()).isGreaterThan(rows * 10);
      assertThat(s.requests().get(0).body()).hasSize(1 << 20);
    }
  }

  @Test
  void starRocksStreamLoadOfThreeMillionRows() throws IOException {
    long rows = 3_000_000;
    try (StarRocksTestServer s = new StarRocksTestServer()) {
      LoadedTable t = s.countingTable("db.big", Column.of("id", "bigint(20)"), Column.of("name", "varchar(64)"));
      Request req = new Request.Builder().url(s.backendUrl() + "/api/db/big/_stream_load")
          .header("Authorization", Credentials.basic("root", "")).header("Expect", "100-continue")
          .header("column_separator", ",").put(lines(rows, ',')).build();
      try (Response r = client.newCall(req).execute()) {
        Map<String, Object> j = Json.object(r.body().string());
        assertThat(j).containsEntry("Status", "Success").containsEntry("NumberLoadedRows", rows);
      }
      assertThat(t.rowCount()).isEqualTo(rows);
    }
  }

  @Test
  void databendStreamingLoadOfOneMillionRows() throws IOException {
    long rows = 1_000_000;
    try (DatabendTestServer s = new DatabendTestServer()) {
      LoadedTable t = s.countingTable("big", Column.of("id", "Int64"), Column.of("name", "String"));
      RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
          .addFormDataPart("upload", "big.csv", lines(rows, ',')).build();
      Request req = new Request.Builder().url(s.url() + "/v1/streaming_load").put(body)
          .header("Authorization", Credentials.basic("root", ""))
          .header("X-DATABEND-SQL", "insert into big from @_databend_load file_format=(type=csv)").build();
      try (Response r = client.newCall(req).execute()) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(Json.obj(Json.object(r.body().string()).get("stats"))).containsEntry("rows", rows);
      }
      assertThat(t.rowCount()).isEqualTo(rows);
    }
  }
}
