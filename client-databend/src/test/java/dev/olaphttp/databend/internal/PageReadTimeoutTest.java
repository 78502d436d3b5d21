package dev.olaphttp.databend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue #10 A19: page requests use the configured read timeout, raised only to outlast the long poll. */
class PageReadTimeoutTest {
    @Test
    void theConfiguredTimeoutIsKeptWhenItOutlastsTheLongPoll() {
        assertThat(PageReads.readTimeout(10, Duration.ofSeconds(13))).isNull(); // was 20 s
        assertThat(PageReads.readTimeout(10, Duration.ofSeconds(12))).isNull();
        assertThat(PageReads.readTimeout(0, Duration.ofSeconds(3))).isNull();
    }

    @Test
    void aShorterTimeoutBecomesTheLongPollPlusItsMargin() {
        assertThat(PageReads.readTimeout(10, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(12));
        assertThat(PageReads.readTimeout(30, Duration.ofSeconds(31))).isEqualTo(Duration.ofSeconds(32));
    }
}
