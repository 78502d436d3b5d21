package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTimesTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void datesAgreeWithJavaTime() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.isBefore(LocalDate.of(2300, 1, 1)); d = d.plusDays(7)) {
            assertThat(TextTimes.epochDay(b(d.toString()), 10)).as(d.toString()).isEqualTo(d.toEpochDay());
        }
        assertThat(TextTimes.epochDay(b("2024-02-29"), 10)).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(TextTimes.epochDay(b("2023-02-29"), 10)).isEqualTo(TextTimes.NO_MATCH);
        assertThat(TextTimes.epochDay(b("2023-13-01"), 10)).isEqualTo(TextTimes.NO_MATCH);
        assertThat(TextTimes.epochDay(b("2023/01/01"), 10)).isEqualTo(TextTimes.NO_MATCH);
        assertThat(TextTimes.epochDay(b("20230101"), 8)).isEqualTo(TextTimes.NO_MATCH);
    }

    @Test
    void dateTimesAgreeWithJavaTimeInFixedAndDstZones() {
        Random random = new Random(42);
        for (String z : new String[] {"UTC", "Asia/Tokyo", "America/New_York", "Asia/Kolkata", "Europe/Berlin"}) {
            ZoneId zone = ZoneId.of(z);
            for (int i = 0; i < 2000; i++) {
                LocalDateTime t = LocalDateTime.of(1900 + random.nextInt(400), 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                        random.nextInt(1000) * 1_000_000);
                String text = Values.dateTimeText(t, 3);
                boolean twice = zone.getRules().getValidOffsets(t).size() > 1;
                // a local time that occurs twice has no match: the general parser refuses it
                long expected = twice ? TextTimes.NO_MATCH : t.atZone(zone).toInstant().toEpochMilli();
                assertThat(TextTimes.epochTicks(b(text), text.length(), 3, zone, TextTimes.fixedOffset(zone)))
                        .as(text + " " + z).isEqualTo(expected);
                String isoText = Values.dateTimeText(t, 3).replace(' ', 'T') + "Z";
                assertThat(TextTimes.epochTicks(b(isoText), isoText.length(), 3, zone, TextTimes.fixedOffset(zone)))
                        .as(isoText).isEqualTo(t.toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
            }
        }
        assertThat(TextTimes.epochTicks(b("2024-01-01 24:00:00"), 19, 0, null, null)).isEqualTo(TextTimes.NO_MATCH);
        // beyond what nanosecond ticks can hold: left to the exact (overflow-checked) parser
        assertThat(TextTimes.epochTicks(b("2299-01-01 00:00:00.000000001"), 29, 9, null, null))
                .isEqualTo(TextTimes.NO_MATCH);
        assertThat(TextTimes.epochTicks(b("2024-01-01 00:00:00.1234"), 24, 3, null, null))
                .isEqualTo(TextTimes.NO_MATCH);
        assertThat(TextTimes.epochTicks(b("2024-01-01 00:00:00.12"), 22, 3, null, null))
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC) * 1000 + 120);
    }
}
