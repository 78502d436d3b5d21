package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
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

/** StarRocks Transaction Stream Load: begin, several loads, prepare, commit or rollback, labels. */
class StarRocksTransactionLoadTest {
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS)
      .followRedirects(false).build();

  @AfterEach
  void shutdown() {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private Map<String, Object> call(StarRocksTestServer s, String op, String label, String body) throws IOException {
    Request.Builder b = new Request.Builder().url(s.backendUrl() + "/api/transaction/" + op)
        .header("Authorization", Credentials.basic("root", "")).header("label", label).header("db", "db1")
        .header("table", "t").header("column_separator", ",");
    RequestBody rb = RequestBody.create(body, MediaType.get("text/plain"));
    b = op.equals("load") ? b.put(rb) : b.post(rb);
    try (Response r = client.newCall(b.build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
      return Json.object(r.body().string());
    }
  }

  @Test
  void rowsBecomeVisibleOnlyAtCommitAndLabelsStayUsed() throws IOException {
    try (StarRocksTestServer s = new StarRocksTestServer()) {
      LoadedTable t = s.table("db1.t", Column.of("id", "int"), Column.of("v", "varchar(10)"));
      Map<String, Object> begin = call(s, "begin", "tx1", "");
      assertThat(begin).containsEntry("Status", "OK").containsEntry("Label", "tx1").containsKey("TxnId");
      assertThat(call(s, "load", "tx1", "1,a\n2,b\n")).containsEntry("Status", "OK").containsEntry("LoadBytes", 8L);
      assertThat(call(s, "load", "tx1", "3,c\n")).containsEntry("Status", "OK");
      assertThat(t.rowCount()).isZero();
      assertThat(call(s, "prepare", "tx1", "")).containsEntry("Status", "OK").containsEntry("NumberLoadedRows", 3L);
      assertThat(call(s, "load", "tx1", "4,d\n")).containsEntry("Status", "FAILED");
      assertThat(call(s, "commit", "tx1", "")).containsEntry("Status", "OK");
      assertThat(t.rows()).containsExactly(Arrays.asList(1L, "a"), Arrays.asList(2L, "b"), Arrays.asList(3L, "c"));
      assertThat(call(s, "commit", "tx1", "")).containsEntry("Message", "Transaction already commited");
      assertThat(call(s, "begin", "tx1", "")).containsEntry("Status", "LABEL_ALREADY_EXISTS")
          .containsEntry("ExistingJobStatus", "FINISHED");
      assertThat(t.labels()).containsExactly("tx1");
    }
  }

  @Test
  void rollbackAndBadLoadsDiscardEverything() throws IOException {
    try (StarRocksTestServer s = new StarRocksTestServer()) {
      LoadedTable t = s.table("db1.t", Column.of("id", "int"), Column.of("v", "varchar(10)"));
      call(s, "begin", "tx2", "");
      call(s, "load", "tx2", "1,a\n");
      assertThat(call(s, "rollback", "tx2", "")).containsEntry("Status", "OK");
      assertThat(call(s, "commit", "tx2", "")).containsEntry("Status", "TXN_NOT_EXISTS");
      call(s, "begin", "tx3", "");
      Map<String, Object> bad = call(s, "load", "tx3", "x,a\n");
      assertThat(bad).containsEntry("Status", "FAILED");
      assertThat((String) bad.get("Message")).contains("too many filtered rows").contains("rolled back");
      assertThat(call(s, "prepare", "tx3", "")).containsEntry("Status", "TXN_NOT_EXISTS");
      assertThat(t.rowCount()).isZero();
      Request viaFe = new Request.Builder().url(s.url() + "/api/transaction/begin")
          .header("Authorization", Credentials.basic("root", "")).header("label", "tx4").header("db", "db1")
          .header("table", "t").post(RequestBody.create("", null)).build();
      try (Response r = client.newCall(viaFe).execute()) {
        assertThat(r.code()).isEqualTo(307);
        assertThat(r.header("Location")).isEqualTo(s.backendUrl() + "/api/transaction/begin");
      }
    }
  }
}
