package dev.olaphttp.jdbc;

import java.sql.SQLFeatureNotSupportedException;

/** The error for moves a forward-only result cannot make. */
final class ForwardOnly {
    private ForwardOnly() {}

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + ": the result set is TYPE_FORWARD_ONLY", "0A000");
    }
}
