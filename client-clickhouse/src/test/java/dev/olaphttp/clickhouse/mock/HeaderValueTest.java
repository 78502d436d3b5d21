package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.SessionState;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Values that ClickHouse gets in headers (the user and key with {@code auth=headers}) refuse CR, LF and NUL with an
 * InvalidRequestException before anything is sent; values sent as URL parameters (query id, session id, role,
 * settings, quota key) are percent-encoded and reach the server exactly, so they cannot inject a header.
 */
class HeaderValueTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    MockCh ch;

    @BeforeEach
    void setUp() {
        ch = new MockCh(server);
    }

    @Test
    void headerAuthValuesWithLineBreaksAreRefusedTyped() {
        for (String[] up : new String[][] {{"ali\r\nX-Evil: 1", "pw"}, {"alice", "p\nw"}, {"alice", "p\0w"}}) {
            try (SqlClient client = ch.builder(server).user(up[0], up[1])
                    .option(ClickHouseOptions.SERVER_VERSION, "25.12").option(ClickHouseOptions.AUTH, "headers")
                    .build()) {
                assertThatThrownBy(() -> client.sql("SELECT 1").list(r -> 1))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("X-ClickHouse-")
                        .hasMessageNotContaining(up[1]).hasMessageNotContaining("Evil");
                assertThatThrownBy(() -> client.extension(ClickHouseInserts.class).insert("INSERT INTO t FORMAT CSV",
                        new ByteArrayInputStream("1\n".getBytes(StandardCharsets.UTF_8))))
                        .isInstanceOf(InvalidRequestException.class);
            }
        }
        assertThat(ch.statements).isEmpty();
    }

    @Test
    void urlBoundValuesArriveExactly() throws Exception {
        try (SqlClient client = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12")
                .option(ClickHouseOptions.ROLE, "r\r\n1").option(ClickHouseOptions.QUOTA_KEY, "k\nX: y").build()) {
            ch.enqueue(new MockResponse.Builder().body("").build());
            // a query id must be printable ASCII (core refuses CR/LF before anything is sent: HeaderValuesFuzzTest)
            assertThatThrownBy(() -> client.sql("INSERT INTO t VALUES (1)").queryId("q\r\nX-Injected: 1").execute())
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(ch.statements).isEmpty();
            client.sql("INSERT INTO t VALUES (1)").queryId("q-1").setting("log_comment", "a\r\nb").execute();
            RecordedRequest r = ch.statements.get(0);
            assertThat(r.getUrl().queryParameter("query_id")).isEqualTo("q-1");
            assertThat(r.getUrl().queryParameter("log_comment")).isEqualTo("a\r\nb");
            assertThat(r.getUrl().queryParameter("role")).isEqualTo("r\r\n1");
            assertThat(r.getUrl().queryParameter("quota_key")).isEqualTo("k\nX: y");
            assertThat(r.getHeaders().get("X-Injected")).isNull();
            assertThat(r.getHeaders().get("X")).isNull();
            SessionState state = SessionState.empty().withServerSessionId("s\r\nX-Injected: 2");
            try (SqlSession s = client.openSession(state)) {
                ch.enqueue(new MockResponse.Builder().body("").build());
                s.sql("INSERT INTO t VALUES (2)").execute();
            }
            RecordedRequest second = ch.statements.get(1);
            assertThat(second.getUrl().queryParameter("session_id")).isEqualTo("s\r\nX-Injected: 2");
            assertThat(second.getHeaders().get("X-Injected")).isNull();
        }
    }

    @Test
    void anUnboundPlaceholderIsATypedInvalidRequest() {
        try (SqlClient client = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12").build()) {
            assertThatThrownBy(() -> client.sql("SELECT {p:UInt8}").list(r -> 1))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("placeholders");
        }
        assertThat(ch.statements).isEmpty();
    }
}
