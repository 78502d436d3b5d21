package dev.olaphttp;

/**
 * The core's one safety net for what a dialect throws while it starts a statement or runs an insert: a
 * {@link SqlClientException} passes through; an {@link IllegalArgumentException} (a request that cannot be built)
 * becomes an {@link InvalidRequestException}; an {@link UnsupportedOperationException} an
 * {@link UnsupportedStatementException}; anything else, a dialect bug, a {@link ProtocolException}. A message is kept
 * only when olaphttp's own code wrote it (those never quote values); a library's message may quote a value, so only
 * its class is named.
 */
final class DialectFailures {
    private DialectFailures() {}

    static SqlClientException typed(RuntimeException e, ErrorDetails details) {
        if (e instanceof SqlClientException s) {
            return s;
        }
        if (e instanceof IllegalArgumentException) {
            return new InvalidRequestException(ours(e) ? e.getMessage() : "the request cannot be sent as built: "
                    + e.getClass().getName(), e, details);
        }
        if (e instanceof UnsupportedOperationException) {
            return new UnsupportedStatementException(describe(e), e, details);
        }
        return new ProtocolException("the dialect failed: " + describe(e), e, details);
    }

    /** The message if olaphttp's code threw it, else the exception's class name. */
    static String describe(Throwable e) {
        return ours(e) ? e.getMessage() : e.getClass().getName();
    }

    /** Whether olaphttp's own code threw {@code e} with a message. */
    private static boolean ours(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        String m = e.getMessage();
        return at.length > 0 && at[0].getClassName().startsWith("dev.olaphttp.") && m != null && !m.isBlank();
    }
}
