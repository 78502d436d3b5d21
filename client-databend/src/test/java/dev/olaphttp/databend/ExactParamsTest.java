package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.SqlClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Issue #10 A8: BigDecimal and wide BigInteger parameters reach the server exactly. The server binds {@code params}
 * as serde_json reads them (protocol notes §2): a JSON integer within 64 bits as Int64/UInt64, any other number as a
 * Float64, a string as a String; this dispatcher answers {@code SELECT ?} the same way.
 */
class ExactParamsTest {
    private static final JsonFactory JSON = new JsonFactory();

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final List<String> bodies = new CopyOnWriteArrayList<>();

    /** {@code SELECT ?}: one column typed and rendered as the server binds the first parameter. */
    private final Dispatcher selectParam = new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
            if (r.getTarget().endsWith("/final")) {
                return TestServer.finalOk("q");
            }
            String body = r.getBody().string(StandardCharsets.UTF_8);
            bodies.add(body);
            String[] typeAndCell = bind(body);
            return TestServer.resp().schema("[{\"name\":\"?\",\"type\":\"" + typeAndCell[0] + "\"}]")
                    .data("[[\"" + typeAndCell[1] + "\"]]").next("final").ok();
        }
    };

    private static String[] bind(String body) {
        try (JsonParser p = JSON.createParser(body)) {
            while (p.nextToken() != null) {
                if (JsonToken.FIELD_NAME == p.currentToken() && p.currentName().equals("params")) {
                    if (p.nextToken() == JsonToken.START_OBJECT) {
                        p.nextToken(); // the name of a named parameter
                    }
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.VALUE_STRING) {
                        return new String[] {"String", p.getText()};
                    }
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        BigInteger v = p.getBigIntegerValue();
                        if (v.bitLength() < 64) {
                            return new String[] {"Int64", v.toString()};
                        }
                        if (v.signum() > 0 && v.bitLength() == 64) {
                            return new String[] {"UInt64", v.toString()};
                        }
                    }
                    double d = Double.parseDouble(p.getText()); // serde_json: any other number is an f64
                    return new String[] {"Float64", new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString()};
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no params");
    }

    private BigDecimal roundTrip(SqlClient client, Object value) {
        return client.sql("SELECT ?").param(value).single(r -> r.getBigDecimal(1));
    }

    @Test
    void wideDecimalsAndIntegersComeBackExactly() {
        server.setDispatcher(selectParam);
        try (SqlClient client = TestServer.client(server, "")) {
            for (String v : List.of("12345678901234567890.123", "0.1000000000000000001", "-98765432109876543210",
                    "1E+30", "123456789012345678901234567890.5")) {
                BigDecimal d = new BigDecimal(v);
                assertThat(roundTrip(client, d)).as(v).isEqualByComparingTo(d);
            }
            BigInteger wide = BigInteger.TWO.pow(70).add(BigInteger.ONE);
            assertThat(roundTrip(client, wide)).isEqualByComparingTo(new BigDecimal(wide));
            BigInteger negative = BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE);
            assertThat(roundTrip(client, negative)).isEqualByComparingTo(new BigDecimal(negative));
        }
    }

    @Test
    void valuesTheServerReadsExactlyStayJsonNumbers() {
        server.setDispatcher(selectParam);
        BigInteger u64Max = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
        try (SqlClient client = TestServer.client(server, "")) {
            assertThat(roundTrip(client, new BigDecimal("0.1"))).isEqualByComparingTo("0.1");
            assertThat(roundTrip(client, new BigDecimal("2.50"))).isEqualByComparingTo("2.5");
            assertThat(roundTrip(client, new BigDecimal("42.000"))).isEqualByComparingTo("42");
            assertThat(roundTrip(client, u64Max)).isEqualByComparingTo(new BigDecimal(u64Max));
        }
        assertThat(bodies.get(0)).contains("\"params\":[0.1]");
        assertThat(bodies.get(1)).contains("\"params\":[2.50]");
        assertThat(bodies.get(2)).contains("\"params\":[42]");
        assertThat(bodies.get(3)).contains("\"params\":[18446744073709551615]");
    }

    @Test
    void aWideDecimalIsSentAsItsPlainString() {
        server.setDispatcher(selectParam);
        try (SqlClient client = TestServer.client(server, "")) {
            roundTrip(client, new BigDecimal("12345678901234567890.123"));
            client.sql("SELECT :d").param("d", new BigDecimal("1E+30")).single(r -> r.getString(1));
        }
        assertThat(bodies.get(0)).contains("\"params\":[\"12345678901234567890.123\"]");
        assertThat(bodies.get(1)).contains("\"params\":{\"d\":\"1000000000000000000000000000000\"}");
    }
}
