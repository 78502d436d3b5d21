package dev.olaphttp.e2e;

import static dev.olaphttp.e2e.Expect.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.NullValueException;
import dev.olaphttp.ResultSizeException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.UnsupportedStatementException;
import dev.olaphttp.starrocks.StarRocks;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** StarRocks queries through the real client against the testkit's FE: NDJSON types, terminal operations. */
class StarRocksQueryE2ETest {
    @RegisterExtension
    final TestServerExtension<StarRocksTestServer> sr = TestServerExtension.of(StarRocksTestServer::new);

    private SqlClient client;

    @BeforeEach
    void connect() {
        client = SqlClient.connect(dsn(sr.server(), "shop"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    static String dsn(StarRocksTestServer server, String database) {
        return "starrocks://root:@127.0.0.1:" + server.port() + "/default_catalog." + database;
    }

    @Test
    void everyTypeDecodesToTheGeneratorsValue() {
        E2e.verifyRandomTable(client, sr.server(), "all_types", 31, 400,
                col("b", "boolean", Boolean.class, Expect::same),
                col("i8", "tinyint(4)", Integer.class, Expect::int32),
                col("i16", "smallint(6)", Integer.class, Expect::int32),
                col("i32", "int(11)", Integer.class, Expect::int32),
                col("i64", "bigint(20)", Long.class, Expect::int64),
                col("i128", "largeint(40)", BigInteger.class, Expect::bigInteger),
                col("f32", "float", Float.class, Expect::float32),
                col("f64", "double", Double.class, Expect::float64),
                col("d", "decimal(10, 2)", BigDecimal.class, Expect.decimal(2)),
                col("d64", "decimal64(18, 6)", BigDecimal.class, Expect.decimal(6)),
                col("d128", "decimal128(38, 9)", BigDecimal.class, Expect.decimal(9)),
                col("s", "varchar(65533)", String.class, Expect::same),
                col("c", "char(12)", String.class, Expect::same),
                col("day", "date", LocalDate.class, Expect::same),
                col("ts", "datetime", LocalDateTime.class, Expect::same),
                col("j", "json", String.class, Expect::same),
                col("a", "array<int(11)>", List.class, Expect.list(Expect::int32)),
                col("as", "array<varchar(65533)>", List.class, Expect.list(Expect::same)),
                col("m", "map<varchar(65533),bigint(20)>", Map.class, withoutEmptyKeys(Expect.map(Expect::same, Expect::int64))),
                col("mi", "map<int(11),double>", Map.class, Expect.map(Expect::int32, Expect::float64)),
                col("st", "struct<a int(11), b varchar(65533), c array<date>>", List.class,
                        Expect.tuple(Expect::int32, Expect::same, Expect.list(Expect::same))));
    }

    /** The FE skips map entries whose key is the empty string (protocol notes, MAP rendering). */
    private static Function<Object, Object> withoutEmptyKeys(Function<Object, Object> map) {
        return v -> {
            Map<?, ?> m = (Map<?, ?>) map.apply(v);
            m.keySet().removeIf(""::equals);
            return m;
        };
    }

    @Test
    void nullsInEveryKindOfColumn() {
        Object[] nulls = new Object[6];
        sr.server().when(SqlMatcher.contains("FROM holes")).thenReturn(Table.builder()
                .column("i", "int(11)").column("s", "varchar(10)").column("d", "decimal(5, 1)")
                .column("t", "datetime").column("a", "array<int(11)>").column("arr", "array<int(11)>")
                .row(nulls).row(1L, "x", new BigDecimal("2.5"), LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                        Arrays.asList(1L, null, 3L), List.of())
                .build());
        try (RowCursor c = client.sql("SELECT * FROM holes").stream()) {
            assertThat(c.next()).isTrue();
            for (int i = 1; i <= 6; i++) {
                assertThat(c.isNull(i)).isTrue();
                assertThat(c.getObject(i)).isNull();
            }
            assertThatThrownBy(() -> c.getLong(1)).isInstanceOf(NullValueException.class);
            assertThat(c.next()).isTrue();
            assertThat(c.getInt(1)).isEqualTo(1);
            assertThat(c.getBigDecimal(3)).isEqualTo(new BigDecimal("2.5"));
            assertThat(c.getLocalDateTime(4)).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
            assertThat(c.getObject(5)).isEqualTo(Arrays.asList(1, null, 3));
            assertThat(c.getObject(6)).isEqualTo(List.of());
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void terminalOperationsOverBuiltInNumbers() {
        assertThat(client.sql("SELECT number FROM numbers(5)").list(r -> r.getLong(1)))
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        long answer = client.sql("SELECT 42").single(r -> r.getLong(1));
        assertThat(answer).isEqualTo(42L);
        assertThat(client.sql("SELECT number FROM numbers(0)").optional(r -> r.getLong(1))).isEmpty();
        List<Long> seen = new ArrayList<>();
        client.sql("SELECT number FROM numbers(2500)").forEach(r -> seen.add(r.getLong("number")));
        assertThat(seen).hasSize(2500).endsWith(2499L);
        try (Stream<Long> s = client.sql("SELECT number FROM numbers(10000)").stream(r -> r.getLong(1))) {
            assertThat(s.mapToLong(Long::longValue).sum()).isEqualTo(9999L * 10000 / 2);
        }
        // last: its early close KILLs the pooled connection's next statement (see StarRocksFailureE2ETest)
        assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(3)").optional(r -> r.getLong(1)))
                .isInstanceOf(ResultSizeException.class);
    }

    record Visit(int pageId, String path, LocalDate day) {}

    @Test
    void mapsRowsToRecords() {
        sr.server().when(SqlMatcher.contains("FROM visits")).thenReturn(Table.builder()
                .column("page_id", "int(11)").column("path", "varchar(100)").column("day", "date")
                .row(1L, "/a", LocalDate.of(2026, 3, 1)).row(2L, "/b\"q", LocalDate.of(2026, 3, 2)).build());
        assertThat(client.sql("SELECT * FROM visits").mapTo(Visit.class).list()).containsExactly(
                new Visit(1, "/a", LocalDate.of(2026, 3, 1)), new Visit(2, "/b\"q", LocalDate.of(2026, 3, 2)));
    }

    @Test
    void cursorsReportTheConnectionAndQueryIds() {
        try (RowCursor c = client.sql("SELECT number FROM numbers(3)").stream()) {
            while (c.next()) {
                assertThat(c.getLong(1)).isLessThan(3);
            }
            assertThat(c.serverInfo().get(StarRocks.CONNECTION_ID)).isNotBlank();
            assertThat(c.stats().resultRows()).isIn(0L, 3L);
        }
    }

    @Test
    void maxRowsStopsReadingAndKillsTheServersWork() {
        List<Long> rows = client.sql("SELECT number FROM numbers(5000000)").maxRows(10).list(r -> r.getLong(1));
        assertThat(rows).hasSize(10).endsWith(9L);
        E2e.awaitRequest(sr.server(), r -> r.bodyUtf8().toUpperCase().contains("KILL"), Duration.ofSeconds(5));
    }

    @Test
    void parametersAreRenderedAsEscapedLiterals() {
        sr.server().when(SqlMatcher.contains("FROM users")).thenReturn(Table.builder()
                .column("n", "int(11)").row(1L).build());
        long n = client.sql("SELECT n FROM users WHERE name = ? AND day = ? AND id IN (?)")
                .param("O'Brien\\").param(LocalDate.of(2026, 1, 2)).param(List.of(1, 2, 3))
                .single(r -> r.getLong(1));
        assertThat(n).isEqualTo(1L);
        String sent = E2e.requestsWith(sr.server(), "FROM users").get(0).bodyUtf8();
        assertThat(sent).contains("'O\\\\'Brien\\\\\\\\'")
                .contains("CAST('2026-01-02' AS DATE)")
                .contains("IN (1, 2, 3)");
    }

    @Test
    void statementsTheHttpApiCannotRunAreRefusedBeforeSending() {
        assertThatThrownBy(() -> client.sql("INSERT INTO t VALUES (1)").execute())
                .isInstanceOf(UnsupportedStatementException.class);
        assertThat(sr.server().requests()).isEmpty();
    }
}
