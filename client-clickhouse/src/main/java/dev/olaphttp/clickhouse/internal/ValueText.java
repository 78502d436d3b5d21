package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.clickhouse.internal.format.ZoneQuirks;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renders Java values as ClickHouse text: the quoted form used inside SQL and inside composite values
 * ({@code 'it\'s'}, {@code [1,2]}, {@code '2026-01-01'}), and the TSV-escaped form of {@code param_} values and
 * TabSeparated rows (scalars escaped; composites in their quoted form, as ClickHouse writes them in TSV).
 * Values that cannot be rendered without loss or ambiguity are rejected; messages never quote values.
 */
final class ValueText {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Where the text goes: a {@code param_} value of a modern server, or a client-side SQL literal. */
    enum Target {
        SERVER_PARAM,
        SQL_LITERAL
    }

    private final Target target;
    private final java.util.function.Supplier<ZoneId> serverZone;
    private final String paramName;

    ValueText(Target target, java.util.function.Supplier<ZoneId> serverZone, String paramName) {
        this.target = target;
        this.serverZone = serverZone;
        this.paramName = paramName;
    }

    /** The value of {@code param_<name>} for a placeholder of {@code type}. */
    String serverParam(Object value, String type) {
        if (value == null) {
            return "\\N";
        }
        if (isComposite(value)) {
            // the escaped text form of arrays, maps and tuples is their quoted form (no raw tab or newline in it)
            return quoted(value, type);
        }
        return tsvEscape(plain(value, type));
    }

    /** A SQL expression for the placeholder: {@code CAST(<literal> AS <type>)}, or a quoted identifier. */
    String sqlExpression(Object value, String type) {
        if (TypeText.base(type).equals("Identifier")) {
            if (!(value instanceof CharSequence s) || s.isEmpty()) {
                throw fail("an Identifier needs a non-empty string");
            }
            return "`" + escape(s.toString(), '`') + "`";
        }
        return "CAST(" + quoted(value, type) + " AS " + type + ")";
    }

    private static boolean isComposite(Object v) {
        return v instanceof Collection || v instanceof Map || (v.getClass().isArray() && !(v instanceof byte[]));
    }

    /** The unquoted text of a scalar, as ClickHouse parses it for the type. */
    private String plain(Object v, String type) {
        if (v instanceof CharSequence || v instanceof Character || v instanceof Enum<?>) {
            String s = v instanceof Enum<?> e ? e.name() : v.toString();
            checkText(s);
            return s;
        }
        if (v instanceof Boolean b) {
            return isBool(type) ? b.toString() : (b ? "1" : "0");
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long
                || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Float || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return "nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return v instanceof Float ? Float.toString((Float) v) : Double.toString(d);
        }
        if (v instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof LocalTime t) {
            return t.toString();
        }
        if (v instanceof LocalDateTime dt) {
            return localDateTime(dt, type);
        }
        if (v instanceof Instant i) {
            return instant(i, type);
        }
        if (v instanceof ZonedDateTime z) {
            return instant(z.toInstant(), type);
        }
        if (v instanceof OffsetDateTime o) {
            return instant(o.toInstant(), type);
        }
        if (v instanceof UUID u) {
            return u.toString();
        }
        if (v instanceof InetAddress a) {
            return a.getHostAddress();
        }
        throw fail("values of type " + v.getClass().getSimpleName() + " cannot be rendered safely");
    }

    private static boolean isBool(String type) {
        String b = TypeText.base(TypeText.unwrap(type));
        return b.equalsIgnoreCase("Bool") || b.equalsIgnoreCase("Boolean");
    }

    private ZoneId zoneFor(String type) {
        ZoneId z = TypeText.zone(type);
        if (z != null) {
            return z;
        }
        ZoneId z2 = serverZone == null ? null : serverZone.get();
        if (z2 == null) {
            throw fail("an instant needs a zone: use DateTime('Zone') or a LocalDateTime");
        }
        return z2;
    }

    /**
     * An instant as the local time of the column's zone, or as epoch seconds (which ClickHouse parses for
     * DateTime and DateTime64 whatever the zone) where local text is not exact: always in client-side literals
     * (18.16's {@code CAST('local' AS DateTime('Zone'))} reads the text in the server's zone, measured), and where
     * the local time occurs twice (a daylight-saving overlap) or is within two days of an offset change (18.16
     * misreads local times there, measured). Before 1970 only unambiguous local text is possible.
     */
    private String instant(Instant i, String type) {
        ZoneId zone = zoneFor(type);
        LocalDateTime local = LocalDateTime.ofInstant(i, zone);
        boolean twice = zone.getRules().getValidOffsets(local).size() > 1;
        if (i.getEpochSecond() < 0) {
            if (twice) {
                throw fail("the instant is before 1970 and its local time occurs twice in its zone: it has no "
                        + "unambiguous text form");
            }
            return dateTime(local, type);
        }
        if (!twice && target == Target.SERVER_PARAM && !ZoneQuirks.nearAnyChange(zone, i.getEpochSecond())) {
            return dateTime(local, type);
        }
        String seconds = Long.toString(i.getEpochSecond());
        return i.getNano() == 0 ? seconds : seconds + fraction(i.getNano(), type);
    }

