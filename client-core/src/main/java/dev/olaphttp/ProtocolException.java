package dev.olaphttp;


/**
 * The server (or a proxy in front of it) answered with something this client cannot understand: an HTML
 * page, malformed or truncated JSON, an unknown frame, invalid UTF-8. The message quotes the HTTP status and a
 * short snippet of the body.
 */
public class ProtocolException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message quotes at most a short snippet of what arrived. */
    public ProtocolException(String message, Throwable cause, ErrorDetails details) {
        super(message, cause, details, false);
    }
}
