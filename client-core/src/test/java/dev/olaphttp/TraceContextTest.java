package dev.olaphttp;

import static dev.olaphttp.LineTesting.builder;
import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** W3C trace headers: sent per request from the caller's current span, validated, never half-sent. */
class TraceContextTest {
    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String ONE_ROW = body("n:int64", "1");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void currentSpanIsSentWithEveryRequestIncludingRetries() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        String[] parents = {PARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b8-01"};
        server.enqueue(status(503, "busy"));
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = builder(server)
                .traceContext(() -> TraceContext.of(parents[asked.getAndIncrement() % 2], "rojo=00f067aa0ba902b7"))
                .build()) {
            assertThat(c.sql("SELECT n FROM t").single(r -> r.getLong(1)).longValue()).isEqualTo(1L);
        }
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeaders().get("traceparent")).isEqualTo(parents[0]);
        assertThat(second.getHeaders().get("traceparent")).as("asked again for the retry").isEqualTo(parents[1]);
        assertThat(second.getHeaders().get("tracestate")).isEqualTo("rojo=00f067aa0ba902b7");
        assertThat(asked).hasValue(2);
    }

    @Test
    void noCurrentSpanMeansNoTraceHeaders() throws Exception {
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = builder(server).traceContext(() -> null).build()) {
            c.sql("SELECT n FROM t").execute();
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeaders().get("traceparent")).isNull();
        assertThat(r.getHeaders().get("tracestate")).isNull();
    }

    @Test
    void withoutTracestateOnlyTraceparentIsSent() throws Exception {
        server.enqueue(ok(ONE_ROW));
        try (SqlClient c = builder(server).traceContext(() -> TraceContext.of(PARENT)).build()) {
            c.sql("SELECT n FROM t").execute();
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeaders().get("traceparent")).isEqualTo(PARENT);
        assertThat(r.getHeaders().get("tracestate")).isNull();
    }

    @Test
    void failingSupplierFailsTypedAndSendsNothing() {
        AtomicReference<SqlClientException> seen = new AtomicReference<>();
        QueryListener listener = new QueryListener() {
            @Override
            public void onFailure(QueryInfo query, SqlClientException error) {
                seen.set(error);
            }
        };
        try (SqlClient c = builder(server)
                .listener(listener)
                .traceContext(() -> TraceContext.of("00-bad\r\nX-Injected: 1"))
                .build()) {
            assertThatThrownBy(() -> c.sql("SELECT n FROM t").execute())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("traceparent")
                    .hasMessageNotContaining("Injected");
        }
        assertThat(server.getRequestCount()).isZero();
        assertThat(seen.get()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void supplierThrowingItsOwnExceptionIsWrappedTyped() {
        try (SqlClient c = builder(server)
                .traceContext(() -> {
                    throw new IllegalStateException("tracer broken");
                })
                .build()) {
            assertThatThrownBy(() -> c.sql("SELECT n FROM t").execute())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("trace context supplier")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n",
        " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    })
    void malformedTraceparentIsRejected(String value) {
        assertThatThrownBy(() -> TraceContext.of(value)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void tracestateWithLineBreaksOrNonAsciiIsRejectedAndBlankDropped() {
        assertThatThrownBy(() -> TraceContext.of(PARENT, "a=1\r\nX: y")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> TraceContext.of(PARENT, "a=\u00e9")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> TraceContext.of(PARENT, "a".repeat(TraceContext.MAX_TRACESTATE + 1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(TraceContext.of(PARENT, " ").tracestate()).isNull();
        assertThat(TraceContext.of(PARENT, "congo=t61rcWkgMzE").tracestate()).isEqualTo("congo=t61rcWkgMzE");
    }
}
