package dev.olaphttp.starrocks.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renders bound parameters into the SQL text as literals, because the HTTP SQL API has no server-side
 * parameters. Placeholders are {@code ?} (positional) or {@code :name} (named), outside quotes, back-quoted
 * identifiers and comments; {@code ::} is left alone.
 *
 * <p><b>Every literal is self-delimiting</b>, whatever characters surround the placeholder: a negative number is
 * parenthesized ({@code 100-?} with -1 becomes {@code 100- (-1)}, never the {@code --} line comment StarRocks lexes
 * even without a following space), and a space separates the literal from a neighbouring character that could
 * otherwise join it into another token ({@code 1?} with 2, {@code X?} with a string, {@code 'a'?} with a string,
 * {@code ?e1}, {@code ?/}...). Only white space, {@code (}, {@code ,} and {@code =} before, and white space,
 * {@code )}, {@code ,}, {@code ;}, {@code =}, {@code <} and {@code >} after a literal need no space.
 *
 * <p>Literals: {@code NULL}; strings quoted with {@code '} and with {@code \}, {@code '} and control characters
 * escaped (a string holding an unpaired UTF-16 surrogate has no UTF-8 form and is refused); integers and
 * {@link BigDecimal} in plain digits; finite doubles; {@code TRUE}/{@code FALSE};
 * {@code CAST('…' AS DATE)} and {@code CAST('…' AS DATETIME)} for {@link LocalDate} and {@link LocalDateTime};
 * {@code X'hex'} for {@code byte[]}; a collection or array as a comma-separated list (for {@code IN (?)}); UUIDs,
 * enums and characters as strings. Anything else, NaN, infinities and zoned date-times are refused, as is a
 * {@code ?} with no positional parameter left to bind; every refusal is an {@link InvalidRequestException} thrown
 * before anything is sent, and its message never includes parameter values.
 */
final class ParamRenderer {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ParamRenderer() {}

