package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.LoadSupport.AUTH;
import static dev.olaphttp.starrocks.LoadSupport.beJson;
import static dev.olaphttp.starrocks.LoadSupport.desc;
import static dev.olaphttp.starrocks.LoadSupport.redirectTo;
import static dev.olaphttp.starrocks.LoadSupport.result;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SqlClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream Load through a mock FE (307) and a mock BE: the exact requests and every response status. */
class StreamLoadTest {
    @StartStop
    final MockWebServer fe = new MockWebServer();

    @StartStop
    final MockWebServer be = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    private static final String PATH = "/api/demo/t_types/_stream_load";

    @Test
    void rowsGoToTheBackendAfterThe307WithAuthorizationAndEveryHeader() throws Exception {
        fe.enqueue(desc("id", "bigint(20)", "name", "varchar(65533)"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(fixture("transcripts/stream_load_be_success.body.json")));
        InsertResult r;
        try (SqlClient c = TestSupport.client(fe, ok)) {
            r = c.insert("demo.t_types")
                    .columns("id", "name")
                    .label("etl-20240229-0001")
                    .option("max_filter_ratio", "0.1")
                    .option("strict_mode", "true")
                    .timeout(Duration.ofSeconds(120))
                    .rows(List.of(new Object[] {1L, "a"}, new Object[] {2, "b"}));
        }
        RecordedRequest descReq = take(fe);
        assertThat(descReq.getBody().utf8()).isEqualTo("{\"query\":\"DESC `demo`.`t_types`\"}");
        RecordedRequest atFe = take(fe);
        assertThat(atFe.getMethod()).isEqualTo("PUT");
        assertThat(atFe.getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(atFe.getHeaders().get("Expect")).isEqualTo("100-continue");
        assertThat(atFe.getHeaders().get("Connection")).isEqualTo("close");
        assertThat(atFe.getHeaders().get("Authorization")).isEqualTo(AUTH);
        assertThat(atFe.getBodySize()).isZero(); // the 307 came instead of 100 Continue: no data to the FE
        RecordedRequest atBe = take(be);
        assertThat(atBe.getMethod()).isEqualTo("PUT");
        assertThat(atBe.getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(atBe.getHeaders().get("Authorization")).isEqualTo(AUTH);
        assertThat(atBe.getHeaders().get("Expect")).isEqualTo("100-continue");
        assertThat(atBe.getHeaders().get("label")).isEqualTo("etl-20240229-0001");
        assertThat(atBe.getHeaders().get("format")).isEqualTo("json");
        assertThat(atBe.getHeaders().get("columns")).isEqualTo("id,name");
        assertThat(atBe.getHeaders().get("max_filter_ratio")).isEqualTo("0.1");
        assertThat(atBe.getHeaders().get("strict_mode")).isEqualTo("true");
        assertThat(Long.parseLong(atBe.getHeaders().get("timeout"))).isBetween(110L, 120L);
        assertThat(atBe.getBody().utf8()).isEqualTo("{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n");
        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(r.bytesWritten()).isEqualTo(24);
        assertThat(r.queryId()).isEqualTo("1003");
        assertThat(r.label()).isEqualTo("etl-20240229-0001");
        assertThat(r.serverInfo()).containsEntry("Status", "Success").containsEntry("LoadTimeMs", "61")
                .containsEntry(StarRocks.OUTCOME, StarRocks.VISIBLE).containsEntry("rowsSent", "2");
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void aGeneratedLabelIsSentWhenNoneIsGiven() throws Exception {
        fe.enqueue(desc("id", "int(11)"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            c.insert("demo.t_types").rows(Stream.of(new Object[] {1}, new Object[] {null}));
        }
        take(fe);
        String feLabel = take(fe).getHeaders().get("label");
        RecordedRequest atBe = take(be);
        assertThat(feLabel).matches("olaphttp_[0-9a-f_]{36}");
        assertThat(atBe.getHeaders().get("label")).isEqualTo(feLabel);
        assertThat(atBe.getHeaders().get("columns")).isNull(); // all columns, in table order
        assertThat(atBe.getBody().utf8()).isEqualTo("{\"id\":1}\n{\"id\":null}\n");
    }

    record Order(long id, String customerName, java.math.BigDecimal amount) {}

    @Test
    void recordsFillTheTablesColumnsByName() throws Exception {
        fe.enqueue(desc("id", "bigint(20)", "customer_name", "varchar(20)", "amount", "decimal(10,2)"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            c.insert("demo.t_types").records(List.of(new Order(1, "ada", new java.math.BigDecimal("9.5")),
                    new Order(2, null, java.math.BigDecimal.TEN)), Order.class);
        }
        take(fe);
        take(fe);
        RecordedRequest atBe = take(be);
        assertThat(atBe.getHeaders().get("columns")).isEqualTo("id,customer_name,amount");
        assertThat(atBe.getBody().utf8()).isEqualTo(
                "{\"id\":1,\"customer_name\":\"ada\",\"amount\":\"9.5\"}\n"
                        + "{\"id\":2,\"customer_name\":null,\"amount\":\"10\"}\n");
    }

    @Test
    void noRowsLoadNothingAndSendNothing() {
        InsertResult r;
        try (SqlClient c = TestSupport.client(fe, ok)) {
            r = c.insert("demo.t_types").label("empty").rows(List.of());
        }
        assertThat(r.rowsWritten()).isZero();
        assertThat(r.label()).isEqualTo("empty");
        assertThat(fe.getRequestCount()).isZero();
    }

    @Test
    void publishTimeoutIsCommitted() throws Exception {
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Publish Timeout", "")));
        InsertResult r = loadCsv();
        assertThat(r.serverInfo()).containsEntry("Status", "Publish Timeout")
                .containsEntry(StarRocks.OUTCOME, StarRocks.COMMITTED);
        assertThat(r.rowsWritten()).isEqualTo(2);
    }

    @Test
    void labelAlreadyExistsWithAFinishedJobIsSuccess() throws Exception {
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(fixture("transcripts/stream_load_label_exists.body.json")));
        InsertResult r = loadCsv();
        assertThat(r.serverInfo()).containsEntry(StarRocks.OUTCOME, StarRocks.ALREADY_LOADED)
                .containsEntry("ExistingJobStatus", "FINISHED").containsEntry("bytesSent", "8");
        assertThat(r.rowsWritten()).isEqualTo(-1); // this attempt loaded nothing; the earlier one's count is unknown
        assertThat(r.label()).isEqualTo("etl-20240229-0001");
        assertThat(r.queryId()).isNull();
    }

    private static MockResponse loadState(String state) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"status\":\"OK\",\"code\":\"0\",\"msg\":\"Success\",\"message\":\"OK\",\"state\":\""
                        + state + "\",\"reason\":\"" + (state.equals("ABORTED") ? "user cancelled" : "") + "\"}")
                .build();
    }

    @Test
    void aRunningJobUnderTheLabelIsAwaitedUntilVisible() throws Exception {
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(fixture("transcripts/stream_load_label_exists.body.json").replace("FINISHED", "RUNNING")));
        fe.enqueue(loadState("PREPARED"));
        fe.enqueue(loadState("VISIBLE"));
        InsertResult r = loadCsv();
        assertThat(r.serverInfo()).containsEntry(StarRocks.OUTCOME, StarRocks.ALREADY_LOADED)
                .containsEntry("ExistingJobStatus", "VISIBLE");
        take(fe);
        RecordedRequest poll = take(fe);
        assertThat(poll.getMethod()).isEqualTo("GET");
        assertThat(poll.getUrl().encodedPath()).isEqualTo("/api/demo/get_load_state");
        assertThat(poll.getUrl().queryParameter("label")).isEqualTo("L-csv");
        assertThat(poll.getHeaders().get("Authorization")).isEqualTo(LoadSupport.AUTH);
        assertThat(fe.getRequestCount()).isEqualTo(3);
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void aRunningJobThatAbortsIsAnError() {
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(fixture("transcripts/stream_load_label_exists.body.json").replace("FINISHED", "RUNNING")));
        fe.enqueue(loadState("ABORTED"));
        assertThatThrownBy(this::loadCsv)
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("earlier load under label L-csv was aborted (user cancelled)")
                .hasMessageContaining("load the data again");
    }

    @Test
    void aJobStillRunningAtTheDeadlineIsAnErrorThatSaysTheOutcomeIsUnknown() {
        fe.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse peek() {
                return new MockResponse.Builder().doNotReadRequestBody().build();
            }

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getMethod().equals("PUT") ? redirectTo(be, PATH) : loadState("PREPARED");
            }
        });
        be.enqueue(beJson(fixture("transcripts/stream_load_label_exists.body.json").replace("FINISHED", "RUNNING")));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            assertThatThrownBy(() -> c.insert("demo.t_types").label("L-csv").timeout(Duration.ofMillis(1500))
                    .from(new ByteArrayInputStream("1,a\n".getBytes(StandardCharsets.UTF_8)), DataFormat.CSV))
                    .isInstanceOf(QueryFailedException.class)
                    .hasMessageContaining("label L-csv already exists and is RUNNING, then PREPARED")
                    .hasMessageContaining("outcome is not known yet");
        }
        assertThat(fe.getRequestCount()).isBetween(3, 8);
    }

    @Test
    void failCarriesTheRejectedRowsFromErrorUrlFetchedWithoutCredentials() throws Exception {
        String errorUrl = "http://" + be.getHostName() + ":" + be.getPort() + "/api/_load_error_log?file=e1";
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(fixture("transcripts/stream_load_fail_filtered.body.json")
                .replace("http://10.0.0.12:8040/api/_load_error_log?file=error_log_9c4e1b2a3d5f6071_8a9b0c1d2e3f4051",
                        errorUrl)));
        be.enqueue(new MockResponse.Builder().code(200).body(
                "Error: Value count does not match column count. Expect 2, but got 3. Row: 2,b,extra\n").build());
        assertThatThrownBy(this::loadCsv)
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("too many filtered rows")
                .hasMessageContaining("1 of 2 rows rejected")
                .hasMessageContaining("first rejected rows:\nError: Value count does not match column count")
                .hasMessageContaining("Row: 2,b,extra");
        take(fe);
        take(be);
        RecordedRequest log = take(be);
        assertThat(log.getMethod()).isEqualTo("GET");
        assertThat(log.getUrl().encodedPath()).isEqualTo("/api/_load_error_log");
        assertThat(log.getUrl().queryParameter("file")).isEqualTo("e1");
        assertThat(log.getHeaders().get("Authorization")).isNull();
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void anUnreadableErrorLogDoesNotHideTheFailure() throws Exception {
        String errorUrl = "http://" + be.getHostName() + ":" + be.getPort() + "/api/_load_error_log?file=e1";
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(fixture("transcripts/stream_load_fail_filtered.body.json")
                .replaceAll("http://10\\.0\\.0\\.12[^\"]*", errorUrl)));
        be.enqueue(new MockResponse.Builder().code(500).body("<html>oops</html>").build());
        assertThatThrownBy(this::loadCsv)
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("too many filtered rows")
                .hasMessageContaining("rejected rows could not be read from ErrorURL");
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void otherStatusesAndTheFeEnvelopeAreQueryFailures() {
        fe.enqueue(new MockResponse.Builder().code(200).doNotReadRequestBody().body("{\"status\":\"FAILED\","
                + "\"code\":\"1\",\"msg\":\"class com.starrocks.common.DdlException: There is no 100-continue"
                + " header\",\"message\":\"x\"}").build());
        assertThatThrownBy(this::loadCsv).isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("There is no 100-continue header");
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson("{\"Status\":\"Cancelled\",\"Message\":\"user cancel\"}"));
        assertThatThrownBy(this::loadCsv).isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("ended with status Cancelled: user cancel");
    }

    @Test
    void csvFileAndNdjsonStreamArePassedThrough(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, "1,a\n2,b\n");
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            c.insert("demo.t_types").columns("id", "name").from(file, DataFormat.CSV);
            c.insert("demo.t_types").from(new ByteArrayInputStream(
                    "{\"id\":1}\n{\"id\":2}\n".getBytes(StandardCharsets.UTF_8)), DataFormat.NDJSON);
        }
        assertThat(take(fe).getBodySize()).isZero();
        RecordedRequest csv = take(be);
        assertThat(csv.getHeaders().get("format")).isEqualTo("csv");
        assertThat(csv.getHeaders().get("column_separator")).isEqualTo(",");
        assertThat(csv.getHeaders().get("columns")).isEqualTo("id,name");
        assertThat(csv.getHeaders().get("Content-Length")).isEqualTo("8");
        assertThat(csv.getBody().utf8()).isEqualTo("1,a\n2,b\n");
        take(fe);
        RecordedRequest json = take(be);
        assertThat(json.getHeaders().get("format")).isEqualTo("json");
        assertThat(json.getHeaders().get("column_separator")).isNull();
        assertThat(json.getBody().utf8()).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
    }

    @Test
    void tsvIsCsvWithTheDefaultTabSeparator() throws Exception {
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            c.insert("demo.t_types").option("row_delimiter", "\\x02").from(
                    new ByteArrayInputStream("1\ta\u0002".getBytes(StandardCharsets.UTF_8)), DataFormat.TSV);
        }
        take(fe);
        RecordedRequest r = take(be);
        assertThat(r.getHeaders().get("format")).isEqualTo("csv");
        assertThat(r.getHeaders().get("column_separator")).isNull();
        assertThat(r.getHeaders().get("row_delimiter")).isEqualTo("\\x02");
    }

    private InsertResult loadCsv() {
        try (SqlClient c = TestSupport.client(fe, ok)) {
            return c.insert("demo.t_types").label("L-csv").from(new ByteArrayInputStream(
                    "1,a\n2,b\n".getBytes(StandardCharsets.UTF_8)), DataFormat.CSV);
        }
    }
}
