package dev.olaphttp;

import dev.olaphttp.spi.SqlText;

/**
 * What a statement does, from its first keyword: a small fixed set, fit for a metrics tag. Never guesses from more
 * than the first keyword.
 */
public enum StatementKind {
    /** SELECT, WITH, SHOW, DESCRIBE, EXPLAIN, EXISTS, VALUES. */
    QUERY,
    /** INSERT, REPLACE, UPSERT, COPY and bulk loads. */
    INSERT,
    /** UPDATE, DELETE, MERGE. */
    DML,
    /** CREATE, ALTER, DROP, TRUNCATE, RENAME, OPTIMIZE, ATTACH, DETACH, GRANT, REVOKE. */
    DDL,
    /** SET, UNSET, USE. */
    SESSION,
    /** BEGIN, START, COMMIT, ROLLBACK. */
    TRANSACTION,
    /** Anything else (KILL, SYSTEM, PUT...). */
    OTHER;

    /** The kind of {@code sql} by its first keyword; {@link #OTHER} for {@code null} or no keyword. */
    public static StatementKind of(String sql) {
        if (sql == null) {
            return OTHER;
        }
        return switch (SqlText.firstKeyword(sql)) {
            case "SELECT", "WITH", "SHOW", "DESC", "DESCRIBE", "EXPLAIN", "EXISTS", "VALUES" -> QUERY;
            case "INSERT", "REPLACE", "UPSERT", "COPY" -> INSERT;
            case "UPDATE", "DELETE", "MERGE" -> DML;
            case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "OPTIMIZE", "ATTACH", "DETACH", "GRANT", "REVOKE" -> DDL;
            case "SET", "UNSET", "USE" -> SESSION;
            case "BEGIN", "START", "COMMIT", "ROLLBACK" -> TRANSACTION;
            default -> OTHER;
        };
    }

    /** The lower-case name, e.g. {@code query}, as used in tags. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