    /**
     * A local date-time: as it is for {@code param_} values and text inserts (read in the column's zone), and in
     * client-side literals for a type without zone; for a type with a zone, a client-side literal carries the
     * instant it names there (see {@link #instant}), and a local time that occurs twice or not at all is refused.
     */
    private String localDateTime(LocalDateTime dt, String type) {
        ZoneId zone = type.isEmpty() ? null : TypeText.zone(type);
        if (target == Target.SERVER_PARAM || zone == null) {
            return dateTime(dt, type);
        }
        List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(dt);
        if (offsets.size() != 1) {
            throw fail("the local time " + (offsets.isEmpty() ? "does not exist" : "occurs twice") + " in " + zone.getId()
                    + " (a daylight-saving change): bind an Instant or OffsetDateTime instead");
        }
        return instant(dt.toInstant(offsets.get(0)), type);
    }

    private String fraction(int nanos, String type) {
        if (!TypeText.base(TypeText.unwrap(type)).equals("DateTime64") && !type.isEmpty()) {
            throw fail("fractional seconds do not fit " + type + "; use DateTime64");
        }
        String frac = String.format("%09d", nanos);
        int end = frac.length();
        while (end > 1 && frac.charAt(end - 1) == '0') {
            end--;
        }
        return "." + frac.substring(0, end);
    }

    private String dateTime(LocalDateTime dt, String type) {
        String s = dt.format(DATE_TIME);
        int nanos = dt.getNano();
        if (nanos == 0) {
            return s;
        }
        return s + fraction(nanos, type);
    }

    /** The quoted form: strings in single quotes, composites in brackets, NULL, bare numbers. */
    String quoted(Object v, String type) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Map<?, ?> m) {
            return map(m, type);
        }
        if (v instanceof Collection<?> || (v.getClass().isArray() && !(v instanceof byte[]))) {
            Iterator<?> it = iterate(v);
            boolean tuple = TypeText.base(TypeText.unwrap(type)).equals("Tuple");
            StringBuilder sb = new StringBuilder(tuple ? (target == Target.SQL_LITERAL ? "tuple(" : "(") : "[");
            int i = 0;
            while (it.hasNext()) {
                sb.append(i == 0 ? "" : ",").append(quoted(it.next(), TypeText.arg(type, tuple ? i : 0)));
                i++;
            }
            return sb.append(tuple ? ")" : "]").toString();
        }
        if (v instanceof Float || v instanceof Double || v instanceof Boolean) {
            return plain(v, type);
        }
        if (v instanceof Number) {
            // a bare literal wider than 64 bits or with a fraction is read as Float64 before the cast (loss):
            // client-side, the exact text goes in quotes and the cast parses it with the type's own parser
            return target == Target.SQL_LITERAL ? "'" + plain(v, type) + "'" : plain(v, type);
        }
        String text = plain(v, type);
        return "'" + (target == Target.SQL_LITERAL ? literalEscape(text) : escape(text, '\'')) + "'";
    }

    private String map(Map<?, ?> m, String type) {
        StringBuilder sb = new StringBuilder(target == Target.SQL_LITERAL ? "map(" : "{");
        String sep = target == Target.SQL_LITERAL ? "," : ":";
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(i++ == 0 ? "" : ",").append(quoted(e.getKey(), TypeText.arg(type, 0)));
            sb.append(sep).append(quoted(e.getValue(), TypeText.arg(type, 1)));
        }
        return sb.append(target == Target.SQL_LITERAL ? ")" : "}").toString();
    }

    private static Iterator<?> iterate(Object v) {
        if (v instanceof Collection<?> c) {
            return c.iterator();
        }
        int n = Array.getLength(v);
        return new Iterator<Object>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object next() {
                return Array.get(v, i++);
            }
        };
    }

    /** Backslash escapes inside a quoted string or identifier. */
    static String escape(String s, char quote) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c == quote) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * The content of a client-side string literal: letters, digits and a few inert characters as they are, every
     * other ASCII character as {@code \\xHH}. The literal then holds no quote, block-comment opener or closer
     * ({@code /*}, {@code *}{@code /}), heredoc {@code $} or line break, so it stays one literal
     * whatever text surrounds it. Non-ASCII characters go as UTF-8 (they start no token).
     */
    static String literalEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ' ' || c == '_' || c == '.' || c == ':' || c == ',' || c == '+' || c == '-' || c == '=' || c == '@') {
                sb.append(c);
            } else {
                sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The TSV escaping of a field: backslash, tab, line feed, carriage return, NUL, backspace, form feed. */
    static String tsvEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private void checkText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw fail("the string has an unpaired surrogate (not valid UTF-16)");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw fail("the string has an unpaired surrogate (not valid UTF-16)");
            }
        }
    }

    private InvalidRequestException fail(String why) {
        return new InvalidRequestException("parameter '" + paramName + "': " + why,
                ErrorDetails.of(ChErrors.DIALECT, null));
    }
}
