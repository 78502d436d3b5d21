package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** StarRocks Stream Load with a plain OkHttp client: Expect/307 on the FE, loads, labels and filtering on the BE. */
class StarRocksStreamLoadTest {
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS)
      .followRedirects(false).build();
  private static final String AUTH = Credentials.basic("root", "");

  @AfterEach
  void shutdown() {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private Response put(String url, String body, String... headers) throws IOException {
    Request.Builder b = new Request.Builder().url(url).put(RequestBody.create(body, MediaType.get("text/plain")));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.newCall(b.build()).execute();
  }

  private static LoadedTable table(StarRocksTestServer s) {
    return s.table("db1.t", Column.of("id", "int(11)"), Column.of("name", "varchar(20)"),
        Column.of("score", "double"));
  }

  @Test
  void frontendRedirectsWithoutReadingTheBodyOnlyWhenExpectIsSent() throws Exception {
    try (StarRocksTestServer s = new StarRocksTestServer()) {
      table(s);
      try (Response r = put(s.streamLoadUrl("db1", "t"), "1\ta\t2\n", "Authorization", AUTH)) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body().string()).contains("\"status\":\"FAILED\"")
            .contains("There is no 100-continue header");
      }
      try (Response r = put(s.streamLoadUrl("db1", "t"), "1\ta\t2\n", "Authorization", AUTH,
          "Expect", "100-continue")) {
        assertThat(r.code()).isEqualTo(307);
        assertThat(r.header("Location")).isEqualTo(s.backendUrl() + "/api/db1/t/_stream_load");
      }
      for (int i = 0; i < 200 && s.openConnectionCount() > 0; i++) {
        Thread.sleep(10);
      }
      assertThat(s.openConnectionCount()).as("the FE connection with the unsent body is closed").isZero();
      assertThat(client.connectionPool().connectionCount()).as("and not pooled by the client").isZero();
      RecordedRequest redirected = s.requests().get(1);
      assertThat(redirected.header("Expect")).isEqualTo("100-continue");
      assertThat(redirected.body()).as("the FE never reads the body").isEmpty();
      try (Response r = put(s.streamLoadUrl("db1", "t"), "x", "Expect", "100-continue")) {
        assertThat(r.code()).isEqualTo(401);
      }
      assertThat(s.loaded("db1.t").rowCount()).isZero();
    }
  }

  @Test
  void backendLoadsCsvAndAnswersInTheRealKeyOrderAndLabelsAreIdempotent() throws IOException {
    try (StarRocksTestServer s = new StarRocksTestServer()) {
      LoadedTable t = table(s);
      String url;
      try (Response r = put(s.streamLoadUrl("db1", "t"), "", "Authorization", AUTH, "Expect", "100-continue")) {
        url = r.header("Location");
      }
      String first;
      try (Response r = put(url, "1,a,1.5\n2,\\N,2\n3,,3", "Authorization", AUTH, "Expect", "100-continue",
          "label", "L1", "column_separator", ",")) {
        first = r.body().string();
      }
      Map<String, Object> j = Json.object(first);
      assertThat(new ArrayList<>(j.keySet())).containsExactly("TxnId", "Label", "Status", "Message",
          "NumberTotalRows", "NumberLoadedRows", "NumberFilteredRows", "NumberUnselectedRows", "LoadBytes",
          "LoadTimeMs", "BeginTxnTimeMs", "StreamLoadPlanTimeMs", "ReadDataTimeMs", "WriteDataTimeMs",
          "CommitAndPublishTimeMs");
      assertThat(first).startsWith("{\n    \"TxnId\": ");
      assertThat(j).containsEntry("Label", "L1").containsEntry("Status", "Success").containsEntry("Message", "OK");
      assertThat(((Number) j.get("NumberLoadedRows")).longValue()).isEqualTo(3);
      assertThat(((Number) j.get("LoadBytes")).longValue()).isEqualTo(19);
      assertThat(t.rows()).containsExactly(Arrays.asList(1L, "a", 1.5), Arrays.asList(2L, null, 2.0),
          Arrays.asList(3L, "", 3.0));
      try (Response r = put(url, "9,z,9\n", "Authorization", AUTH, "label", "L1", "column_separator", ",")) {
        Map<String, Object> again = Json.object(r.body().string());
        assertThat(new ArrayList<>(again.keySet()).subList(0, 5)).containsExactly("TxnId", "Label", "Status",
            "ExistingJobStatus", "Message");
        assertThat(again).containsEntry("Status", "Label Already Exists")
            .containsEntry("ExistingJobStatus", "FINISHED");
      }
      assertThat(t.rowCount()).isEqualTo(3);
      assertThat(t.labels()).containsExactly("L1");
      assertThat(t.loadCount()).isEqualTo(1);
      assertThat(t.attemptCount()).isEqualTo(2);
      try (Response r = client.newCall(new Request.Builder().url(s.url() + "/api/db1/get_load_state?label=L1")
          .header("Authorization", AUTH).build()).execute()) {
        assertThat(r.body().string()).contains("\"state\":\"VISIBLE\"");
      }
      try (Response r = client.newCall(new Request.Builder().url(s.sqlUrl("default_catalog", "db1"))
          .header("Authorization", AUTH).post(RequestBody.create("{\"query\":\"select * from t\"}",
              MediaType.get("application/json"))).build()).execute()) {
        assertThat(r.body().string()).contains("{\"data\":[1,\"a\",1.5]}").contains("{\"data\":[2,null,2]}");
      }
    }
  }

  @Test
  void filteredRowsFailOverTheRatioWithAnErrorUrlAndSucceedUnderIt() throws IOException {
    try (StarRocksTestServer s = new StarRocksTestServer()) {
      LoadedTable t = table(s);
      String url = s.backendUrl() + "/api/db1/t/_stream_load";
      String data = "1\ta\t1\nx\tb\t2\n3\tc\n4\td\t4\n";
      Map<String, Object> fail;
      try (Response r = put(url, data, "Authorization", AUTH, "label", "F1")) {
        fail = Json.object(r.body().string());
      }
      assertThat(fail).containsEntry("Status", "Fail").containsEntry("Message", "too many filtered rows");
      assertThat(((Number) fail.get("NumberFilteredRows")).longValue()).isEqualTo(2);
      assertThat(new ArrayList<>(fail.keySet())).endsWith("ErrorURL");
      assertThat(t.rowCount()).isZero();
      try (Response r = client.newCall(new Request.Builder().url((String) fail.get("ErrorURL")).build()).execute()) {
        String log = r.body().string();
        assertThat(log.lines()).hasSize(2);
        assertThat(log).contains("Row: x,b,2").contains("Expect 3, but got 2. Row: 3,c");
      }
      try (Response r = put(url, data, "Authorization", AUTH, "label", "F1", "max_filter_ratio", "0.5")) {
        Map<String, Object> ok = Json.object(r.body().string());
        assertThat(ok).containsEntry("Status", "Success").containsKey("ErrorURL");
        assertThat(((Number) ok.get("NumberLoadedRows")).longValue()).isEqualTo(2);
      }
      assertThat(t.rows()).containsExactly(Arrays.asList(1L, "a", 1.0), Arrays.asList(4L, "d", 4.0));
    }
  }

  @Test
  void gzipBodyCustomDelimitersAndSkipHeader() throws IOException {
    try (StarRocksTestServer s = new StarRocksTestServer()) {
      LoadedTable t = table(s);
      java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
        z.write("id|name|score\u00021|a|1\u00022|b|2\u0002".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      Request req = new Request.Builder().url(s.backendUrl() + "/api/db1/t/_stream_load")
          .put(RequestBody.create(gz.toByteArray(), MediaType.get("application/octet-stream")))
          .header("Authorization", AUTH).header("compression", "gzip").header("column_separator", "|")
          .header("row_delimiter", "\\x02").header("skip_header", "1").build();
      try (Response r = client.newCall(req).execute()) {
        Map<String, Object> j = Json.object(r.body().string());
        assertThat(j).containsEntry("Status", "Success").containsEntry("NumberTotalRows", 2L)
            .containsEntry("LoadBytes", (long) gz.size());
      }
      assertThat(t.rows()).containsExactly(Arrays.asList(1L, "a", 1.0), Arrays.asList(2L, "b", 2.0));
    }
  }

  @Test
  void jsonWithStripOuterArrayAndColumnsAndBackendAuth() throws IOException {
    try (StarRocksTestServer s = new StarRocksTestServer()) {
      LoadedTable t = table(s);
      s.addUser("loader", "pw");
      String url = s.backendUrl() + "/api/db1/t/_stream_load";
      try (Response r = put(url, "[{\"name\":\"n1\",\"id\":5,\"junk\":{}},{\"id\":\"6\",\"score\":0.5}]",
          "Authorization", Credentials.basic("loader", "pw"), "format", "json", "strip_outer_array", "true",
          "columns", "id,name,score")) {
        assertThat(Json.object(r.body().string())).containsEntry("Status", "Success");
      }
      assertThat(t.rows()).containsExactly(Arrays.asList(5L, "n1", null), Arrays.asList(6L, null, 0.5));
      try (Response r = put(url, "{\"id\":\"bad\",\"name\":\"q\"}\n{\"id\":7,\"name\":\"r\"}\n", "Authorization", AUTH,
          "format", "json", "max_filter_ratio", "0.5")) {
        Map<String, Object> j = Json.object(r.body().string());
        assertThat(j).containsEntry("Status", "Success").containsEntry("NumberFilteredRows", 1L)
            .containsEntry("NumberLoadedRows", 1L);
      }
      try (Response r = put(url, "{\"id\":1", "Authorization", AUTH, "format", "json")) {
        Map<String, Object> j = Json.object(r.body().string());
        assertThat(j).containsEntry("Status", "Fail");
        assertThat((String) j.get("Message")).startsWith("Failed to parse json");
      }
      try (Response r = put(url, "1\ta\t1\n", "Authorization", Credentials.basic("loader", "bad"))) {
        Map<String, Object> j = Json.object(r.body().string());
        assertThat(j).containsEntry("Status", "Fail").containsEntry("Message", "Access denied for loader@127.0.0.1");
      }
      try (Response r = put(url, "1\ta\t1\n", "Authorization", AUTH, "where", "id > 0")) {
        Map<String, Object> j = Json.object(r.body().string());
        assertThat(j).containsEntry("Status", "Fail")
            .containsEntry("Message", "the where header is not simulated by the testkit");
      }
      try (Response r = put(s.backendUrl() + "/api/db1/nope/_stream_load", "1\n", "Authorization", AUTH)) {
        assertThat(Json.object(r.body().string())).containsEntry("Status", "Fail");
      }
      assertThat(t.rowCount()).isEqualTo(3);
      List<RecordedRequest> reqs = s.requests();
      assertThat(reqs).hasSize(6);
    }
  }
}