    /** The SQL with every placeholder replaced by its rendered parameter. */
    static String render(String sql, Map<String, Object> named, List<Object> positional, ErrorDetails details) {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int n = sql.length();
        int i = 0;
        int next = 0;
        Set<String> used = new java.util.HashSet<>();
        try {
            while (i < n) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"' || c == '`') {
                    int end = SqlLexer.quoteEnd(sql, i);
                    out.append(sql, i, end);
                    i = end;
                } else if (SqlLexer.isCommentStart(sql, i)) {
                    int end = SqlLexer.skipComment(sql, i);
                    out.append(sql, i, end);
                    i = end;
                } else if (c == '?') {
                    if (next >= positional.size()) {
                        throw error(positional.isEmpty()
                                ? "the SQL has a '?' placeholder but no positional parameter is bound"
                                : "the SQL has more '?' placeholders than the " + positional.size()
                                        + " positional parameters bound", details);
                    }
                    delimited(positional.get(next++), sql, i + 1, out, details, "parameter " + next);
                    i++;
                } else if (c == ':' && !named.isEmpty() && i + 1 < n && isNameStart(sql.charAt(i + 1))
                        && (i == 0 || sql.charAt(i - 1) != ':')) {
                    int s = i + 1;
                    int e = s;
                    while (e < n && (Character.isLetterOrDigit(sql.charAt(e)) || sql.charAt(e) == '_')) {
                        e++;
                    }
                    String name = sql.substring(s, e);
                    if (!named.containsKey(name)) {
                        throw error("no value bound for the named parameter :" + name, details);
                    }
                    used.add(name);
                    delimited(named.get(name), sql, e, out, details, "parameter :" + name);
                    i = e;
                } else {
                    out.append(c);
                    i++;
                }
            }
        } catch (IllegalArgumentException e) {
            throw error("cannot bind parameters: " + e.getMessage(), details);
        }
        if (next < positional.size()) {
            throw error(positional.size() + " positional parameters are bound but the SQL has only " + next
                    + " '?' placeholders", details);
        }
        if (used.size() < named.size()) {
            List<String> unused = named.keySet().stream().filter(k -> !used.contains(k)).sorted().toList();
            throw error("named parameters bound but not used in the SQL: " + unused, details);
        }
        return out.toString();
    }

    /**
     * Appends one literal so that it stays one literal: a space before it unless the SQL so far ends with a
     * character that cannot join it, and a space after it unless the SQL at {@code after} goes on with one.
     */
    private static void delimited(Object v, String sql, int after, StringBuilder out, ErrorDetails details,
            String what) {
        int len = out.length();
        if (len > 0 && !safeBefore(out.charAt(len - 1))) {
            out.append(' ');
        }
        literal(v, out, details, what);
        if (after < sql.length() && !safeAfter(sql.charAt(after))) {
            out.append(' ');
        }
    }

    private static boolean safeBefore(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ',' || c == '=';
    }

    private static boolean safeAfter(char c) {
        return Character.isWhitespace(c) || c == ')' || c == ',' || c == ';' || c == '=' || c == '<' || c == '>';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /** Appends one value as a SQL literal. */
    static void literal(Object v, StringBuilder out, ErrorDetails details, String what) {
        if (v == null) {
            out.append("NULL");
        } else if (v instanceof CharSequence || v instanceof Character || v instanceof UUID) {
            String text = v.toString();
            if (!wellFormed(text)) {
                throw error(what + " is a string with an unpaired UTF-16 surrogate, which has no UTF-8 form",
                        details);
            }
            string(text, out);
        } else if (v instanceof Enum<?> e) {
            string(e.name(), out);
        } else if (v instanceof Boolean b) {
            out.append(b ? "TRUE" : "FALSE");
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            number(v.toString(), out);
        } else if (v instanceof BigDecimal d) {
            number(d.toPlainString(), out);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw error(what + " is NaN or infinite, which has no SQL literal", details);
            }
            number(v instanceof Float ? Float.toString((Float) v) : Double.toString(d), out);
        } else if (v instanceof LocalDate d) {
            out.append("CAST(");
            string(d.toString(), out);
            out.append(" AS DATE)");
        } else if (v instanceof LocalDateTime t) {
            out.append("CAST(");
            string(DATETIME.format(t), out);
            out.append(" AS DATETIME)");
        } else if (v instanceof LocalTime t) {
            string(t.toString(), out);
        } else if (v instanceof byte[] bytes) {
            out.append("X'").append(HexFormat.of().formatHex(bytes)).append('\'');
        } else if (v instanceof Collection<?> coll) {
            list(coll, out, details, what);
        } else if (v instanceof Object[] arr) {
            list(java.util.Arrays.asList(arr), out, details, what);
        } else if (v instanceof java.time.temporal.Temporal) {
            throw error(what + " is a " + v.getClass().getSimpleName() + ": StarRocks DATETIME has no time zone;"
                    + " bind a LocalDateTime in the zone you mean", details);
        } else {
            throw error(what + " has a type that cannot be rendered as a SQL literal: "
                    + v.getClass().getName(), details);
        }
    }

    /** A number; a negative one in parentheses, so that no {@code -} before it makes a {@code --} comment. */
    private static void number(String digits, StringBuilder out) {
        if (digits.charAt(0) == '-') {
            out.append('(').append(digits).append(')');
        } else {
            out.append(digits);
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void list(Collection<?> coll, StringBuilder out, ErrorDetails details, String what) {
        if (coll.isEmpty()) {
            throw error(what + " is an empty collection, which has no SQL form (IN () is invalid)", details);
        }
        boolean first = true;
        for (Object o : coll) {
            if (!first) {
                out.append(", ");
            }
            if (o instanceof Collection<?> || o instanceof Object[]) {
                throw error(what + " is a nested collection, which cannot be rendered", details);
            }
            literal(o, out, details, what);
            first = false;
        }
    }

    /** A quoted, escaped string literal. */
    static void string(String s, StringBuilder out) {
        out.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                case '\b' -> out.append("\\b");
                case '\032' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        out.append('\'');
    }

    private static InvalidRequestException error(String message, ErrorDetails details) {
        return new InvalidRequestException(message, details);
    }
}
