package dev.olaphttp.e2e;

import static dev.olaphttp.e2e.Expect.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.NullValueException;
import dev.olaphttp.ResultSizeException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Databend queries through the real client against the testkit's query node: types, terminal operations, paging. */
class DatabendQueryE2ETest {
    @RegisterExtension
    final TestServerExtension<DatabendTestServer> db = TestServerExtension.of(DatabendTestServer::new);

    private SqlClient client;

    @BeforeEach
    void connect() {
        client = SqlClient.connect(dsn(db.server(), "max_rows_per_page=97"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    static String dsn(DatabendTestServer server, String options) {
        return "databend://root:@127.0.0.1:" + server.port() + "/default?sslmode=disable"
                + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void everyScalarTypeDecodesToTheGeneratorsValue() {
        E2e.verifyRandomTable(client, db.server(), "scalars", 11, 400,
                col("b", "Nullable(Boolean)", Boolean.class, Expect::same),
                col("i8", "Int8", Integer.class, Expect::int32),
                col("i16", "Nullable(Int16)", Integer.class, Expect::int32),
                col("i32", "Int32", Integer.class, Expect::int32),
                col("i64", "Nullable(Int64)", Long.class, Expect::int64),
                col("u8", "UInt8", Integer.class, Expect::int32),
                col("u16", "UInt16", Integer.class, Expect::int32),
                col("u32", "Nullable(UInt32)", Long.class, Expect::int64),
                col("u64", "UInt64", BigInteger.class, Expect::bigInteger),
                col("f32", "Float32", Float.class, Expect::float32),
                col("f64", "Nullable(Float64)", Double.class, Expect::float64),
                col("d", "Decimal(15, 2)", BigDecimal.class, Expect.decimal(2)),
                col("d38", "Nullable(Decimal(38, 10))", BigDecimal.class, Expect.decimal(10)),
                col("s", "Nullable(String)", String.class, Expect::same),
                col("bin", "Binary", byte[].class, Expect::same),
                col("day", "Nullable(Date)", LocalDate.class, Expect::same),
                col("ts", "Timestamp", ZonedDateTime.class, Expect::utcZoned),
                col("tz", "Nullable(Timestamp_Tz)", OffsetDateTime.class, Expect::same),
                col("v", "Nullable(Variant)", String.class, Expect::same),
                col("iv", "Interval", String.class, Expect::same));
    }

    @Test
    void nestedTypesDecodeToListsAndMaps() {
        E2e.verifyRandomTable(client, db.server(), "nested", 12, 300,
                col("a", "Nullable(Array(Int32 NULL))", List.class, Expect.list(Expect::int32)),
                col("m", "Map(Int64, Float64 NULL)", Map.class, Expect.map(Expect::int64, Expect::float64)),
                col("t", "Nullable(Tuple(Int32, Date NULL))", List.class, Expect.tuple(Expect::int32, Expect::same)),
                col("ad", "Array(Decimal(10, 3))", List.class, Expect.list(Expect.decimal(3))),
                col("ab", "Array(Boolean NULL)", List.class, Expect.list(Expect::same)),
                col("ats", "Array(Timestamp NULL)", List.class, Expect.list(Expect::utcZoned)));
    }

    /**
     * Databend quotes strings nested in arrays, maps and tuples with only {@code "} escaped (a backslash is sent as
     * is), so every string that does not end in a backslash must come back unchanged.
     */
    @Test
    void nestedStringsWithQuotesBackslashesAndControlCharactersRoundTrip() {
        List<Object> strings = List.of("plain", "q\"uote", "back\\slash", "both\\\"mix", "tab\tnl\n",
                "a,b]c[", "{k:v}", "(x,y)", "NULL", "", "é€😀", "'single'");
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < strings.size(); i++) {
            map.put(strings.get(i), strings.get(strings.size() - 1 - i));
        }
        db.server().when(SqlMatcher.contains("FROM words")).thenReturn(Table.builder()
                .column("a", "Array(String)").column("m", "Map(String, String NULL)")
                .column("t", "Tuple(String, String NULL)")
                .row(strings, map, List.of("x\"y", "z\\w"))
                .build());
        try (RowCursor c = client.sql("SELECT a, m, t FROM words").stream()) {
            assertThat(c.next()).isTrue();
            assertThat(c.getObject(1)).isEqualTo(strings);
            assertThat(c.getObject(2)).isEqualTo(map);
            assertThat(c.getObject(3)).isEqualTo(List.of("x\"y", "z\\w"));
        }
    }

    @Test
    void terminalOperationsOverBuiltInNumbers() {
        assertThat(client.sql("SELECT number FROM numbers(5)").list(r -> r.getLong(1)))
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        long answer = client.sql("SELECT 42").single(r -> r.getLong(1));
        assertThat(answer).isEqualTo(42L);
        assertThat(client.sql("SELECT number FROM numbers(1)").optional(r -> r.getLong("number"))).contains(0L);
        assertThat(client.sql("SELECT number FROM numbers(0)").optional(r -> r.getLong(1))).isEmpty();

        List<Long> seen = new ArrayList<>();
        client.sql("SELECT number FROM numbers(300)").forEach(r -> seen.add(r.getLong(1)));
        assertThat(seen).hasSize(300).startsWith(0L, 1L).endsWith(299L);

        try (Stream<Long> s = client.sql("SELECT number FROM numbers(1000)").stream(r -> r.getLong(1))) {
            assertThat(s.mapToLong(Long::longValue).sum()).isEqualTo(999L * 1000 / 2);
        }
    }

    @Test
    void singleAndOptionalRefuseTheWrongRowCount() {
        assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(0)").single(r -> r.getLong(1)))
                .isInstanceOf(ResultSizeException.class);
        assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(2)").single(r -> r.getLong(1)))
                .isInstanceOf(ResultSizeException.class);
        assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(3)").optional(r -> r.getLong(1)))
                .isInstanceOf(ResultSizeException.class);
    }

    record Trip(long id, String cityName, BigDecimal fare) {}

    @Test
    void mapsRowsToRecordsByColumnName() {
        db.server().when(SqlMatcher.contains("FROM trips")).thenReturn(Table.builder()
                .column("id", "UInt32").column("city_name", "Nullable(String)").column("fare", "Decimal(8, 2)")
                .row(1L, "Paris", new BigDecimal("12.50"))
                .row(2L, null, new BigDecimal("-3.05"))
                .build());
        assertThat(client.sql("SELECT id, city_name, fare FROM trips").mapTo(Trip.class).list()).containsExactly(
                new Trip(1, "Paris", new BigDecimal("12.50")), new Trip(2, null, new BigDecimal("-3.05")));
        try (Stream<Trip> s = client.sql("SELECT * FROM trips").mapTo(Trip.class).stream()) {
            assertThat(s.map(Trip::id)).containsExactly(1L, 2L);
        }
    }

    @Test
    void nullsReadAsNullObjectsAndRefusePrimitiveGetters() {
        db.server().when(SqlMatcher.contains("FROM holes")).thenReturn(Table.builder()
                .column("n", "Nullable(Int64)").column("s", "Nullable(String)").row(null, null).build());
        try (RowCursor c = client.sql("SELECT n, s FROM holes").stream()) {
            assertThat(c.next()).isTrue();
            assertThat(c.isNull(1)).isTrue();
            assertThat(c.getObject(1)).isNull();
            assertThat(c.getString("s")).isNull();
            assertThatThrownBy(() -> c.getLong(1)).isInstanceOf(NullValueException.class);
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void maxRowsStopsReadingAndKillsTheServersWork() {
        List<Long> rows = client.sql("SELECT number FROM numbers(100000)").maxRows(150).list(r -> r.getLong(1));
        assertThat(rows).hasSize(150).endsWith(149L);
        E2e.awaitRequest(db.server(), r -> r.path().endsWith("/kill"), java.time.Duration.ofSeconds(5));
        long pages = db.server().requests().stream().filter(r -> r.path().contains("/page/")).count();
        assertThat(pages).as("pages fetched for 150 rows of 97 per page").isLessThanOrEqualTo(2);
    }

    @Test
    void pagesAreFollowedToTheEndWithRowNumbersAndStats() {
        try (RowCursor c = client.sql("SELECT number FROM numbers(1000)").stream()) {
            long sum = 0;
            while (c.next()) {
                assertThat(c.rowNumber()).isEqualTo(c.getLong(1) + 1);
                sum += c.getLong(1);
            }
            assertThat(sum).isEqualTo(999L * 1000 / 2);
            assertThat(c.queryId()).isNotBlank();
        }
        assertThat(db.server().requests().stream().filter(r -> r.path().contains("/page/")).count())
                .as("1000 rows in pages of 97").isGreaterThanOrEqualTo(10);
    }

    @Test
    void longPollsWithoutRowsAreFollowedUntilTheResultArrives() {
        db.server().runningPolls(3);
        assertThat(client.sql("SELECT number FROM numbers(250)").list(r -> r.getLong(1))).hasSize(250).endsWith(249L);
        assertThat(db.server().requests().stream().filter(r -> r.path().contains("/page/")).count())
                .as("three empty Running polls, then three pages").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aQueryThatExpiresWhileBeingReadIsAnErrorNeverACleanEnd() {
        long[] read = {0};
        assertThatThrownBy(() -> {
            try (RowCursor c = client.sql("SELECT number FROM numbers(1000)").stream()) {
                while (c.next()) {
                    if (++read[0] == 150) {
                        db.server().expire(c.queryId());
                    }
                }
            }
        }).isInstanceOf(SqlClientException.class);
        assertThat(read[0]).isLessThan(1000);
    }

    @Test
    void aGivenQueryIdIsSentToTheServer() {
        try (RowCursor c = client.sql("SELECT 1").queryId("e2e-q-1").stream()) {
            assertThat(c.next()).isTrue();
            assertThat(c.queryId()).isEqualTo("e2e-q-1");
        }
        assertThat(E2e.requestsWith(db.server(), "SELECT 1").get(0).header("X-DATABEND-QUERY-ID"))
                .isEqualTo("e2e-q-1");
    }
}
