package dev.olaphttp.jdbc;

import dev.olaphttp.Column;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Builds the in-memory results of {@code DatabaseMetaData} and matches JDBC's LIKE patterns. */
final class MetaResults {
    private MetaResults() {}

    /** A schema from {@code NAME:k} specs, k one of s (string), i (int), h (short), b (boolean); all nullable. */
    static Schema schema(String... specs) {
        List<Column> cols = new ArrayList<>(specs.length);
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String name = spec.substring(0, colon);
            SqlType type = switch (spec.charAt(colon + 1)) {
                case 'i' -> SqlType.builder(TypeKind.INT32).name("INTEGER").nullable(true).build();
                case 'h' -> SqlType.builder(TypeKind.INT16).name("SMALLINT").nullable(true).build();
                case 'b' -> SqlType.builder(TypeKind.BOOLEAN).name("BOOLEAN").nullable(true).build();
                default -> SqlType.builder(TypeKind.STRING).name("VARCHAR").nullable(true).build();
            };
            cols.add(new Column(name, type));
        }
        return Schema.of(cols);
    }

    static ResultSet of(Schema schema, List<Object[]> rows) {
        return new OlapResultSet(null, new ListCursor(schema, rows));
    }

    static ResultSet empty(String... specs) {
        return of(schema(specs), List.of());
    }

    /** A compiled JDBC pattern ({@code %}, {@code _}, escape {@code \}); {@code null} or "%" matches anything. */
    static Pattern like(String pattern) {
        if (pattern == null || pattern.equals("%")) {
            return null;
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    static boolean matches(Pattern p, String value) {
        return p == null || value != null && p.matcher(value).matches();
    }

    /** The name a pattern denotes exactly (no wildcard), else {@code null}. */
    static String exact(String pattern) {
        if (pattern == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                sb.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                return null;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A string literal for the three engines (backslash escapes are on in all of them). */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
