package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An empty 200 body is never an empty result (every decoded format starts with its header), and one value over
 * {@code max_value_bytes} fails the result instead of being buffered.
 */
class BrokenBodyTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    MockCh ch;

    @BeforeEach
    void setUp() {
        ch = new MockCh(server);
    }

    @Test
    void anEmpty200BodyIsABrokenResponseInEveryFormat() {
        for (String format : List.of("rowbinary", "tsv", "jsoncompact")) {
            try (SqlClient client = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12")
                    .option(ClickHouseOptions.FORMAT, format).build()) {
                ch.enqueue(new MockResponse.Builder().body("").build());
                assertThatThrownBy(() -> client.sql("SELECT n FROM t WHERE 0").list(r -> r.getLong(1)))
                        .as(format).isInstanceOf(ProtocolException.class).hasMessageContaining("empty")
                        .satisfies(e -> assertThat(((SqlClientException) e).rowsDelivered()).isZero());
            }
        }
        try (SqlClient client = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12").build()) {
            ch.enqueue(new MockResponse.Builder().body("").build());
            assertThatThrownBy(() -> client.sql("SELECT n FROM t FORMAT TabSeparatedWithNamesAndTypes")
                    .list(r -> r.getLong(1))).isInstanceOf(ProtocolException.class);
            // a statement without a result may have an empty body
            ch.enqueue(new MockResponse.Builder().body("").build());
            client.sql("INSERT INTO t VALUES (1)").execute();
        }
        assertThat(ch.poolIdle()).isTrue();
    }

    private static byte[] oneString(int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(1);
        out.write('s');
        out.write(6);
        out.writeBytes("String".getBytes(StandardCharsets.US_ASCII));
        int n = bytes;
        do {
            int b = n & 0x7f;
            n >>>= 7;
            out.write(n != 0 ? b | 0x80 : b);
        } while (n != 0);
        out.writeBytes("v".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void oneValueOverTheConfiguredBoundFailsTheResult() {
        byte[] body = oneString(3 << 20);
        try (SqlClient small = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12")
                .option(ClickHouseOptions.MAX_VALUE_BYTES, "2m").build()) {
            ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(body)).build());
            assertThatThrownBy(() -> small.sql("SELECT s FROM t").list(r -> r.getString(1)))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("max_value_bytes")
                    .hasMessageContaining(Integer.toString(2 << 20));
        }
        try (SqlClient dflt = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "25.12").build()) {
            ch.enqueue(new MockResponse.Builder().body(MockCh.buffer(body)).build());
            assertThat(dflt.sql("SELECT s FROM t").list(r -> r.getString(1)).get(0)).hasSize(3 << 20);
        }
        assertThat(ch.poolIdle()).isTrue();
    }

    @Test
    void theBoundIsValidatedWhenTheClientIsBuilt() {
        for (String bad : List.of("0", "-1", "2g", "lots", "1.5m")) {
            assertThatThrownBy(() -> ch.builder(server).option(ClickHouseOptions.MAX_VALUE_BYTES, bad).build())
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_value_bytes");
        }
        ch.builder(server).option(ClickHouseOptions.MAX_VALUE_BYTES, "1g").build().close();
        ch.builder(server).option(ClickHouseOptions.MAX_VALUE_BYTES, "65536").build().close();
    }

}
