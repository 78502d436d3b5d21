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

    /** Whether the value at a 1-based column index is NULL. */
    boolean isNull(int column);

    /**
     * The value as a {@code long}; {@link NullValueException} on NULL, {@link TypeConversionException} if it does not fit.
     */
    long getLong(int column);

    /**
     * The value as an {@code int}; {@link NullValueException} on NULL, {@link TypeConversionException} if it does not fit.
     */
    int getInt(int column);

    /** The value as a {@code double}; {@link NullValueException} on NULL. */
    double getDouble(int column);

    /** The value as a {@code boolean}; {@link NullValueException} on NULL. */
    boolean getBoolean(int column);

    /** The value's text form, {@code null} for NULL. */
    String getString(int column);

    /** The value as a {@code BigDecimal}, {@code null} for NULL. */
    BigDecimal getBigDecimal(int column);

    /**
     * The value as a {@code BigInteger}, {@code null} for NULL; {@link TypeConversionException} if it has a fraction.
     */
    BigInteger getBigInteger(int column);

    /** The value as an {@code Instant} (zone-less date-times taken as UTC), {@code null} for NULL. */
    Instant getInstant(int column);

    /** The value as a {@code LocalDate}, {@code null} for NULL. */
    LocalDate getLocalDate(int column);

    /** The value as a {@code LocalDateTime}, {@code null} for NULL. */
    LocalDateTime getLocalDateTime(int column);

    /** The value as an {@code OffsetDateTime} (zone-less date-times taken as UTC), {@code null} for NULL. */
    OffsetDateTime getOffsetDateTime(int column);

    /** The raw bytes of binary and string values (strings as UTF-8 unless the server sent raw bytes). */
    byte[] getBytes(int column);

    /** The value as its natural Java type, {@link SqlType#javaType()}; {@code null} for NULL. */
    Object getObject(int column);

    /** The value converted to {@code type} (boxed primitives, strings, numbers, date-times, UUID...). */
    <T> T get(int column, Class<T> type);

    /** {@link #isNull(int)} by column name. */
    default boolean isNull(String column) {
        return isNull(schema().require(column));
    }

    /** {@link #getLong(int)} by column name. */
    default long getLong(String column) {
        return getLong(schema().require(column));
    }

    /** {@link #getInt(int)} by column name. */
    default int getInt(String column) {
        return getInt(schema().require(column));
    }

    /** {@link #getDouble(int)} by column name. */
    default double getDouble(String column) {
        return getDouble(schema().require(column));
    }

    /** {@link #getBoolean(int)} by column name. */
    default boolean getBoolean(String column) {
        return getBoolean(schema().require(column));
    }

    /** {@link #getString(int)} by column name. */
    default String getString(String column) {
        return getString(schema().require(column));
    }

    /** {@link #getBigDecimal(int)} by column name. */
    default BigDecimal getBigDecimal(String column) {
        return getBigDecimal(schema().require(column));
    }

    /** {@link #getBigInteger(int)} by column name. */
    default BigInteger getBigInteger(String column) {
        return getBigInteger(schema().require(column));
    }

    /** {@link #getInstant(int)} by column name. */
    default Instant getInstant(String column) {
        return getInstant(schema().require(column));
    }

    /** {@link #getLocalDate(int)} by column name. */
    default LocalDate getLocalDate(String column) {
        return getLocalDate(schema().require(column));
    }

    /** {@link #getLocalDateTime(int)} by column name. */
    default LocalDateTime getLocalDateTime(String column) {
        return getLocalDateTime(schema().require(column));
    }

    /** {@link #getOffsetDateTime(int)} by column name. */
    default OffsetDateTime getOffsetDateTime(String column) {
        return getOffsetDateTime(schema().require(column));
    }

    /** {@link #getBytes(int)} by column name. */
    default byte[] getBytes(String column) {
        return getBytes(schema().require(column));
    }

    /** {@link #getObject(int)} by column name. */
    default Object getObject(String column) {
        return getObject(schema().require(column));
    }

    /** {@link #get(int, Class)} by column name. */
    default <T> T get(String column, Class<T> type) {
        return get(schema().require(column), type);
    }
}
