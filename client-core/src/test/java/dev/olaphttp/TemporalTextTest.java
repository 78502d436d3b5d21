package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** getString of date-times gives the SQL text the servers print, not Java's ISO form with a zone id. */
class TemporalTextTest {
    @Test
    void zonedAndLocalDateTimesPrintAsTheServerDoes() {
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 9, 14, 0);
        assertThat(Conversions.text(t)).isEqualTo("2026-01-05 09:14:00");
        assertThat(Conversions.text(t.atZone(ZoneId.of("UTC")))).isEqualTo("2026-01-05 09:14:00");
        // in the value's own zone, as ClickHouse prints DateTime('Asia/Tokyo')
        assertThat(Conversions.text(ZonedDateTime.of(t, ZoneOffset.UTC).withZoneSameInstant(ZoneId.of("Asia/Tokyo"))))
                .isEqualTo("2026-01-05 18:14:00");
    }

    @Test
    void fractionsKeepTheirPrecisionInGroupsOfThree() {
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 9, 14, 7);
        assertThat(Conversions.text(t.withNano(120_000_000))).isEqualTo("2026-01-05 09:14:07.120");
        assertThat(Conversions.text(t.withNano(123_456_000))).isEqualTo("2026-01-05 09:14:07.123456");
        assertThat(Conversions.text(t.withNano(123_456_789))).isEqualTo("2026-01-05 09:14:07.123456789");
        assertThat(Conversions.text(t.withNano(1))).isEqualTo("2026-01-05 09:14:07.000000001");
    }

    @Test
    void offsetsAndInstantsKeepTheirOffset() {
        LocalDateTime t = LocalDateTime.of(1999, 12, 31, 23, 59, 59);
        assertThat(Conversions.text(OffsetDateTime.of(t, ZoneOffset.ofHours(8)))).isEqualTo("1999-12-31 23:59:59+08:00");
        assertThat(Conversions.text(OffsetDateTime.of(t, ZoneOffset.UTC))).isEqualTo("1999-12-31 23:59:59+00:00");
        assertThat(Conversions.text(t.toInstant(ZoneOffset.UTC))).isEqualTo("1999-12-31 23:59:59Z");
        assertThat(Conversions.text(LocalDate.of(2026, 2, 28))).isEqualTo("2026-02-28");
        assertThat(Conversions.text(Instant.EPOCH)).isEqualTo("1970-01-01 00:00:00Z");
    }
}
