package demo;

import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import java.util.List;

/** Runs one query through each dialect found by the core, against the testkit, on the module path. */
public final class Main {
    public static void main(String[] args) {
        try (ClickHouseTestServer server = new ClickHouseTestServer();
                SqlClient client = SqlClient.connect("clickhouse://default:@" + server.host() + ":" + server.port()
                        + "/default")) {
            List<Long> rows = client.sql("SELECT number FROM numbers(3)").list(r -> r.getLong(1));
            if (!rows.equals(List.of(0L, 1L, 2L))) {
                throw new AssertionError("unexpected rows " + rows);
            }
            System.out.println("module path OK: " + rows + " from module " + SqlClient.class.getModule().getName());
        }
    }
}
