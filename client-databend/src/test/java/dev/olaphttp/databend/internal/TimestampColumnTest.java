package dev.olaphttp.databend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.olaphttp.SqlType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The char-level timestamp decoder agrees with the text decoder of {@link Values} in every zone and mode. */
class TimestampColumnTest {
    private static final List<String> TEXTS = List.of("2024-02-29 23:59:59.000001", "1970-01-01 00:00:00",
            "1969-12-31 23:59:59.999999999", "0001-01-01 00:00:00", "9999-12-31 23:59:59.5", "2024-03-31 02:30:00",
            "2024-10-27 02:30:00", "2000-02-29T12:00:00.123");

    private static List<Object> decode(String zone, List<String> texts, ResultFormat fmt) throws IOException {
        SqlType type = new TypeParser(ZoneId.of(zone)).parse("Timestamp");
        TimestampColumn col = new TimestampColumn("ts", type);
        col.ensure(texts.size());
        StringBuilder json = new StringBuilder("[");
        for (String t : texts) {
            json.append(json.length() > 1 ? "," : "").append('"').append(t).append('"');
        }
        try (JsonParser p = new JsonFactory().createParser(json.append(']').toString())) {
            p.nextToken();
            for (int r = 0; r < texts.size(); r++) {
                p.nextToken();
                col.read(p, r);
            }
        }
        col.finish(texts.size(), fmt);
        Object[] out = new Object[texts.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = col.getObject(r);
        }
        return List.of(out);
    }

    private static List<Object> expected(String zone, List<String> texts, ResultFormat fmt) {
        SqlType type = new TypeParser(ZoneId.of(zone)).parse("Timestamp");
        return texts.stream().map(t -> Values.convert(type, t, fmt, false)).toList();
    }

    @Test
    void textFormMatchesTheTextDecoderInFixedAndDstZones() throws IOException {
        for (String zone : List.of("Z", "UTC", "+05:45", "Europe/Berlin", "America/New_York")) {
            ResultFormat fmt = new ResultFormat(ZoneId.of(zone), "HEX", false);
            assertThat(decode(zone, TEXTS, fmt)).as(zone).isEqualTo(expected(zone, TEXTS, fmt));
        }
    }

    @Test
    void driverModeMicrosAreInstants() throws IOException {
        List<String> micros = List.of("0", "-1", "1709251199000001", "2024-01-01 00:00:00");
        for (String zone : List.of("UTC", "Asia/Shanghai")) {
            ResultFormat fmt = new ResultFormat(ZoneId.of(zone), "HEX", true);
            assertThat(decode(zone, micros, fmt)).as(zone).isEqualTo(expected(zone, micros, fmt));
        }
    }

    @Test
    void malformedOrInvalidTimestampsAreRejected() {
        ResultFormat fmt = ResultFormat.DEFAULT;
        for (String bad : List.of("2023-02-29 00:00:00", "2024-13-01 00:00:00", "2024-01-01 24:00:00",
                "2024-01-01 00:60:00", "2024-01-01 00:00:00.", "2024-01-01x00:00:00", "2024-01-01 00:00:00.1234567890",
                "2024-01-0a 00:00:00", "20x4-01-01 00:00:00", "x024-01-01 00:00:00", "2024-01-01 0:00:000",
                "2024-01-01 00:00:0/", "2024-01-01", "")) {
            assertThatThrownBy(() -> decode("UTC", List.of(bad), fmt)).as(bad).isInstanceOf(RuntimeException.class);
        }
        assertThatThrownBy(() -> decode("UTC", List.of("1700000000000000"), fmt))
                .as("epoch micros outside driver mode").isInstanceOf(ObjectColumn.CellException.class);
    }

    @Test
    void everyDateAndTimeOfTheCalendarRoundTrips() throws IOException {
        List<String> texts = new java.util.ArrayList<>();
        List<Object> want = new java.util.ArrayList<>();
        int k = 0;
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() < 10_000; d = d.plusDays(97), k++) {
            java.time.LocalDateTime t = d.atTime(k % 24, k * 7 % 60, k * 13 % 60, k % 3 * 123_456_000);
            texts.add(t.toString().replace('T', ' ') + (t.getSecond() == 0 && t.getNano() == 0 ? ":00" : ""));
            want.add(t.atZone(ZoneId.of("UTC")));
        }
        assertThat(decode("UTC", texts, new ResultFormat(ZoneId.of("UTC"), "HEX", false))).isEqualTo(want);
    }
}
