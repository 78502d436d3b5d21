package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decodes every golden query in the three formats and checks that they agree with each other and with values
 * written down independently from the SQL in {@code golden/sql} (not from the decoders' own output).
 */
class GoldenConformanceTest {
    private static final ResultFormat[] FORMATS = ResultFormat.values();

    private static List<List<Object>> decode(String query, ResultFormat f) {
        return Golden.rows(Golden.decoder(f, Golden.bytes("outputs/" + Golden.file(query, f))));
    }

    private static List<String> column(List<List<Object>> rows, int c) {
        List<String> out = new ArrayList<>();
        for (List<Object> r : rows) {
            out.add(String.valueOf(r.get(c)));
        }
        return out;
    }

    /**
     * These outputs were made with the default {@code date_time_output_format=simple}: row 4 holds New York's
     * 01:30 of 2024-11-03, which occurs twice. Text decoders refuse it (the client asks 20.11+ servers for
     * {@code iso}); RowBinary carries the instant and reads it.
     */
    @Test
    void ambiguousLocalTimesInSimpleTextAreRefusedAfterTheRowsBefore() {
        List<List<Object>> binary = decode("q04_datetime", ResultFormat.ROW_BINARY);
        for (ResultFormat f : new ResultFormat[] {ResultFormat.TSV, ResultFormat.JSON_COMPACT}) {
            List<RuntimeException> failure = new ArrayList<>();
            List<List<Object>> rows = Golden.rows(Golden.decoder(f, Golden.bytes("outputs/" + Golden.file("q04_datetime", f))),
                    failure);
            assertThat(failure).as(f.toString()).hasSize(1);
            assertThat(failure.get(0)).isInstanceOf(dev.olaphttp.ProtocolException.class)
                    .hasMessageContaining("2024-11-03 01:30:00").hasMessageContaining("occurs twice");
            assertThat(rows).isEqualTo(binary.subList(0, 3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"q01_integers", "q02_floats_decimals", "q03_strings", "q05_bool_ip",
        "q06_nullable", "q07_composite", "q10_empty"})
    void theThreeFormatsDecodeToEqualValues(String query) {
        List<List<Object>> binary = decode(query, ResultFormat.ROW_BINARY);
        List<List<Object>> tsv = decode(query, ResultFormat.TSV);
        List<List<Object>> json = decode(query, ResultFormat.JSON_COMPACT);
        assertThat(tsv).isEqualTo(binary);
        if (query.equals("q02_floats_decimals") || query.equals("q06_nullable")) {
            // JSON writes nan/inf as null by default: only non-finite floats may differ (see floatsInJson)
            assertThat(json).hasSameSizeAs(binary);
            for (int r = 0; r < json.size(); r++) {
                for (int c = 0; c < json.get(r).size(); c++) {
                    Object b = binary.get(r).get(c);
                    Object j = json.get(r).get(c);
                    boolean nonFinite = b instanceof Double d && !Double.isFinite(d)
                            || b instanceof Float fl && !Float.isFinite(fl);
                    if (!nonFinite) {
                        assertThat(j).as("row %d col %d", r, c).isEqualTo(b);
                    }
                }
            }
        } else {
            assertThat(json).hasSameSizeAs(binary);
            for (int r = 0; r < json.size(); r++) {
                for (int c = 0; c < json.get(r).size(); c++) {
                    Object b = binary.get(r).get(c);
                    Object j = json.get(r).get(c);
                    if (Golden.INVALID_UTF8.equals(b)) {
                        // exact formats refuse the text; the server wrote U+FFFD in its place in JSON
                        assertThat((String) j).as("row %d col %d", r, c).contains("\uFFFD");
                    } else {
                        assertThat(j).as("row %d col %d", r, c).isEqualTo(b);
                    }
                }
            }
        }
        if (query.equals("q10_empty")) {
            assertThat(binary).isEmpty();
        }
    }

    @Test
    void integersMatchTheSql() {
        for (ResultFormat f : FORMATS) {
            List<List<Object>> rows = decode("q01_integers", f);
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0)).containsExactly(1, -128, -32768, -2147483648, Long.MIN_VALUE,
                    BigInteger.TWO.pow(127).negate(), BigInteger.TWO.pow(255).negate(),
                    0, 0, 0L, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
            assertThat(rows.get(2)).containsExactly(3, 127, 32767, 2147483647, Long.MAX_VALUE,
                    BigInteger.TWO.pow(127).subtract(BigInteger.ONE), BigInteger.TWO.pow(255).subtract(BigInteger.ONE),
                    255, 65535, 4294967295L, BigInteger.TWO.pow(64).subtract(BigInteger.ONE),
                    BigInteger.TWO.pow(128).subtract(BigInteger.ONE), BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
            assertThat(rows.get(3)).containsExactly(4, -1, -1, -1, 9007199254740993L, BigInteger.ONE.negate(),
                    BigInteger.ONE.negate(), 128, 32768, 2147483648L, BigInteger.valueOf(9007199254740993L),
                    BigInteger.TWO.pow(64), BigInteger.TWO.pow(128));
        }
    }

    @Test
    void primitiveAccessorsAreUnboxedAndExact() {
        for (ResultFormat f : FORMATS) {
            ResultDecoder d = Golden.decoder(f, Golden.bytes("outputs/" + Golden.file("q01_integers", f)));
            d.next();
            d.next();
            d.next();
            assertThat(d.row().getLong(4)).isEqualTo(Long.MAX_VALUE);
            assertThat(d.row().getLong(9)).isEqualTo(4294967295L);
            assertThat(d.row().getString(10)).isEqualTo("18446744073709551615");
            assertThat(d.row().getString(12)).isEqualTo(BigInteger.TWO.pow(256).subtract(BigInteger.ONE).toString());
        }
    }

    @Test
    void floatsAndDecimalsMatchTheSql() {
        for (ResultFormat f : new ResultFormat[] {ResultFormat.ROW_BINARY, ResultFormat.TSV}) {
            List<List<Object>> rows = decode("q02_floats_decimals", f);
            assertThat(column(rows, 1)).containsExactly("1.5", "-0.0", "NaN", "Infinity", "-Infinity",
                    "3.4028235E38", "1.4E-45", "0.1", "1.6777216E7");
            assertThat(column(rows, 2)).containsExactly("0.1", "-0.0", "NaN", "Infinity", "-Infinity",
                    "1.7976931348623157E308", "4.9E-324", "0.30000000000000004", "9.007199254740992E15");
        }
        for (ResultFormat f : FORMATS) {
            List<List<Object>> rows = decode("q02_floats_decimals", f);
            assertThat(rows.get(0).subList(3, 7)).containsExactly(new BigDecimal("12345.6789"),
                    new BigDecimal("1234567890.12345678"), new BigDecimal("123456789012345678.12345678901234567890"),
                    new BigDecimal("123456789012345678901234567890123456.1234567890123456789012345678901234567890"));
            assertThat(rows.get(1).get(6)).isEqualTo(new BigDecimal(
                    "-999999999999999999999999999999999999.9999999999999999999999999999999999999999"));
            assertThat(rows.get(4).get(3)).isEqualTo(new BigDecimal("1.0000"));
            assertThat(rows.get(3).get(6)).isEqualTo(new BigDecimal("1E-40"));
            assertThat(rows.get(0).get(1)).isInstanceOf(Float.class);
            assertThat(rows.get(0).get(2)).isInstanceOf(Double.class);
        }
    }

    @Test
    void floatsInJson() {
        List<List<Object>> rows = decode("q02_floats_decimals", ResultFormat.JSON_COMPACT);
        // the golden JSON has null for nan, inf and -inf: a non-Nullable column reads them as NaN
        assertThat(column(rows, 2)).containsExactly("0.1", "-0.0", "NaN", "NaN", "NaN",
                "1.7976931348623157E308", "4.9E-324", "0.30000000000000004", "9.007199254740992E15");
    }

    @Test
    void stringsKeepTheirExactBytes() {
        byte[][] expected = {
            "plain".getBytes(StandardCharsets.UTF_8),
            "tab\there".getBytes(StandardCharsets.UTF_8),
            "newline\nhere\r\ncrlf".getBytes(StandardCharsets.UTF_8),
            "back\\slash \\n literal".getBytes(StandardCharsets.UTF_8),
            "single ' and double \" quotes".getBytes(StandardCharsets.UTF_8),
            "unicode: héllo wörld ✓ 日本語 😀".getBytes(StandardCharsets.UTF_8),
            new byte[0],
            "nul\0byte".getBytes(StandardCharsets.UTF_8),
            "ctrl \u0001 \u001f \u007f bell\u0007".getBytes(StandardCharsets.UTF_8),
            "NULL".getBytes(StandardCharsets.UTF_8),
            "\\N".getBytes(StandardCharsets.UTF_8),
            {'i', 'n', 'v', 'a', 'l', 'i', 'd', ' ', 'u', 't', 'f', '8', ' ', (byte) 0xff, (byte) 0xfe, ' ', 'e', 'n',
                'd'},
            "json </script> a/b \\u0041".getBytes(StandardCharsets.UTF_8),
            "comma,semicolon;pipe|".getBytes(StandardCharsets.UTF_8),
        };
        for (ResultFormat f : new ResultFormat[] {ResultFormat.ROW_BINARY, ResultFormat.TSV}) {
            ResultDecoder d = Golden.decoder(f, Golden.bytes("outputs/" + Golden.file("q03_strings", f)));
            int i = 0;
            while (d.next()) {
                assertThat(d.row().getBytes(1)).as("%s row %d", f, i + 1).isEqualTo(expected[i]);
                if (i == 11) {
                    assertThatThrownBy(() -> d.row().getString(1)).isInstanceOf(dev.olaphttp.TypeConversionException.class);
                } else {
                    assertThat(d.row().getString(1)).isEqualTo(new String(expected[i], StandardCharsets.UTF_8));
                }
                i++;
            }
            assertThat(i).isEqualTo(14);
        }
        List<List<Object>> json = decode("q03_strings", ResultFormat.JSON_COMPACT);
        assertThat(json.get(11).get(1)).isEqualTo("invalid utf8 \uFFFD\uFFFD end");
    }

    @Test
    void fixedStringEnumsUuidMatchTheSql() {
        for (ResultFormat f : FORMATS) {
            List<List<Object>> rows = decode("q03_strings", f);
            assertThat(rows.get(1).subList(2, 7)).containsExactly("ab\0\0\0", "y", "b c", "y",
                    UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"));
            assertThat(rows.get(2).get(4)).isEqualTo("neg");
            assertThat(rows.get(2).get(5)).isEqualTo("z");
            assertThat(rows.get(2).get(6)).isEqualTo(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
            assertThat(rows.get(3).get(4)).isEqualTo("quo'te");
            assertThat(rows.get(3).get(2)).isEqualTo("a\\b\0\0");
            assertThat(rows.get(6).get(2)).isEqualTo("\0\0\0\0\0");
            assertThat(rows.get(13).get(6)).isEqualTo(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        }
    }

    @Test
    void datesAndTimesMatchTheSqlInTheirZones() {
        ZoneId utc = ZoneId.of("UTC");
        for (ResultFormat f : FORMATS) {
            List<List<Object>> rows = Golden.rows(Golden.decoder(f, Golden.bytes("outputs/" + Golden.file("q04_datetime", f))),
                    new ArrayList<>());
            List<Object> r3 = rows.get(2);
            assertThat(r3.get(1)).isEqualTo(LocalDate.of(2149, 6, 6));
            assertThat(r3.get(2)).isEqualTo(LocalDate.of(2299, 12, 31));
            assertThat(r3.get(3)).isEqualTo(ZonedDateTime.of(2106, 2, 7, 6, 28, 15, 0, utc));
            assertThat(r3.get(5)).isEqualTo(ZonedDateTime.of(2106, 2, 7, 15, 28, 15, 0, ZoneId.of("Asia/Tokyo")));
            assertThat(r3.get(6)).isEqualTo(ZonedDateTime.ofInstant(Instant.ofEpochMilli(-1), utc));
            assertThat(r3.get(7)).isEqualTo(ZonedDateTime.of(1900, 1, 1, 0, 0, 0, 1000,
                    ZoneId.of("America/New_York")));
            assertThat(r3.get(8)).isEqualTo(ZonedDateTime.of(2200, 1, 1, 0, 0, 0, 1, ZoneId.of("Asia/Kolkata")));
            assertThat(r3.get(9)).isEqualTo(ZonedDateTime.of(1900, 1, 1, 0, 0, 0, 1_000_000, utc));
            assertThat(rows.get(0).get(2)).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(rows.get(1).get(8)).isEqualTo(ZonedDateTime.of(2024, 2, 29, 12, 34, 56, 123456789,
                    ZoneId.of("Asia/Kolkata")));
        }
        // the DST-ambiguous 01:30 in New York: the server stored the earlier offset (EDT); only RowBinary says so
        List<List<Object>> rows = decode("q04_datetime", ResultFormat.ROW_BINARY);
        assertThat(((ZonedDateTime) rows.get(3).get(7)).getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
    }

    @Test
    void dateTimeTextIsTheServersText() {
        ResultDecoder tsv = Golden.decoder(ResultFormat.TSV, Golden.bytes("outputs/q04_datetime.TabSeparatedWithNamesAndTypes.tsv"));
        ResultDecoder bin = Golden.decoder(ResultFormat.ROW_BINARY, Golden.bytes("outputs/q04_datetime.RowBinaryWithNamesAndTypes.bin"));
        List<List<String>> binary = Golden.strings(bin);
        assertThatThrownBy(() -> Golden.strings(tsv)).hasMessageContaining("occurs twice");
        ResultDecoder again = Golden.decoder(ResultFormat.TSV, Golden.bytes("outputs/q04_datetime.TabSeparatedWithNamesAndTypes.tsv"));
        for (int r = 0; r < 3; r++) {
            assertThat(again.next()).isTrue();
            for (int c = 0; c < binary.get(r).size(); c++) {
                assertThat(again.row().getString(c)).isEqualTo(binary.get(r).get(c));
            }
        }
    }

    @Test
    void boolAndIpMatchTheSql() throws Exception {
        for (ResultFormat f : FORMATS) {
            List<List<Object>> rows = decode("q05_bool_ip", f);
            assertThat(rows.get(0)).containsExactly(1, true, InetAddress.getByName("0.0.0.0"),
                    InetAddress.getByName("::"));
            assertThat(rows.get(2)).containsExactly(3, true, InetAddress.getByName("255.255.255.255"),
                    InetAddress.getByName("2001:db8::ff00:42:8329"));
            // Java turns IPv4-mapped IPv6 addresses into Inet4Address
            assertThat(rows.get(3).get(3)).isEqualTo(InetAddress.getByName("1.2.3.4"));
            assertThat(rows.get(3).get(2)).isEqualTo(InetAddress.getByName("192.168.1.10"));
        }
    }

    @Test
    void nullsAreToldApartFromTheWordsNullAndBackslashN() {
        for (ResultFormat f : FORMATS) {
            List<List<Object>> rows = decode("q06_nullable", f);
            assertThat(rows.get(1).subList(1, 14)).containsOnlyNulls();
            assertThat(rows.get(2).get(5)).isEqualTo("NULL");
            assertThat(rows.get(2).get(6)).isEqualTo("\\N\0");
            assertThat(rows.get(3).get(5)).isEqualTo("\\N");
            assertThat(rows.get(3).get(13)).isEqualTo("NULL");
            assertThat(rows.get(2).get(13)).isEqualTo("");
            assertThat(rows.get(0).get(2)).isEqualTo(new BigInteger("18446744073709551615"));
            assertThat(rows.get(0).get(4)).isEqualTo(new BigDecimal("3.14"));
            assertThat(rows.get(3).get(4)).isEqualTo(new BigDecimal("-0.01"));
            assertThat(rows.get(3).get(11)).isNull();
            assertThat(rows.get(0).get(12)).isEqualTo("a");
        }
    }

    @Test
    void compositesMatchTheSql() {
        Map<String, BigInteger> m = new LinkedHashMap<>();
        m.put("a", BigInteger.ONE);
        m.put("b", new BigInteger("18446744073709551615"));
        Map<String, Object> mArr = new LinkedHashMap<>();
        mArr.put("x", Arrays.asList("1", null));
        mArr.put("y", List.of());
        for (ResultFormat f : FORMATS) {
            List<List<Object>> rows = decode("q07_composite", f);
            List<Object> r1 = rows.get(0);
            assertThat(r1.get(1)).isEqualTo(Arrays.asList(1, null, 3));
            assertThat(r1.get(2)).isEqualTo(List.of("a", "b\tc", ""));
            assertThat(r1.get(3)).isEqualTo(List.of(List.of(1, 2), List.of(), List.of(3)));
            assertThat(r1.get(4)).isEqualTo(m).isInstanceOf(LinkedHashMap.class);
            assertThat(r1.get(5)).isEqualTo(List.of(1, "x"));
            assertThat(r1.get(6)).isEqualTo(Arrays.asList(-1, null));
            assertThat(r1.get(7)).isEqualTo(List.of(List.of("k1", 1.5), List.of("k2", Double.NaN)));
            assertThat(r1.get(8)).isEqualTo(mArr);
            List<Object> r3 = rows.get(2);
            assertThat(r3.get(2)).isEqualTo(List.of("quote's \"dq\"", "uni ✓", "back\\slash", "nl\nx"));
            assertThat(r3.get(5)).isEqualTo(List.of(-2147483648, "line\nbreak"));
            assertThat(new ArrayList<Object>(((Map<?, ?>) r3.get(4)).keySet())).containsExactly("key with space", "tab\tkey");
            assertThat(r3.get(7)).isEqualTo(List.of(List.of("", -0.0)));
        }
    }

    @Test
    void jsonColumnsAreText() {
        List<List<Object>> tsv = decode("q08_json", ResultFormat.TSV);
        List<List<Object>> json = decode("q08_json", ResultFormat.JSON_COMPACT);
        assertThat(json).isEqualTo(tsv);
        assertThat(tsv.get(0).get(1)).isEqualTo("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":[1,2,3]}}");
        assertThat((String) tsv.get(3).get(1)).contains("\"big\":18446744073709551615");
        assertThat(tsv.get(3).get(2)).isEqualTo("{\"age\":0,\"name\":\"quo\\\"te\",\"tags\":[\"t1\",\"t2\"]}");
    }

    @Test
    void binaryJsonWithoutTheStringSettingIsAClearProtocolError() {
        ResultDecoder d = Golden.decoder(ResultFormat.ROW_BINARY, Golden.bytes("outputs/q08_json.RowBinaryWithNamesAndTypes.bin"));
        assertThat(d.schema().column(2).type().kind()).isEqualTo(TypeKind.JSON);
        assertThatThrownBy(d::next).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("output_format_binary_write_json_as_string=1");
        assertThat(d.rows()).isZero();
    }

    @Test
    void variantDynamicBfloatAndTimeAsText() {
        List<List<String>> expected = List.of(
                List.of("1", "str", "42", "1.5", "12:34:56", "12:34:56.789"),
                List.of("2", "18446744073709551615", "dyn string", "-0.25", "-01:00:00", "00:00:00.001"),
                List.of("3", "[1,2,3]", "[1.5,2.5]", "3.140625", "999:59:59", "-12:00:00.500"),
                Arrays.asList("4", null, null, "NaN", "00:00:00", "00:00:00.000"));
        for (ResultFormat f : FORMATS) {
            ResultDecoder d = Golden.decoder(f, Golden.bytes("outputs/" + Golden.file("q09_extra_types", f)));
            List<List<String>> actual = Golden.strings(d);
            // getString gives the server's own text in TSV (nan), Java's elsewhere
            assertThat(actual.get(3).get(3)).isEqualTo(f == ResultFormat.TSV ? "nan" : "NaN");
            actual.get(3).set(3, "NaN");
            assertThat(actual).as(f.name()).isEqualTo(expected);
        }
    }

    @Test
    void server1816TsvWithNamesAndTypes() {
        ResultDecoder d = Golden.decoder(ResultFormat.TSV, Golden.bytes("http-18.16/select_tsv_with_names_and_types.body"));
        assertThat(d.schema().names()).containsExactly("n", "s", "arr", "nn");
        List<List<Object>> rows = Golden.rows(d);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly(BigInteger.ZERO, "0", List.of(BigInteger.ZERO, BigInteger.ONE),
                BigInteger.ZERO);
        assertThat(rows.get(1)).containsExactly(BigInteger.ONE, "1", List.of(BigInteger.ONE, BigInteger.ONE), null);
        assertThat(rows.get(2).get(3)).isEqualTo(BigInteger.TWO);
    }
}
