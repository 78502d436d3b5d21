package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A malformed cell quoted in an error message is capped, escaped and marked as a cut, as every quoted body is. */
class ValueSnippetTest {
    @Test
    void controlCharactersAreEscapedAndLongValuesCutAndMarked() {
        assertThat(Values.snippet("2024-01-0\r\nX-Evil: 1")).doesNotContain("\r").doesNotContain("\n")
                .contains("X-Evil");
        String row = "9".repeat(5_000);
        String quoted = Values.snippet(row);
        assertThat(quoted.length()).isLessThan(300);
        assertThat(quoted).contains("of 5,000 bytes");
    }
}
