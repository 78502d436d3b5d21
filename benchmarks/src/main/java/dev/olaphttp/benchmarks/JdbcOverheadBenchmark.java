package dev.olaphttp.benchmarks;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.jdbc.OlapDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the JDBC layer adds per row: the same result ({@link CoreOverheadBenchmark.FixedDialect}, rows that cost
 * nothing to produce) read through a {@code RowCursor} and through the driver's {@code ResultSet}, with the same
 * values fetched (a nullable int read with its NULL check, the timestamp in its own class). The goal is
 * {@code resultSet} within 10 % of {@code cursor}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(CoreOverheadBenchmark.ROWS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class JdbcOverheadBenchmark {
    private SqlClient client;
    private Connection connection;

    @Setup
    public void setUp() throws SQLException {
        client = SqlClient.builder().dialect(new CoreOverheadBenchmark.FixedDialect())
                .endpoint("http://bench.local:1").build();
        connection = OlapDataSource.wrapping(client).getConnection();
    }

    @TearDown
    public void tearDown() throws SQLException {
        connection.close();
        client.close();
    }

    @Benchmark
    public long cursor(Blackhole bh) {
        long rows = 0;
        try (RowCursor c = client.sql("rows").stream()) {
            while (c.next()) {
                bh.consume(c.getLong(1));
                bh.consume(c.getString(2));
                bh.consume(c.getDouble(3));
                bh.consume(c.getObject(4));
                bh.consume(c.isNull(5) ? 0 : c.getInt(5));
                rows++;
            }
        }
        return rows;
    }

    /** The cursor of a session statement, as the driver runs it. */
    @Benchmark
    public long sessionCursor(Blackhole bh) {
        long rows = 0;
        try (dev.olaphttp.SqlSession session = client.openSession();
                RowCursor c = session.sql("rows").stream()) {
            while (c.next()) {
                bh.consume(c.getLong(1));
                bh.consume(c.getString(2));
                bh.consume(c.getDouble(3));
                bh.consume(c.getObject(4));
                bh.consume(c.isNull(5) ? 0 : c.getInt(5));
                rows++;
            }
        }
        return rows;
    }

    @Benchmark
    public long resultSet(Blackhole bh) throws SQLException {
        long rows = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("rows")) {
            while (rs.next()) {
                bh.consume(rs.getLong(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getDouble(3));
                bh.consume(rs.getObject(4, ZonedDateTime.class));
                int qty = rs.getInt(5);
                bh.consume(rs.wasNull() ? 0 : qty);
                rows++;
            }
        }
        return rows;
    }

    /** Only {@code next()}: the cursor's. */
    @Benchmark
    public long cursorNext() {
        long rows = 0;
        try (RowCursor c = client.sql("rows").stream()) {
            while (c.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** Only {@code next()}: the ResultSet's. */
    @Benchmark
    public long resultSetNext() throws SQLException {
        long rows = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("rows")) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }
}
