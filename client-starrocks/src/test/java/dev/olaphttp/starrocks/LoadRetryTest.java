package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.LoadSupport.beJson;
import static dev.olaphttp.starrocks.LoadSupport.desc;
import static dev.olaphttp.starrocks.LoadSupport.redirectTo;
import static dev.olaphttp.starrocks.LoadSupport.result;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.SqlClient;
import dev.olaphttp.TransportException;
import dev.olaphttp.UnsupportedStatementException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries keep the label (a retry never loads twice); failures are typed and leave the pool clean. */
class LoadRetryTest {
    @StartStop
    final MockWebServer fe = new MockWebServer();

    @StartStop
    final MockWebServer be = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();
    private static final String PATH = "/api/demo/t/_stream_load";

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    private SqlClient retryingClient() {
        return TestSupport.builder(fe, ok)
                .resilience(ResiliencePolicy.builder().maxAttempts(3)
                        .backoff(Duration.ofMillis(5), 1.0, Duration.ofMillis(5)).build())
                .build();
    }

    @Test
    void aBusyFeIsRetriedWithTheSameLabelBeforeAnyRowIsRead() throws Exception {
        fe.enqueue(desc("id", "int(11)"));
        fe.enqueue(new MockResponse.Builder().code(503).doNotReadRequestBody().body("busy").build());
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = retryingClient()) {
            c.insert("demo.t").rows(List.<Object[]>of(new Object[] {1}, new Object[] {2}));
        }
        take(fe);
        String first = take(fe).getHeaders().get("label");
        String second = take(fe).getHeaders().get("label");
        RecordedRequest atBe = take(be);
        assertThat(second).isEqualTo(first);
        assertThat(atBe.getHeaders().get("label")).isEqualTo(first);
        assertThat(atBe.getBody().utf8()).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void aFileLoadWhoseOutcomeIsUnknownIsSentAgainUnderTheSameLabel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "1,a\n2,b\n");
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(new MockResponse.Builder().add100Continue()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        be.enqueue(beJson(fixture("transcripts/stream_load_label_exists.body.json")));
        InsertResult r;
        try (SqlClient c = retryingClient()) {
            r = c.insert("demo.t").label("etl-20240229-0001").from(file, DataFormat.CSV);
        }
        RecordedRequest first = take(be);
        RecordedRequest second = take(be);
        assertThat(first.getHeaders().get("label")).isEqualTo("etl-20240229-0001");
        assertThat(second.getHeaders().get("label")).isEqualTo("etl-20240229-0001");
        assertThat(first.getBody().utf8()).isEqualTo("1,a\n2,b\n");
        assertThat(second.getBody().utf8()).isEqualTo("1,a\n2,b\n");
        assertThat(second.getHeaders().get("Authorization")).isEqualTo(LoadSupport.AUTH);
        assertThat(fe.getRequestCount()).isEqualTo(1);
        assertThat(r.serverInfo()).containsEntry(StarRocks.OUTCOME, StarRocks.ALREADY_LOADED);
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void rowsAlreadySentAreNotRetriedAndTheErrorNamesTheLabel() throws Exception {
        fe.enqueue(desc("id", "int(11)"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(new MockResponse.Builder().add100Continue()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (SqlClient c = retryingClient()) {
            assertThatThrownBy(() -> c.insert("demo.t").label("L9").rows(List.<Object[]>of(new Object[] {1})))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("outcome is unknown")
                    .hasMessageContaining("under label L9");
        }
        assertThat(be.getRequestCount()).isEqualTo(1);
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void aBackendThatNeverAnswersTimesOutNamingTheLabelAndFreesTheConnection() throws Exception {
        fe.enqueue(desc("id", "int(11)"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(new MockResponse.Builder().add100Continue().body(result("Success", ""))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        try (SqlClient c = retryingClient()) {
            assertThatThrownBy(() -> c.insert("demo.t").label("L7").timeout(Duration.ofMillis(1500))
                    .rows(List.<Object[]>of(new Object[] {1})))
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("under label L7")
                    .hasMessageNotContaining("] ;")
                    .message().matches("[^\\[]*\\[[^\\[]*"); // the details suffix once
        }
        assertThat(take(be).getBody().utf8()).isEqualTo("{\"id\":1}\n");
        assertThat(be.getRequestCount()).isEqualTo(1);
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void authenticationProxyPagesAndBadRedirectsAreTyped() throws Exception {
        fe.enqueue(new MockResponse.Builder().code(401).doNotReadRequestBody()
                .body("{\"status\":\"FAILED\",\"code\":\"1\",\"msg\":\"Access denied for user root\"}").build());
        fe.enqueue(new MockResponse.Builder().code(200).doNotReadRequestBody()
                .setHeader("Content-Type", "text/html").body("<html><body>proxy says hi</body></html>").build());
        fe.enqueue(new MockResponse.Builder().code(307).doNotReadRequestBody().build());
        try (SqlClient c = TestSupport.client(fe, ok)) {
            assertThatThrownBy(() -> csv(c)).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Access denied");
            assertThatThrownBy(() -> csv(c)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("HTTP 200").hasMessageContaining("proxy says hi");
            assertThatThrownBy(() -> csv(c)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("without a Location");
        }
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void aFeThatReadTheRowsBeforeRedirectingFailsInsteadOfSendingPartOfThem() throws Exception {
        fe.enqueue(desc("id", "int(11)"));
        fe.enqueue(new MockResponse.Builder().add100Continue().code(307)
                .setHeader("Location", "http://" + be.getHostName() + ":" + be.getPort() + PATH).build());
        try (SqlClient c = TestSupport.client(fe, ok)) {
            assertThatThrownBy(() -> c.insert("demo.t").rows(List.<Object[]>of(new Object[] {1})))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("read the data and then redirected");
        }
        assertThat(be.getRequestCount()).isZero();
    }

    @Test
    void parquetUnknownOptionsAndSettingsFailBeforeSending() {
        try (SqlClient c = TestSupport.client(fe, ok)) {
            assertThatThrownBy(() -> c.insert("demo.t").from(new ByteArrayInputStream(new byte[4]),
                    DataFormat.PARQUET))
                    .isInstanceOf(UnsupportedStatementException.class)
                    .hasMessageContaining("Parquet is not a Stream Load format")
                    .hasMessageContaining("CSV (and TSV) and JSON (NDJSON)");
            assertThatThrownBy(() -> c.insert("demo.t").option("max_filter_ratoi", "1").rows(List.of()))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class)
                    .hasMessageContaining("unknown StarRocks load option 'max_filter_ratoi'");
            assertThatThrownBy(() -> c.insert("demo.t").setting("query_timeout", "1").rows(List.of()))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class)
                    .hasMessageContaining("no server settings");
            assertThatThrownBy(() -> c.insert("t").rows(List.of()))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class)
                    .hasMessageContaining("has no database");
            assertThatThrownBy(() -> c.insert("hive.db.t").rows(List.of()))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class)
                    .hasMessageContaining("only loads tables of default_catalog");
        }
        assertThat(fe.getRequestCount()).isZero();
    }

    private static InsertResult csv(SqlClient c) {
        return c.insert("demo.t").from(new ByteArrayInputStream("1\n".getBytes()), DataFormat.CSV);
    }
}
