package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code date_time_output_format} as a 20.11+ server honours it, also inside a DST fall-back overlap. */
class DateTimeOutputFormatTest {
  private static final Instant SECOND_0130 = Instant.parse("2024-11-03T06:30:00.123Z"); // New York, EST after DST

  private static String get(RawHttp http, String format, String extra) throws IOException {
    String target = "/?query=" + URLEncoder.encode("SELECT t, t64 FROM times FORMAT " + format, StandardCharsets.UTF_8)
        + extra;
    return http.exchange("GET", target, null, "Authorization", RawHttp.basic("default", "")).text();
  }

  @Test
  void simpleIsoAndUnixTimestampInTextAndJson() throws IOException {
    try (ClickHouseTestServer ch = new ClickHouseTestServer(); RawHttp http = new RawHttp(ch.port())) {
      ch.when(SqlMatcher.contains("FROM times")).thenReturn(Table.builder()
          .column("t", "DateTime('America/New_York')").column("t64", "DateTime64(3, 'America/New_York')")
          .row(SECOND_0130, SECOND_0130).build());
      assertThat(get(http, "TSV", "")).isEqualTo("2024-11-03 01:30:00\t2024-11-03 01:30:00.123\n");
      assertThat(get(http, "TSV", "&date_time_output_format=iso"))
          .isEqualTo("2024-11-03T06:30:00Z\t2024-11-03T06:30:00.123Z\n");
      assertThat(get(http, "TSV", "&date_time_output_format=unix_timestamp")).isEqualTo("1730615400\t1730615400.123\n");
      assertThat(get(http, "JSONCompactEachRow", "&date_time_output_format=iso"))
          .contains("\"2024-11-03T06:30:00Z\"").contains("\"2024-11-03T06:30:00.123Z\"");
      String bad = get(http, "TSV", "&date_time_output_format=rfc");
      assertThat(bad).contains("Code: 36");
    }
  }
}
