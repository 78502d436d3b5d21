package dev.olaphttp.micrometer;

import dev.olaphttp.TraceContext;
import dev.olaphttp.TraceContextSupplier;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Objects;

/**
 * A {@link TraceContextSupplier} reading Micrometer Tracing's current span: {@code traceparent} built from its
 * trace and span ids and sampled flag (64-bit trace ids padded to 128 bits, as W3C requires), no {@code tracestate}.
 * Needs {@code io.micrometer:micrometer-tracing} on the class path (an optional dependency of this module).
 *
 * <pre>{@code
 * SqlClient.builder().dsn(dsn).traceContext(new MicrometerTraceContext(tracer)).build();
 * }</pre>
 */
public final class MicrometerTraceContext implements TraceContextSupplier {
    private static final String PAD = "0000000000000000";

    private final Tracer tracer;

    /** Reads the current span of {@code tracer}. */
    public MicrometerTraceContext(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    @Override
    public TraceContext current() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        io.micrometer.tracing.TraceContext ctx = span.context();
        String traceId = ctx.traceId();
        String spanId = ctx.spanId();
        if (traceId == null || spanId == null) {
            return null;
        }
        if (traceId.length() == 16) {
            traceId = PAD + traceId;
        }
        boolean sampled = Boolean.TRUE.equals(ctx.sampled());
        return TraceContext.of("00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00"));
    }

    @Override
    public String toString() {
        return "MicrometerTraceContext{" + tracer.getClass().getSimpleName() + "}";
    }
}
