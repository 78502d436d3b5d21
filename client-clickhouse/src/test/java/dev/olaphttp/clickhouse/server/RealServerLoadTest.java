package dev.olaphttp.clickhouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code client.insert(table)} bulk loads against 18.16: rows encoded per column type, files passed through. */
@ExtendWith(ClickHouseServerExtension.class)
class RealServerLoadTest {
    private static SqlClient client;

    record Item(long id, String name) {}

    @BeforeAll
    static void open() {
        client = ClickHouse.builder().endpoint(ClickHouseServerExtension.url()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void rowsAreEncodedPerColumnTypeAndReadBackValueForValue() {
        client.sql("CREATE TABLE load_t (id UInt32, name String, d Date, ts DateTime('UTC'), tags Array(String), "
                + "n Nullable(Int32), twice UInt64 MATERIALIZED id * 2) ENGINE = Memory").execute();
        InsertResult r = client.insert("default.load_t").rows(Stream.of(
                new Object[] {1, "tab\there 'q' \\N", LocalDate.of(2026, 1, 2), Instant.parse("2026-01-02T03:04:05Z"),
                    List.of("a'b", "c\\d"), null},
                new Object[] {2L, "üñí 😀", "2026-03-04", Instant.parse("1999-12-31T23:59:59Z"), List.of(), -7}));
        assertThat(r.queryId()).isNotBlank();
        assertThat(r.label()).isNull(); // 18.16 has no insert_deduplication_token
        List<String> rows = client.sql("SELECT id, name, d, toString(ts), tags, n, twice FROM load_t ORDER BY id")
                .list(x -> x.getLong(1) + "|" + x.getString(2) + "|" + x.getObject(3) + "|" + x.getString(4) + "|"
                        + x.getObject(5) + "|" + x.getObject(6) + "|" + x.getLong(7));
        assertThat(rows).containsExactly(
                "1|tab\there 'q' \\N|2026-01-02|2026-01-02 03:04:05|[a'b, c\\d]|null|2",
                "2|üñí 😀|2026-03-04|1999-12-31 23:59:59|[]|-7|4");
    }

    @Test
    void recordsColumnsAndFiles() {
        client.sql("CREATE TABLE load_r (id UInt64, name String, extra String DEFAULT 'dflt') ENGINE = Memory").execute();
        client.insert("load_r").records(List.of(new Item(1, "one"), new Item(2, "two")), Item.class);
        client.insert("load_r").from(new ByteArrayInputStream("3,\"th,ree\",x\n".getBytes(StandardCharsets.UTF_8)),
                DataFormat.CSV);
        client.insert("load_r").columns("id", "name").from(new ByteArrayInputStream(
                "{\"id\":4,\"name\":\"four\"}\n".getBytes(StandardCharsets.UTF_8)), DataFormat.NDJSON);
        assertThat(client.sql("SELECT id, name, extra FROM load_r ORDER BY id")
                .list(x -> x.getLong(1) + x.getString(2) + x.getString(3)))
                .containsExactly("1onedflt", "2twodflt", "3th,reex", "4fourdflt");
        assertThatThrownBy(() -> client.insert("load_r").columns("id", "nope").rows(List.<Object[]>of(new Object[] {1, 2})))
                .isInstanceOf(dev.olaphttp.InvalidRequestException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> client.insert("no_such_table").rows(Arrays.<Object[]>asList(new Object[] {1})))
                .isInstanceOf(QueryFailedException.class)
                .satisfies(e -> assertThat(((QueryFailedException) e).errorCode()).hasValue(60));
    }

    @Test
    void gzipRowBinaryLoadsOn1816() {
        client.sql("CREATE TABLE load_gz (id UInt64, s String) ENGINE = Memory").execute();
        InsertResult r = client.insert("load_gz").option("compress", "gzip")
                .rows(Stream.iterate(0L, i -> i < 5000, i -> i + 1).map(i -> new Object[] {i, "s" + i}));
        assertThat(r.rowsWritten()).isEqualTo(5000);
        assertThat(client.sql("SELECT count(), sum(id), sum(length(s)) FROM load_gz")
                .list(x -> x.getLong(1) + " " + x.getLong(2) + " " + x.getLong(3)))
                .containsExactly("5000 12497500 23890");
    }
}
