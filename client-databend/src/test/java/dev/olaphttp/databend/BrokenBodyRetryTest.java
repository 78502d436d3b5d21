package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InsertResult;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.LoadedTable;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #10 A15: a body that breaks off (connection reset, clean close mid-body) is read again, on the page GET
 * (the server re-serves page {@code next-1}) and on the POST (the same query id returns the same query), without a
 * row delivered twice or a statement run twice; when every attempt breaks, the caller gets a typed exception.
 */
class BrokenBodyRetryTest {
    private DatabendTestServer server;
    private SqlClient client;

    @BeforeEach
    void start() {
        server = new DatabendTestServer();
        server.when(SqlMatcher.contains("FROM numbers")).thenReturn(Table.numbers(50, "UInt64"));
        client = Databend.builder("databend://root:@" + server.host() + ":" + server.port()
                + "/default?sslmode=disable&max_rows_per_page=10").build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Predicate<RecordedRequest> page(int n) {
        return r -> r.method().equals("GET") && r.path().endsWith("/page/" + n);
    }

    private static Predicate<RecordedRequest> post(String sqlStart) {
        return r -> r.method().equals("POST") && r.path().equals("/v1/query") && r.bodyUtf8().contains(sqlStart);
    }

    private List<Long> readAll() {
        return client.sql("SELECT number FROM numbers(50)").list(r -> r.getLong(1));
    }

    private long requestsFor(Predicate<RecordedRequest> p) {
        return server.requests().stream().filter(p).count();
    }

    @Test
    void aPageResetMidBodyIsReadAgainAndNoRowComesTwice() {
        server.fault(page(1), Fault.resetAfterBytes(300), 1);
        assertThat(readAll()).containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList());
        assertThat(requestsFor(page(1))).isEqualTo(2);
    }

    @Test
    void aPageClosedMidBodyIsReadAgain() {
        server.fault(page(2), Fault.truncateAfterBytes(200), 2);
        assertThat(readAll()).containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList());
        assertThat(requestsFor(page(2))).isEqualTo(3);
    }

    @Test
    void aPostResetMidBodyReturnsTheSameQuery() {
        server.fault(post("SELECT"), Fault.resetAfterBytes(150), 1);
        assertThat(readAll()).containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList());
        List<String> ids = server.requests().stream().filter(post("SELECT")).map(r -> r.header("X-DATABEND-QUERY-ID"))
                .toList();
        assertThat(ids).hasSize(2);
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
    }

    @Test
    void anInsertWhosePostBrokeOffIsNotRunTwiceNorReportedFailed() {
        LoadedTable t = server.table("default.t", Column.of("a", "Int64"));
        server.fault(post("INSERT"), Fault.resetAfterBytes(100), 1);
        InsertResult r = client.insert("t").rows(Stream.of(new Object[] {1L}, new Object[] {2L}));
        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(requestsFor(post("INSERT"))).isEqualTo(2);
    }

    @Test
    void aPageBrokenOnEveryAttemptIsATypedFailureAfterTheRowsDelivered() {
        server.fault(page(1), Fault.resetAfterBytes(300), 10);
        long[] seen = {0};
        assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(50)").forEach(r -> seen[0]++))
                .isInstanceOfSatisfying(ResultInterruptedException.class,
                        e -> assertThat(e.rowsDelivered()).isEqualTo(10));
        assertThat(seen[0]).isEqualTo(10);
        assertThat(requestsFor(page(1))).isEqualTo(3);
    }
}
