package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeConversionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values the server sends exactly must come out exactly, or fail loudly: Enum labels with escapes (issue #10 A4),
 * date-times inside a daylight-saving overlap (A5), and strings that are not valid UTF-8 (A9).
 */
class ValueDecodingTest {
    /** The Enum type as 18.16 writes it: labels quoted with backslash escapes (captured with curl, TSVRaw). */
    private static final String ENUM = "Enum8('a\\tb' = 1, 'n\\nl' = 2, 'q\\'x' = 3, 'b\\\\s' = 4, 'z\\0y' = 5, "
            + "'h\\xC3\\xA9' = 6)";

    private static ResultDecoder decoder(ResultFormat f, byte[] body) {
        return ResultDecoders.create(f, new ByteArrayInputStream(body), Golden.ctx(null));
    }

    private static ResultDecoder tsv(String body) {
        return decoder(ResultFormat.TSV, body.getBytes(StandardCharsets.UTF_8));
    }

    private static ResultDecoder json(String body) {
        return decoder(ResultFormat.JSON_COMPACT, body.getBytes(StandardCharsets.UTF_8));
    }

    private static ResultDecoder binary(String name, String type, byte[] rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        Bodies.str(out, name);
        Bodies.str(out, type);
        out.writeBytes(rows);
        return decoder(ResultFormat.ROW_BINARY, out.toByteArray());
    }

    /** TSV escaping of a header field, as the server writes the type row. */
    private static String tsvEscape(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    @Test
    void enumLabelsDecodeClickHouseEscapes() {
        SqlType t = ClickHouseTypes.parse(ENUM, ZoneOffset.UTC);
        assertThat(t.enumValues()).containsEntry(1, "a\tb").containsEntry(2, "n\nl").containsEntry(3, "q'x")
                .containsEntry(4, "b\\s").containsEntry(5, "z\0y").containsEntry(6, "h\u00e9");
        assertThat(ClickHouseTypes.parse("Enum8('\\a\\b\\f\\r\\v\\e\\%' = 1, 'it''s' = 2)", ZoneOffset.UTC)
                .enumValues()).containsEntry(1, "\u0007\b\f\r\u000b\u001b%").containsEntry(2, "it's");
    }

    @Test
    void enumValuesWithEscapedLabelsReadInEveryFormat() {
        ResultDecoder b = binary("e", ENUM, new byte[] {1, 2, 6});
        for (String expected : List.of("a\tb", "n\nl", "h\u00e9")) {
            assertThat(b.next()).isTrue();
            assertThat(b.row().getString(0)).isEqualTo(expected);
        }
        // TSV: the type row and the values are TSV-escaped (18.16 capture: Enum8(\'a\\tb\' = 1, ...), a\tb)
        ResultDecoder d = tsv("e\n" + tsvEscape(ENUM) + "\na\\tb\nn\\nl\nq'x\n");
        for (String expected : List.of("a\tb", "n\nl", "q'x")) {
            assertThat(d.next()).isTrue();
            assertThat(d.row().getObject(0)).isEqualTo(expected);
        }
        assertThat(d.next()).isFalse();
        String jsonType = ENUM.replace("\\", "\\\\");
        ResultDecoder j = json("[\"e\"]\n[\"" + jsonType + "\"]\n[\"a\\tb\"]\n[\"b\\\\s\"]\n");
        assertThat(j.next()).isTrue();
        assertThat(j.row().getObject(0)).isEqualTo("a\tb");
        assertThat(j.next()).isTrue();
        assertThat(j.row().getObject(0)).isEqualTo("b\\s");
    }

    @Test
    void isoDateTimesAreUtcAndExactInsideTheOverlap() {
        // date_time_output_format=iso (20.11+): UTC with Z, also nested
        String type = "DateTime('America/New_York')";
        ResultDecoder d = tsv("t\tarr\tt64\n" + tsvEscape(type) + "\t" + tsvEscape("Array(" + type + ")")
                + "\t" + tsvEscape("DateTime64(3, 'Australia/Lord_Howe')") + "\n"
                + "2024-11-03T06:30:00Z\t['2024-11-03T05:30:00Z','2024-11-03T06:30:00Z']\t2024-04-06T15:15:00.250Z\n");
        assertThat(d.next()).isTrue();
        assertThat(((ZonedDateTime) d.row().getObject(0)).toInstant()).isEqualTo(Instant.ofEpochSecond(1730615400));
        assertThat((List<?>) d.row().getObject(1)).extracting(z -> ((ZonedDateTime) z).toInstant())
                .containsExactly(Instant.ofEpochSecond(1730611800), Instant.ofEpochSecond(1730615400));
        assertThat(((ZonedDateTime) d.row().getObject(2)).toInstant())
                .isEqualTo(Instant.parse("2024-04-06T15:15:00.250Z"));
        ResultDecoder j = json("[\"t\"]\n[\"" + type + "\"]\n[\"2024-11-03T06:30:00Z\"]\n[\"1730615400\"]\n");
        assertThat(j.next()).isTrue();
        assertThat(((ZonedDateTime) j.row().getObject(0)).toInstant()).isEqualTo(Instant.ofEpochSecond(1730615400));
        assertThat(j.next()).isTrue(); // date_time_output_format=unix_timestamp, if the caller chose it
        assertThat(((ZonedDateTime) j.row().getObject(0)).toInstant()).isEqualTo(Instant.ofEpochSecond(1730615400));
    }

    @Test
    void anAmbiguousLocalTimeIsRefusedNotGuessed() {
        String type = "DateTime('America/New_York')";
        assertThatThrownBy(tsv("t\n" + tsvEscape(type) + "\n2024-11-03 01:30:00\n")::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("occurs twice");
        assertThatThrownBy(tsv("t\n" + tsvEscape("Array(" + type + ")") + "\n['2024-11-03 01:30:00']\n")::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("occurs twice");
        assertThatThrownBy(json("[\"t\"]\n[\"DateTime64(3, 'Australia/Lord_Howe')\"]\n[\"2024-04-07 01:45:00.000\"]\n")::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("occurs twice");
        // one hour later the local time is unambiguous again
        ResultDecoder d = tsv("t\n" + tsvEscape(type) + "\n2024-11-03 02:30:00\n");
        assertThat(d.next()).isTrue();
        assertThat(((ZonedDateTime) d.row().getObject(0)).toInstant()).isEqualTo(Instant.parse("2024-11-03T07:30:00Z"));
    }

    @Test
    void localTimesOldServersRenderWronglyAreRefused() {
        // 18.16 writes Lord Howe's 2015-04-04T15:00:11Z as 01:00:11 and Sao Paulo's 2012-10-21T04:00Z as 01:00
        // (measured): text without offset within two days of such a change cannot be trusted
        assertThatThrownBy(tsv("t\n" + tsvEscape("DateTime('Australia/Lord_Howe')") + "\n2015-04-05 01:00:11\n")::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("fraction of an hour or at midnight");
        assertThatThrownBy(tsv("t\n" + tsvEscape("DateTime('America/Sao_Paulo')") + "\n2012-10-21 01:00:00\n")::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("Sao_Paulo");
        // far from a change, and in ISO form anywhere, they read
        ResultDecoder d = tsv("t\tu\n" + tsvEscape("DateTime('Australia/Lord_Howe')") + "\t"
                + tsvEscape("DateTime('Australia/Lord_Howe')") + "\n2015-06-01 12:00:00\t2015-04-04T15:00:11Z\n");
        assertThat(d.next()).isTrue();
        assertThat(((ZonedDateTime) d.row().getObject(0)).toInstant()).isEqualTo(Instant.parse("2015-06-01T01:30:00Z"));
        assertThat(((ZonedDateTime) d.row().getObject(1)).toInstant()).isEqualTo(Instant.ofEpochSecond(1428159611));
    }

    /** The bytes of SELECT unhex('FF00C328'): invalid UTF-8, a NUL, a truncated sequence, '('. */
    private static final byte[] INVALID = {(byte) 0xFF, 0, (byte) 0xC3, 0x28};

    @Test
    void invalidUtf8IsExactAsBytesAndRefusedAsText() {
        byte[] row = new byte[1 + INVALID.length];
        row[0] = (byte) INVALID.length;
        System.arraycopy(INVALID, 0, row, 1, INVALID.length);
        ResultDecoder b = binary("s", "String", row);
        assertThat(b.next()).isTrue();
        assertThat(b.row().getBytes(0)).containsExactly(INVALID);
        assertThatThrownBy(() -> b.row().getString(0)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'s'").hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> b.row().getObject(0)).isInstanceOf(TypeConversionException.class);
        // TSV: 18.16 writes the NUL as \0 and the other bytes raw
        byte[] body = Bodies.concat("s\nString\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF, '\\', '0', (byte) 0xC3, 0x28, '\n'},
                "ok \u00e9\uFFFD\n".getBytes(StandardCharsets.UTF_8));
        ResultDecoder t = decoder(ResultFormat.TSV, body);
        assertThat(t.next()).isTrue();
        assertThat(t.row().getBytes(0)).containsExactly(INVALID);
        assertThatThrownBy(() -> t.row().getString(0)).isInstanceOf(TypeConversionException.class);
        assertThat(t.next()).isTrue();
        assertThat(t.row().getString(0)).isEqualTo("ok \u00e9\uFFFD"); // a real U+FFFD is valid text
    }

    @Test
    void invalidUtf8InsideACompositeFailsTheResult() {
        byte[] row = new byte[2 + INVALID.length];
        row[0] = 1;
        row[1] = (byte) INVALID.length;
        System.arraycopy(INVALID, 0, row, 2, INVALID.length);
        assertThatThrownBy(binary("a", "Array(String)", row)::next).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("UTF-8");
        byte[] body = Bodies.concat("a\nArray(String)\n['".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF}, "']\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(decoder(ResultFormat.TSV, body)::next).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void jsonGetBytesRefusesTextTheServerMayHaveAltered() {
        // as 18.16 writes SELECT unhex('FF00C328') in JSON (captured): "\uFFFD\u0000\uFFFD("
        ResultDecoder j = json("[\"s\"]\n[\"String\"]\n[\"\uFFFD\\u0000\uFFFD(\"]\n[\"caf\u00e9\\t\"]\n");
        assertThat(j.next()).isTrue();
        assertThatThrownBy(() -> j.row().getBytes(0)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("RowBinary");
        assertThat(j.next()).isTrue();
        assertThat(j.row().getBytes(0)).containsExactly("caf\u00e9\t".getBytes(StandardCharsets.UTF_8));
    }
}
