package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.SqlClient;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Issue #10 D16: what cannot be sent as built fails typed at execution, before anything reaches the server. */
class InvalidRequestTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void aParameterTypeTheServerCannotCarryIsRefusedAndNothingIsSent() {
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.sql("SELECT ?").param(new byte[] {1, 2}).execute())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("parameter #1")
                    .hasMessageNotContaining("[B@");
            assertThatThrownBy(() -> client.sql("SELECT :p").param("p", List.of(1)).execute())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("parameter p");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void headerBoundValuesWithLineBreaksAreRefusedAndNothingIsSent() {
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.sql("SELECT 1").queryId("q\r\nX-Evil: 1").execute())
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.baseMessage()).containsIgnoringCase("query id").doesNotContain("X-Evil"));
            assertThatThrownBy(() -> client.insert("t").label("l\nX-Evil: 1").rows(Stream.<Object[]>of()))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.baseMessage()).doesNotContain("X-Evil"));
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
