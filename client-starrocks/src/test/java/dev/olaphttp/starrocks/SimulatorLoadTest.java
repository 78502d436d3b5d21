package dev.olaphttp.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.StarRocksTestServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream Load end to end against the testkit's StarRocks simulator: DESC for the column types, the FE's 307 to the
 * BE, labels, filtering and the ErrorURL log; every loaded value read back through the BE's table and through
 * {@code SELECT * FROM t} on the SQL API.
 */
class SimulatorLoadTest {
    private static final String TABLE = "demo.orders";
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 2, 29, 23, 59, 58);

    private StarRocksTestServer server;
    private SqlClient client;

    /** A record whose components map to the columns by name ({@code createdAt} to {@code created_at}). */
    record Order(long id, String name, BigDecimal amount, LocalDate day, LocalDateTime createdAt) {}

    @BeforeEach
    void start() {
        server = new StarRocksTestServer();
        server.table(TABLE, Column.of("id", "bigint(20)"), Column.of("name", "varchar(32)"),
                Column.of("amount", "decimal(10,2)"), Column.of("day", "date"), Column.of("created_at", "datetime"));
        client = StarRocks.builder().endpoint(server.url()).user("root", "").build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static final List<Object[]> ROWS = List.of(
            new Object[] {1L, "ada", new BigDecimal("9.50"), LocalDate.of(2024, 2, 29), T0},
            new Object[] {2L, "zoë \"quoted\", with comma", new BigDecimal("-0.01"), LocalDate.of(1970, 1, 1),
                T0.plusSeconds(1)},
            new Object[] {3L, null, null, null, null});

    /** What SELECT * returns, value for value, in load order. */
    private List<List<Object>> selectAll() {
        return client.sql("SELECT * FROM " + TABLE).list(r -> Arrays.asList(
                r.getObject(1), r.getObject(2), r.getObject(3), r.getObject(4), r.getObject(5)));
    }

    private static List<List<Object>> expected(List<Object[]> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(Arrays.asList(r));
        }
        return out;
    }

    @Test
    void rowsLoadTypedAndReadBackValueForValue() {
        InsertResult r = client.insert(TABLE).columns("id", "name", "amount", "day", "created_at").rows(ROWS);

        assertThat(r.rowsWritten()).isEqualTo(3);
        assertThat(r.serverInfo()).containsEntry(StarRocks.OUTCOME, StarRocks.VISIBLE);
        assertThat(server.requests()).as("the column types came from the simulator's DESC")
                .anySatisfy(q -> assertThat(q.bodyUtf8()).contains("DESC `demo`.`orders`"));
        assertThat(client.sql("DESC " + TABLE).list(d -> d.getString(1) + " " + d.getString(2)))
                .containsExactly("id bigint(20)", "name varchar(32)", "amount decimal(10,2)", "day date",
                        "created_at datetime");
        assertThat(server.loaded(TABLE).rows()).containsExactlyElementsOf(expected(ROWS));
        assertThat(selectAll()).containsExactlyElementsOf(expected(ROWS));
    }

    @Test
    void recordsLoadIntoTheColumnsOfTheSameName() {
        List<Order> orders = List.of(
                new Order(7, "grace", new BigDecimal("12345678.99"), LocalDate.of(2000, 1, 1), T0),
                new Order(8, "", new BigDecimal("0.00"), LocalDate.of(2038, 1, 19), T0.withNano(0).plusDays(1)));

        InsertResult r = client.insert(TABLE).records(orders, Order.class);

        assertThat(r.rowsWritten()).isEqualTo(2);
        List<Object[]> rows = orders.stream()
                .map(o -> new Object[] {o.id(), o.name(), o.amount(), o.day(), o.createdAt()}).toList();
        assertThat(server.loaded(TABLE).rows()).containsExactlyElementsOf(expected(rows));
        assertThat(selectAll()).containsExactlyElementsOf(expected(rows));
    }

    @Test
    void aCsvFileLoadsAsIs(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("orders.csv"),
                "1,ada,9.50,2024-02-29,2024-02-29 23:59:58\n2,bob,0.10,1999-12-31,2000-01-01 00:00:00\n3,\\N,\\N,\\N,\\N\n");

        InsertResult r = client.insert(TABLE).from(csv, DataFormat.CSV);

        assertThat(r.rowsWritten()).isEqualTo(3);
        List<Object[]> rows = List.of(
                new Object[] {1L, "ada", new BigDecimal("9.50"), LocalDate.of(2024, 2, 29), T0},
                new Object[] {2L, "bob", new BigDecimal("0.10"), LocalDate.of(1999, 12, 31),
                    LocalDateTime.of(2000, 1, 1, 0, 0)},
                new Object[] {3L, null, null, null, null});
        assertThat(server.loaded(TABLE).rows()).containsExactlyElementsOf(expected(rows));
        assertThat(selectAll()).containsExactlyElementsOf(expected(rows));
    }

    @Test
    void aLabelLoadsOnceEvenWhenTheLoadIsRepeated() {
        InsertResult first = client.insert(TABLE).label("orders-2024-02-29").rows(ROWS);
        InsertResult again = client.insert(TABLE).label("orders-2024-02-29").rows(ROWS);

        assertThat(first.serverInfo()).containsEntry(StarRocks.OUTCOME, StarRocks.VISIBLE);
        assertThat(again.serverInfo()).containsEntry(StarRocks.OUTCOME, StarRocks.ALREADY_LOADED);
        assertThat(again.label()).isEqualTo("orders-2024-02-29");
        assertThat(server.loaded(TABLE).rowCount()).isEqualTo(3);
        assertThat(selectAll()).hasSize(3);
    }

    @Test
    void rowsOverTheFilterRatioFailWithTheRejectedRows(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"),
                "1,ada,9.50,2024-02-29,2024-02-29 23:59:58\n2,bob,not-a-number,2024-01-01,2024-01-01 00:00:00\n"
                        + "3,eve,1.00,2024-01-02\n");

        assertThatThrownBy(() -> client.insert(TABLE).option("max_filter_ratio", "0.5").from(csv, DataFormat.CSV))
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("too many filtered rows")
                .hasMessageContaining("not-a-number")
                .hasMessageContaining("2024-01-02");
        assertThat(server.loaded(TABLE).rowCount()).isZero();
        assertThat(selectAll()).isEmpty();
    }

    @Test
    void rowsWithinTheFilterRatioLoadTheGoodOnes(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("some-bad.csv"),
                "1,ada,9.50,2024-02-29,2024-02-29 23:59:58\n2,bob,not-a-number,2024-01-01,2024-01-01 00:00:00\n");

        InsertResult r = client.insert(TABLE).option("max_filter_ratio", "0.5").from(csv, DataFormat.CSV);

        assertThat(r.rowsWritten()).isEqualTo(1);
        assertThat(server.loaded(TABLE).rows()).containsExactly(
                Arrays.asList(1L, "ada", new BigDecimal("9.50"), LocalDate.of(2024, 2, 29), T0));
    }
}
