package dev.olaphttp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One million generated rows through each dialect in a 64 MiB heap (simulator included): row count and a checksum
 * over every value, computed independently from the row index. Nothing is materialised on either side.
 */
@Tag("heap")
class MillionRowStreamingE2ETest {
    private static final int ROWS = 1_000_000;

    @Test
    void databend() {
        try (DatabendTestServer server = new DatabendTestServer()) {
            script(server, "UInt64", "String", "Float64");
            stream(SqlClient.connect(DatabendQueryE2ETest.dsn(server, "max_rows_per_page=10000")));
        }
    }

    @Test
    void clickHouseRowBinary() {
        try (ClickHouseTestServer server = ClickHouseQueryE2ETest.modern()) {
            script(server, "UInt64", "String", "Float64");
            stream(SqlClient.connect(ClickHouseQueryE2ETest.dsn(server, "")));
        }
    }

    @Test
    void clickHouse18Tsv() {
        try (ClickHouseTestServer server = ClickHouseQueryE2ETest.legacy18()) {
            script(server, "UInt64", "String", "Float64");
            stream(SqlClient.connect(ClickHouseQueryE2ETest.dsn(server, "")));
        }
    }

    @Test
    void starRocks() {
        try (StarRocksTestServer server = new StarRocksTestServer()) {
            script(server, "bigint(20)", "varchar(64)", "double");
            stream(SqlClient.connect(StarRocksQueryE2ETest.dsn(server, "shop")));
        }
    }

    private static void script(TestServer server, String idType, String textType, String doubleType) {
        server.when(SqlMatcher.contains("FROM events")).thenReturn(Table.generated(ROWS, (i, v) -> {
            v[0] = i;
            v[1] = name(i);
            v[2] = i * 0.25;
        }, Column.of("id", idType), Column.of("name", textType), Column.of("score", doubleType)));
    }

    private static String name(long i) {
        return "event-" + Long.toHexString(i * 0x9E3779B97F4A7C15L);
    }

    private static void stream(SqlClient client) {
        long rows = 0;
        long idSum = 0;
        double scoreSum = 0;
        CRC32 names = new CRC32();
        CRC32 expectedNames = new CRC32();
        try (client; RowCursor c = client.sql("SELECT id, name, score FROM events").stream()) {
            while (c.next()) {
                long id = c.getLong(1);
                if (id != rows) {
                    throw new AssertionError("row " + rows + " has id " + id);
                }
                idSum += id;
                names.update(c.getString(2).getBytes(StandardCharsets.UTF_8));
                expectedNames.update(name(rows).getBytes(StandardCharsets.UTF_8));
                scoreSum += c.getDouble(3);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(ROWS);
        assertThat(idSum).isEqualTo((long) ROWS * (ROWS - 1) / 2);
        assertThat(names.getValue()).isEqualTo(expectedNames.getValue());
        assertThat(scoreSum).isEqualTo(0.25 * ((double) ROWS * (ROWS - 1) / 2));
    }
}
