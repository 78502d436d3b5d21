package dev.olaphttp;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link Query} whose rows become instances of a record type: each record component takes the column of the same
 * name (exact, then case-insensitive, then with underscores ignored: {@code created_at} fills {@code createdAt}).
 * A missing column fails when the first row is mapped, naming the component and the columns; a NULL in a primitive
 * component raises {@link NullValueException}.
 *
 * @param <R> the record type
 */
public interface MappedQuery<R> {
    /** Runs the statement and maps every row. */
    List<R> list();

    /** Runs the statement and maps its only row; {@link ResultSizeException} unless there is exactly one. */
    R single();

    /** Runs the statement and maps its row if any; {@link ResultSizeException} if there are more. */
    Optional<R> optional();

    /** A lazy stream that must be closed. */
    Stream<R> stream();
}
