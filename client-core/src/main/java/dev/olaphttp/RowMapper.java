package dev.olaphttp;

/**
 * Turns the current row into a value. The {@link Row} is only valid during the call: copy what you need.
 *
 * @param <T> the mapped type
 */
@FunctionalInterface
public interface RowMapper<T> {
    /** Maps the current row. */
    T map(Row row);
}
