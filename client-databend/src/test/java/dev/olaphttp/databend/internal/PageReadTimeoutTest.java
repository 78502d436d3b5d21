package dev.olaphttp.databend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue #10 A19: page requests use the configured read timeout, raised only to outlast the long poll. */
class PageReadTimeoutTest {
    @Test
    void theConfiguredTimeoutIsKeptWhenItOutlastsTheLongPoll() {
        assertThat(DatabendExecution.pageReadTimeout(10, Duration.ofSeconds(13))).isNull(); // was 20 s
        assertThat(DatabendExecution.pageReadTimeout(10, Duration.ofSeconds(12))).isNull();
        assertThat(DatabendExecution.pageReadTimeout(0, Duration.ofSeconds(3))).isNull();
    }

    @Test
    void aShorterTimeoutBecomesTheLongPollPlusItsMargin() {
        assertThat(DatabendExecution.pageReadTimeout(10, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(12));
        assertThat(DatabendExecution.pageReadTimeout(30, Duration.ofSeconds(31))).isEqualTo(Duration.ofSeconds(32));
    }
}
