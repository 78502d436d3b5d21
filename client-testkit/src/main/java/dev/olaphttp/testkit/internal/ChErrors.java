package dev.olaphttp.testkit.internal;

import java.util.Map;

/** ClickHouse exception codes: symbolic names, HTTP statuses (modern and 18.16) and body text. */
public final class ChErrors {
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(6, "CANNOT_PARSE_TEXT"), Map.entry(16, "NO_SUCH_COLUMN_IN_TABLE"),
      Map.entry(33, "CANNOT_READ_ALL_DATA"), Map.entry(117, "INCORRECT_DATA"), Map.entry(354, "ZLIB_INFLATE_FAILED"), Map.entry(27, "CANNOT_PARSE_INPUT_ASSERTION_FAILED"),
      Map.entry(36, "BAD_ARGUMENTS"), Map.entry(43, "ILLEGAL_TYPE_OF_ARGUMENT"), Map.entry(46, "UNKNOWN_FUNCTION"),
      Map.entry(47, "UNKNOWN_IDENTIFIER"), Map.entry(48, "NOT_IMPLEMENTED"), Map.entry(53, "TYPE_MISMATCH"),
      Map.entry(57, "TABLE_ALREADY_EXISTS"), Map.entry(60, "UNKNOWN_TABLE"), Map.entry(62, "SYNTAX_ERROR"),
      Map.entry(73, "UNKNOWN_FORMAT"), Map.entry(81, "UNKNOWN_DATABASE"), Map.entry(113, "NO_SESSION"),
      Map.entry(115, "UNKNOWN_SETTING"), Map.entry(153, "ILLEGAL_DIVISION"), Map.entry(159, "TIMEOUT_EXCEEDED"),
      Map.entry(164, "READONLY"), Map.entry(192, "UNKNOWN_USER"), Map.entry(193, "WRONG_PASSWORD"),
      Map.entry(194, "REQUIRED_PASSWORD"), Map.entry(209, "SOCKET_TIMEOUT"),
      Map.entry(216, "QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING"), Map.entry(241, "MEMORY_LIMIT_EXCEEDED"),
      Map.entry(372, "SESSION_NOT_FOUND"), Map.entry(373, "SESSION_IS_LOCKED"),
      Map.entry(374, "INVALID_SESSION_TIMEOUT"), Map.entry(381, "HTTP_LENGTH_REQUIRED"),
      Map.entry(386, "NO_COMMON_TYPE"), Map.entry(394, "QUERY_WAS_CANCELLED"),
      Map.entry(395, "FUNCTION_THROW_IF_VALUE_IS_NON_ZERO"), Map.entry(396, "TOO_MANY_ROWS_OR_BYTES"),
      Map.entry(456, "UNKNOWN_QUERY_PARAMETER"), Map.entry(457, "BAD_QUERY_PARAMETER"),
      Map.entry(497, "ACCESS_DENIED"), Map.entry(516, "AUTHENTICATION_FAILED"));

  private ChErrors() {}

  /** HTTP status for an exception code on a modern (25.x/26.x) server. */
  public static int status(int code) {
    return switch (code) {
      case 194 -> 401;
      case 192, 193, 516, 512, 497 -> 403;
      case 36, 427, 6, 25, 26, 38, 41, 72, 441, 675, 676, 27, 376, 15, 44, 37, 123, 8, 167, 168, 223, 62, 117,
          53, 321 -> 400;
      case 16, 60, 46, 47, 50, 56, 81, 115, 152, 63, 73, 336, 78, 511 -> 404;
      case 229 -> 413;
      case 48 -> 501;
      case 209, 76, 439 -> 503;
      case 381 -> 411;
      case 159 -> 408;
      case 779 -> 415;
      default -> 500;
    };
  }

  /** HTTP status for an exception code on 18.16 (auth 401; timeout and type mismatch 500). */
  public static int legacyStatus(int code) {
    return switch (code) {
      case 192, 193, 194 -> 401;
      case 62, 6 -> 400;
      case 60, 81, 47, 46, 115, 73 -> 404;
      default -> 500;
    };
  }

  /** Modern body: {@code Code: N. DB::Exception: msg. (NAME) (version V (official build))\n}. */
  public static String body(int code, String message, String version) {
    String name = NAMES.getOrDefault(code, "UNKNOWN_EXCEPTION");
    String msg = message.endsWith(".") ? message : message + ".";
    return "Code: " + code + ". DB::Exception: " + msg + " (" + name + ") (version " + version
        + " (official build))\n";
  }

  /** 18.16 body: {@code Code: N, e.displayText() = DB::Exception: msg, e.what() = DB::Exception\n}. */
  public static String legacyBody(int code, String message) {
    return "Code: " + code + ", e.displayText() = DB::Exception: " + message + ", e.what() = DB::Exception\n";
  }
}
