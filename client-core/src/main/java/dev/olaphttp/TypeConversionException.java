package dev.olaphttp;


/**
 * A column value cannot be converted to the Java type asked for (a string read as a date, a 128-bit value
 * that does not fit a {@code long}...).
 */
public class TypeConversionException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the column and types, never the value. */
    public TypeConversionException(String message, Throwable cause, ErrorDetails details) {
        super(message, cause, details, false);
    }
}
