package dev.olaphttp;

/**
 * The caller's current trace context, asked for before every HTTP request (first send, retry, page, cancel) on the
 * thread sending it. Return {@code null} when there is no current span: then no trace headers are sent. Adapters
 * for a tracing library live outside the core (see {@code olaphttp-micrometer}); the core depends on none.
 *
 * <p>Must be fast and must not block. If it throws, the request is not sent and the statement fails with an
 * {@link InvalidRequestException}.
 */
@FunctionalInterface
public interface TraceContextSupplier {
    /** No tracing: never sends trace headers. */
    TraceContextSupplier NONE = () -> null;

    /** The current span's context, or {@code null} for none. */
    TraceContext current();
}
