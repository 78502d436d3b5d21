package dev.olaphttp.jdbc;

/**
 * SQLStates for the errors each server reports: ClickHouse and Databend by their error codes; StarRocks' HTTP SQL
 * API sends no code (its envelope's {@code code} is always "1"), so by the FE's message texts, and by MySQL codes
 * where one is known.
 */
final class ServerCodes {
    private ServerCodes() {}

    static String sqlState(String dialect, int code, String message) {
        return switch (dialect) {
            case "clickhouse" -> clickhouse(code);
            case "databend" -> databend(code);
            case "starrocks" -> code > 1 ? starrocks(code) : starrocksMessage(message);
            default -> "HY000";
        };
    }

    private static String starrocksMessage(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("syntax error")) {
            return "42000";
        }
        if (m.contains("unknown table") || m.contains("unknown database") || m.contains("set catalog or db failed")
                || m.contains("does not exist")) {
            return "42S02";
        }
        if (m.contains("unknown column") || m.contains("cannot be resolved")) {
            return "42S22";
        }
        if (m.contains("access denied") || m.contains("privilege")) {
            return "42501";
        }
        return "HY000";
    }

    private static String clickhouse(int code) {
        return switch (code) {
            case 62 -> "42000"; // SYNTAX_ERROR
            case 60, 81, 82 -> "42S02"; // UNKNOWN_TABLE, UNKNOWN_DATABASE, DATABASE_ALREADY_EXISTS
            case 57 -> "42S01"; // TABLE_ALREADY_EXISTS
            case 16, 47 -> "42S22"; // NO_SUCH_COLUMN_IN_TABLE, UNKNOWN_IDENTIFIER
            case 46, 42, 43, 386 -> "42000"; // UNKNOWN_FUNCTION, arguments, ILLEGAL_TYPE_OF_ARGUMENT, NO_COMMON_TYPE
            case 497, 516 -> "42501"; // ACCESS_DENIED, AUTHENTICATION_FAILED
            case 6, 27, 38, 41, 53, 69, 70, 72, 321, 457 -> "22000"; // cannot parse / convert, out of bound
            case 153 -> "22012"; // ILLEGAL_DIVISION
            case 159 -> "HYT00"; // TIMEOUT_EXCEEDED
            case 394 -> "57014"; // QUERY_WAS_CANCELLED
            case 456 -> "07001"; // UNKNOWN_QUERY_PARAMETER
            default -> "HY000";
        };
    }

    private static String databend(int code) {
        return switch (code) {
            case 1005 -> "42000"; // SyntaxException
            case 1025, 1003 -> "42S02"; // UnknownTable, UnknownDatabase
            case 2302 -> "42S01"; // TableAlreadyExists
            case 1058, 1065 -> "42S22"; // UnknownColumn, SemanticError
            case 1063, 1061 -> "42501"; // PermissionDenied, AuthenticateFailure
            case 1006, 1046, 1076, 1080 -> "22000"; // BadArguments, BadBytes, overflow / bad data value
            case 1043 -> "57014"; // AbortedQuery
            case 1044 -> "57014"; // query finalized by the client
            default -> "HY000";
        };
    }

    private static String starrocks(int code) {
        return switch (code) {
            case 1064, 1149 -> "42000"; // ER_PARSE_ERROR, ER_SYNTAX_ERROR
            case 1146, 1049, 5501, 5502 -> "42S02"; // no such table / database
            case 1050 -> "42S01"; // table exists
            case 1054 -> "42S22"; // unknown column
            case 1044, 1045, 1142, 1227 -> "42501"; // access denied
            case 1264, 1292, 1366, 1406 -> "22000"; // out of range, truncated, incorrect value, data too long
            case 1317 -> "57014"; // query interrupted
            default -> "HY000";
        };
    }
}
