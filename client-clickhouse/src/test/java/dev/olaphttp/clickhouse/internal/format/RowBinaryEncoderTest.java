package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The RowBinary encoder for every type, including those 18.16 lacks (Int128/256, Decimal256, Date32, DateTime64,
 * Bool, Map, IPv4/IPv6, LowCardinality(Nullable)): exact bytes for the layouts that matter, and a round trip through
 * the (server-fixture-tested) RowBinary decoder.
 */
class RowBinaryEncoderTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    static byte[] encode(String type, Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryOut out = new BinaryOut(bytes);
        RowBinaryEncoder.writer(ClickHouseTypes.parse(type, ZoneId.of("UTC"))).write(out, value);
        out.flushBuffer();
        return bytes.toByteArray();
    }

    static Object decode(String type, byte[] b) throws IOException {
        SqlType t = ClickHouseTypes.parse(type, ZoneId.of("UTC"));
        BodyReader in = new BodyReader(new ByteArrayInputStream(b), null, false);
        Object v = BinaryValues.reader(t).read(in);
        assertThat(in.readOrEnd()).as("no bytes left").isEqualTo(-1);
        return v;
    }

    static String hex(String type, Object value) throws IOException {
        return HexFormat.of().formatHex(encode(type, value));
    }

    @Test
    void layouts() throws IOException {
        assertThat(hex("Int128", -1)).isEqualTo("ff".repeat(16));
        assertThat(hex("UInt64", new BigInteger("18446744073709551615"))).isEqualTo("ff".repeat(8));
        assertThat(hex("UInt256", BigInteger.ONE.shiftLeft(255))).isEqualTo("00".repeat(31) + "80");
        assertThat(hex("Decimal32(2)", new BigDecimal("1.5"))).isEqualTo("96000000");
        assertThat(hex("Decimal256(2)", new BigDecimal("-0.01"))).isEqualTo("ff".repeat(32));
        assertThat(hex("IPv4", "1.2.3.4")).isEqualTo("04030201");
        assertThat(hex("IPv6", InetAddress.getByAddress(new byte[] {1, 2, 3, 4})))
                .isEqualTo("00000000000000000000ffff01020304");
        assertThat(hex("UUID", UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10")))
                .isEqualTo("0807060504030201100f0e0d0c0b0a09");
        assertThat(hex("Date32", LocalDate.of(1969, 12, 31))).isEqualTo("ffffffff");
        assertThat(hex("DateTime64(3, 'Asia/Tokyo')", LocalDateTime.of(1970, 1, 1, 9, 0, 0, 1_000_000)))
                .isEqualTo("0100000000000000");
        assertThat(hex("LowCardinality(Nullable(String))", null)).isEqualTo("01");
        assertThat(hex("LowCardinality(Nullable(String))", "ab")).isEqualTo("00026162");
        assertThat(hex("FixedString(3)", "a")).isEqualTo("610000");
        assertThat(hex("Enum16('x' = 1000, 'y' = -1000)", "y")).isEqualTo("18fc");
        assertThat(hex("Enum8('a' = 1, 'b' = -2)", -2)).isEqualTo("fe");
        assertThat(hex("Bool", true)).isEqualTo("01");
        assertThat(hex("Array(UInt8)", new int[300])).startsWith("ac02").hasSize(2 * 302);
        assertThat(hex("Map(String, UInt8)", Map.of("k", 7))).isEqualTo("01016b07");
        assertThat(hex("Float32", Float.NaN)).isEqualTo("0000c07f");
        assertThat(hex("String", new byte[] {(byte) 0xff})).isEqualTo("01ff");
        assertThat(hex("String", "aé€😀")).isEqualTo("0a61c3a9e282acf09f9880");
        assertThat(hex("String", new StringBuilder("é"))).isEqualTo("02c3a9");
        String big = "é".repeat(40_000); // longer than the write buffer
        assertThat(encode("String", big)).hasSize(3 + 80_000).startsWith((byte) 0x80, (byte) 0xf1, (byte) 0x04);
        assertThat(decode("String", encode("String", big))).isEqualTo(big);
        assertThat(hex("UInt64", Long.MAX_VALUE)).isEqualTo("ffffffffffffff7f");
    }

    @Test
    void valuesRoundTripThroughTheDecoder() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", Arrays.asList(1L, null));
        m.put("", List.of());
        Object[][] cases = {
            {"Int8", -128, -128}, {"UInt8", 255, 255}, {"Int16", (short) -32768, -32768}, {"UInt16", 65535, 65535},
            {"Int32", Integer.MIN_VALUE, Integer.MIN_VALUE}, {"UInt32", 4294967295L, 4294967295L},
            {"Int64", Long.MIN_VALUE, Long.MIN_VALUE}, {"UInt64", 5, BigInteger.valueOf(5)},
            {"Int128", BigInteger.ONE.shiftLeft(127).negate(), BigInteger.ONE.shiftLeft(127).negate()},
            {"UInt128", BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)},
            {"Int256", BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE)},
            {"UInt256", "12345678901234567890123456789", new BigInteger("12345678901234567890123456789")},
            {"Float32", Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, {"Float64", "nan", Double.NaN},
            {"Float64", -0.0, -0.0}, {"Float32", 0.1, 0.1f}, {"Float32", "2.5", 2.5f},
            {"Decimal(9, 4)", "-99999.9999", new BigDecimal("-99999.9999")},
            {"Decimal64(6)", 12, new BigDecimal("12.000000")},
            {"Decimal128(10)", new BigDecimal("-1E+27"), new BigDecimal("-1000000000000000000000000000.0000000000")},
            {"Decimal256(20)", new BigDecimal("1.5"), new BigDecimal("1.50000000000000000000")},
            {"String", "ü😀\t\0", "ü😀\t\0"}, {"FixedString(4)", "é", "é\0\0"},
            {"UUID", "01234567-89ab-cdef-0123-456789abcdef", UUID.fromString("01234567-89ab-cdef-0123-456789abcdef")},
            {"Date", "2149-06-06", LocalDate.of(2149, 6, 6)}, {"Date32", LocalDate.of(1900, 1, 1), LocalDate.of(1900, 1, 1)},
            {"DateTime('Asia/Tokyo')", Instant.EPOCH, ZonedDateTime.of(1970, 1, 1, 9, 0, 0, 0, TOKYO)},
            {"DateTime", "2026-01-02 03:04:05", ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneId.of("UTC"))},
            {"DateTime64(9, 'Asia/Tokyo')", Instant.parse("1900-01-01T00:00:00.000000001Z"),
                ZonedDateTime.ofInstant(Instant.parse("1900-01-01T00:00:00.000000001Z"), TOKYO)},
            {"Enum8('a' = 1, 'b' = -2)", "b", "b"}, {"IPv4", "255.0.0.1", InetAddress.getByName("255.0.0.1")},
            {"IPv6", "2001:db8::1", InetAddress.getByName("2001:db8::1")}, {"Bool", 0, false},
            {"Nullable(Int32)", null, null}, {"LowCardinality(String)", "lc", "lc"},
            {"Array(Nullable(UInt8))", Arrays.asList(1, null), Arrays.asList(1, null)},
            {"Map(String, Array(Nullable(Int64)))", m, m},
            {"Tuple(a Int32, b Array(String))", new Object[] {-1, List.of("x")}, List.of(-1, List.of("x"))},
            {"Array(Tuple(UInt8, Nullable(String)))", List.of(Arrays.asList(1, null)), List.of(Arrays.asList(1, null))},
        };
        for (Object[] c : cases) {
            String type = (String) c[0];
            assertThat(decode(type, encode(type, c[1]))).as(type).isEqualTo(c[2]);
        }
    }

    @Test
    void valuesThatDoNotFitAreRejectedWithoutQuotingThem() {
        Object[][] bad = {
            {"UInt8", 256}, {"Int8", -129}, {"UInt64", -1}, {"Int64", new BigInteger("9223372036854775808")},
            {"UInt32", "x"}, {"Decimal32(2)", new BigDecimal("1.234")}, {"Decimal(3, 0)", 1000},
            {"Float32", 0.1000000001}, {"Float32", 1e300}, {"Float64", Long.MAX_VALUE}, {"FixedString(1)", "ab"}, {"Date", LocalDate.of(1969, 1, 1)},
            {"DateTime('UTC')", Instant.parse("2026-01-01T00:00:00.5Z")}, {"DateTime64(3)", Instant.ofEpochSecond(0, 1)},
            {"Enum8('a' = 1)", "c"}, {"Enum8('a' = 1)", 2}, {"IPv4", "example.com"}, {"IPv4", "::1"},
            {"String", "\uD800"}, {"String", "a\uDC00b"}, {"String", "\uD83D"}, {"String", 5}, {"UInt64", -1L}, {"Int32", null}, {"Tuple(Int32, Int32)", List.of(1)},
            {"Map(String, String)", List.of()}, {"UUID", "not-a-uuid-value"}, {"Bool", 2},
        };
        for (Object[] c : bad) {
            assertThatThrownBy(() -> encode((String) c[0], c[1])).as("%s", c[0])
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> {
                        if (c[1] != null && !(c[1] instanceof List<?>)) {
                            assertThat(e.getMessage()).doesNotContain(String.valueOf(c[1]));
                        }
                    });
        }
        assertThat(RowBinaryEncoder.supports("Array(Tuple(Int8, Map(String, IPv6)))", null)).isTrue();
        assertThat(RowBinaryEncoder.supports("JSON", null)).isFalse();
        assertThat(RowBinaryEncoder.supports("Array(Time)", null)).isFalse();
        assertThat(RowBinaryEncoder.supports("AggregateFunction(uniq, UInt64)", null)).isFalse();
    }

    @Test
    void rowsNameTheRowAndColumn() {
        RowBinaryEncoder e = RowBinaryEncoder.of(List.of("id", "secret"), List.of("UInt8", "Int8"), null);
        BinaryOut out = new BinaryOut(new ByteArrayOutputStream());
        assertThatThrownBy(() -> e.writeRow(out, new Object[] {1, 1000}, 7))
                .hasMessageStartingWith("row 7, column 'secret'").hasMessageNotContaining("1000");
        assertThatThrownBy(() -> e.writeRow(out, new Object[] {1}, 8)).hasMessageContaining("row 8 has 1 values for 2");
    }
}
