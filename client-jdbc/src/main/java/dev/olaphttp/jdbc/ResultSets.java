package dev.olaphttp.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The one kind of result the driver makes: forward-only, read-only, closed at commit. */
final class ResultSets {
    private ResultSets() {}

    static void check(int type, int concurrency, int holdability) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            throw JdbcErrors.unsupported("result set type " + type + " (only TYPE_FORWARD_ONLY)");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw JdbcErrors.unsupported("result set concurrency " + concurrency + " (only CONCUR_READ_ONLY)");
        }
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw new SQLException("unknown holdability " + holdability, "HY092");
        }
    }
}
