package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestServerExtension.class)
class ExtendWithParametersTest {
  private static DatabendTestServer previous;

  @Test
  void freshServersPerParameter(DatabendTestServer databend, StarRocksTestServer starRocks) throws IOException {
    assertThat(databend.port()).isNotEqualTo(starRocks.port());
    try (RawHttp c = new RawHttp(databend.port())) {
      assertThat(c.exchange("GET", "/health", null).status).isEqualTo(200);
    }
    previous = databend;
  }

  @AfterAll
  static void serversWereClosed() {
    assertThat(previous).isNotNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", previous.port())
        .close()).isInstanceOf(java.net.ConnectException.class);
  }
}
