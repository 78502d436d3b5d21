package dev.olaphttp.examples;

import dev.olaphttp.InsertResult;
import dev.olaphttp.Row;
import dev.olaphttp.SqlClient;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A batch job that copies a table from ClickHouse into Databend (or StarRocks) without holding it in memory: the
 * source rows are mapped to value arrays as they stream in, and {@code client.insert(...)} uploads them as they are
 * produced (Databend: a stage upload, then one {@code INSERT} with a stage attachment; StarRocks: Stream Load), under
 * a label the server deduplicates on, so a retry never loads twice. If the target's dialect has no bulk loading, the
 * rows go to a CSV file instead.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.olaphttp.examples.EtlExample
 * [-Dexec.args=--into=starrocks]}. On real servers create {@code trips} in both databases first ({@code sql/}).
 */
public final class EtlExample {
    static final String[] COLUMNS = {"trip_id", "city", "distance_km", "fare", "started_at"};

    private EtlExample() {}

    public static void main(String[] args) {
        try (Targets targets = Targets.fromArgs(args)) {
            String into = LargeResultExample.option(args, "--into=");
            run(targets, System.out, "starrocks".equals(into) ? Database.STARROCKS : Database.DATABEND);
        }
    }

    static void run(Targets targets, PrintStream out, Database into) {
        try (SqlClient source = SqlClient.connect(targets.dsn(Database.CLICKHOUSE));
                SqlClient target = SqlClient.connect(targets.dsn(into))) {
            out.println("-- " + SampleData.ALL_TRIPS + "  (ClickHouse -> " + into.label() + " trips)");
            AtomicLong read = new AtomicLong();
            long start = System.nanoTime();
            InsertResult result;
            // stream(mapper) is lazy: each row is read from ClickHouse only when the loader asks for the next one.
            try (Stream<Object[]> rows = source.sql(SampleData.ALL_TRIPS).stream(row -> {
                read.incrementAndGet();
                return values(row);
            })) {
                result = target.insert("trips").columns(COLUMNS).rows(rows);
            } catch (UnsupportedOperationException noBulkLoad) {
                out.println(target.dialect() + " has no bulk loading here: " + noBulkLoad.getMessage());
                copyToCsv(source, out);
                return;
            }
            out.println(String.format(Locale.ROOT, "read %,d rows, %s wrote %,d rows in %.2f s (label %s)",
                    read.get(), into.label(), result.rowsWritten(), (System.nanoTime() - start) / 1e9, result.label()));
            if (result.rowsWritten() != read.get()) {
                // a real job would fail here
                out.println("WARNING: rows read and rows written differ");
            }
        }
    }

    /** One source row as the values of {@link #COLUMNS}, in their Java types. */
    static Object[] values(Row row) {
        return new Object[] {
            row.getLong("trip_id"), row.getString("city"), row.getDouble("distance_km"),
            row.getBigDecimal("fare"), row.getLocalDateTime("started_at")
        };
    }

    /** The fallback: the same stream into a CSV file. */
    private static void copyToCsv(SqlClient source, PrintStream out) {
        try {
            Path file = Files.createTempFile("trips-", ".csv");
            long n = 0;
            try (BufferedWriter w = Files.newBufferedWriter(file);
                    Stream<Object[]> rows = source.sql(SampleData.ALL_TRIPS).stream(EtlExample::values)) {
                for (Object[] v : (Iterable<Object[]>) rows::iterator) {
                    w.write(v[0] + "," + v[1] + "," + v[2] + "," + v[3] + "," + v[4] + "\n");
                    n++;
                }
            }
            out.println(String.format(Locale.ROOT, "wrote %,d rows to %s", n, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
