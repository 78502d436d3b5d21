package dev.olaphttp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Typed access to the values of the current row. Columns are numbered from 1, as in JDBC; name lookups are exact
 * first, then case-insensitive.
 *
 * <p>Primitive getters ({@link #getLong}, {@link #getInt}, {@link #getDouble}, {@link #getBoolean}) throw
 * {@link NullValueException} on NULL; object getters return {@code null}. A value that cannot be converted to the
 * requested type raises {@link TypeConversionException}. Date-times without a time zone are taken as UTC by
 * {@link #getInstant}.
 *
 * <p>A {@code Row} passed to a {@link RowMapper} is only valid during that call.
 */
public interface Row {
    /** The result's columns. */
    Schema schema();

    boolean isNull(int column);

    long getLong(int column);

    int getInt(int column);

    double getDouble(int column);

    boolean getBoolean(int column);

    String getString(int column);

    BigDecimal getBigDecimal(int column);

    BigInteger getBigInteger(int column);

    Instant getInstant(int column);

    LocalDate getLocalDate(int column);

    LocalDateTime getLocalDateTime(int column);

    OffsetDateTime getOffsetDateTime(int column);

    /** The raw bytes of binary and string values (strings as UTF-8 unless the server sent raw bytes). */
    byte[] getBytes(int column);

    /** The value as its natural Java type, {@link SqlType#javaType()}; {@code null} for NULL. */
    Object getObject(int column);

    /** The value converted to {@code type} (boxed primitives, strings, numbers, date-times, UUID...). */
    <T> T get(int column, Class<T> type);

    default boolean isNull(String column) {
        return isNull(schema().require(column));
    }

    default long getLong(String column) {
        return getLong(schema().require(column));
    }

    default int getInt(String column) {
        return getInt(schema().require(column));
    }

    default double getDouble(String column) {
        return getDouble(schema().require(column));
    }

    default boolean getBoolean(String column) {
        return getBoolean(schema().require(column));
    }

    default String getString(String column) {
        return getString(schema().require(column));
    }

    default BigDecimal getBigDecimal(String column) {
        return getBigDecimal(schema().require(column));
    }

    default BigInteger getBigInteger(String column) {
        return getBigInteger(schema().require(column));
    }

    default Instant getInstant(String column) {
        return getInstant(schema().require(column));
    }

    default LocalDate getLocalDate(String column) {
        return getLocalDate(schema().require(column));
    }

    default LocalDateTime getLocalDateTime(String column) {
        return getLocalDateTime(schema().require(column));
    }

    default OffsetDateTime getOffsetDateTime(String column) {
        return getOffsetDateTime(schema().require(column));
    }

    default byte[] getBytes(String column) {
        return getBytes(schema().require(column));
    }

    default Object getObject(String column) {
        return getObject(schema().require(column));
    }

    default <T> T get(String column, Class<T> type) {
        return get(schema().require(column), type);
    }
}
