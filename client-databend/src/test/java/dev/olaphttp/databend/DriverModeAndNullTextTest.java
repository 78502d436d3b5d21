package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.resp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue #10 A19: cells in the forms of protocol notes §9.1 decode: driver mode ({@code http_json_result_mode=driver})
 * Timestamp_Tz {@code "<epoch micros> <offset seconds>"}, Date as days, Timestamp as micros; and the legacy
 * {@code format_null_as_str=1} rendering of NULL as the text {@code NULL} in Nullable columns.
 */
class DriverModeAndNullTextTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String DRIVER = "{\"timezone\":\"UTC\",\"geometry_output_format\":\"GEOJSON\","
            + "\"binary_output_format\":\"HEX\",\"http_json_result_mode\":\"driver\"}";

    @Test
    void driverModeTimestampTzDecodesWithEitherSignOfOffset() {
        server.enqueue(resp().settings(DRIVER)
                .schema("[{\"name\":\"tz\",\"type\":\"Timestamp_Tz\"},{\"name\":\"n\",\"type\":\"Nullable(Timestamp_Tz)\"},"
                        + "{\"name\":\"d\",\"type\":\"Date\"},{\"name\":\"ts\",\"type\":\"Timestamp\"}]")
                .data("[[\"1709193601500000 20700\",null,\"19782\",\"1709193601500000\"],"
                        + "[\"1709193601500000 -18000\",\"-1 0\",\"-1\",\"-1\"]]")
                .next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = TestServer.client(server, "");
                RowCursor c = client.sql("SELECT tz, n, d, ts").stream()) {
            Instant at = Instant.ofEpochSecond(1709193601L, 500_000_000);
            assertThat(c.next()).isTrue();
            assertThat(c.getOffsetDateTime(1)).isEqualTo(at.atOffset(ZoneOffset.ofTotalSeconds(20700)));
            assertThat(c.getOffsetDateTime(2)).isNull();
            assertThat(c.getLocalDate(3)).isEqualTo(LocalDate.ofEpochDay(19782));
            assertThat(c.getInstant(4)).isEqualTo(at);
            assertThat(c.next()).isTrue();
            assertThat(c.getOffsetDateTime(1)).isEqualTo(at.atOffset(ZoneOffset.ofHours(-5)));
            assertThat(c.getOffsetDateTime(2)).isEqualTo(OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000,
                    ZoneOffset.UTC));
            assertThat(c.getLocalDate(3)).isEqualTo(LocalDate.of(1969, 12, 31));
            assertThat(c.getInstant(4)).isEqualTo(Instant.ofEpochSecond(-1, 999_999_000));
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void theNullTextIsNullInNullableColumnsOtherThanString() {
        server.enqueue(resp()
                .schema("[{\"name\":\"i\",\"type\":\"Nullable(Int64)\"},{\"name\":\"f\",\"type\":\"Nullable(Float64)\"},"
                        + "{\"name\":\"t\",\"type\":\"Nullable(Timestamp)\"},{\"name\":\"d\",\"type\":\"Nullable(Decimal(10, 2))\"},"
                        + "{\"name\":\"z\",\"type\":\"Nullable(Timestamp_Tz)\"},{\"name\":\"b\",\"type\":\"Nullable(Boolean)\"},"
                        + "{\"name\":\"a\",\"type\":\"Nullable(Array(Int32 NULL))\"},{\"name\":\"s\",\"type\":\"Nullable(String)\"},"
                        + "{\"name\":\"x\",\"type\":\"NULL\"}]")
                .data("[[\"NULL\",\"NULL\",\"NULL\",\"NULL\",\"NULL\",\"NULL\",\"NULL\",\"NULL\",\"NULL\"],"
                        + "[\"7\",\"1.5\",\"2024-02-29 12:00:00.000000\",\"1.25\",\"2024-02-29 12:00:00.000000 +0000\",\"1\",\"[1,NULL]\",\"s\",\"NULL\"]]")
                .next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = TestServer.client(server, "");
                RowCursor c = client.sql("SELECT i, f, t, d, z, b, a, s, x").stream()) {
            assertThat(c.next()).isTrue();
            for (int i = 1; i <= 7; i++) {
                assertThat(c.isNull(i)).as("column %d", i).isTrue();
            }
            assertThat(c.getString(8)).as("a String keeps the text (ambiguous with format_null_as_str=1)")
                    .isEqualTo("NULL");
            assertThat(c.isNull(9)).isTrue();
            assertThat(c.next()).isTrue();
            assertThat(c.getLong(1)).isEqualTo(7);
            assertThat(c.getDouble(2)).isEqualTo(1.5);
            assertThat(c.getString(8)).isEqualTo("s");
            assertThat(c.next()).isFalse();
        }
    }
}
