package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Databend loads with a plain OkHttp client: stage + stage_attachment, purge, REMOVE, labels, streaming_load. */
class DatabendLoadTest {
  private static final String AUTH = Credentials.basic("root", "");
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();
  private DatabendTestServer server;
  private LoadedTable table;

  @BeforeEach
  void start() {
    server = new DatabendTestServer();
    table = server.table("default.t", Column.of("id", "Int32"), Column.of("name", "Nullable(String)"),
        Column.of("day", "Date"));
  }

  @AfterEach
  void stop() {
    server.close();
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private void upload(String name, String content) throws IOException {
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("upload", name, RequestBody.create(content, MediaType.get("text/csv"))).build();
    Request req = new Request.Builder().url(server.url() + "/v1/upload_to_stage").put(body)
        .header("Authorization", AUTH).header("X-DATABEND-STAGE-NAME", "~")
        .header("X-DATABEND-RELATIVE-PATH", "load").build();
    try (Response r = client.newCall(req).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  private Map<String, Object> query(String json, String... headers) throws IOException {
    Request.Builder b = new Request.Builder().url(server.url() + "/v1/query").header("Authorization", AUTH)
        .post(RequestBody.create(json, MediaType.get("application/json")));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try (Response r = client.newCall(b.build()).execute()) {
      return Json.object(r.body().string());
    }
  }

  private static String attach(String file, String format, boolean purge) {
    return "{\"sql\":\"INSERT INTO t VALUES\",\"stage_attachment\":{\"location\":\"@~/load/" + file + "\","
        + "\"file_format_options\":" + format + ",\"copy_options\":{\"purge\":\"" + purge + "\"}}}";
  }

  @Test
  void stagedCsvTsvAndNdjsonAreParsedIntoTheTableAndPurgeRemovesTheFile() throws IOException {
    upload("a.csv", "1,\"x, y\",2024-01-01\r\n2,\\N,\"2024-01-02\"\r\n");
    Map<String, Object> r = query(attach("a.csv", "{\"type\":\"CSV\"}", true));
    assertThat(r.get("data")).isEqualTo(List.of(List.of("2")));
    assertThat(server.stagedFiles()).doesNotContainKey("@~/load/a.csv");
    upload("b.tsv", "3\tz\\tq\t2024-01-03\n");
    assertThat(query(attach("b.tsv", "{\"type\":\"TSV\"}", false)).get("data")).isEqualTo(List.of(List.of("1")));
    assertThat(server.stagedFiles()).containsKey("@~/load/b.tsv");
    upload("c.ndjson", "{\"id\":4,\"day\":\"2024-01-04\"}\n");
    assertThat(query(attach("c.ndjson", "{\"type\":\"NDJSON\"}", false)).get("data"))
        .isEqualTo(List.of(List.of("1")));
    assertThat(table.rows()).containsExactly(Arrays.asList(1L, "x, y", LocalDate.of(2024, 1, 1)),
        Arrays.asList(2L, null, LocalDate.of(2024, 1, 2)), Arrays.asList(3L, "z\tq", LocalDate.of(2024, 1, 3)),
        Arrays.asList(4L, null, LocalDate.of(2024, 1, 4)));
    query("{\"sql\":\"REMOVE @~/load\"}");
    assertThat(server.stagedFiles()).isEmpty();
    Map<String, Object> back = query("{\"sql\":\"SELECT * FROM t\"}");
    assertThat((List<?>) back.get("data")).hasSize(4);
  }

  @Test
  void badValuesFailTheInsertAndDeduplicateLabelsInsertOnce() throws IOException {
    upload("bad.csv", "1,a,2024-01-01\nnope,b,2024-01-02\n");
    Map<String, Object> bad = query(attach("bad.csv", "{\"type\":\"CSV\"}", true));
    assertThat(bad.get("state")).isEqualTo("Failed");
    assertThat(bad.get("error").toString()).contains("1046").contains("row 2").contains("column id");
    assertThat(server.stagedFiles()).as("a failed insert does not purge").containsKey("@~/load/bad.csv");
    assertThat(table.rowCount()).isZero();
    Map<String, Object> missing = query(attach("none.csv", "{\"type\":\"CSV\"}", false));
    assertThat(missing.get("state")).isEqualTo("Failed");
    upload("ok.csv", "5,e,2024-01-05\n");
    for (int i = 0; i < 2; i++) {
      Map<String, Object> r = query(attach("ok.csv", "{\"type\":\"CSV\"}", false), "X-DATABEND-DEDUPLICATE-LABEL",
          "lbl-1");
      assertThat(r.get("data")).isEqualTo(List.of(List.of(i == 0 ? "1" : "0")));
    }
    assertThat(table.rowCount()).isEqualTo(1);
    assertThat(table.labels()).containsExactly("lbl-1");
  }

  @Test
  void insertFromAStagePathWithoutAttachmentAndStreamingLoadSessionContext() throws IOException {
    upload("d.csv", "9,i,2024-01-09\n");
    Map<String, Object> r = query("{\"sql\":\"INSERT INTO t FROM @~/load/d.csv FILE_FORMAT = (type = CSV)\"}");
    assertThat(r.get("data")).isEqualTo(List.of(List.of("1")));
    LoadedTable other = server.table("other.t", Column.of("v", "String"));
    String context = java.util.Base64.getEncoder().encodeToString(
        "{\"database\":\"other\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("upload", "v.csv", RequestBody.create("hello\n", MediaType.get("text/csv"))).build();
    Request req = new Request.Builder().url(server.url() + "/v1/streaming_load").put(body)
        .header("Authorization", AUTH).header("X-DATABEND-QUERY-CONTEXT", context)
        .header("X-DATABEND-SQL", "insert into t from @_databend_load file_format=(type=csv)").build();
    try (Response resp = client.newCall(req).execute()) {
      assertThat(resp.code()).isEqualTo(200);
      assertThat(new String(java.util.Base64.getUrlDecoder().decode(resp.header("X-DATABEND-QUERY-CONTEXT")),
          java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"database\":\"other\"}");
    }
    assertThat(other.rows()).containsExactly(List.of("hello"));
    assertThat(table.rows()).containsExactly(Arrays.asList(9L, "i", LocalDate.of(2024, 1, 9)));
  }

  @Test
  void streamingLoadStreamsTheMultipartUpload() throws IOException {
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("upload", "data.csv", RequestBody.create("7|g|2024-01-07\n8|h|2024-01-08\n",
            MediaType.get("text/csv"))).build();
    Request req = new Request.Builder().url(server.url() + "/v1/streaming_load").put(body)
        .header("Authorization", AUTH)
        .header("X-DATABEND-SQL", "insert into t from @_databend_load file_format=(type=csv field_delimiter='|')")
        .build();
    try (Response r = client.newCall(req).execute()) {
      assertThat(r.code()).isEqualTo(200);
      Map<String, Object> j = Json.object(r.body().string());
      assertThat(Json.obj(j.get("stats"))).containsEntry("rows", 2L).containsEntry("bytes", 30L);
    }
    assertThat(table.rows()).containsExactly(Arrays.asList(7L, "g", LocalDate.of(2024, 1, 7)),
        Arrays.asList(8L, "h", LocalDate.of(2024, 1, 8)));
    Request bad = req.newBuilder().header("X-DATABEND-SQL", "insert into missing from @_databend_load "
        + "file_format=(type=csv)").build();
    try (Response r = client.newCall(bad).execute()) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string()).contains("\"code\":1025");
    }
  }
}
