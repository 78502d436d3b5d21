package dev.olaphttp.clickhouse.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ClickHouse exception text, parsed: {@code Code: 60. DB::Exception: msg. (UNKNOWN_TABLE) (version ...)} (modern)
 * or {@code Code: 60, e.displayText() = DB::Exception: msg, e.what() = DB::Exception} (18.x).
 *
 * @param code    the numeric code
 * @param name    the symbolic name (from the text, or a known name for old servers), or {@code null}
 * @param message the message without the code prefix and version suffix
 */
record ServerError(int code, String name, String message) {
    private static final Pattern HEAD = Pattern.compile("Code: (\\d+)[.,] ");
    private static final Pattern MODERN_NAME = Pattern.compile("\\s*\\(([A-Z][A-Z0-9_]+)\\)(?:\\s*\\(version [^\\n]*\\))?\\s*$");
    private static final Pattern VERSION = Pattern.compile("\\s*\\(version [^\\n]*\\)\\s*$");
    private static final Pattern LEGACY_TAIL = Pattern.compile(",\\s*e\\.what\\(\\) = [\\w:]+\\s*$");

    /** Names of common codes, for servers that do not print them. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(6, "CANNOT_PARSE_TEXT"), Map.entry(27, "CANNOT_PARSE_INPUT_ASSERTION_FAILED"),
            Map.entry(43, "ILLEGAL_TYPE_OF_ARGUMENT"), Map.entry(46, "UNKNOWN_FUNCTION"),
            Map.entry(47, "UNKNOWN_IDENTIFIER"), Map.entry(53, "TYPE_MISMATCH"), Map.entry(57, "TABLE_ALREADY_EXISTS"),
            Map.entry(60, "UNKNOWN_TABLE"), Map.entry(62, "SYNTAX_ERROR"), Map.entry(73, "UNKNOWN_FORMAT"),
            Map.entry(81, "UNKNOWN_DATABASE"), Map.entry(113, "THERE_IS_NO_SESSION"), Map.entry(115, "UNKNOWN_SETTING"),
            Map.entry(153, "ILLEGAL_DIVISION"), Map.entry(159, "TIMEOUT_EXCEEDED"), Map.entry(164, "READONLY"),
            Map.entry(192, "UNKNOWN_USER"), Map.entry(193, "WRONG_PASSWORD"), Map.entry(194, "REQUIRED_PASSWORD"),
            Map.entry(202, "TOO_MANY_SIMULTANEOUS_QUERIES"), Map.entry(216, "QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING"),
            Map.entry(241, "MEMORY_LIMIT_EXCEEDED"), Map.entry(372, "SESSION_NOT_FOUND"),
            Map.entry(373, "SESSION_IS_LOCKED"), Map.entry(374, "INVALID_SESSION_TIMEOUT"),
            Map.entry(394, "QUERY_WAS_CANCELLED"), Map.entry(395, "FUNCTION_THROW_IF_VALUE_IS_NON_ZERO"),
            Map.entry(396, "TOO_MANY_ROWS_OR_BYTES"), Map.entry(516, "AUTHENTICATION_FAILED"));

    /** Parses the first exception in {@code text}, or returns {@code null} when there is none. */
    static ServerError parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = HEAD.matcher(text);
        if (!m.find()) {
            return null;
        }
        int code;
        try {
            code = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
        String rest = text.substring(m.end()).strip();
        if (rest.startsWith("e.displayText() = ")) {
            rest = rest.substring("e.displayText() = ".length());
        }
        rest = LEGACY_TAIL.matcher(rest).replaceFirst("");
        String name = null;
        Matcher nm = MODERN_NAME.matcher(rest);
        if (nm.find()) {
            name = nm.group(1);
            rest = rest.substring(0, nm.start());
        } else {
            rest = VERSION.matcher(rest).replaceFirst("");
        }
        if (name == null) {
            name = NAMES.get(code);
        }
        return new ServerError(code, name, rest.strip());
    }

    /** The message as shown to users: {@code Code: 60 (UNKNOWN_TABLE): DB::Exception: ...}. */
    String display() {
        return "Code: " + code + (name == null ? "" : " (" + name + ")") + ": " + message;
    }
}
