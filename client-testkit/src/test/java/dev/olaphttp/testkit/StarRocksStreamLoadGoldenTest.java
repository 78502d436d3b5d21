package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's Stream Load answers against the reconstructed transcripts: key order, layout, fixed values. */
class StarRocksStreamLoadGoldenTest {
  private static String fixture(String name) throws IOException {
    try (InputStream in = StarRocksStreamLoadGoldenTest.class.getResourceAsStream(
        "/fixtures/starrocks/stream_load/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void sameShape(String actual, String golden, String... fixedKeys) {
    Map<String, Object> a = Json.object(actual);
    Map<String, Object> g = Json.object(golden);
    assertThat(new ArrayList<>(a.keySet())).containsExactlyElementsOf(g.keySet());
    for (String k : g.keySet()) {
      assertThat(a.get(k) == null ? null : a.get(k).getClass()).as(k)
          .isEqualTo(g.get(k) == null ? null : g.get(k).getClass());
    }
    for (String k : fixedKeys) {
      assertThat(a.get(k)).as(k).isEqualTo(g.get(k));
    }
    assertThat(actual.lines().toList()).hasSameSizeAs(golden.strip().lines().toList());
    assertThat(actual).startsWith("{\n    \"TxnId\": ").endsWith("\n}");
  }

  @Test
  void answersHaveTheShapeOfTheTranscripts() throws IOException {
    try (StarRocksTestServer s = new StarRocksTestServer(); RawHttp fe = new RawHttp(s.port());
        RawHttp be = new RawHttp(s.backendPort())) {
      s.table("demo.t_types", Column.of("id", "int"), Column.of("v", "varchar(8)"));
      String auth = RawHttp.basic("root", "");
      fe.send("PUT", "/api/demo/t_types/_stream_load", null, "Authorization", auth, "Expect", "100-continue",
          "label", "etl-1", "Content-Length", "8");
      RawHttp.Response redirect = fe.read();
      assertThat(redirect.status).isEqualTo(307);
      assertThat(redirect.headerNames()).containsExactly("location", "content-length", "content-type",
          "connection");
      assertThat(redirect.header("location")).isEqualTo(s.backendUrl() + "/api/demo/t_types/_stream_load");
      assertThat(fixture("stream_load_fe_redirect.json")).contains("\"status\": 307");

      RawHttp.Response ok = be.exchange("PUT", "/api/demo/t_types/_stream_load", "1,a\n2,b\n",
          "Authorization", auth, "label", "etl-1", "column_separator", ",");
      assertThat(ok.header("Content-Type")).isEqualTo("application/json");
      sameShape(ok.text(), fixture("stream_load_be_success.body.json"), "Status", "Message", "NumberTotalRows",
          "NumberLoadedRows", "NumberFilteredRows");
      sameShape(be.exchange("PUT", "/api/demo/t_types/_stream_load", "1,a\n", "Authorization", auth,
          "label", "etl-1", "column_separator", ",").text(), fixture("stream_load_label_exists.body.json"),
          "TxnId", "Status", "ExistingJobStatus", "NumberTotalRows", "LoadBytes");
      assertThat(Json.object(be.exchange("PUT", "/api/demo/t_types/_stream_load", "1,a\n", "Authorization", auth,
          "label", "etl-1").text()).get("Message")).isEqualTo("Label [etl-1] has already been used.");
      sameShape(be.exchange("PUT", "/api/demo/t_types/_stream_load", "1,a\nx,b\n", "Authorization", auth,
          "label", "etl-2", "column_separator", ",").text(), fixture("stream_load_fail_filtered.body.json"),
          "Status", "Message", "NumberTotalRows", "NumberLoadedRows", "NumberFilteredRows");
    }
  }
}
