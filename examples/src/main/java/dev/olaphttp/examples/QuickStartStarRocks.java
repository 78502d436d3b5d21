package dev.olaphttp.examples;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.io.PrintStream;
import java.math.BigDecimal;

/**
 * StarRocks in five minutes: connect with a DSN, print a result, bind a parameter, read typed values from a
 * streaming cursor.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.olaphttp.examples.QuickStartStarRocks}; add
 * {@code -Dexec.args=--starrocks=starrocks://user:pass@fe:8030/default_catalog.shop} (or set
 * {@code OLAPHTTP_STARROCKS_DSN}) for a real server.
 */
public final class QuickStartStarRocks {
    private QuickStartStarRocks() {}

    public static void main(String[] args) {
        try (Targets targets = Targets.fromArgs(args)) {
            run(targets, System.out);
        }
    }

    static void run(Targets targets, PrintStream out) {
        // One client per cluster: thread-safe, meant to be shared, closed when the application stops.
        try (SqlClient client = SqlClient.connect(targets.dsn(Database.STARROCKS))) {
            // A whole (small) result, printed as a table.
            out.println("-- " + SampleData.FIRST_ORDERS);
            TablePrinter.print(client.sql(SampleData.FIRST_ORDERS), out);

            // StarRocks parameters are rendered client-side as escaped literals; values never appear in logs or errors.
            long paris = client.sql("SELECT count(*) AS orders FROM orders WHERE city = ?")
                    .param("Paris")
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
