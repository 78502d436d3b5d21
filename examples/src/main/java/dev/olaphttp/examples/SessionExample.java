package dev.olaphttp.examples;

import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import java.io.PrintStream;

/**
 * A {@link SqlSession} carries {@code USE} and {@code SET} forward from statement to statement, on all three
 * databases, while one-shot {@code client.sql(...)} statements always start from the client's default state.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.olaphttp.examples.SessionExample}.
 */
public final class SessionExample {
    private SessionExample() {}

    public static void main(String[] args) {
        try (Targets targets = Targets.fromArgs(args)) {
            run(targets, System.out);
        }
    }

    static void run(Targets targets, PrintStream out) {
        clickHouse(targets, out);
        starRocks(targets, out);
        databend(targets, out);
    }

    static void clickHouse(Targets targets, PrintStream out) {
        try (SqlClient client = SqlClient.connect(targets.dsn(Database.CLICKHOUSE));
                SqlSession session = client.openSession()) {
            session.sql("USE analytics").execute();
            session.sql("SET max_threads = 2").execute();
            // Both reach the server with every later statement of the session: ask it what it sees.
            out.println("ClickHouse session: " + session.state());
            out.println("  currentDatabase() = " + session.sql("SELECT currentDatabase()").single(r -> r.getString(1)));
            out.println("  max_threads       = " + maxThreads(session));
            // A one-shot statement does not see the session's state.
            out.println("  outside the session, currentDatabase() = "
                    + client.sql("SELECT currentDatabase()").single(r -> r.getString(1)));
        }
    }

    /** max_threads as the server sees it: getSetting() from ClickHouse 20.7, system.settings before. */
    private static String maxThreads(SqlSession session) {
        try {
            return session.sql("SELECT getSetting('max_threads')").single(r -> r.getString(1));
        } catch (QueryFailedException unknownFunction) {
            return session.sql("SELECT value FROM system.settings WHERE name = 'max_threads'")
                    .single(r -> r.getString(1));
        }
    }

    static void starRocks(Targets targets, PrintStream out) {
        try (SqlClient client = SqlClient.connect(targets.dsn(Database.STARROCKS));
                SqlSession session = client.openSession()) {
            // The client applies these itself: the database goes into the request path, the variable into the
            // sessionVariables of every later request.
            session.sql("USE default_catalog.analytics").execute();
            session.sql("SET query_timeout = 60").execute();
            out.println("StarRocks session: " + session.state());
            out.println("  database()      = " + session.sql("SELECT database()").single(r -> r.getString(1)));
            out.println("  @@query_timeout = " + session.sql("SELECT @@query_timeout").single(r -> r.getString(1)));
        }
    }

    static void databend(Targets targets, PrintStream out) {
        try (SqlClient client = SqlClient.connect(targets.dsn(Database.DATABEND));
                SqlSession session = client.openSession()) {
            // Databend returns its session object after every statement; the client echoes it back next time.
            session.sql("USE analytics").execute();
            session.sql("SET max_threads = 4").execute();
            out.println("Databend session: " + session.state());
            // A state is an immutable value: another session can start where this one is.
            try (SqlSession copy = client.openSession(session.state())) {
                out.println("  a session opened from that state starts in database "
                        + copy.state().database().orElse("?") + " with " + copy.state().settings());
            }
        }
    }
}
