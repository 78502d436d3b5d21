package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

/** An ordinary OkHttp client against the simulators: framing, keep-alive, gzip and cut bodies. */
class OkHttpClientTest {
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();

  @AfterEach
  void shutdown() {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private static RequestBody text(String s) {
    return RequestBody.create(s, MediaType.get("text/plain"));
  }

  @Test
  void clickHouseStreamsGzipTransparentlyOverOneKeptAliveConnection() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer()) {
      for (int i = 0; i < 2; i++) {
        Request req = new Request.Builder().url(server.url() + "/?default_format=TSV")
            .post(text("SELECT number FROM numbers(100000)")).build();
        try (Response r = client.newCall(req).execute()) {
          assertThat(r.code()).isEqualTo(200);
          String body = r.body().string();
          assertThat(body.lines().count()).isEqualTo(100_000);
          assertThat(body).endsWith("99999\n");
        }
      }
      assertThat(server.requests().get(0).header("Accept-Encoding")).isEqualTo("gzip");
      assertThat(server.connectionCount()).isEqualTo(1);
      assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(1);
    }
  }

  @Test
  void truncatedBodiesFailTheRead() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer()) {
      server.fault(Fault.truncateAfterBytes(1000));
      Request req = new Request.Builder().url(server.url()).header("Accept-Encoding", "identity")
          .post(text("SELECT number FROM numbers(100000)")).build();
      try (Response r = client.newCall(req).execute()) {
        assertThat(r.code()).isEqualTo(200);
        assertThatThrownBy(() -> r.body().string()).isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void starRocksNdjsonAndDatabendPagesWithBasicAuth() throws IOException {
    try (StarRocksTestServer sr = new StarRocksTestServer(); DatabendTestServer db = new DatabendTestServer()) {
      Request q = new Request.Builder().url(sr.sqlUrl("default_catalog", "demo"))
          .header("Authorization", Credentials.basic("root", ""))
          .post(RequestBody.create("{\"query\":\"select number from numbers(2)\"}", MediaType.get("application/json")))
          .build();
      try (Response r = client.newCall(q).execute()) {
        assertThat(r.header("Content-Type")).isEqualTo("application/x-ndjson; charset=utf-8");
        assertThat(r.body().string().lines().toList()).hasSize(5);
      }
      Request d = new Request.Builder().url(db.url() + "/v1/query")
          .header("Authorization", Credentials.basic("root", ""))
          .post(RequestBody.create("{\"sql\":\"select number from numbers(25)\",\"pagination\":"
              + "{\"max_rows_per_page\":10}}", MediaType.get("application/json"))).build();
      int rows = 0;
      String next;
      try (Response r = client.newCall(d).execute()) {
        Map<String, Object> body = Json.object(r.body().string());
        rows += Json.list(body.get("data")).size();
        next = (String) body.get("next_uri");
      }
      while (!next.endsWith("/final")) {
        Request page = new Request.Builder().url(db.url() + next)
            .header("Authorization", Credentials.basic("root", "")).build();
        try (Response r = client.newCall(page).execute()) {
          Map<String, Object> body = Json.object(r.body().string());
          rows += Json.list(body.get("data")).size();
          next = (String) body.get("next_uri");
        }
      }
      assertThat(rows).isEqualTo(25);
    }
  }
}
