package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A ResultSet streams: millions of rows read in a 64 MiB heap (the {@code heap} surefire execution), where holding
 * them would not fit.
 */
@Tag("heap")
class FlatMemoryTest {
    private static final long ROWS = 4_000_000; // as boxed values alone: over 80 MB

    private static void readAll(String url, String user) throws SQLException {
        assertThat(Runtime.getRuntime().maxMemory()).as("runs in the small-heap JVM").isLessThan(100L << 20);
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT number FROM numbers(" + ROWS + ")")) {
            long n = 0;
            long sum = 0;
            while (rs.next()) {
                sum += rs.getLong(1);
                n++;
            }
            assertThat(n).isEqualTo(ROWS);
            assertThat(sum).isEqualTo(ROWS * (ROWS - 1) / 2);
        }
    }

    @Test
    void clickHouseResultInASmallHeap() throws SQLException {
        try (ClickHouseTestServer server = new ClickHouseTestServer()) {
            readAll(Jdbc.url(server), "default");
        }
    }

    @Test
    void databendResultInASmallHeap() throws SQLException {
        try (DatabendTestServer server = new DatabendTestServer()) {
            readAll(Jdbc.url(server), "root");
        }
    }
}
