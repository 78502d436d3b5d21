package dev.olaphttp.clickhouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouse;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every type 18.16 has, loaded through {@code client.insert(...)} as RowBinary, as TabSeparated, from a CSV file and
 * from a JSONEachRow stream, then read back through the client and compared value for value (BigDecimal scale,
 * ZonedDateTime zone included).
 */
@ExtendWith(ClickHouseServerExtension.class)
class RealServerTypesLoadTest {
    static final String COLUMNS = "i32 Int32, i8 Int8, i16 Int16, i64 Int64, u8 UInt8, u16 UInt16, u32 UInt32, "
            + "u64 UInt64, f32 Float32, f64 Float64, d32 Decimal32(4), d64 Decimal64(6), d128 Decimal128(10), "
            + "s String, fs FixedString(4), id UUID, d Date, dt DateTime('UTC'), dtz DateTime('Europe/Berlin'), "
            + "e8 Enum8('a' = 1, 'b' = -2), e16 Enum16('x' = 1000, 'y' = -1000), ns Nullable(String), "
            + "ni Nullable(Int64), arr Array(Nullable(Int32)), arr2 Array(Array(String)), tup Tuple(Int32, String), "
            + "n Nested(a UInt8, b String)";
    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final UUID U1 = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
    static final String AWKWARD = "tab\t nl\n cr\r bs\\ q' dq\" nul\0 \\N ü 😀";

    private static SqlClient client;

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

