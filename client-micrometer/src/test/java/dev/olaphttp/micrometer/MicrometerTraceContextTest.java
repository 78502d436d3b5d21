package dev.olaphttp.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.RecordedRequest;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

/** The caller's Micrometer Tracing span reaches the server as {@code traceparent}. */
class MicrometerTraceContextTest {
    @Test
    void currentSpanIsSentAndNoSpanSendsNothing() {
        SimpleTracer tracer = new SimpleTracer();
        try (DatabendTestServer server = new DatabendTestServer();
                SqlClient c = SqlClient.builder()
                        .dsn("databend://root:@127.0.0.1:" + server.port() + "/default?sslmode=disable")
                        .traceContext(new MicrometerTraceContext(tracer))
                        .build()) {
            c.sql("SELECT 1").execute();
            assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("traceparent")).isNull());
            int before = server.requests().size();

            Span span = tracer.nextSpan().name("job").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                c.sql("SELECT 1").execute();
            } finally {
                span.end();
            }
            String traceId = span.context().traceId();
            String expected = "00-" + (traceId.length() == 16 ? "0000000000000000" + traceId : traceId) + "-"
                    + span.context().spanId() + "-" + (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
            var traced = server.requests().subList(before, server.requests().size());
            assertThat(traced).isNotEmpty().extracting(RecordedRequest::path).contains("/v1/query");
            assertThat(traced).allSatisfy(r -> assertThat(r.header("traceparent")).isEqualTo(expected));
        }
    }
}
