package dev.olaphttp.spi;

/**
 * The values of the current row, as a dialect decoded them. Columns are 0-based here. The core calls the
 * primitive accessors only for columns whose kind fits them ({@link dev.olaphttp.TypeKind#fitsLong()} and
 * {@code BOOLEAN} for {@link #getLong}; {@code FLOAT32}/{@code FLOAT64} for {@link #getDouble}; {@code BOOLEAN} for
 * {@link #getBoolean}), and {@link #getObject} for everything else, so a dialect can keep primitives unboxed.
 */
public interface RowValues {
    /** Whether the value at a 0-based column is NULL. */
    boolean isNull(int column);

    /** An integer (or boolean as 1/0) value. */
    long getLong(int column);

    /** A float value. */
    double getDouble(int column);

    /** A boolean value. */
    default boolean getBoolean(int column) {
        return getLong(column) != 0;
    }

    /** The value as its natural Java type ({@link dev.olaphttp.SqlType#javaType()}), {@code null} for NULL. */
    Object getObject(int column);

    /** The value's text form; by default derived from {@link #getObject}. Dialects may return the server's text. */
    default String getString(int column) {
        return null;
    }

    /** Raw bytes of string and binary values; {@code null} to let the core derive them. */
    default byte[] getBytes(int column) {
        return null;
    }
}