    /** The rows as sent (Java values, some as close relatives such as an int for Int64). */
    static List<Object[]> rows() {
        return List.of(
                new Object[] {1, -128, (short) -32768, Long.MIN_VALUE, 0, 0, 0L, BigInteger.ZERO, Float.NaN,
                    Double.NEGATIVE_INFINITY, new BigDecimal("-99999.9999"), new BigDecimal("-999999999999.999999"),
                    new BigDecimal("-9999999999999999999999999999.9999999999"), "", "", new UUID(0, 0),
                    LocalDate.of(1970, 1, 1), Instant.EPOCH, ZonedDateTime.of(2026, 3, 29, 1, 59, 59, 0, UTC),
                    "b", "y", null, null, List.of(), List.of(), List.of(-1, ""), List.of(), List.of()},
                new Object[] {2, 127, 32767, Long.MAX_VALUE, 255, 65535, 4294967295L,
                    new BigInteger("18446744073709551615"), Float.POSITIVE_INFINITY, Double.MAX_VALUE,
                    new BigDecimal("99999.9999"), new BigDecimal("999999999999.999999"),
                    new BigDecimal("9999999999999999999999999999.9999999999"), AWKWARD, "abcd", U1,
                    LocalDate.of(2105, 12, 31), Instant.parse("2105-12-31T23:59:59Z") /* 18.16 prints later UInt32 seconds wrapped */,
                    LocalDateTime.of(2026, 10, 25, 3, 30, 0), "a", "x", AWKWARD, -5L,
                    Arrays.asList(null, 2147483647, null), List.of(List.of("a'b", "]["), List.of()),
                    Arrays.asList(Integer.MIN_VALUE, "é\t"), List.of(0, 255), List.of("k\\1", "")},
                new Object[] {3, 0, 0, 0, 1, 2, 3, 4, -0.5f, 1e-300, new BigDecimal("0.0001"), 12, "3.5",
                    "ユニコード", "é", U1.toString(), "2000-02-29", "2000-02-29 23:59:59",
                    ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneId.of("America/New_York")), "a", "x", "", 0,
                    new Integer[] {null}, List.of(List.of("")), new Object[] {0, "\\"}, new int[] {7}, List.of("z")});
    }

    /** The values read back: the client's Java types, exact scales and zones. */
    static List<List<Object>> expected() {
        return List.of(
                Arrays.asList(1, -128, -32768, Long.MIN_VALUE, 0, 0, 0L, BigInteger.ZERO, Float.NaN,
                    Double.NEGATIVE_INFINITY, new BigDecimal("-99999.9999"), new BigDecimal("-999999999999.999999"),
                    new BigDecimal("-9999999999999999999999999999.9999999999"), "", "\0\0\0\0", new UUID(0, 0),
                    LocalDate.of(1970, 1, 1), ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, UTC),
                    ZonedDateTime.of(2026, 3, 29, 3, 59, 59, 0, BERLIN), "b", "y", null, null, List.of(), List.of(),
                    List.of(-1, ""), List.of(), List.of()),
                Arrays.asList(2, 127, 32767, Long.MAX_VALUE, 255, 65535, 4294967295L,
                    new BigInteger("18446744073709551615"), Float.POSITIVE_INFINITY, Double.MAX_VALUE,
                    new BigDecimal("99999.9999"), new BigDecimal("999999999999.999999"),
                    new BigDecimal("9999999999999999999999999999.9999999999"), AWKWARD, "abcd", U1,
                    LocalDate.of(2105, 12, 31), ZonedDateTime.of(2105, 12, 31, 23, 59, 59, 0, UTC),
                    ZonedDateTime.ofStrict(LocalDateTime.of(2026, 10, 25, 3, 30), java.time.ZoneOffset.ofHours(1), BERLIN),
                    "a", "x", AWKWARD, -5L, Arrays.asList(null, 2147483647, null),
                    List.of(List.of("a'b", "]["), List.of()), List.of(Integer.MIN_VALUE, "é\t"), List.of(0, 255),
                    List.of("k\\1", "")),
                Arrays.asList(3, 0, 0, 0L, 1, 2, 3L, BigInteger.valueOf(4), -0.5f, 1e-300, new BigDecimal("0.0001"),
                    new BigDecimal("12.000000"), new BigDecimal("3.5000000000"), "ユニコード", "é\0\0", U1,
                    LocalDate.of(2000, 2, 29), ZonedDateTime.of(2000, 2, 29, 23, 59, 59, 0, UTC),
                    ZonedDateTime.of(2000, 1, 1, 6, 0, 0, 0, BERLIN), "a", "x", "", 0L, Arrays.asList((Object) null),
                    List.of(List.of("")), List.of(0, "\\"), List.of(7), List.of("z")));
    }

    static List<List<Object>> readBack(String table) {
        return client.sql("SELECT * FROM " + table + " ORDER BY i32").list(r -> {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= r.schema().size(); i++) {
                values.add(r.getObject(i));
            }
            return values;
        });
    }

    static void create(String table) {
        client.sql("CREATE TABLE " + table + " (" + COLUMNS + ") ENGINE = Memory").execute();
    }

    static void assertRoundTrip(String table) {
        List<List<Object>> back = readBack(table);
        List<List<Object>> want = expected();
        assertThat(back).hasSize(want.size());
        for (int r = 0; r < want.size(); r++) {
            for (int c = 0; c < want.get(r).size(); c++) {
                assertThat(back.get(r).get(c)).as("%s row %d column %d", table, r + 1, c + 1)
                        .isEqualTo(want.get(r).get(c));
            }
        }
    }

    @Test
    void rowBinaryRoundTripsEveryType() {
        create("types_rb");
        InsertResult r = client.insert("types_rb").rows(rows());
        assertThat(r.serverInfo()).containsEntry("format", "RowBinary");
        assertThat(r.rowsWritten()).isEqualTo(3); // 18.16 sends no X-ClickHouse-Summary: the rows sent
        assertThat(r.serverInfo().get("writtenSource")).startsWith("client");
        assertThat(r.bytesWritten()).isPositive();
        assertRoundTrip("types_rb");
    }

    @Test
    void tabSeparatedRoundTripsEveryType() {
        create("types_tsv");
        InsertResult r = client.insert("types_tsv").option("format", "TSV").rows(rows());
        assertThat(r.serverInfo()).containsEntry("format", "TabSeparated");
        assertThat(r.rowsWritten()).isEqualTo(3);
        assertRoundTrip("types_tsv");
    }

    @Test
    void tabSeparatedSendsEnumCodesAsTheirLabels() {
        client.sql("CREATE TABLE enum_tsv (i Int32, e8 Enum8('a' = 1, 'b' = -2), "
                + "e16 Nullable(Enum16('x' = 1000, 'y' = -1000))) ENGINE = Memory").execute();
        InsertResult r = client.insert("enum_tsv").option("format", "TSV").rows(List.of(
                new Object[] {1, 1, -1000}, new Object[] {2, (byte) -2, null}, new Object[] {3, "a", 1000L}));
        assertThat(r.serverInfo()).containsEntry("format", "TabSeparated");
        assertThat(client.sql("SELECT i, e8, e16 FROM enum_tsv ORDER BY i")
                .list(row -> Arrays.asList(row.getObject(1), row.getObject(2), row.getObject(3))))
                .containsExactly(Arrays.asList(1, "a", "y"), Arrays.asList(2, "b", null), Arrays.asList(3, "a", "x"));
        assertThatThrownBy(() -> client.insert("enum_tsv").option("format", "TSV")
                .rows(List.<Object[]>of(new Object[] {4, 7, null})))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("e8")
                .hasMessageContaining("7 is not a value of Enum8");
        assertThat(client.sql("SELECT count() FROM enum_tsv").list(row -> row.getLong(1))).containsExactly(3L);
    }

    @Test
    void csvFileRoundTripsEveryType(@TempDir Path dir) throws Exception {
        create("types_csv");
        String csv = String.join("\n",
                "1,-128,-32768,-9223372036854775808,0,0,0,0,nan,-inf,-99999.9999,-999999999999.999999,"
                        + "-9999999999999999999999999999.9999999999,\"\",\"\",00000000-0000-0000-0000-000000000000,"
                        + "1970-01-01,1970-01-01 00:00:00,2026-03-29 03:59:59,b,y,\\N,\\N,[],[],-1,\"\",[],[]",
                "2,127,32767,9223372036854775807,255,65535,4294967295,18446744073709551615,inf,"
                        + "1.7976931348623157e308,99999.9999,999999999999.999999,"
                        + "9999999999999999999999999999.9999999999,\"" + AWKWARD.replace("\"", "\"\"") + "\",abcd,"
                        + U1 + ",2105-12-31,2105-12-31 23:59:59,2026-10-25 03:30:00,a,x,\""
                        + AWKWARD.replace("\"", "\"\"") + "\",-5,\"[NULL,2147483647,NULL]\",\"[['a\\'b','][']"
                        + ",[]]\",-2147483648,\"é\t\",\"[0,255]\",\"['k\\\\1','']\"",
                "3,0,0,0,1,2,3,4,-0.5,1e-300,0.0001,12,3.5,ユニコード,é,"
                        + U1 + ",2000-02-29,2000-02-29 23:59:59,2000-01-01 06:00:00,a,x,\"\",0,[NULL],\"[['']]\","
                        + "0,\"\\\",[7],['z']") + "\n";
        Path file = dir.resolve("types.csv");
        Files.writeString(file, csv);
        client.insert("types_csv").from(file, DataFormat.CSV);
        assertRoundTrip("types_csv");
    }

    @Test
    void jsonEachRowStreamRoundTripsEveryType() {
        create("types_json");
        String json = String.join("\n",
                "{\"i32\":1,\"i8\":-128,\"i16\":-32768,\"i64\":\"-9223372036854775808\",\"u8\":0,\"u16\":0,\"u32\":0,"
                        + "\"u64\":\"0\",\"f32\":\"nan\",\"f64\":\"-inf\",\"d32\":-99999.9999,"
                        + "\"d64\":-999999999999.999999,\"d128\":-9999999999999999999999999999.9999999999,"
                        + "\"s\":\"\",\"fs\":\"\",\"id\":\"00000000-0000-0000-0000-000000000000\",\"d\":\"1970-01-01\","
                        + "\"dt\":\"1970-01-01 00:00:00\",\"dtz\":\"2026-03-29 03:59:59\",\"e8\":\"b\",\"e16\":\"y\","
                        + "\"ns\":null,\"ni\":null,\"arr\":[],\"arr2\":[],\"tup\":[-1,\"\"],\"n.a\":[],\"n.b\":[]}",
                "{\"i32\":2,\"i8\":127,\"i16\":32767,\"i64\":\"9223372036854775807\",\"u8\":255,\"u16\":65535,"
                        + "\"u32\":4294967295,\"u64\":\"18446744073709551615\",\"f32\":\"inf\","
                        + "\"f64\":1.7976931348623157e308,\"d32\":99999.9999,\"d64\":999999999999.999999,"
                        + "\"d128\":9999999999999999999999999999.9999999999,\"s\":" + json(AWKWARD)
                        + ",\"fs\":\"abcd\",\"id\":\"" + U1 + "\",\"d\":\"2105-12-31\",\"dt\":\"2105-12-31 23:59:59\","
                        + "\"dtz\":\"2026-10-25 03:30:00\",\"e8\":\"a\",\"e16\":\"x\",\"ns\":" + json(AWKWARD)
                        + ",\"ni\":-5,\"arr\":[null,2147483647,null],\"arr2\":[[\"a'b\",\"][\"],[]],"
                        + "\"tup\":[-2147483648,\"é\\t\"],\"n.a\":[0,255],\"n.b\":[\"k\\\\1\",\"\"]}",
                "{\"i32\":3,\"i8\":0,\"i16\":0,\"i64\":0,\"u8\":1,\"u16\":2,\"u32\":3,\"u64\":4,\"f32\":-0.5,"
                        + "\"f64\":1e-300,\"d32\":0.0001,\"d64\":12,\"d128\":3.5,\"s\":\"ユニコード\","
                        + "\"fs\":\"é\",\"id\":\"" + U1 + "\",\"d\":\"2000-02-29\",\"dt\":\"2000-02-29 23:59:59\","
                        + "\"dtz\":\"2000-01-01 06:00:00\",\"e8\":\"a\",\"e16\":\"x\",\"ns\":\"\",\"ni\":0,"
                        + "\"arr\":[null],\"arr2\":[[\"\"]],\"tup\":[0,\"\\\\\"],\"n.a\":[7],\"n.b\":[\"z\"]}") + "\n";
        client.insert("types_json").from(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                DataFormat.NDJSON);
        assertRoundTrip("types_json");
    }

    @Test
    void tabSeparatedInsertsKeepTheInstantInsideADstOverlap() {
        client.sql("DROP TABLE IF EXISTS dst_tsv").execute();
        client.sql("CREATE TABLE dst_tsv (i UInt8, t DateTime('America/New_York')) ENGINE = Memory").execute();
        Instant first = Instant.parse("2024-11-03T05:30:00Z"); // 01:30 EDT
        Instant second = Instant.parse("2024-11-03T06:30:00Z"); // 01:30 EST, the same local time
        client.insert("dst_tsv").option("format", "TSV").rows(List.of(new Object[] {1, first}, new Object[] {2, second},
                new Object[] {3, ZonedDateTime.ofInstant(second, ZoneId.of("Asia/Tokyo"))}));
        assertThat(client.sql("SELECT toUnixTimestamp(t) FROM dst_tsv ORDER BY i").list(r -> r.getLong(1)))
                .containsExactly(1730611800L, 1730615400L, 1730615400L);
        client.sql("DROP TABLE dst_tsv").execute();
    }

    @Test
    void badValuesAreRejectedBeforeAnythingIsLoaded() {
        create("types_bad");
        List<Object[]> tooBig = new ArrayList<>(rows());
        Object[] row = tooBig.get(0).clone();
        row[4] = 256; // u8
        tooBig.set(0, row);
        assertThatThrownBy(() -> client.insert("types_bad").rows(tooBig))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("row 1, column 'u8'").hasMessageNotContaining("256");
        Object[] lossy = rows().get(0).clone();
        lossy[10] = new BigDecimal("1.00001"); // d32 has scale 4: never rounded
        assertThatThrownBy(() -> client.insert("types_bad").rows(List.<Object[]>of(lossy)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("column 'd32'");
        assertThat(client.sql("SELECT count() FROM types_bad").list(r -> r.getLong(1))).containsExactly(0L);
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\u0000");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
