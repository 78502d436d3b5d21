package dev.olaphttp.jdbc;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.NullValueException;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.ResultSizeException;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.TransportException;
import dev.olaphttp.TypeConversionException;
import dev.olaphttp.UnsupportedStatementException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Maps olaphttp's exception tree onto {@link SQLException}s: the SQLState class follows the exception type (and,
 * for server errors, the server's error code), the vendor code is the server's error code, the cause is ours.
 */
final class JdbcErrors {
    static final String CANCELLED = "57014";
    static final String TIMEOUT = "HYT00";

    private JdbcErrors() {}

    /** The SQLException for any runtime failure of the SDK. */
    static SQLException translate(RuntimeException e) {
        if (e instanceof SqlClientException s) {
            return translate(s);
        }
        // the SDK should only throw its own tree; anything else is still surfaced typed, with the cause kept
        return new SQLNonTransientException(String.valueOf(e.getMessage()), "HY000", 0, e);
    }

    static SQLException translate(SqlClientException e) {
        String msg = e.getMessage();
        int code = e.errorCode().orElse(0);
        if (e instanceof QueryCancelledException) {
            return new SQLException(msg, CANCELLED, code, e);
        }
        if (e instanceof QueryTimeoutException) {
            return new SQLTimeoutException(msg, TIMEOUT, code, e);
        }
        if (e instanceof AuthenticationException) {
            return new SQLInvalidAuthorizationSpecException(msg, "28000", code, e);
        }
        if (e instanceof ServerBusyException) {
            return e.isRetryable()
                    ? new SQLTransientConnectionException(msg, "08004", code, e)
                    : new SQLNonTransientConnectionException(msg, "08004", code, e);
        }
        if (e instanceof TransportException) {
            return e.isRetryable()
                    ? new SQLTransientConnectionException(msg, "08006", code, e)
                    : new SQLNonTransientConnectionException(msg, "08006", code, e);
        }
        if (e instanceof ResultInterruptedException) {
            return new SQLRecoverableException(msg, "08S01", code, e);
        }
        if (e instanceof ProtocolException) {
            return new SQLNonTransientConnectionException(msg, "08P01", code, e);
        }
        if (e instanceof NullValueException) {
            return new SQLDataException(msg, "22002", code, e);
        }
        if (e instanceof TypeConversionException) {
            return new SQLDataException(msg, "22018", code, e);
        }
        if (e instanceof ResultSizeException) {
            return new SQLDataException(msg, "21000", code, e);
        }
        if (e instanceof InvalidRequestException) {
            return new SQLDataException(msg, "22023", code, e);
        }
        if (e instanceof UnsupportedStatementException) {
            return new SQLFeatureNotSupportedException(msg, "0A000", code, e);
        }
        if (e instanceof QueryFailedException) {
            return serverError(e, msg, code);
        }
        return e.isRetryable()
                ? new SQLTransientException(msg, "HY000", code, e)
                : new SQLNonTransientException(msg, "HY000", code, e);
    }

    private static SQLException serverError(SqlClientException e, String msg, int code) {
        String state = ServerCodes.sqlState(e.dialect().orElse(""), code, e.baseMessage());
        if (state.startsWith("42")) {
            return new SQLSyntaxErrorException(msg, state, code, e);
        }
        if (state.startsWith("22")) {
            return new SQLDataException(msg, state, code, e);
        }
        if (state.equals(CANCELLED)) {
            return new SQLException(msg, state, code, e);
        }
        if (state.equals(TIMEOUT)) {
            return new SQLTimeoutException(msg, state, code, e);
        }
        if (e.isRetryable()) {
            return new SQLTransientException(msg, state, code, e);
        }
        return new SQLNonTransientException(msg, state, code, e);
    }

    /** Use of a closed object: 08003 for a connection (pools evict it), 24000 for a result, HY010 otherwise. */
    static SQLException closed(String what) {
        return switch (what) {
            case "Connection", "DataSource" -> new SQLNonTransientConnectionException(what + " is closed", "08003");
            case "ResultSet" -> new SQLException("ResultSet is closed", "24000");
            default -> new SQLException(what + " is closed", "HY010");
        };
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported", "0A000");
    }
}
