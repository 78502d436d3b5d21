package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.resp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.Column;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Every schema type through the row path: primitives unboxed, objects of SqlType.javaType(), NULL as null. */
class AllTypesTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String[][] COLUMNS = {
        {"b", "Boolean", "1"},
        {"i8", "Int8", "-5"},
        {"u32", "UInt32", "4294967295"},
        {"i64", "Int64", "-9007199254740993"},
        {"u64", "UInt64", "18446744073709551615"},
        {"f32", "Float32", "NaN"},
        {"f64", "Float64", "-Infinity"},
        {"d", "Decimal(20, 3)", "12345678901234567.891"},
        {"s", "String", "NULL"},
        {"bin", "Binary", "CAFE"},
        {"day", "Date", "2024-02-29"},
        {"ts", "Timestamp", "2024-02-29 12:00:00.500000"},
        {"tz", "Timestamp_Tz", "2024-02-29 12:00:00.000000 -0330"},
        {"iv", "Interval", "-1 day"},
        {"j", "Variant", "{\"k\":[1,2]}"},
        {"arr", "Array(Int32 NULL)", "[1,NULL]"},
        {"m", "Map(String, Int64)", "{\"a\":1}"},
        {"t", "Tuple(String, Boolean)", "(\"x,y\",0)"},
        {"bm", "Bitmap", "<bitmap binary>"},
        {"g", "Geometry", "{\"type\":\"Point\",\"coordinates\":[1,2]}"},
    };

    @Test
    void decodesEveryTypeAndNulls() {
        StringBuilder schema = new StringBuilder("[");
        StringBuilder values = new StringBuilder("[");
        StringBuilder nulls = new StringBuilder("[");
        for (int i = 0; i < COLUMNS.length; i++) {
            String sep = i == 0 ? "" : ",";
            schema.append(sep).append("{\"name\":\"").append(COLUMNS[i][0]).append("\",\"type\":\"Nullable(")
                    .append(COLUMNS[i][1]).append(")\"}");
            values.append(sep).append('"').append(COLUMNS[i][2].replace("\"", "\\\"")).append('"');
            nulls.append(sep).append("null");
        }
        server.enqueue(resp().schema(schema + "]").data("[" + values + "]," + nulls + "]]")
                .settings("{\"timezone\":\"America/St_Johns\",\"binary_output_format\":\"HEX\"}").next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = TestServer.client(server, ""); RowCursor c = client.sql("SELECT *").stream()) {
            assertThat(c.next()).isTrue();
            for (int i = 1; i <= COLUMNS.length; i++) {
                Column col = c.schema().column(i);
                assertThat(col.type().nullable()).isTrue();
                Object o = c.getObject(i);
                assertThat(o).as(col.name()).isInstanceOf(col.type().javaType());
            }
            assertThat(c.getBoolean(1)).isTrue();
            assertThat(c.getLong(2)).isEqualTo(-5);
            assertThat(c.getLong(3)).isEqualTo(4294967295L);
            assertThat(c.getLong(4)).isEqualTo(-9007199254740993L);
            assertThat(c.getObject(5)).isEqualTo(new BigInteger("18446744073709551615"));
            assertThat(c.getDouble(6)).isNaN();
            assertThat(c.getDouble(7)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(c.getObject(8)).isEqualTo(new BigDecimal("12345678901234567.891"));
            assertThat(c.getString(9)).isEqualTo("NULL");
            assertThat(c.isNull(9)).isFalse();
            // getString of other kinds: the dialect passes only String values through, the core derives the rest
            assertThat(c.getString(2)).isEqualTo("-5");
            assertThat(c.getString(5)).isEqualTo("18446744073709551615");
            assertThat(c.getString(7)).isEqualTo("-Infinity");
            assertThat(c.getString(8)).isEqualTo("12345678901234567.891");
            assertThat(c.getString(14)).isEqualTo("-1 day");
            assertThat(c.getBytes(10)).containsExactly(0xCA, 0xFE);
            assertThat(c.getObject(11)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(c.getObject(12)).isEqualTo(ZonedDateTime.of(2024, 2, 29, 12, 0, 0, 500_000_000,
                    java.time.ZoneId.of("America/St_Johns")));
            assertThat(c.getObject(13)).isEqualTo(OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0,
                    ZoneOffset.ofHoursMinutes(-3, -30)));
            assertThat(c.getObject(14)).isEqualTo("-1 day");
            assertThat(c.getObject(15)).isEqualTo("{\"k\":[1,2]}");
            assertThat(c.getObject(16)).isEqualTo(Arrays.asList(1, null));
            assertThat(c.getObject(17)).isEqualTo(Map.of("a", 1L));
            assertThat(c.getObject(18)).isEqualTo(List.of("x,y", false));
            assertThat(c.getObject(19)).isEqualTo("<bitmap binary>");
            assertThat(c.getObject(20)).isEqualTo("{\"type\":\"Point\",\"coordinates\":[1,2]}");
            assertThat(c.next()).isTrue();
            for (int i = 1; i <= COLUMNS.length; i++) {
                assertThat(c.isNull(i)).as(COLUMNS[i - 1][0]).isTrue();
                assertThat(c.getObject(i)).isNull();
                assertThat(c.getString(i)).isNull();
            }
            assertThat(c.next()).isFalse();
        }
    }
}
