package demo;

import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.TestServer;
import java.util.List;

/** Runs one query through each dialect, found by the core as a service, against the testkit, on the module path. */
public final class Main {
    public static void main(String[] args) {
        try (ClickHouseTestServer ch = new ClickHouseTestServer();
                DatabendTestServer db = new DatabendTestServer();
                StarRocksTestServer sr = new StarRocksTestServer()) {
            check(ch, "clickhouse://default:@127.0.0.1:" + ch.port() + "/default");
            check(db, "databend://root:@127.0.0.1:" + db.port() + "/default?sslmode=disable");
            check(sr, "starrocks://root:@127.0.0.1:" + sr.port() + "/default_catalog.default");
        }
        System.out.println("module path OK: three dialects from module " + SqlClient.class.getModule().getName());
    }

    private static void check(TestServer server, String dsn) {
        try (SqlClient client = SqlClient.connect(dsn)) {
            List<Long> rows = client.sql("SELECT number FROM numbers(3)").list(r -> r.getLong(1));
            if (!rows.equals(List.of(0L, 1L, 2L))) {
                throw new AssertionError(client.dialect() + ": unexpected rows " + rows);
            }
        }
    }
}
