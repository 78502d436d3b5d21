package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.resp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Issue #10 A1: a result ends only where the server says it does (a next_uri to /final), never by omission. */
class ResultEndTest {
    private static final String NUMBER = "[{\"name\":\"number\",\"type\":\"UInt64\"}]";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static String rows(int from, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = from; i < from + n; i++) {
            b.append(i == from ? "" : ",").append("[\"").append(i).append("\"]");
        }
        return b.append(']').toString();
    }

    private static MockResponse page(int n, String next) {
        return resp().state("Running").schema(NUMBER).data(rows(20 * n, 20)).next(next).ok();
    }

    /** Reads every row; the failure must say how many rows the caller had. */
    private long readAll(SqlClient client, long[] seen) {
        try (RowCursor c = client.sql("SELECT number FROM numbers(50)").stream()) {
            while (c.next()) {
                assertThat(c.getLong(1)).isEqualTo(seen[0]);
                seen[0]++;
            }
        }
        return seen[0];
    }

    private void assertShort(MockResponse second, long delivered, String message) {
        server.setDispatcher(TestServer.pages(java.util.List.of(page(0, "page/1"), second)));
        long[] seen = {0};
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> readAll(client, seen))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.rowsDelivered()).isEqualTo(delivered))
                    .hasMessageContaining(message);
        }
        assertThat(seen[0]).isEqualTo(delivered);
    }

    @Test
    void aGatewayJsonOnALaterPageIsAProtocolErrorAfterTheRowsDelivered() {
        assertShort(TestServer.json(200, "{\"kind\":\"Unavailable\",\"message\":\"warehouse is resuming\"}"), 20,
                "not a query response");
    }

    @Test
    void anEmptyObjectIsNotAnEmptyResult() {
        server.setDispatcher(TestServer.pages(java.util.List.of(TestServer.json(200, "{}"))));
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.sql("SELECT 1").list(r -> r.getLong(1)))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.rowsDelivered()).isZero());
        }
    }

    @Test
    void aRunningPageWithoutNextUriIsAProtocolError() {
        server.setDispatcher(TestServer.pages(java.util.List.of(page(0, "page/1"), page(1, "page/2"),
                resp().state("Running").schema(NUMBER).data(rows(40, 0)).next(null).ok())));
        long[] seen = {0};
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> readAll(client, seen))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.rowsDelivered()).isEqualTo(40))
                    .hasMessageContaining("without next_uri");
        }
    }

    @Test
    void aRepeatedPageIsNotDeliveredTwice() {
        assertShort(page(0, "page/1"), 20, "points to page 1 (expected 2)");
    }

    @Test
    void aFailedStateWithoutItsErrorIsAProtocolError() {
        assertShort(resp().state("Failed").schema(NUMBER).data("[]").next("final").ok(), 20, "Failed without an error");
    }

    @Test
    void aFinalUriWhileRunningIsAProtocolError() {
        assertShort(resp().state("Running").schema(NUMBER).data(rows(20, 20)).next("final").ok(), 20,
                "whose state is Running");
    }

    @Test
    void theWholeChainIsExact() {
        server.enqueue(page(0, "page/1"));
        server.enqueue(resp().state("Running").schema(NUMBER).data("[]").next("page/1").ok()); // long poll, no rows
        server.enqueue(page(1, "page/2"));
        server.enqueue(resp().state("Succeeded").schema(NUMBER).data(rows(40, 10)).next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        long[] seen = {0};
        try (SqlClient client = TestServer.client(server, "")) {
            assertThat(readAll(client, seen)).isEqualTo(50);
        }
    }
}
