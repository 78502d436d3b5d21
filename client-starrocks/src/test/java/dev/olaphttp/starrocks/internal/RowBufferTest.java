package dev.olaphttp.starrocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The row's direct string path hands the core string cells as they are and leaves other cells to the core. */
class RowBufferTest {
    @Test
    void getStringReturnsStringCellsOnlyAndNothingStaleAfterNull() {
        RowBuffer row = new RowBuffer(new RowBuffer.Slot[] {
            RowBuffer.Slot.OBJECT, RowBuffer.Slot.LONG, RowBuffer.Slot.OBJECT});
        String name = new String("user-1234");
        row.setObject(0, name);
        row.setLong(1, 42);
        row.setObject(2, LocalDate.of(2024, 2, 29));

        assertThat(row.getString(0)).isSameAs(name);
        assertThat(row.getString(1)).as("a number is formatted by the core").isNull();
        assertThat(row.getString(2)).as("a date is formatted by the core").isNull();
        assertThat(row.getObject(1)).isEqualTo(42L);

        row.setNull(0);
        assertThat(row.isNull(0)).isTrue();
        assertThat(row.getString(0)).isNull();
    }
}
