package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.StatementRequest;
import java.io.OutputStream;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * D16: a value the dialect refuses while it streams a body (an insert's row encoder) surfaces as one typed
 * {@link InvalidRequestException} naming the problem, and the listener hears of it once.
 */
class InvalidRequestTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TerminalEventCounter events = new TerminalEventCounter();

    /** Loads by streaming a body whose encoder refuses the second row. */
    private SqlClient loader() {
        return SqlClient.builder()
                .dialect(new ScriptedDialect(context -> new DialectClient() {
                    @Override
                    public QueryExecution start(StatementRequest request) {
                        throw new UnsupportedOperationException("loads only");
                    }

                    @Override
                    public InsertResult insert(dev.olaphttp.spi.InsertRequest request) {
                        HttpBody body = new HttpBody() {
                            @Override
                            public String contentType() {
                                return "text/plain";
                            }

                            @Override
                            public void writeTo(OutputStream out) throws java.io.IOException {
                                out.write("1\n".getBytes());
                                throw new IllegalArgumentException("row 2, column 'n': the value does not fit Int32");
                            }
                        };
                        HttpCall call = HttpCall.builder("POST", "/load").body(body).info(request.info()).build();
                        try (HttpResponse r = context.transport().execute(call)) {
                            return new InsertResult(0, 0, request.loadId(), null, null);
                        }
                    }
                }))
                .endpoint(LineTesting.url(server))
                .listener(events)
                .queryIdGenerator(() -> "load-1")
                .resilience(ResiliencePolicy.noRetries())
                .build();
    }

    @Test
    void aValueRefusedWhileTheBodyStreamsIsTyped() {
        server.enqueue(LineTesting.ok(""));
        try (SqlClient c = loader()) {
            assertThatThrownBy(() -> c.insert("t").rows(List.<Object[]>of(new Object[] {1}, new Object[] {1L << 40})))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("row 2, column 'n': the value does not fit Int32")
                    .hasCauseInstanceOf(IllegalArgumentException.class);
        }
        assertThat(events.onlyTerminalOf("load-1").error()).isInstanceOf(InvalidRequestException.class);
    }
}
