package dev.olaphttp;

import java.util.regex.Pattern;

/**
 * A W3C Trace Context to send with a request: the {@code traceparent} header and an optional {@code tracestate}.
 * Validated when made, so a malformed value (or one holding CR or LF) never reaches the wire.
 *
 * @param traceparent {@code version-traceid-parentid-flags}, e.g. {@code 00-4bf9...4736-00f0...02b7-01}
 * @param tracestate  vendor entries ({@code key=value,...}), or {@code null} for none
 */
public record TraceContext(String traceparent, String tracestate) {
    private static final Pattern PARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String ZERO_TRACE = "00000000000000000000000000000000";
    private static final String ZERO_SPAN = "0000000000000000";
    /** Longest {@code tracestate} accepted: 32 members of at most 256 + 1 + 256 characters, with commas. */
    static final int MAX_TRACESTATE = 32 * 513 + 31;

    /**
     * Checks both values.
     *
     * @throws InvalidRequestException for a malformed {@code traceparent} or a {@code tracestate} holding anything
     *     but printable ASCII
     */
    public TraceContext {
        if (traceparent == null || !PARENT.matcher(traceparent).matches()) {
            throw invalid("traceparent must be version-traceid-parentid-flags in lower-case hex");
        }
        if (traceparent.startsWith("ff")
                || traceparent.regionMatches(3, ZERO_TRACE, 0, 32)
                || traceparent.regionMatches(36, ZERO_SPAN, 0, 16)) {
            throw invalid("traceparent has an invalid version or an all-zero trace or parent id");
        }
        if (tracestate != null) {
            if (tracestate.isBlank()) {
                tracestate = null;
            } else if (tracestate.length() > MAX_TRACESTATE || !printable(tracestate)) {
                throw invalid("tracestate must be printable ASCII (no CR or LF) of at most " + MAX_TRACESTATE
                        + " characters");
            }
        }
    }

    /** A context with a {@code traceparent} only. */
    public static TraceContext of(String traceparent) {
        return new TraceContext(traceparent, null);
    }

    /** A context with both headers ({@code tracestate} may be {@code null}). */
    public static TraceContext of(String traceparent, String tracestate) {
        return new TraceContext(traceparent, tracestate);
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message, ErrorDetails.none());
    }
}
