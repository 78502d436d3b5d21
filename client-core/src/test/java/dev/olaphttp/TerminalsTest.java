package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The terminal operations of a Query and the cursor's states. */
class TerminalsTest {
    private static final String SELECT = "SELECT n, s FROM t";
    private static final String HEADER = "n:int64,s:string";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final LineTesting.Recorder listener = new LineTesting.Recorder();

    private SqlClient client() {
        return LineTesting.builder(server).listener(listener).build();
    }

    private void rows(String... rows) {
        server.enqueue(ok(body(HEADER, rows)));
    }

    @Test
    void listMapsEveryRow() {
        rows("1\ta", "2\tb");
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).list(r -> r.getLong(1) + r.getString(2))).containsExactly("1a", "2b");
        }
        assertThat(listener.ends).containsExactly(2L);
    }

    @Test
    void singleWantsExactlyOneRow() {
        rows("1\ta");
        rows();
        rows("1\ta", "2\tb");
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).<String>single(r -> r.getString("s"))).isEqualTo("a");
            ResultSizeException none =
                    catchThrowableOfType(ResultSizeException.class, () -> c.sql(SELECT).single(r -> 1));
            assertThat(none.actual()).isZero();
            assertThat(none.expected()).isEqualTo(1);
            ResultSizeException two =
                    catchThrowableOfType(ResultSizeException.class, () -> c.sql(SELECT).single(r -> 1));
            assertThat(two.actual()).isEqualTo(2);
        }
    }

    @Test
    void optionalWantsAtMostOneRow() {
        rows();
        rows("1\ta");
        rows("1\ta", "2\tb");
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).optional(r -> r.getLong(1))).isEmpty();
            assertThat(c.sql(SELECT).<Long>optional(r -> r.getLong(1))).isEqualTo(Optional.of(1L));
            assertThatThrownBy(() -> c.sql(SELECT).optional(r -> 1)).isInstanceOf(ResultSizeException.class);
        }
    }

    @Test
    void forEachSeesEveryRow() {
        rows("1\ta", "2\tb", "3\tc");
        List<String> seen = new ArrayList<>();
        try (SqlClient c = client()) {
            c.sql(SELECT).forEach(r -> seen.add(r.getString(2)));
        }
        assertThat(seen).containsExactly("a", "b", "c");
    }

    @Test
    void executeCountsRowsAndReportsAffectedRows() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("X-Affected-Rows", "42")
                .body(body(HEADER, "1\ta", "2\tb"))
                .build());
        try (SqlClient c = client()) {
            ExecutionResult r = c.sql(SELECT).queryId("q-1").execute();
            assertThat(r.rowsReturned()).isEqualTo(2);
            assertThat(r.affectedRows()).isEqualTo(42);
            assertThat(r.queryId()).isEqualTo("q-1");
        }
    }

    @Test
    void streamIsLazyAndComplete() {
        rows("1\ta", "2\tb");
        try (SqlClient c = client(); Stream<Long> s = c.sql(SELECT).stream(r -> r.getLong(1))) {
            assertThat(s.mapToLong(Long::longValue).sum()).isEqualTo(3);
        }
    }

    @Test
    void maxRowsLimitsEveryTerminal() {
        rows("1\ta", "2\tb", "3\tc");
        rows("1\ta", "2\tb", "3\tc");
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).maxRows(2).list(r -> r.getLong(1))).containsExactly(1L, 2L);
            assertThat(c.sql(SELECT).maxRows(1).<Long>single(r -> r.getLong(1))).isEqualTo(1L);
            assertThatThrownBy(() -> c.sql(SELECT).maxRows(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aQueryRunsOnce() {
        rows("1\ta");
        try (SqlClient c = client()) {
            Query q = c.sql(SELECT);
            q.list(r -> r.getLong(1));
            assertThatThrownBy(() -> q.list(r -> r.getLong(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("once");
            assertThatThrownBy(q::execute).isInstanceOf(IllegalStateException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cursorStatesAreEnforced() {
        rows("1\ta");
        try (SqlClient c = client(); RowCursor cursor = c.sql(SELECT).stream()) {
            assertThatThrownBy(() -> cursor.getLong(1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("next()");
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.rowNumber()).isEqualTo(1);
            assertThat(cursor.queryId()).isNotBlank();
            assertThat(cursor.next()).isFalse();
            assertThat(cursor.next()).as("stays at the end").isFalse();
            assertThatThrownBy(() -> cursor.getLong(1)).isInstanceOf(IllegalStateException.class);
            cursor.close();
            cursor.close();
            assertThatThrownBy(cursor::next).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aFailedCursorStaysFailed() {
        server.enqueue(ok(body(HEADER, "x\ta"))); // not an int64
        try (SqlClient c = client(); RowCursor cursor = c.sql(SELECT).stream()) {
            assertThatThrownBy(cursor::next)
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("column 1");
            assertThatThrownBy(cursor::next).isInstanceOf(IllegalStateException.class);
        }
        assertThat(listener.failures).singleElement().isInstanceOf(ProtocolException.class);
    }

    @Test
    void namedAndPositionalParametersDoNotMix() {
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql(SELECT).param("a", 1).param(2)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.sql(SELECT).param(2).param("a", 1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closedClientRefusesStatements() {
        SqlClient c = client();
        c.close();
        c.close();
        assertThatThrownBy(() -> c.sql(SELECT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::openSession).isInstanceOf(IllegalStateException.class);
    }
}
