package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.LoadSupport.beJson;
import static dev.olaphttp.starrocks.LoadSupport.desc;
import static dev.olaphttp.starrocks.LoadSupport.redirectTo;
import static dev.olaphttp.starrocks.LoadSupport.result;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlClient;
import dev.olaphttp.TypeConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows encoded value for value per the column types DESC reported; values that do not fit fail typed. */
class LoadEncodingTest {
    @StartStop
    final MockWebServer fe = new MockWebServer();

    @StartStop
    final MockWebServer be = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();
    private static final String PATH = "/api/demo/t/_stream_load";

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    @Test
    void everyTypeIsWrittenInStarRocksForm() throws Exception {
        fe.enqueue(desc("ti", "tinyint(4)", "si", "smallint(6)", "i", "int(11)", "bi", "bigint(20)",
                "li", "largeint(40)", "f", "float", "d", "double", "dec", "decimal(10,2)", "dt", "date",
                "ts", "datetime", "b", "boolean", "s", "varchar(65533)", "c", "char(5)", "vb", "varbinary",
                "j", "json", "a", "array<int(11)>", "m", "map<varchar(10),int(11)>",
                "st", "struct<x int(11), y varchar(10)>", "tz", "datetime", "n", "array<array<date>>"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("y", "v");
        struct.put("x", 3);
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("x", 1);
        m.put("y", null);
        Object[] typical = {(byte) -128, (short) 32767, Integer.MIN_VALUE, Long.MAX_VALUE,
            BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE), 1.5f, -2.25e-10, new BigDecimal("12345678.90"),
            LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000), true,
            "tab\t\"q\" \\ é 😀 \u0001", "ab", "hi".getBytes(StandardCharsets.UTF_8), "{\"k\": [1, 2]}",
            Arrays.asList(1, null, 3), m, List.of(7, "s\""), Instant.parse("2024-01-01T00:00:00Z"),
            List.of(List.of(LocalDate.of(2024, 1, 2)))};
        Object[] relatives = {127, 1, (short) 5, BigInteger.valueOf(5), -1L, 2, BigDecimal.ONE, new BigDecimal("1.500"),
            "2024-01-01", OffsetDateTime.of(2024, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2)), false, 42, 'x',
            "raw", Map.of("a", List.of(true)), new Object[] {}, Map.of(), struct,
            LocalDateTime.of(1, 1, 1, 0, 0), List.of()};
        Object[] nulls = new Object[20];
        try (SqlClient c = TestSupport.client(fe, ok)) {
            c.insert("demo.t").rows(Stream.of(typical, relatives, nulls));
        }
        take(fe);
        take(fe);
        String body = take(be).getBody().utf8();
        assertThat(body.split("\n", -1)).containsExactly(
                "{\"ti\":-128,\"si\":32767,\"i\":-2147483648,\"bi\":9223372036854775807,"
                        + "\"li\":\"170141183460469231731687303715884105727\",\"f\":1.5,\"d\":-2.25E-10,"
                        + "\"dec\":\"12345678.90\",\"dt\":\"2024-02-29\",\"ts\":\"2024-02-29 23:59:58.123456\","
                        + "\"b\":true,\"s\":\"tab\\t\\\"q\\\" \\\\ é \\uD83D\\uDE00 \\u0001\",\"c\":\"ab\",\"vb\":\"hi\","
                        + "\"j\":{\"k\": [1, 2]},\"a\":[1,null,3],\"m\":{\"x\":1,\"y\":null},"
                        + "\"st\":{\"x\":7,\"y\":\"s\\\"\"},\"tz\":\"2024-01-01 00:00:00\",\"n\":[[\"2024-01-02\"]]}",
                "{\"ti\":127,\"si\":1,\"i\":5,\"bi\":5,\"li\":\"-1\",\"f\":2,\"d\":1,\"dec\":\"1.50\","
                        + "\"dt\":\"2024-01-01\",\"ts\":\"2024-01-01 00:00:00\",\"b\":false,\"s\":\"42\",\"c\":\"x\","
                        + "\"vb\":\"raw\",\"j\":{\"a\":[true]},\"a\":[],\"m\":{},\"st\":{\"y\":\"v\",\"x\":3},"
                        + "\"tz\":\"0001-01-01 00:00:00\",\"n\":[]}",
                "{\"ti\":null,\"si\":null,\"i\":null,\"bi\":null,\"li\":null,\"f\":null,\"d\":null,\"dec\":null,"
                        + "\"dt\":null,\"ts\":null,\"b\":null,\"s\":null,\"c\":null,\"vb\":null,\"j\":null,\"a\":null,"
                        + "\"m\":null,\"st\":null,\"tz\":null,\"n\":null}",
                "");
    }

    @Test
    void zonedValuesUseTheTimezoneOption() throws Exception {
        fe.enqueue(desc("ts", "datetime"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            c.insert("demo.t").option("timezone", "Asia/Shanghai")
                    .rows(List.<Object[]>of(new Object[] {Instant.parse("2024-01-01T00:00:00Z")}));
        }
        take(fe);
        RecordedRequestAssert.header(take(fe), "timezone", "Asia/Shanghai");
        assertThat(take(be).getBody().utf8()).isEqualTo("{\"ts\":\"2024-01-01 08:00:00\"}\n");
    }

    @Test
    void withoutDescTheValuesDecide() throws Exception {
        fe.enqueue(TestSupport.error(403, "{\"status\":\"FAILED\",\"code\":\"1\",\"msg\":\"Access denied\"}"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            c.insert("demo.t").columns("id", "amount", "day", "tags", "ok")
                    .rows(List.<Object[]>of(new Object[] {
                        1L, new BigDecimal("1.10"), LocalDate.of(2024, 1, 1), List.of("a"), true}));
        }
        take(fe);
        take(fe);
        assertThat(take(be).getBody().utf8()).isEqualTo(
                "{\"id\":1,\"amount\":\"1.10\",\"day\":\"2024-01-01\",\"tags\":[\"a\"],\"ok\":true}\n");
    }

    @Test
    void withoutDescAndWithoutColumnsTheLoadFailsBeforeSending() {
        fe.enqueue(TestSupport.error(403, "{\"status\":\"FAILED\",\"code\":\"1\",\"msg\":\"Access denied\"}"));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            assertThatThrownBy(() -> c.insert("demo.t").rows(List.<Object[]>of(new Object[] {1})))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class)
                    .hasMessageContaining("columns(...)");
        }
        assertThat(fe.getRequestCount()).isEqualTo(1);
        assertThat(be.getRequestCount()).isZero();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("tinyint(4)", 128, "out of the column's range -128..127"),
                Arguments.of("int(11)", 3_000_000_000L, "out of the column's range"),
                Arguments.of("int(11)", new BigDecimal("1.5"), "where an integer was expected"),
                Arguments.of("largeint(40)", BigInteger.ONE.shiftLeft(127), "128-bit range"),
                Arguments.of("decimal(10,2)", new BigDecimal("1.234"), "more than 2 decimal places"),
                Arguments.of("decimal(4,2)", new BigDecimal("123.4"), "more than 2 integer digits"),
                Arguments.of("double", Double.NaN, "NaN or infinity"),
                Arguments.of("datetime", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1), "nanoseconds"),
                Arguments.of("date", LocalDate.of(10000, 1, 1), "outside years"),
                Arguments.of("varbinary", new byte[] {(byte) 0xff}, "not valid UTF-8"),
                Arguments.of("json", "{secret", "not valid JSON"),
                Arguments.of("varchar(10)", "secret\uD800", "unpaired UTF-16 surrogate"),
                Arguments.of("boolean", 1, "a Integer where a Boolean was expected"),
                Arguments.of("struct<x int(11), y int(11)>", List.of(1), "a struct of 1 values for 2 fields"),
                Arguments.of("hll", "secret", "cannot be loaded from values"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aValueThatDoesNotFitFailsTypedAndNamesRowAndColumnNotTheValue(String type, Object value, String reason)
            throws Exception {
        fe.enqueue(desc("id", "int(11)", "x", type));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = TestSupport.client(fe, ok)) {
            assertThatThrownBy(() -> c.insert("demo.t").rows(List.of(new Object[] {1, null}, new Object[] {2, value})))
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("row 2, column x: ")
                    .hasMessageContaining(reason)
                    .hasMessageNotContaining("secret");
        }
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void aRowOfTheWrongWidthAndAFailingIteratorAbortTheLoad() throws Exception {
        for (int i = 0; i < 2; i++) {
            fe.enqueue(desc("id", "int(11)", "x", "int(11)"));
            fe.enqueue(redirectTo(be, PATH));
            be.enqueue(beJson(result("Success", "")));
        }
        try (SqlClient c = TestSupport.client(fe, ok)) {
            assertThatThrownBy(() -> c.insert("demo.t").rows(List.of(new Object[] {1, 2}, new Object[] {3})))
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("row 2 has 1 values for 2 columns");
            IllegalStateException boom = new IllegalStateException("source broke");
            assertThatThrownBy(() -> c.insert("demo.t").rows(Stream.<Object[]>of(new Object[] {1, 2})
                    .peek(r -> {
                        throw boom;
                    })))
                    .isSameAs(boom);
        }
        TestSupport.awaitNoActiveConnections(ok);
        assertThat(ok.connectionPool().connectionCount()).isEqualTo(ok.connectionPool().idleConnectionCount());
    }
}
