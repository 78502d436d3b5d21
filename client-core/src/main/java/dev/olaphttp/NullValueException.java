package dev.olaphttp;


/**
 * A NULL was read through a primitive getter such as {@link Row#getLong(int)}. Check
 * {@link Row#isNull(int)} first or use the boxed {@link Row#get(int, Class)}.
 */
public class NullValueException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public NullValueException(String message, ErrorDetails details) {
        super(message, null, details, false);
    }
}
