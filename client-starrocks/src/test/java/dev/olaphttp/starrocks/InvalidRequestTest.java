package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.TestSupport.client;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.ndjson;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.SqlClient;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests that cannot be sent as built fail typed, before anything reaches the FE; bound literals stay literals. */
class InvalidRequestTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    @Test
    void aNegativeParameterAfterMinusReachesTheFeAsANumberNotAComment() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        try (SqlClient c = client(server, ok)) {
            c.sql("SELECT count(*) FROM t WHERE amount > 100-? AND tenant_id = 42").param(-1L).list(r -> 1);
        }
        assertThat(take(server).getBody().utf8())
                .isEqualTo("{\"query\":\"SELECT count(*) FROM t WHERE amount > 100- (-1) AND tenant_id = 42\"}");
    }

    @Test
    void unboundPlaceholdersAndUnrenderableValuesAreInvalidRequestsAndSendNothing() {
        try (SqlClient c = client(server, ok)) {
            List<Runnable> calls = List.of(
                    () -> c.sql("select ?").list(r -> 1),
                    () -> c.sql("select ?, ?").param(1).list(r -> 1),
                    () -> c.sql("select ?, :a").param("a", 1).list(r -> 1),
                    () -> c.sql("select :b").param("a", 1).list(r -> 1),
                    () -> c.sql("select ?").param(Double.NaN).list(r -> 1),
                    () -> c.sql("select ?").param("x\ud800").list(r -> 1),
                    () -> c.sql("select ?").param(new Object()).list(r -> 1),
                    () -> c.sql("select ?").param(java.time.Instant.EPOCH).list(r -> 1));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(InvalidRequestException.class);
            }
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
