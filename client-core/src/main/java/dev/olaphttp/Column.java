package dev.olaphttp;

import java.util.Objects;

/**
 * One result column: its name as the server sent it and its parsed type.
 *
 * @param name  the column label
 * @param type  the parsed type
 */
public record Column(String name, SqlType type) {
    /** Validates that name and type are present. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
