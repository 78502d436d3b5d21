package dev.olaphttp;


/**
 * The dialect's API cannot run this kind of statement (StarRocks' SQL API runs only queries); the message
 * says what it accepts and what to use instead. Raised before anything is sent.
 */
public class UnsupportedStatementException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public UnsupportedStatementException(String message, ErrorDetails details) {
        super(message, null, details, false);
    }

    /** Creates the exception with the dialect's refusal as its cause. */
    public UnsupportedStatementException(String message, Throwable cause, ErrorDetails details) {
        super(message, cause, details, false);
    }
}
