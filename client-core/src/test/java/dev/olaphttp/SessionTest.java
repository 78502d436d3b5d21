package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static dev.olaphttp.testdialect.LineProtocol.partial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testdialect.LineDialect;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Sessions fold what each successful statement changed; one-shot statements never change the client. */
class SessionTest {
    private static final String NO_ROWS = body("");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private SqlClient client() {
        return LineTesting.builder(server).database("start").setting("a", "1").build();
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest();
    }

    @Test
    void sessionFoldsUseAndSetAndSendsTheStateWithLaterStatements() throws Exception {
        server.enqueue(ok(NO_ROWS));
        server.enqueue(ok(NO_ROWS));
        server.enqueue(ok(body("n:int64", "1")));
        try (SqlClient c = client(); SqlSession s = c.openSession()) {
            ExecutionResult use = s.sql("USE sales").execute();
            assertThat(use.state().database()).hasValue("sales");
            s.sql("SET max_threads = 4").execute();
            assertThat(s.state().database()).hasValue("sales");
            assertThat(s.state().settings()).containsEntry("a", "1").containsEntry("max_threads", "4");
            s.sql("SELECT n FROM t").execute();

            take();
            take();
            RecordedRequest third = take();
            assertThat(third.getUrl().queryParameter("database")).isEqualTo("sales");
            assertThat(third.getUrl().queryParameter("setting_max_threads")).isEqualTo("4");
            assertThat(c.defaultState().database()).hasValue("start");
        }
    }

    @Test
    void failedStatementsFoldNothing() {
        server.enqueue(status(400, "ERROR 81: Database nope does not exist"));
        server.enqueue(ok(partial(""))); // truncated: no END
        try (SqlClient c = client(); SqlSession s = c.openSession()) {
            SessionState before = s.state();
            assertThatThrownBy(() -> s.sql("USE nope").execute()).isInstanceOf(QueryFailedException.class);
            assertThat(s.state()).isEqualTo(before);
            assertThatThrownBy(() -> s.sql("SET x = 1").execute()).isInstanceOf(ResultInterruptedException.class);
            assertThat(s.state()).isEqualTo(before);
        }
    }

    @Test
    void oneShotStatementsNeverChangeTheDefaultState() throws Exception {
        server.enqueue(ok(NO_ROWS));
        server.enqueue(ok(NO_ROWS));
        try (SqlClient c = client()) {
            SessionState before = c.defaultState();
            ExecutionResult r = c.sql("USE other").execute();
            assertThat(r.state().database()).hasValue("other");
            assertThat(r.state().settings()).containsEntry("a", "1");
            assertThat(c.defaultState()).isEqualTo(before);
            c.sql("SELECT 1").execute();
            take();
            assertThat(take().getUrl().queryParameter("database")).isEqualTo("start");
        }
    }

    @Test
    void executeStoppedByMaxRowsReportsTheUnchangedState() {
        server.enqueue(ok(body("n:int64", "1", "2", "3")));
        try (SqlClient c = client()) {
            ExecutionResult r = c.sql("SELECT n FROM t").maxRows(1).execute();
            assertThat(r.rowsReturned()).isEqualTo(1);
            assertThat(r.state()).isEqualTo(c.defaultState());
        }
    }

    @Test
    void sessionsStartFromAGivenStateAndAreIndependent() {
        server.enqueue(ok(NO_ROWS));
        try (SqlClient c = client();
                SqlSession a = c.openSession(SessionState.empty().withDatabase("seed"));
                SqlSession b = c.openSession()) {
            a.sql("SET y = 2").execute();
            assertThat(a.state().database()).hasValue("seed");
            assertThat(a.state().settings()).containsOnlyKeys("y");
            assertThat(b.state()).isEqualTo(c.defaultState());
        }
    }

    @Test
    void closingASessionHandsItsLastStateToTheDialectOnce() {
        server.enqueue(ok(NO_ROWS));
        try (SqlClient c = client()) {
            SqlSession s = c.openSession();
            s.sql("USE last").execute();
            s.close();
            s.close();
            assertThat(c.extension(LineDialect.ClosedSessions.class).closedSessions())
                    .singleElement()
                    .satisfies(st -> assertThat(st.database()).hasValue("last"));
            assertThatThrownBy(() -> s.sql("SELECT 1")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void unknownExtensionFailsClearly() {
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.extension(Runnable.class))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("linetest")
                    .hasMessageContaining("Runnable");
        }
    }
}
