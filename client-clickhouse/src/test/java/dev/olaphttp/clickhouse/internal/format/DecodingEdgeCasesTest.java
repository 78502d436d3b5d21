package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.TypeConversionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodingEdgeCasesTest {
    private static ResultDecoder decoder(ResultFormat f, byte[] body) {
        return ResultDecoders.create(f, new ByteArrayInputStream(body), Golden.ctx(null));
    }

    private static ResultDecoder tsv(String body) {
        return decoder(ResultFormat.TSV, body.getBytes(StandardCharsets.UTF_8));
    }

    private static ResultDecoder json(String body) {
        return decoder(ResultFormat.JSON_COMPACT, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A RowBinary header of the given name/type pairs followed by raw row bytes. */
    private static ResultDecoder binary(String[] columns, byte[] rows) {
        return decoder(ResultFormat.ROW_BINARY, concat(header(columns), rows));
    }

    /** A RowBinary header of the given name/type pairs. */
    private static byte[] header(String[] columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(columns.length / 2);
        for (int i = 0; i < columns.length; i += 2) {
            Bodies.str(out, columns[i]);
        }
        for (int i = 1; i < columns.length; i += 2) {
            Bodies.str(out, columns[i]);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void jsonDateTimesAndQuotedIntegersAreReadFromTheParsersCharacters() {
        ResultDecoder d = json("[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]\n"
                + "[\"Int64\", \"UInt64\", \"Date\", \"DateTime('Europe/Berlin')\", \"DateTime64(3, 'UTC')\", "
                + "\"Nullable(DateTime)\"]\n"
                + "[\"-9223372036854775808\", \"18446744073709551615\", \"2024-02-29\", \"2026-10-25 03:30:00\", "
                + "\"1969-12-31 23:59:59.5\", null]\n"
                + "[\"42\", 7, \"0000-00-00\", \"2026-03-29 03:59:59\", \"2000-01-01 00:00:00\", "
                + "\"2000-01-01 00:00:00\"]\n");
        assertThat(d.next()).isTrue();
        assertThat(d.row().getLong(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(d.row().getObject(1)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(d.row().getObject(2)).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
        // just after the autumn change (the ambiguous hour itself is refused: ValueDecodingTest)
        assertThat(d.row().getObject(3)).isEqualTo(java.time.ZonedDateTime.ofStrict(
                java.time.LocalDateTime.of(2026, 10, 25, 3, 30), java.time.ZoneOffset.ofHours(1),
                java.time.ZoneId.of("Europe/Berlin")));
        assertThat(d.row().getObject(4)).isEqualTo(java.time.ZonedDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000,
                java.time.ZoneId.of("UTC")));
        assertThat(d.row().isNull(5)).isTrue();
        assertThat(d.next()).isTrue();
        assertThat(d.row().getLong(0)).isEqualTo(42);
        assertThat(d.row().getObject(1)).isEqualTo(BigInteger.valueOf(7));
        assertThat(d.row().getObject(2)).isEqualTo(java.time.LocalDate.EPOCH);
        assertThat(d.row().getString(3)).isEqualTo("2026-03-29 03:59:59");
        assertThat(d.row().getObject(5)).isInstanceOf(java.time.ZonedDateTime.class);
        assertThat(d.next()).isFalse();
    }

    @Test
    void jsonBadDateTimesAndIntegersAreProtocolErrors() {
        String header = "[\"t\", \"n\"]\n[\"DateTime('UTC')\", \"UInt64\"]\n";
        assertThatThrownBy(json(header + "[\"2024-13-01 00:00:00\", 1]\n")::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("2024-13-01");
        assertThatThrownBy(json(header + "[\"2024-01-01 00:00:00\", \"18446744073709551616\"]\n")::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("18446744073709551616");
        assertThatThrownBy(json(header + "[\"2024-01-01 00:00:00\", [1]]\n")::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("UInt64");
    }

    @Test
    void oversizedStringLengthIsAProtocolErrorNotAnOutOfMemoryError() {
        // LEB128 of 2^40
        ResultDecoder d = binary(new String[] {"s", "String"}, bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 'x'));
        assertThatThrownBy(d::next).isInstanceOf(ProtocolException.class).hasMessageContaining("max_value_bytes");
    }

    @Test
    void largeDeclaredLengthOnATruncatedBodyIsInterruptedWithoutAllocatingIt() {
        // 900 MB announced, 3 bytes present: over the default bound of one value
        byte[] string = bytes(0x80, 0x90, 0xe9, 0xad, 0x03, 'a', 'b', 'c');
        assertThatThrownBy(binary(new String[] {"s", "String"}, string)::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("max_value_bytes");
        // within a raised bound: nothing is allocated from the prefix, the cut body is an interrupted result
        byte[] body = concat(header(new String[] {"s", "String"}), string);
        ResultDecoder d = ResultDecoders.create(ResultFormat.ROW_BINARY, new ByteArrayInputStream(body),
                Golden.ctx(null, DecoderContext.MAX_VALUE_BYTES_LIMIT));
        assertThatThrownBy(d::next).isInstanceOf(ResultInterruptedException.class);
        byte[] arrays = concat(header(new String[] {"a", "Array(UInt8)"}), bytes(0x80, 0x90, 0xe9, 0xad, 0x03, 1, 2));
        ResultDecoder a = ResultDecoders.create(ResultFormat.ROW_BINARY, new ByteArrayInputStream(arrays),
                Golden.ctx(null, DecoderContext.MAX_VALUE_BYTES_LIMIT));
        assertThatThrownBy(a::next).isInstanceOf(ResultInterruptedException.class);
    }

    @Test
    void unknownEnumValueIsAProtocolError() {
        ResultDecoder d = binary(new String[] {"e", "Enum8('a' = 1)"}, bytes(5));
        assertThatThrownBy(d::next).isInstanceOf(ProtocolException.class).hasMessageContaining("enum value 5");
    }

    @Test
    void nullableNothingAndNestedNullables() {
        ResultDecoder d = binary(new String[] {"x", "Nullable(Nothing)", "a", "Array(Nullable(UInt8))",
            "m", "Map(UInt64, Nullable(String))"},
                bytes(1, 2, 1, 0, 7, 1, 42, 0, 0, 0, 0, 0, 0, 0, 0, 1, 'z'));
        assertThat(d.next()).isTrue();
        assertThat(d.row().getObject(0)).isNull();
        assertThat(d.row().isNull(0)).isTrue();
        assertThat(d.row().getObject(1)).isEqualTo(java.util.Arrays.asList(null, 7));
        assertThat(d.row().getObject(2)).isEqualTo(Map.of(BigInteger.valueOf(42), "z"));
        assertThat(d.next()).isFalse();
    }

    @Test
    void rowBinaryByteOrders() throws Exception {
        ResultDecoder d = binary(new String[] {"u", "UUID", "ip4", "IPv4", "ip6", "IPv6", "d", "Date32",
            "dt64", "DateTime64(3, 'Asia/Tokyo')"},
                Bodies.concat(
                        bytes(0xe7, 0x11, 0xb3, 0x5c, 0x04, 0xc4, 0xf0, 0x61, 0xa0, 0xdb, 0xd3, 0x6a, 0x00, 0xa6, 0x7b, 0x90),
                        bytes(1, 0, 0, 127),
                        bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
                        bytes(0xff, 0xff, 0xff, 0xff),
                        bytes(0xe8, 0x03, 0, 0, 0, 0, 0, 0)));
        assertThat(d.next()).isTrue();
        assertThat(d.row().getObject(0)).isEqualTo(java.util.UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"));
        assertThat(d.row().getObject(1)).isEqualTo(java.net.InetAddress.getByName("127.0.0.1"));
        assertThat(d.row().getObject(2)).isEqualTo(java.net.InetAddress.getByName("2001:db8::1"));
        assertThat(d.row().getObject(3)).isEqualTo(java.time.LocalDate.of(1969, 12, 31));
        assertThat(d.row().getString(4)).isEqualTo("1970-01-01 09:00:01.000");
    }

    @Test
    void dynamicWithAnUndecodableBinaryTypeIsAClearError() {
        ResultDecoder d = binary(new String[] {"d", "Dynamic"}, bytes(0x21));
        assertThatThrownBy(d::next).isInstanceOf(ProtocolException.class).hasMessageContaining("cast the column");
    }

    @Test
    void dynamicHoldingNullableAndMapValues() {
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        rows.writeBytes(bytes(0x23, 0x15, 0)); // Nullable(String), not null
        Bodies.str(rows, "hi");
        rows.writeBytes(bytes(0x27, 0x15, 0x01, 1)); // Map(String, UInt8) with 1 entry
        Bodies.str(rows, "k");
        rows.write(9);
        ResultDecoder d = binary(new String[] {"d", "Dynamic"}, rows.toByteArray());
        assertThat(d.next()).isTrue();
        assertThat(d.row().getObject(0)).isEqualTo("hi");
        assertThat(d.next()).isTrue();
        assertThat(d.row().getObject(0)).isEqualTo("{'k':9}");
        assertThat(d.next()).isFalse();
    }

    @Test
    void tsvEscapesAreUndone() {
        ResultDecoder d = tsv("s\tn\nString\tNullable(String)\na\\tb\\nc\\\\d\\'e\\0f\\bg\\fh\\ri\\x41\\xff\t\\N\n");
        assertThat(d.next()).isTrue();
        byte[] expected = Bodies.concat("a\tb\nc\\d'e\0f\bg\fh\ri".getBytes(StandardCharsets.UTF_8), bytes('A', 0xff));
        assertThat(d.row().getBytes(0)).isEqualTo(expected);
        // the bytes are exact; as text, 0xff is not UTF-8 and is refused rather than replaced by U+FFFD
        assertThatThrownBy(() -> d.row().getString(0)).isInstanceOf(TypeConversionException.class);
        assertThat(d.row().isNull(1)).isTrue();
        assertThat(d.row().getString(1)).isNull();
        assertThat(d.next()).isFalse();
    }

    @Test
    void tsvTypeNamesAreUnescaped() {
        ResultDecoder d = tsv("t\nDateTime(\\'Asia/Tokyo\\')\n1970-01-01 09:00:00\n");
        assertThat(d.schema().column(1).type().zone()).contains(java.time.ZoneId.of("Asia/Tokyo"));
        assertThat(d.next()).isTrue();
        assertThat(d.row().getObject(0)).isEqualTo(java.time.ZonedDateTime.parse("1970-01-01T00:00Z[UTC]")
                .withZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo")));
        assertThat(d.row().getString(0)).isEqualTo("1970-01-01 09:00:00");
    }

    @Test
    void tsvBadValuesAreProtocolErrors() {
        assertThatThrownBy(tsv("n\nInt32\nabc\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("n\nInt64\n9223372036854775808\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("n\nUInt64\n18446744073709551616\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("n\nUInt64\n-1\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("n\nBool\nyes\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("n\nDateTime\n2024-02-30 00:00:00\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("a\tb\nUInt8\tUInt8\n1\n")::next).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("fields");
        assertThatThrownBy(tsv("a\nUInt8\n1\t2\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("a\nString\n\\N\n")::next).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("non-Nullable");
        assertThatThrownBy(tsv("a\nArray(UInt8)\n[1,2\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("a\nIPv4\nexample.com\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("a\tb\nUInt8\n")::schema).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(tsv("a\nNoSuchType\n")::schema).isInstanceOf(ProtocolException.class);
    }

    @Test
    void tsvLimitsOfIntegers() {
        ResultDecoder d = tsv("a\tb\tc\nInt64\tUInt64\tInt8\n-9223372036854775808\t18446744073709551615\t-128\n");
        assertThat(d.next()).isTrue();
        assertThat(d.row().getLong(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(d.row().getObject(1)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(d.row().getObject(2)).isEqualTo(-128);
    }

    @Test
    void jsonQuoted64BitIntegersAndQuotedDenormals() {
        ResultDecoder d = json("[\"a\",\"b\",\"c\",\"f\",\"g\",\"h\",\"n\"]\n"
                + "[\"Int64\",\"UInt64\",\"Int128\",\"Float64\",\"Float32\",\"Float64\",\"Nullable(Float64)\"]\n"
                + "[\"9007199254740993\",\"18446744073709551615\",\"-170141183460469231731687303715884105728\","
                + "\"inf\",\"-inf\",\"nan\",\"nan\"]\n"
                + "[9007199254740993,18446744073709551615,170141183460469231731687303715884105727,1e308,-1.5,0,null]\n");
        assertThat(d.next()).isTrue();
        assertThat(d.row().getLong(0)).isEqualTo(9007199254740993L);
        assertThat(d.row().getObject(1)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(d.row().getObject(2)).isEqualTo(BigInteger.TWO.pow(127).negate());
        assertThat(d.row().getDouble(3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(d.row().getObject(4)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(d.row().getDouble(5)).isNaN();
        assertThat(d.row().isNull(6)).isFalse();
        assertThat(d.next()).isTrue();
        assertThat(d.row().getLong(0)).isEqualTo(9007199254740993L);
        assertThat(d.row().getObject(2)).isEqualTo(BigInteger.TWO.pow(127).subtract(BigInteger.ONE));
        assertThat(d.row().getObject(4)).isEqualTo(-1.5f);
        assertThat(d.row().isNull(6)).isTrue();
        assertThat(d.next()).isFalse();
    }

    @Test
    void jsonMapKeysAreTypedAndNamedTuplesAreObjects() {
        ResultDecoder d = json("[\"m\",\"t\"]\n[\"Map(UInt64, String)\",\"Tuple(b String, a Int8)\"]\n"
                + "[{\"1\":\"x\",\"18446744073709551615\":\"y\"},{\"a\":3,\"b\":\"q\"}]\n");
        assertThat(d.next()).isTrue();
        assertThat(d.row().getObject(0)).isEqualTo(Map.of(BigInteger.ONE, "x",
                new BigInteger("18446744073709551615"), "y"));
        assertThat(d.row().getObject(1)).isEqualTo(List.of("q", 3));
    }

    @Test
    void jsonMalformedAndTruncated() {
        assertThatThrownBy(json("[\"a\"]\n[\"UInt8\"]\n[1,}\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(json("[\"a\"]\n[\"UInt8\"]\n[\"x\"]\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(json("[\"a\"]\n[\"UInt8\"]\n[1, 2]\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(json("[\"a\"]\n[\"UInt8\"]\n[null]\n")::next).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(json("[\"a\"]\n[\"UInt8\"]\n[1")::next).isInstanceOf(ResultInterruptedException.class);
        assertThatThrownBy(json("[\"a\"]\n")::schema).isInstanceOf(ResultInterruptedException.class);
        assertThatThrownBy(json("<html>502 Bad Gateway</html>")::schema).isInstanceOf(ProtocolException.class);
    }

    @Test
    void emptyBodyIsABrokenResponseNeverAnEmptyResult() {
        // all three formats send their header even for no rows (protocol notes 2.4; golden q10 empty result)
        for (ResultFormat f : ResultFormat.values()) {
            ResultDecoder d = decoder(f, new byte[0]);
            assertThatThrownBy(d::schema).isInstanceOf(ProtocolException.class).hasMessageContaining("empty");
            assertThatThrownBy(d::next).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void timeOutsideADayHasTextButNoLocalTime() {
        ResultDecoder d = tsv("t\tt3\nTime\tTime64(3)\n-01:00:00\t23:59:59.999\n");
        assertThat(d.next()).isTrue();
        assertThat(d.row().getString(0)).isEqualTo("-01:00:00");
        assertThatThrownBy(() -> d.row().getObject(0)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("getString");
        assertThat(d.row().getObject(1)).isEqualTo(LocalTime.of(23, 59, 59, 999_000_000));
    }

    @Test
    void fixedStringBytesAreExactIncludingPadding() {
        ResultDecoder d = binary(new String[] {"f", "FixedString(4)"}, bytes(0xff, 'a', 0, 0));
        assertThat(d.next()).isTrue();
        assertThat(d.row().getBytes(0)).isEqualTo(bytes(0xff, 'a', 0, 0));
        assertThatThrownBy(() -> d.row().getObject(0)).isInstanceOf(TypeConversionException.class);
    }
}
