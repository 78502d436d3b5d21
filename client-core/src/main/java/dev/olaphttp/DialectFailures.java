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
            return new InvalidRequestException("the request cannot be sent as built: " + describe(e), e, details);
        }
        if (e instanceof UnsupportedOperationException) {
            return new UnsupportedStatementException(describe(e), e, details);
        }
        return new ProtocolException("the dialect failed: " + describe(e), e, details);
    }

    /** The message if olaphttp's code threw it, else the exception's class name. */
    static String describe(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        boolean ours = at.length > 0 && at[0].getClassName().startsWith("dev.olaphttp.");
        String m = e.getMessage();
        return ours && m != null && !m.isBlank() ? m : e.getClass().getName();
    }
}
