package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InsertResult;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlClient;
import dev.olaphttp.TypeConversionException;
import dev.olaphttp.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every column type Databend loads, encoded to NDJSON and parsed back value for value; bad values rejected. */
class LoadTypesTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    final LoadServer db = new LoadServer();

    private static final String SCHEMA = "[" + String.join(",",
            col("b", "Boolean"), col("i8", "Int8"), col("u8", "UInt8"), col("i32", "Int32"), col("u32", "UInt32"),
            col("i64", "Int64"), col("u64", "UInt64"), col("f32", "Float32"), col("f64", "Float64"),
            col("d", "Decimal(38, 10)"), col("s", "Nullable(String)"), col("dt", "Date"), col("ts", "Timestamp"),
            col("bin", "Binary"), col("v", "Variant"), col("arr", "Array(Int32 NULL)"),
            col("m", "Map(String, Int64)"), col("tup", "Tuple(Int32, String)"), col("n", "Nullable(Int64)"),
            col("big", "Decimal(76, 0)")) + "]";

    private static String col(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    @BeforeEach
    void dispatch() {
        db.schema = SCHEMA;
        server.setDispatcher(db);
    }

    @Test
    void encodesEveryTypeExactly() throws Exception {
        Map<String, Object> m1 = new LinkedHashMap<>();
        m1.put("k", 9007199254740993L);
        m1.put("k\"2", -1L);
        Object[] row1 = {true, -128, 255, Integer.MIN_VALUE, 4294967295L, Long.MIN_VALUE,
            new BigInteger("18446744073709551615"), 1.5f, 0.1d, new BigDecimal("1234567890123456789012345678.1234567891"),
            "NULL", LocalDate.of(2024, 2, 29), OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123456000, ZoneOffset.ofHours(8)),
            new byte[] {0, 1, (byte) 0xff, 0x7f}, "{\"a\":[1,2.5,\"x\"]}", Arrays.asList(1, null, 3), m1,
            List.of(7, "x\"y\n\t\u00e9\u0001"), null, new BigInteger("-" + "9".repeat(76))};
        Object[] row2 = {false, (byte) 127, (short) 0, 0, 0, Long.MAX_VALUE, 5L, -0.0f, -1.5e300, "-0.0000000001",
            "", "2024-05-01", LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999999000), new byte[0],
            Map.of("x", List.of(true)), new Object[0], Map.of(), new Object[] {-1, ""}, 42L, BigDecimal.ONE};
        Object[] row3 = {true, 0, 0, 0, 0, 0L, 0L, 0f, 0d, 3L, null,
            LocalDate.of(1970, 1, 1), Instant.parse("2020-06-01T00:00:00Z"), new byte[] {10}, 12, List.of(), Map.of(),
            List.of(0, "a"), null, "0"};
        Object[] row4 = {true, 0, 0, 0, 0, 0L, 0L, 0f, 0d, 3L, "a",
            LocalDate.of(1970, 1, 1), ZonedDateTime.of(2020, 6, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
            new byte[] {10}, "null", List.of(), Map.of(), List.of(0, "a"), null, "0"};
        InsertResult r;
        try (SqlClient client = TestServer.client(server, "")) {
            r = client.insert("t").label("types").rows(List.of(row1, row2, row3, row4));
        }
        List<Map<String, Object>> rows = LoadServer.ndjson(LoadServer.filePart(db.first("UPLOAD"), "types.ndjson"));
        assertThat(rows).hasSize(4);
        assertThat(r.serverInfo()).containsEntry("rows_sent", "4");

        Map<String, Object> a = rows.get(0);
        assertThat(a.keySet()).containsExactly("b", "i8", "u8", "i32", "u32", "i64", "u64", "f32", "f64", "d", "s",
                "dt", "ts", "bin", "v", "arr", "m", "tup", "n", "big");
        assertThat(a.get("b")).isEqualTo(true);
        assertThat(a.get("i8")).isEqualTo(BigInteger.valueOf(-128));
        assertThat(a.get("u8")).isEqualTo(BigInteger.valueOf(255));
        assertThat(a.get("i32")).isEqualTo(BigInteger.valueOf(Integer.MIN_VALUE));
        assertThat(a.get("u32")).isEqualTo(BigInteger.valueOf(4294967295L));
        assertThat(a.get("i64")).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE));
        assertThat(a.get("u64")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(((BigDecimal) a.get("f32")).floatValue()).isEqualTo(1.5f);
        assertThat(((BigDecimal) a.get("f64")).doubleValue()).isEqualTo(0.1d);
        assertThat(a.get("d")).isEqualTo("1234567890123456789012345678.1234567891");
        assertThat(a.get("s")).isEqualTo("NULL");
        assertThat(a.get("dt")).isEqualTo("2024-02-29");
        assertThat(a.get("ts")).isEqualTo("2024-01-02T03:04:05.123456+08:00");
        assertThat(a.get("bin")).isEqualTo("0001ff7f");
        assertThat(a.get("v")).isEqualTo(Map.of("a", List.of(BigInteger.ONE, new BigDecimal("2.5"), "x")));
        assertThat(a.get("arr")).isEqualTo(Arrays.asList(BigInteger.ONE, null, BigInteger.valueOf(3)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", BigInteger.valueOf(9007199254740993L));
        m.put("k\"2", BigInteger.valueOf(-1));
        assertThat(a.get("m")).isEqualTo(m);
        assertThat(a.get("tup")).isEqualTo(Map.of("1", BigInteger.valueOf(7), "2", "x\"y\n\t\u00e9\u0001"));
        assertThat(a).containsEntry("n", null);
        assertThat(a.get("big")).isEqualTo("-" + "9".repeat(76));

        Map<String, Object> b = rows.get(1);
        assertThat(b.get("b")).isEqualTo(false);
        assertThat(b.get("i64")).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(((BigDecimal) b.get("f64")).doubleValue()).isEqualTo(-1.5e300);
        assertThat(b.get("d")).isEqualTo("-0.0000000001");
        assertThat(b.get("s")).isEqualTo("");
        assertThat(b.get("dt")).isEqualTo("2024-05-01");
        assertThat(b.get("ts")).isEqualTo("1999-12-31T23:59:59.999999");
        assertThat(b.get("bin")).isEqualTo("");
        assertThat(b.get("v")).isEqualTo(Map.of("x", List.of(true)));
        assertThat(b.get("arr")).isEqualTo(List.of());
        assertThat(b.get("m")).isEqualTo(Map.of());
        assertThat(b.get("tup")).isEqualTo(Map.of("1", BigInteger.valueOf(-1), "2", ""));
        assertThat(b.get("n")).isEqualTo(BigInteger.valueOf(42));
        assertThat(b.get("big")).isEqualTo("1");

        assertThat(rows.get(2).get("d")).isEqualTo("3.0000000000");
        assertThat(rows.get(2)).containsEntry("s", null);
        assertThat(rows.get(2).get("ts")).isEqualTo("2020-06-01T00:00:00.000000+00:00");
        assertThat(rows.get(2).get("v")).isEqualTo(BigInteger.valueOf(12));
        assertThat(rows.get(3).get("ts")).isEqualTo("2020-06-01T12:00:00.000000+02:00");
        assertThat(rows.get(3)).containsEntry("v", null);
    }

    @Test
    void rejectsValuesThatWouldNotLoadExactly() {
        assertBad("d", new BigDecimal("0.00000000001"), "more than 10 fraction digits");
        assertBad("d", 0.5d, "a java.lang.Double where a BigDecimal");
        assertBad("i8", 128, "out of range [-128, 127]");
        assertBad("u8", -1, "out of range [0, 255]");
        assertBad("u64", new BigInteger("18446744073709551616"), "out of range");
        assertBad("i64", new BigInteger("9223372036854775808"), "out of range");
        assertBad("f64", Double.NaN, "NaN or Infinity");
        assertBad("b", null, "NULL for a column that is not nullable (Boolean)");
        assertBad("arr", List.of("x"), "a String that is not an integer");
        assertBad("m", Map.of("k", 1.5d), "a java.lang.Double where an integer");
        assertBad("tup", List.of(1), "a tuple of 1 values for 2 fields");
        assertBad("v", "{not json", "not valid JSON text");
        assertBad("bin", "00ff", "where a byte[]");
        assertBad("s", 5, "where a String");
    }

    private void assertBad(String column, Object value, String message) {
        Object[] good = {true, 0, 0, 0, 0, 0L, 0L, 0f, 0d, 3L, null, LocalDate.of(1970, 1, 1),
            LocalDateTime.of(1970, 1, 1, 0, 0), new byte[0], "1", List.of(), Map.of(), List.of(0, "a"), null, "0"};
        Object[] bad = good.clone();
        String[] names = {"b", "i8", "u8", "i32", "u32", "i64", "u64", "f32", "f64", "d", "s", "dt", "ts", "bin",
            "v", "arr", "m", "tup", "n", "big"};
        bad[Arrays.asList(names).indexOf(column)] = value;
        db.kinds.clear();
        db.requests.clear();
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.insert("t").rows(List.of(good, good, bad)))
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("row 3, column '" + column + "'")
                    .hasMessageContaining(message);
        }
        assertThat(db.kinds).as(column).startsWith("SCHEMA").endsWith("REMOVE").doesNotContain("INSERT");
    }

    @Test
    void anEmptyResultKeepsItsSchema() {
        db.schema = "[{\"name\":\"a\",\"type\":\"Nullable(Decimal(10, 2))\"}]";
        try (SqlClient client = TestServer.client(server, "")) {
            Schema s;
            try (var c = client.sql("SELECT * FROM t LIMIT 0").stream()) {
                s = c.schema();
                assertThat(c.next()).isFalse();
            }
            assertThat(s.names()).containsExactly("a");
            assertThat(s.column(1).type().kind()).isEqualTo(TypeKind.DECIMAL);
            assertThat(s.column(1).type().nullable()).isTrue();
        }
    }
}
