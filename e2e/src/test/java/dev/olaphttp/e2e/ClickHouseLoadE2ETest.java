package dev.olaphttp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.LoadedTable;
import dev.olaphttp.testkit.TestServerExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClickHouse bulk loads through the real client into the testkit's modern and 18.16 servers: rows encoded per
 * column type (RowBinary), records, a CSV file passed through, the deduplication token; every loaded value read
 * back through the client.
 */
class ClickHouseLoadE2ETest {
    @RegisterExtension
    final TestServerExtension<ClickHouseTestServer> ch = TestServerExtension.of(ClickHouseTestServer::new);

    @RegisterExtension
    final TestServerExtension<ClickHouseTestServer> legacy =
            TestServerExtension.of(() -> new ClickHouseTestServer().legacy18());

    record Event(long id, String name, BigDecimal amount, ZonedDateTime ts, List<String> tags) {}

    private static final ZoneId UTC = ZoneId.of("UTC"); // the zone DateTime('UTC') names, not ZoneOffset.UTC
    private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 1, 5, 9, 14, 0, 0, UTC);

    private static List<Event> events() {
        return List.of(
                new Event(1, "ada", new BigDecimal("12.30"), T0, List.of("a", "b")),
                new Event(2, null, new BigDecimal("-0.01"), T0.plusSeconds(59), List.of()),
                new Event(3, "tab\there \"quoted\" \\ back", new BigDecimal("99999999.99"), T0.plusDays(400),
                        List.of("x\ty", "")));
    }

    private static LoadedTable declare(ClickHouseTestServer server) {
        return server.table("default.events",
                Column.of("id", "UInt64"),
                Column.of("name", "Nullable(String)"),
                Column.of("amount", "Decimal(10, 2)"),
                Column.of("ts", "DateTime('UTC')"),
                Column.of("tags", "Array(String)"));
    }

    private static SqlClient client(ClickHouseTestServer server) {
        return SqlClient.connect("clickhouse://default:@127.0.0.1:" + server.port() + "/default");
    }

    /** Reads the table back through the client as the same record type. */
    private static List<Event> readBack(SqlClient client) {
        return client.sql("SELECT * FROM events").list(r -> new Event(
                r.getLong("id"),
                r.getString("name"),
                r.getBigDecimal("amount"),
                r.get("ts", ZonedDateTime.class),
                listOfStrings(r.getObject("tags"))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOfStrings(Object o) {
        return new ArrayList<>((List<String>) o);
    }

    @Test
    void rowsAreEncodedPerColumnTypeAndReadBackValueForValue() {
        LoadedTable table = declare(ch.server());
        try (SqlClient client = client(ch.server())) {
            InsertResult r = client.insert("default.events")
                    .columns("id", "name", "amount", "ts", "tags")
                    .rows(events().stream().map(e -> new Object[] {e.id(), e.name(), e.amount(), e.ts(), e.tags()}));
            assertThat(r.rowsWritten()).isEqualTo(3);
            assertThat(table.rowCount()).isEqualTo(3);
            // what the server parsed out of the RowBinary body (types as the simulator stores them)
            assertThat(((Number) table.rows().get(0).get(0)).longValue()).isEqualTo(1L);
            assertThat(table.rows().get(0).subList(1, 3)).containsExactly("ada", new BigDecimal("12.30"));
            assertThat(table.rows().get(0).get(4)).isEqualTo(List.of("a", "b"));
            assertThat(table.rows().get(1).get(1)).isNull();
            assertThat(table.rows().get(2).get(1)).isEqualTo("tab\there \"quoted\" \\ back");
            assertThat(readBack(client)).containsExactlyElementsOf(events());
        }
    }

    @Test
    void recordsFillColumnsByName() {
        LoadedTable table = declare(ch.server());
        try (SqlClient client = client(ch.server())) {
            client.insert("events").records(events(), Event.class);
            assertThat(table.rowCount()).isEqualTo(3);
            assertThat(readBack(client)).containsExactlyElementsOf(events());
        }
    }

    @Test
    void aCsvFileIsPassedThroughUnchanged(@TempDir Path dir) throws Exception {
        LoadedTable table = declare(ch.server());
        Path csv = Files.writeString(dir.resolve("events.csv"),
                "7,\"comma, inside\",1.50,2026-01-05 09:14:00,\"['p','q']\"\n"
                        + "8,\\N,2.00,2026-01-06 00:00:00,[]\n");
        try (SqlClient client = client(ch.server())) {
            client.insert("events").from(csv, DataFormat.CSV);
            assertThat(table.rowCount()).isEqualTo(2);
            assertThat(readBack(client)).containsExactly(
                    new Event(7, "comma, inside", new BigDecimal("1.50"), T0, List.of("p", "q")),
                    new Event(8, null, new BigDecimal("2.00"), ZonedDateTime.of(2026, 1, 6, 0, 0, 0, 0, UTC),
                            List.of()));
        }
    }

    @Test
    void theSameLabelLoadsOnce() {
        LoadedTable table = declare(ch.server());
        try (SqlClient client = client(ch.server())) {
            for (int attempt = 0; attempt < 2; attempt++) {
                client.insert("events").label("nightly-2026-01-05").records(events(), Event.class);
            }
            assertThat(table.rowCount()).isEqualTo(3);
            assertThat(table.attemptCount()).isEqualTo(2);
            assertThat(table.labels()).containsExactly("nightly-2026-01-05");
        }
    }

    @Test
    void theOldServerLoadsRowsToo() {
        LoadedTable table = declare(legacy.server());
        try (SqlClient client = client(legacy.server())) {
            InsertResult r = client.insert("events").records(events(), Event.class);
            // 18.16 sends no X-ClickHouse-Summary: the client reports what it sent, and says so
            assertThat(r.rowsWritten()).isEqualTo(3);
            assertThat(table.rowCount()).isEqualTo(3);
            assertThat(readBack(client)).containsExactlyElementsOf(events());
        }
    }

    @Test
    void aMillionRowsStreamIntoACountingTable() {
        LoadedTable table = ch.server().countingTable("default.numbers_copy",
                Column.of("n", "UInt64"), Column.of("s", "String"));
        try (SqlClient client = client(ch.server())) {
            long rows = 1_000_000;
            InsertResult r = client.insert("numbers_copy")
                    .columns("n", "s")
                    .rows(Stream.iterate(0L, i -> i < rows, i -> i + 1).map(i -> new Object[] {i, "row-" + i}));
            assertThat(r.rowsWritten()).isEqualTo(rows);
            assertThat(table.rowCount()).isEqualTo(rows);
            assertThat(table.loadCount()).isEqualTo(1);
        }
    }
}
