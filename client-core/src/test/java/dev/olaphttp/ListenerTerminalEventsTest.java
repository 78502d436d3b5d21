package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static dev.olaphttp.testdialect.LineProtocol.partial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** D18: every started statement gets exactly one of onEnd, onFailure or onClosedEarly, on every terminal and path. */
class ListenerTerminalEventsTest {
    private static final String SELECT = "SELECT n FROM t";
    private static final String HEADER = "n:int64";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TerminalEventCounter events = new TerminalEventCounter();
    private final AtomicInteger ids = new AtomicInteger();

    private SqlClient client() {
        return LineTesting.builder(server).listener(events).queryIdGenerator(() -> "q" + ids.incrementAndGet()).build();
    }

    private void threeRows() {
        server.enqueue(ok(body(HEADER, "1", "2", "3")));
    }

    /** Runs {@code run} once against three rows and returns the statement's one terminal event. */
    private TerminalEventCounter.Event run(Consumer<SqlClient> run) {
        threeRows();
        try (SqlClient c = client()) {
            run.accept(c);
        }
        return events.onlyTerminalOf("q" + ids.get());
    }

    @AfterEach
    void everyStatementHadOneTerminalEvent() {
        events.assertExactlyOneEach();
    }

    @Test
    void readingToTheEndIsOneEndOnEveryTerminal() {
        assertThat(run(c -> c.sql(SELECT).list(r -> r.getLong(1)))).isEqualTo(end(3));
        assertThat(run(c -> c.sql(SELECT).forEach(r -> {}))).isEqualTo(end(3));
        assertThat(run(c -> c.sql(SELECT).execute())).isEqualTo(end(3));
        assertThat(run(c -> c.sql(SELECT).mapTo(N.class).list())).isEqualTo(end(3));
        assertThat(run(c -> {
            try (Stream<Long> s = c.sql(SELECT).stream(r -> r.getLong(1))) {
                assertThat(s.count()).isEqualTo(3);
            }
        })).isEqualTo(end(3));
        assertThat(run(c -> {
            try (RowCursor cursor = c.sql(SELECT).stream()) {
                while (cursor.next()) {
                    cursor.getLong(1);
                }
            }
        })).isEqualTo(end(3));
        server.enqueue(ok(body(HEADER, "1")));
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).<Long>single(r -> r.getLong(1))).isEqualTo(1L);
        }
        assertThat(events.onlyTerminalOf("q" + ids.get())).isEqualTo(end(1));
        server.enqueue(ok(body(HEADER)));
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).optional(r -> r.getLong(1))).isEqualTo(Optional.empty());
        }
        assertThat(events.onlyTerminalOf("q" + ids.get())).isEqualTo(end(0));
    }

    record N(long n) {}

    @Test
    void maxRowsReachedIsAnEnd() {
        assertThat(run(c -> c.sql(SELECT).maxRows(2).list(r -> r.getLong(1)))).isEqualTo(end(2));
        assertThat(run(c -> c.sql(SELECT).maxRows(1).single(r -> r.getLong(1)))).isEqualTo(end(1));
    }

    @Test
    void closingACursorBeforeTheEndIsOneEarlyClose() {
        assertThat(run(c -> {
            RowCursor cursor = c.sql(SELECT).stream();
            assertThat(cursor.next()).isTrue();
            cursor.close();
            cursor.close();
        })).isEqualTo(closedEarly(1));
        assertThat(run(c -> c.sql(SELECT).stream().close())).as("never read").isEqualTo(closedEarly(0));
    }

    @Test
    void findFirstOnAStreamIsAnEarlyClose() {
        assertThat(run(c -> {
            try (Stream<Long> s = c.sql(SELECT).stream(r -> r.getLong(1))) {
                assertThat(s.findFirst()).contains(1L);
            }
        })).isEqualTo(closedEarly(1));
        assertThat(run(c -> {
            try (Stream<N> s = c.sql(SELECT).mapTo(N.class).stream()) {
                assertThat(s.limit(2).count()).isEqualTo(2);
            }
        })).isEqualTo(closedEarly(2));
    }

    @Test
    void aMapperThatThrowsIsAnEarlyCloseAndItsExceptionReachesTheCaller() {
        IllegalStateException mine = new IllegalStateException("mine");
        assertThat(run(c -> assertThatThrownBy(() -> c.sql(SELECT).list(r -> {
            if (r.getLong(1) == 2) {
                throw mine;
            }
            return r.getLong(1);
        })).isSameAs(mine))).isEqualTo(closedEarly(2));
        assertThat(run(c -> assertThatThrownBy(() -> c.sql(SELECT).forEach(r -> {
            throw mine;
        })).isSameAs(mine))).isEqualTo(closedEarly(1));
        assertThat(run(c -> assertThatThrownBy(() -> c.sql(SELECT).optional(r -> {
            throw mine;
        })).isSameAs(mine))).isEqualTo(closedEarly(1));
    }

    @Test
    void moreRowsThanSingleOrOptionalWantIsAnEarlyClose() {
        assertThat(run(c -> assertThatThrownBy(() -> c.sql(SELECT).single(r -> r.getLong(1)))
                .isInstanceOf(ResultSizeException.class))).isEqualTo(closedEarly(2));
        assertThat(run(c -> assertThatThrownBy(() -> c.sql(SELECT).mapTo(N.class).optional())
                .isInstanceOf(ResultSizeException.class))).isEqualTo(closedEarly(2));
    }

    @Test
    void cancelThenNextIsOneCancelFailure() {
        TerminalEventCounter.Event e = run(c -> {
            Query q = c.sql(SELECT);
            try (RowCursor cursor = q.stream()) {
                assertThat(cursor.next()).isTrue();
                q.cancel();
                assertThatThrownBy(cursor::next).isInstanceOf(QueryCancelledException.class);
            }
        });
        assertThat(e.kind()).isEqualTo("failure");
        assertThat(e.error()).isInstanceOf(QueryCancelledException.class);
        assertThat(e.error().rowsDelivered()).isEqualTo(1);
    }

    @Test
    void cancelThenOnlyCloseIsOneCancelFailure() {
        TerminalEventCounter.Event e = run(c -> {
            RowCursor cursor = c.sql(SELECT).stream();
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.next()).isTrue();
            cursor.cancel();
            cursor.close();
        });
        assertThat(e.kind()).isEqualTo("failure");
        assertThat(e.error()).isInstanceOf(QueryCancelledException.class);
        assertThat(e.error().rowsDelivered()).isEqualTo(2);
    }

    @Test
    void aFailureWhileReadingIsOneFailureAndTheCloseAddsNothing() {
        server.enqueue(ok(partial(HEADER, "1", "2")));
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql(SELECT).list(r -> r.getLong(1)))
                    .isInstanceOf(ResultInterruptedException.class);
        }
        TerminalEventCounter.Event e = events.onlyTerminalOf("q1");
        assertThat(e.kind()).isEqualTo("failure");
        assertThat(e.error().rowsDelivered()).isEqualTo(2);
    }

    @Test
    void aStatementThatCannotStartIsOneFailure() {
        server.enqueue(status(400, "ERROR 42: no such table"));
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(QueryFailedException.class);
        }
        assertThat(events.onlyTerminalOf("q1").error()).isInstanceOf(QueryFailedException.class);
    }

    @Test
    void aDialectThatThrowsAnUntypedExceptionAtStartIsOneTypedFailure() {
        try (SqlClient c = SqlClient.builder()
                .dialect(new ScriptedDialect(context -> request -> {
                    throw new IllegalArgumentException("no value bound for placeholder {p:...}");
                }))
                .endpoint(LineTesting.url(server))
                .listener(events)
                .queryIdGenerator(() -> "q" + ids.incrementAndGet())
                .build()) {
            assertThatThrownBy(() -> c.sql(SELECT).list(r -> 1))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("no value bound")
                    .hasCauseInstanceOf(IllegalArgumentException.class);
        }
        assertThat(events.onlyTerminalOf("q1").error()).isInstanceOf(InvalidRequestException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aQueryCancelledBeforeItStartedNeverStarts() {
        try (SqlClient c = client()) {
            Query q = c.sql(SELECT);
            q.cancel();
            assertThatThrownBy(q::execute).isInstanceOf(QueryCancelledException.class);
        }
        assertThat(events.started()).isZero();
    }

    @Test
    void manyStatementsOnOneClientEachGetOneEvent() {
        List<Runnable> shapes = new ArrayList<>();
        try (SqlClient c = client()) {
            shapes.add(() -> c.sql(SELECT).list(r -> r.getLong(1)));
            shapes.add(() -> c.sql(SELECT).stream().close());
            shapes.add(() -> {
                try (Stream<Long> s = c.sql(SELECT).stream(r -> r.getLong(1))) {
                    s.findFirst();
                }
            });
            shapes.add(() -> c.sql(SELECT).maxRows(1).execute());
            for (int i = 0; i < 12; i++) {
                threeRows();
                shapes.get(i % shapes.size()).run();
            }
        }
        assertThat(events.started()).isEqualTo(12);
    }

    private static TerminalEventCounter.Event end(long rows) {
        return new TerminalEventCounter.Event("end", rows, null);
    }

    private static TerminalEventCounter.Event closedEarly(long rows) {
        return new TerminalEventCounter.Event("closedEarly", rows, null);
    }
}
