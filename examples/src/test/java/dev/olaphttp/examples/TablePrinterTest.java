package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrinterTest {
    @Test
    void alignsColumnsRightAlignsNumbersAndLeavesNoTrailingSpaces() {
        String text = TablePrinter.format(List.of("name", "n"),
                List.of(new String[] {"a", "1"}, new String[] {"longer name", "12345"}), new boolean[] {false, true});

        assertThat(text).isEqualTo(
                "name        |     n\n"
                + "------------+------\n"
                + "a           |     1\n"
                + "longer name | 12345\n");
    }

    @Test
    void printsNullsDateTimesAndBytesReadably() {
        assertThat(TablePrinter.text(null)).isEqualTo("NULL");
        assertThat(TablePrinter.text(LocalDateTime.of(2026, 1, 5, 9, 14))).isEqualTo("2026-01-05 09:14:00");
        assertThat(TablePrinter.text(ZonedDateTime.of(2026, 1, 5, 9, 14, 0, 0, ZoneId.of("UTC"))))
                .isEqualTo("2026-01-05 09:14:00");
        assertThat(TablePrinter.text(ZonedDateTime.of(2026, 1, 5, 9, 14, 0, 0, ZoneId.of("Europe/Berlin"))))
                .isEqualTo("2026-01-05 09:14:00 Europe/Berlin");
        assertThat(TablePrinter.text(OffsetDateTime.of(2026, 1, 5, 9, 14, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("2026-01-05 09:14:00 +02:00");
        assertThat(TablePrinter.text(new byte[] {(byte) 0xca, (byte) 0xfe})).isEqualTo("cafe");
    }
}
