package dev.olaphttp.examples;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.io.PrintStream;
import java.math.BigDecimal;

/**
 * ClickHouse in five minutes: connect with a DSN, print a result, bind a parameter, read typed values from a
 * streaming cursor.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.olaphttp.examples.QuickStartClickHouse}; add
 * {@code -Dexec.args=--clickhouse=clickhouse://user:pass@host:8123/shop} (or set {@code OLAPHTTP_CLICKHOUSE_DSN})
 * for a real server.
 */
public final class QuickStartClickHouse {
    private QuickStartClickHouse() {}

    public static void main(String[] args) {
        try (Targets targets = Targets.fromArgs(args)) {
            run(targets, System.out);
        }
    }

    static void run(Targets targets, PrintStream out) {
        // One client per cluster: thread-safe, meant to be shared, closed when the application stops.
        try (SqlClient client = SqlClient.connect(targets.dsn(Database.CLICKHOUSE))) {
            // A whole (small) result, printed as a table.
            out.println("-- " + SampleData.FIRST_ORDERS);
            TablePrinter.print(client.sql(SampleData.FIRST_ORDERS), out);

            // ClickHouse binds {name:Type} placeholders server-side; values never appear in logs or errors.
            long paris = client.sql("SELECT count(*) AS orders FROM orders WHERE city = {city:String}")
                    .param("city", "Paris")
                    .single(row -> row.getLong("orders"));
            out.println("orders in Paris: " + paris);

            out.println("-- " + SampleData.REVENUE_BY_CITY);
            TablePrinter.print(client.sql(SampleData.REVENUE_BY_CITY), out);

            // A cursor streams rows as they arrive; getters convert to Java types (Decimal -> BigDecimal).
            BigDecimal total = BigDecimal.ZERO;
            try (RowCursor rows = client.sql(SampleData.REVENUE_BY_CITY).stream()) {
                while (rows.next()) {
                    total = total.add(rows.getBigDecimal("revenue"));
                }
                out.println("total revenue over " + rows.rowNumber() + " cities: " + total);
            }
        }
    }
}
