package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue #10 A3: a result read only in part inside a transaction must leave the transaction intact: the session of
 * the query's first response (naming the query the transaction now lives under) is kept, and the query is closed
 * through {@code /final} (1044, harmless) rather than {@code /kill} (which fails the transaction).
 */
class TransactionEarlyEndTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TxnServer node = new TxnServer();

    @Test
    void closingAfterOneRowKeepsTheTransaction() {
        runAndCommit(s -> {
            try (RowCursor c = s.sql("SELECT number FROM numbers(10)").stream()) {
                assertThat(c.next()).isTrue();
                assertThat(c.getLong(1)).isZero();
            }
        });
    }

    @Test
    void findFirstKeepsTheTransaction() {
        runAndCommit(s -> {
            try (Stream<Long> st = s.sql("SELECT number FROM numbers(10)").stream(r -> r.getLong(1))) {
                assertThat(st.findFirst()).isEqualTo(Optional.of(0L));
            }
        });
    }

    @Test
    void cancellingKeepsTheTransaction() {
        runAndCommit(s -> {
            RowCursor c = s.sql("SELECT number FROM numbers(10)").stream();
            assertThat(c.next()).isTrue();
            c.cancel();
            try {
                c.next();
            } catch (QueryCancelledException expected) {
                // the cancel is reported where the caller reads
            }
            c.close();
        });
    }

    @Test
    void maxRowsKeepsTheTransaction() {
        runAndCommit(s -> assertThat(s.sql("SELECT number FROM numbers(10)").maxRows(3).list(r -> r.getLong(1)))
                .containsExactly(0L, 1L, 2L));
    }

    private void runAndCommit(Consumer<SqlSession> partialRead) {
        server.setDispatcher(node);
        try (SqlClient client = TestServer.client(server, "max_rows_per_page=2")) {
            SqlSession s = client.openSession();
            s.sql("BEGIN").execute();
            s.sql("INSERT INTO t VALUES (1)").execute();
            partialRead.accept(s);
            assertThat(Databend.transactionState(s.state())).contains("Active");
            s.sql("COMMIT").execute();
            assertThat(Databend.transactionState(s.state())).contains("AutoCommit");
            long count = s.sql("SELECT count(*) FROM t").single(r -> r.getLong(1));
            assertThat(count).isEqualTo(1L);
            s.close();
        }
        assertThat(node.committedRows()).isEqualTo(1);
        assertThat(node.requests).noneMatch(r -> r.endsWith("/kill"));
        assertThat(node.requests).anyMatch(r -> r.startsWith("GET /v1/query/q3/final"));
    }
}
