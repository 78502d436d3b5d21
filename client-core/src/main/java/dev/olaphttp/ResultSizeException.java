package dev.olaphttp;


/**
 * {@link Query#single} found no row or more than one, or {@link Query#optional} found more than one.
 */
public class ResultSizeException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Rows expected. */
    private final long expected;
    /** Rows seen. */
    private final long actual;

    /** Creates the exception. */
    public ResultSizeException(String message, ErrorDetails details, long expected, long actual) {
        super(message, null, details, false);
        this.expected = expected;
        this.actual = actual;
    }

    /** The number of rows expected (for {@code optional}, the maximum). */
    public long expected() {
        return expected;
    }

    /** The number of rows seen (stopped counting at expected + 1). */
    public long actual() {
        return actual;
    }
}
