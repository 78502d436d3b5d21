package dev.olaphttp.examples;

import dev.olaphttp.Dsn;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.TestServer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the examples connect: for each database either a real server, named by a DSN given as an argument
 * ({@code --clickhouse=clickhouse://user:pass@host:8123/shop}) or an environment variable
 * ({@code OLAPHTTP_CLICKHOUSE_DSN}), or else an in-process testkit simulator seeded with {@link SampleData}.
 * Every connection prints which one it used. Closing the targets stops the simulators it started.
 */
public final class Targets implements AutoCloseable {
    private final Map<Database, String> dsns = new EnumMap<>(Database.class);
    private final Map<Database, TestServer> embedded = new EnumMap<>(Database.class);
    private final List<TestServer> started = new ArrayList<>();
    private final PrintStream out;

    private Targets(Map<Database, String> dsns, PrintStream out) {
        this.dsns.putAll(dsns);
        this.out = out;
    }

    /** Targets from the command line arguments, falling back to the environment, then to the simulators. */
    public static Targets fromArgs(String[] args) {
        return of(args, System.getenv(), System.out);
    }

    /** Targets from explicit arguments and environment (for tests). */
    public static Targets of(String[] args, Map<String, String> env, PrintStream out) {
        Map<Database, String> dsns = new EnumMap<>(Database.class);
        for (Database db : Database.values()) {
            String fromEnv = env.get(db.envVar());
            if (fromEnv != null && !fromEnv.isBlank()) {
                dsns.put(db, fromEnv.trim());
            }
            for (String arg : args) {
                if (arg.startsWith(db.argPrefix())) {
                    dsns.put(db, arg.substring(db.argPrefix().length()).trim());
                }
            }
        }
        return new Targets(dsns, out);
    }

    /** Whether {@code db} runs on an in-process simulator (no DSN given). */
    public boolean isEmbedded(Database db) {
        return !dsns.containsKey(db);
    }

    /** The simulator serving {@code db}, once {@link #connect} started it. */
    public Optional<TestServer> simulator(Database db) {
        return Optional.ofNullable(embedded.get(db));
    }

    /** A new client for {@code db}; prints whether it is a real server or the embedded simulator. */
    public SqlClient connect(Database db) {
        return SqlClient.connect(dsn(db));
    }

    /** The DSN for {@code db}, starting (once) and seeding its simulator when no DSN was given. */
    public synchronized String dsn(Database db) {
        String given = dsns.get(db);
        if (given != null) {
            out.println("using " + db.label() + " at " + Dsn.parse(given)); // Dsn.toString() hides the password
            return given;
        }
        TestServer server = embedded.computeIfAbsent(db, this::start);
        out.println("using embedded " + db.label() + " simulator at " + server.url());
        return switch (db) {
            case DATABEND -> "databend+http://root:@127.0.0.1:" + server.port() + "/shop";
            case CLICKHOUSE -> "clickhouse://default:@127.0.0.1:" + server.port() + "/shop";
            case STARROCKS -> "starrocks://root:@127.0.0.1:" + server.port() + "/default_catalog.shop";
        };
    }

    private TestServer start(Database db) {
        TestServer server = switch (db) {
            case DATABEND -> new DatabendTestServer();
            case CLICKHOUSE -> new ClickHouseTestServer();
            case STARROCKS -> new StarRocksTestServer();
        };
        started.add(server);
        SampleData.seed(db, server);
        return server;
    }

    /** Stops the simulators this instance started. */
    @Override
    public synchronized void close() {
        for (TestServer s : started) {
            s.close();
        }
        started.clear();
        embedded.clear();
    }
}
