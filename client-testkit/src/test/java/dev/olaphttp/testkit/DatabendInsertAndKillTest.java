package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

/**
 * Databend: an INSERT reports what it wrote in {@code write_progress}, and kill/final are answered at once while a
 * page of the same query is stalled, ending that page. Plain OkHttp client.
 */
class DatabendInsertAndKillTest {
  private static final String AUTH = Credentials.basic("root", "");
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
  private DatabendTestServer server;

  @BeforeEach
  void start() {
    server = new DatabendTestServer();
  }

  @AfterEach
  void stop() {
    server.close();
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private Map<String, Object> query(String json) throws IOException {
    Request req = new Request.Builder().url(server.url() + "/v1/query").header("Authorization", AUTH)
        .post(RequestBody.create(json, MediaType.get("application/json"))).build();
    try (Response r = client.newCall(req).execute()) {
      assertThat(r.code()).isEqualTo(200);
      return Json.object(r.body().string());
    }
  }

  private int send(String method, String uri) throws IOException {
    Request.Builder b = new Request.Builder().url(server.url() + uri).header("Authorization", AUTH);
    b = method.equals("POST") ? b.post(RequestBody.create(new byte[0])) : b.get();
    try (Response r = client.newCall(b.build()).execute()) {
      r.body().string();
      return r.code();
    }
  }

  @Test
  void aStagedInsertReportsTheRowsAndBytesItWroteLikeTheRealServer() throws IOException {
    LoadedTable t = server.table("t", Column.of("a", "UInt64"), Column.of("b", "String"));
    String data = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n{\"a\":3,\"b\":\"z\"}\n";
    RequestBody upload = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("upload", "rows.ndjson", RequestBody.create(data, MediaType.get("application/x-ndjson")))
        .build();
    Request put = new Request.Builder().url(server.url() + "/v1/upload_to_stage").put(upload)
        .header("Authorization", AUTH).header("X-DATABEND-STAGE-NAME", "~")
        .header("X-DATABEND-RELATIVE-PATH", "load").build();
    try (Response r = client.newCall(put).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    Map<String, Object> r = query("{\"sql\":\"INSERT INTO t (a, b) VALUES\",\"stage_attachment\":{\"location\":"
        + "\"@~/load/rows.ndjson\",\"file_format_options\":{\"type\":\"NDJSON\"},\"copy_options\":{\"purge\":\"true\"}}}");
    assertThat(r.get("state")).isEqualTo("Succeeded");
    assertThat(r.get("data")).isEqualTo(java.util.List.of(java.util.List.of("3")));
    Map<String, Object> stats = Json.obj(r.get("stats"));
    assertThat(Json.obj(stats.get("write_progress"))).containsEntry("rows", 3L)
        .containsEntry("bytes", (long) data.length());
    // as the real server's INSERT (transaction_sticky.json step 2): no scan, one result row, affect null
    Map<String, Object> real = Json.obj(Json.transcriptBody("transaction_sticky.json", 2).get("stats"));
    assertThat(stats.keySet()).containsExactlyElementsOf(real.keySet());
    assertThat(stats.get("scan_progress")).isEqualTo(real.get("scan_progress"));
    assertThat(stats.get("total_scan")).isEqualTo(real.get("total_scan"));
    assertThat(stats.get("result_progress")).isEqualTo(real.get("result_progress"));
    assertThat(r.get("affect")).isNull();
    assertThat(t.rowCount()).isEqualTo(3);
    Map<String, Object> state = Json.object(get("/v1/query/" + r.get("id")));
    assertThat(Json.obj(Json.obj(state.get("stats")).get("write_progress"))).containsEntry("rows", 3L);

    Map<String, Object> select = query("{\"sql\":\"SELECT * FROM t\"}");
    assertThat(Json.obj(Json.obj(select.get("stats")).get("write_progress"))).as("a SELECT writes nothing")
        .containsEntry("rows", 0L);
    assertThat(Json.obj(Json.obj(select.get("stats")).get("scan_progress"))).containsEntry("rows", 3L);
  }

  private String get(String uri) throws IOException {
    try (Response r = client.newCall(new Request.Builder().url(server.url() + uri).header("Authorization", AUTH)
        .build()).execute()) {
      return r.body().string();
    }
  }

  @Test
  void killDuringAStalledPageAnswersAtOnceAndEndsThePage() throws Exception {
    assertStalledPageEndedBy("kill");
  }

  @Test
  void finalDuringAStalledPageAnswersAtOnceAndEndsThePage() throws Exception {
    assertStalledPageEndedBy("final");
  }

  private void assertStalledPageEndedBy(String action) throws Exception {
    Map<String, Object> first = query("{\"sql\":\"SELECT number FROM numbers(1000)\","
        + "\"pagination\":{\"max_rows_per_page\":100}}");
    String next = (String) first.get("next_uri");
    assertThat(next).endsWith("/page/1");
    server.fault(r -> r.path().contains("/page/"), Fault.stallAfterBytes(50), 1);
    CompletableFuture<String> stalled = CompletableFuture.supplyAsync(() -> {
      try {
        return get(next);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    awaitRequest(next);
    Thread.sleep(100);
    assertThat(stalled).as("the page is stalled").isNotDone();
    long start = System.nanoTime();
    int status = send("POST", "/v1/query/" + first.get("id") + "/" + action);
    assertThat(status).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as(action + " is not held up by the stalled page")
        .isLessThan(Duration.ofSeconds(2));
    assertThatThrownBy(() -> stalled.get(5, TimeUnit.SECONDS)).as("the stalled page ends (cut), well before "
        + "the 30 s read timeout").isInstanceOf(ExecutionException.class).hasCauseInstanceOf(
            java.io.UncheckedIOException.class);
    Map<String, Object> after = Json.object(get(next));
    assertThat(after.get("error").toString()).contains("is closed for");
  }

  private void awaitRequest(String path) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < end) {
      if (server.requests().stream().anyMatch(r -> r.path().equals(path))) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no request to " + path);
  }
}
