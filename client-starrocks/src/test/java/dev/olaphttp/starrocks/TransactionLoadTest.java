package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.LoadSupport.AUTH;
import static dev.olaphttp.starrocks.LoadSupport.beJson;
import static dev.olaphttp.starrocks.LoadSupport.desc;
import static dev.olaphttp.starrocks.LoadSupport.redirectTo;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InsertResult;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SqlClient;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transaction Stream Load: begin through the FE, then load, prepare and commit on the same backend. */
class TransactionLoadTest {
    @StartStop
    final MockWebServer fe = new MockWebServer();

    @StartStop
    final MockWebServer be = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    private InsertResult load() {
        try (SqlClient c = TestSupport.client(fe, ok)) {
            return c.insert("demo.t").label("streamload_txn_example1_table1")
                    .option(StarRocks.TRANSACTION, "true")
                    .option("max_filter_ratio", "0.2")
                    .option("timeout", "60")
                    .rows(List.<Object[]>of(new Object[] {1, "a"}, new Object[] {2, "b"}));
        }
    }

    @Test
    void beginLoadPrepareCommitGoToOneCoordinator() throws Exception {
        fe.enqueue(desc("id", "int(11)", "name", "varchar(10)"));
        fe.enqueue(redirectTo(be, "/api/transaction/begin"));
        be.enqueue(beJson(fixture("real/stream_load/txn_begin_ok.json")));
        be.enqueue(beJson("{\"TxnId\":9032,\"Label\":\"streamload_txn_example1_table1\",\"Status\":\"OK\","
                + "\"Message\":\"\",\"LoadBytes\":28,\"StreamLoadPlanTimeMs\":1,\"ReceivedDataTimeMs\":0}"));
        be.enqueue(beJson("{\"TxnId\":9032,\"Label\":\"streamload_txn_example1_table1\",\"Status\":\"OK\","
                + "\"Message\":\"\",\"NumberTotalRows\":2,\"NumberLoadedRows\":2,\"NumberFilteredRows\":0}"));
        be.enqueue(beJson("{\"TxnId\":9032,\"Label\":\"streamload_txn_example1_table1\",\"Status\":\"OK\","
                + "\"Message\":\"Transaction already commited\"}"));
        InsertResult r = load();
        take(fe);
        RecordedRequest beginAtFe = take(fe);
        assertThat(beginAtFe.getMethod()).isEqualTo("POST");
        assertThat(beginAtFe.getUrl().encodedPath()).isEqualTo("/api/transaction/begin");
        RecordedRequest begin = take(be);
        RecordedRequest data = take(be);
        RecordedRequest prepare = take(be);
        RecordedRequest commit = take(be);
        assertThat(begin.getUrl().encodedPath()).isEqualTo("/api/transaction/begin");
        assertThat(begin.getHeaders().get("label")).isEqualTo("streamload_txn_example1_table1");
        assertThat(begin.getHeaders().get("db")).isEqualTo("demo");
        assertThat(begin.getHeaders().get("table")).isEqualTo("t");
        assertThat(begin.getHeaders().get("timeout")).isEqualTo("60");
        assertThat(begin.getHeaders().get("Authorization")).isEqualTo(AUTH);
        assertThat(data.getMethod()).isEqualTo("PUT");
        assertThat(data.getUrl().encodedPath()).isEqualTo("/api/transaction/load");
        assertThat(data.getHeaders().get("Expect")).isEqualTo("100-continue");
        assertThat(data.getHeaders().get("format")).isEqualTo("json");
        assertThat(data.getHeaders().get("max_filter_ratio")).isEqualTo("0.2");
        assertThat(data.getHeaders().get("table")).isEqualTo("t");
        assertThat(data.getHeaders().get("timeout")).isNull();
        assertThat(data.getBody().utf8()).isEqualTo("{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n");
        assertThat(prepare.getMethod()).isEqualTo("POST");
        assertThat(prepare.getUrl().encodedPath()).isEqualTo("/api/transaction/prepare");
        assertThat(prepare.getHeaders().get("db")).isEqualTo("demo");
        assertThat(commit.getUrl().encodedPath()).isEqualTo("/api/transaction/commit");
        assertThat(commit.getHeaders().get("label")).isEqualTo("streamload_txn_example1_table1");
        assertThat(commit.getHeaders().get("Authorization")).isEqualTo(AUTH);
        assertThat(fe.getRequestCount()).isEqualTo(2);
        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(r.bytesWritten()).isEqualTo(28);
        assertThat(r.queryId()).isEqualTo("9032");
        assertThat(r.label()).isEqualTo("streamload_txn_example1_table1");
        assertThat(r.serverInfo()).containsEntry(StarRocks.OUTCOME, StarRocks.VISIBLE)
                .containsEntry("Message", "Transaction already commited");
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void aFailedPrepareIsRolledBack() throws Exception {
        fe.enqueue(desc("id", "int(11)", "name", "varchar(10)"));
        fe.enqueue(redirectTo(be, "/api/transaction/begin"));
        be.enqueue(beJson(fixture("real/stream_load/txn_begin_ok.json")));
        be.enqueue(beJson("{\"TxnId\":9032,\"Status\":\"OK\",\"Message\":\"\",\"LoadBytes\":28}"));
        be.enqueue(beJson("{\"TxnId\":9032,\"Status\":\"FAILED\",\"Message\":\"too many filtered rows\"}"));
        be.enqueue(beJson("{\"TxnId\":9032,\"Status\":\"OK\",\"Message\":\"\"}"));
        assertThatThrownBy(this::load).isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("prepare failed under label streamload_txn_example1_table1")
                .hasMessageContaining("too many filtered rows");
        take(be);
        take(be);
        take(be);
        RecordedRequest rollback = take(be);
        assertThat(rollback.getUrl().encodedPath()).isEqualTo("/api/transaction/rollback");
        assertThat(rollback.getHeaders().get("label")).isEqualTo("streamload_txn_example1_table1");
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void aLoadNotFoundIsReportedAndRolledBack() throws Exception {
        fe.enqueue(desc("id", "int(11)", "name", "varchar(10)"));
        fe.enqueue(redirectTo(be, "/api/transaction/begin"));
        be.enqueue(beJson(fixture("real/stream_load/txn_begin_ok.json")));
        be.enqueue(beJson(fixture("real/stream_load/txn_load_txn_not_exists.json")));
        be.enqueue(beJson("{\"Status\":\"OK\",\"Message\":\"\"}"));
        assertThatThrownBy(this::load).isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("load failed").hasMessageContaining("TXN_NOT_EXISTS");
        assertThat(be.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aBeginUnderARunningLabelIsAnError() {
        fe.enqueue(desc("id", "int(11)", "name", "varchar(10)"));
        fe.enqueue(redirectTo(be, "/api/transaction/begin"));
        be.enqueue(beJson(fixture("real/stream_load/txn_begin_label_exists.json")));
        assertThatThrownBy(this::load).isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("already exists and is RUNNING");
        assertThat(be.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aFailedBeginIsNotRolledBack() {
        fe.enqueue(desc("id", "int(11)", "name", "varchar(10)"));
        fe.enqueue(redirectTo(be, "/api/transaction/begin"));
        be.enqueue(beJson(fixture("real/stream_load/txn_begin_failed.json")));
        assertThatThrownBy(this::load).isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("begin failed").hasMessageContaining("FAILED");
        assertThat(be.getRequestCount()).isEqualTo(1);
    }
}
