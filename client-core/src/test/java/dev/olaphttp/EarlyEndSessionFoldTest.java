package dev.olaphttp;

import static dev.olaphttp.testdialect.LineProtocol.body;
import static dev.olaphttp.testdialect.LineProtocol.partial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testdialect.LineDialect;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A3 (core part): a statement that does not reach its end still folds the session the server last reported
 * (Databend's {@code last_query_ids} inside a transaction), and the next statement of the session sends it.
 */
class EarlyEndSessionFoldTest {
    private static final String HEADER = "n:int64";

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** The statement's response: three rows (or a cut body), the server's session "txn-after" in its header. */
    private void answer(String body) {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader(LineDialect.SESSION_STATE, "txn-after")
                .body(body)
                .build());
    }

    /**
     * In a session already holding "txn-before", runs {@code early} on a three-row result, then one more statement;
     * returns the session state the next statement sent.
     */
    private String stateSentAfter(String body, Consumer<SqlSession> early) throws InterruptedException {
        answer(body);
        server.enqueue(LineTesting.ok(body("")));
        try (SqlClient c = LineTesting.builder(server).build();
                SqlSession s = c.openSession(SessionState.empty().withDialectState("txn-before"))) {
            early.accept(s);
            assertThat(s.state().dialectState()).as("folded before the next statement").contains("txn-after");
            s.sql("SELECT 1").execute();
        }
        RecordedRequest first = server.takeRequest();
        assertThat(first.getHeaders().get(LineDialect.SESSION_STATE)).isEqualTo("txn-before");
        return server.takeRequest().getHeaders().get(LineDialect.SESSION_STATE);
    }

    private static final String ROWS = body(HEADER, "1", "2", "3");

    @Test
    void anEarlyCloseFoldsTheSession() throws Exception {
        assertThat(stateSentAfter(ROWS, s -> {
            try (RowCursor cursor = s.sql("SELECT n FROM t").stream()) {
                assertThat(cursor.next()).isTrue();
            }
        })).isEqualTo("txn-after");
    }

    @Test
    void findFirstFoldsTheSession() throws Exception {
        assertThat(stateSentAfter(ROWS, s -> {
            try (Stream<Long> rows = s.sql("SELECT n FROM t").stream(r -> r.getLong(1))) {
                assertThat(rows.findFirst()).contains(1L);
            }
        })).isEqualTo("txn-after");
    }

    @Test
    void aThrowingMapperFoldsTheSession() throws Exception {
        assertThat(stateSentAfter(ROWS, s -> assertThatThrownBy(() -> s.sql("SELECT n FROM t").forEach(r -> {
            throw new IllegalStateException("stop");
        })).hasMessage("stop"))).isEqualTo("txn-after");
    }

    @Test
    void aCancelFoldsTheSession() throws Exception {
        assertThat(stateSentAfter(ROWS, s -> {
            RowCursor cursor = s.sql("SELECT n FROM t").stream();
            assertThat(cursor.next()).isTrue();
            cursor.cancel();
            cursor.close();
        })).isEqualTo("txn-after");
        assertThat(stateSentAfter(ROWS, s -> {
            Query q = s.sql("SELECT n FROM t");
            try (RowCursor cursor = q.stream()) {
                assertThat(cursor.next()).isTrue();
                q.cancel();
                assertThatThrownBy(cursor::next).isInstanceOf(QueryCancelledException.class);
            }
        })).isEqualTo("txn-after");
    }

    @Test
    void reachingMaxRowsFoldsTheSession() throws Exception {
        assertThat(stateSentAfter(ROWS, s -> assertThat(s.sql("SELECT n FROM t").maxRows(1).list(r -> r.getLong(1)))
                .containsExactly(1L))).isEqualTo("txn-after");
    }

    @Test
    void aFailureFoldsTheSession() throws Exception {
        assertThat(stateSentAfter(partial(HEADER, "1"), s -> assertThatThrownBy(
                () -> s.sql("SELECT n FROM t").list(r -> r.getLong(1))).isInstanceOf(ResultInterruptedException.class)))
                .isEqualTo("txn-after");
    }

    @Test
    void aResultClosedAfterALaterStatementEndedCannotBringBackAnOlderSession() {
        answer(ROWS); // the first statement's server reports "txn-after"
        server.enqueue(LineTesting.ok(body(""))); // a later statement (a JDBC ROLLBACK, say) ends first
        try (SqlClient c = LineTesting.builder(server).build();
                SqlSession s = c.openSession(SessionState.empty().withDialectState("txn-before"))) {
            RowCursor first = s.sql("SELECT n FROM t").stream();
            assertThat(first.next()).isTrue();
            s.sql("SET a = 1").execute();
            first.close(); // late: its report is older than what the SET folded
            assertThat(s.state().settings()).containsEntry("a", "1");
            assertThat(s.state().dialectState()).as("the stale report is ignored").contains("txn-before");
        }
    }

    @Test
    void oneShotStatementsNeverChangeTheClientsState() {
        answer(ROWS);
        try (SqlClient c = LineTesting.builder(server).build()) {
            try (RowCursor cursor = c.sql("SELECT n FROM t").stream()) {
                assertThat(cursor.next()).isTrue();
            }
            assertThat(c.defaultState().dialectState()).isEmpty();
        }
    }
}
