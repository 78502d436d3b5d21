package dev.olaphttp.databend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private final TypeParser parser = new TypeParser(UTC);
    private final ResultFormat fmt = ResultFormat.DEFAULT;

    private Object v(String type, String text) {
        return Values.convert(parser.parse(type), text, fmt, false);
    }

    @Test
    void decodesScalars() {
        assertThat(v("Boolean", "1")).isEqualTo(true);
        assertThat(v("Boolean", "0")).isEqualTo(false);
        assertThat(v("Int8", "-128")).isEqualTo(-128);
        assertThat(v("UInt32", "4294967295")).isEqualTo(4294967295L);
        assertThat(v("Int64", "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(v("UInt64", "18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(v("Int256", "-57896044618658097711785492504343953926634992332820282019728792003956564819968"))
                .isEqualTo(BigInteger.TWO.pow(255).negate());
        assertThat(v("Float64", "NaN")).isEqualTo(Double.NaN);
        assertThat(v("Float64", "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(v("Float32", "inf")).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(v("Float64", "0.1")).isEqualTo(0.1);
        assertThat(v("Decimal(10, 2)", "-0.50")).isEqualTo(new BigDecimal("-0.50"));
        assertThat(v("String", "NULL")).as("the string NULL is a string").isEqualTo("NULL");
        assertThat((byte[]) v("Binary", "DEADBEEF")).containsExactly(0xDE, 0xAD, 0xBE, 0xEF);
        assertThat(v("Date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(v("Timestamp", "2024-02-29 23:59:59.000001"))
                .isEqualTo(ZonedDateTime.of(2024, 2, 29, 23, 59, 59, 1000, UTC));
        assertThat(v("Timestamp_Tz", "2024-01-01 10:00:00.000000 +0545"))
                .isEqualTo(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)));
        assertThat(v("Interval", "1 year 2 months 3 days 04:05:06.5")).isEqualTo("1 year 2 months 3 days 04:05:06.5");
        assertThat(v("Variant", "{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(v("Bitmap", "<bitmap binary>")).isEqualTo("<bitmap binary>");
        assertThat(v("Geometry", "SRID=4326;POINT(1 2)")).isEqualTo("SRID=4326;POINT(1 2)");
    }

    @Test
    void honoursBinaryFormatAndDriverMode() {
        SqlType bin = parser.parse("Binary");
        assertThat((byte[]) Values.convert(bin, "3q2+7w==", new ResultFormat(UTC, "BASE64", false), false))
                .containsExactly(0xDE, 0xAD, 0xBE, 0xEF);
        ResultFormat driver = new ResultFormat(ZoneId.of("Asia/Tokyo"), "HEX", true);
        assertThat(Values.convert(parser.parse("Date"), "1", driver, false)).isEqualTo(LocalDate.of(1970, 1, 2));
        assertThat(Values.convert(new TypeParser(ZoneId.of("Asia/Tokyo")).parse("Timestamp"), "1000000", driver, false))
                .isEqualTo(ZonedDateTime.of(1970, 1, 1, 9, 0, 1, 0, ZoneId.of("Asia/Tokyo")));
        assertThat(Values.convert(parser.parse("Timestamp_Tz"), "0 3600", driver, false))
                .isEqualTo(OffsetDateTime.of(1970, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void decodesNestedValuesWithQuotesAndBareNull() {
        assertThat(v("Array(Int32 NULL)", "[1,NULL,3]")).isEqualTo(Arrays.asList(1, null, 3));
        assertThat(v("Array(String)", "[\"x\",\"y\\\"z\",\"NULL\",\"a,b]\"]"))
                .isEqualTo(List.of("x", "y\"z", "NULL", "a,b]"));
        assertThat(v("Array(String)", "[\"back\\slash\"]")).isEqualTo(List.of("back\\slash"));
        assertThat(v("Tuple(Int32, String)", "(7,\"p\\\"q\")")).isEqualTo(List.of(7, "p\"q"));
        assertThat(v("Tuple(String,)", "(\"only\",)")).isEqualTo(List.of("only"));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("k\"1", "v\"2");
        m.put("k2", null);
        assertThat(v("Map(String, String NULL)", "{\"k\\\"1\":\"v\\\"2\",\"k2\":NULL}")).isEqualTo(m);
        assertThat(v("Array(Variant)", "[{\"a\":[1,2]},\"s\",3]")).isEqualTo(List.of("{\"a\":[1,2]}", "\"s\"", "3"));
        assertThat(v("Array(Array(UInt64))", "[[18446744073709551615],[]]"))
                .isEqualTo(List.of(List.of(new BigInteger("18446744073709551615")), List.of()));
        assertThat(v("Array(Binary)", "[DEAD]")).satisfies(o -> assertThat((byte[]) ((List<?>) o).get(0))
                .containsExactly(0xDE, 0xAD));
        assertThat(v("Array(Date)", "[\"2024-01-02\"]")).isEqualTo(List.of(LocalDate.of(2024, 1, 2)));
        assertThat(v("Array(TimestampTz)", "[\"2024-01-01 00:00:00.000000 -0100\"]"))
                .isEqualTo(List.of(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-1))));
        assertThat(v("Array(Boolean)", "[1,0]")).isEqualTo(List.of(true, false));
        assertThat(v("Map(Nothing)", "{}")).isEqualTo(Map.of());
        assertThat(v("Array(Decimal(5, 2))", "[1.50,-2.00]"))
                .isEqualTo(List.of(new BigDecimal("1.50"), new BigDecimal("-2.00")));
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> v("Array(Int32)", "[1,2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v("Array(String)", "[\"open]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v("Tuple(Int32, Int32)", "(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v("Array(Int32)", "[1] x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v("Int8", "300")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> v("Date", "2024-13-01")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> v("Timestamp", "yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v("Float64", "abc")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void parsesLongsFromCharsExactly() {
        char[] max = "9223372036854775807".toCharArray();
        assertThat(ValueText.parseLong(max, 0, max.length)).isEqualTo(Long.MAX_VALUE);
        char[] over = "9223372036854775808".toCharArray();
        assertThatThrownBy(() -> ValueText.parseLong(over, 0, over.length)).isInstanceOf(NumberFormatException.class);
        char[] umax = "18446744073709551615".toCharArray();
        assertThat(ValueText.parseUnsignedLong(umax, 0, umax.length)).isEqualTo(-1L);
        char[] uover = "18446744073709551616".toCharArray();
        assertThatThrownBy(() -> ValueText.parseUnsignedLong(uover, 0, uover.length))
                .isInstanceOf(NumberFormatException.class);
        char[] neg = "-1".toCharArray();
        assertThatThrownBy(() -> ValueText.parseUnsignedLong(neg, 0, neg.length))
                .isInstanceOf(NumberFormatException.class);
        char[] junk = "12a".toCharArray();
        assertThatThrownBy(() -> ValueText.parseLong(junk, 0, junk.length)).isInstanceOf(NumberFormatException.class);
        // both sides of the unchecked fast path (up to 18 digits) and the checked one
        for (String t : new String[] {"999999999999999999", "-999999999999999999", "1000000000000000000",
                "-1000000000000000000", "-9223372036854775808", "+42", "-0", "0", "000000000000000000007"}) {
            char[] c = ("x" + t + "y").toCharArray();
            if (t.length() > 20) {
                assertThatThrownBy(() -> ValueText.parseLong(c, 1, t.length())).isInstanceOf(NumberFormatException.class);
            } else {
                assertThat(ValueText.parseLong(c, 1, t.length())).as(t).isEqualTo(Long.parseLong(t));
            }
        }
        char[] sign = "-".toCharArray();
        assertThatThrownBy(() -> ValueText.parseLong(sign, 0, 1)).isInstanceOf(NumberFormatException.class);
        char[] over19 = "-9223372036854775809".toCharArray();
        assertThatThrownBy(() -> ValueText.parseLong(over19, 0, over19.length))
                .isInstanceOf(NumberFormatException.class);
    }
}
