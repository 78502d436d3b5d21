package dev.olaphttp.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape {@code INSERT INTO [db.]table [(c1, c2, ...)] VALUES (?, ?, ...)} with nothing but placeholders in the
 * values: such a batch is one bulk load through {@code client.insert(...)}. Anything else is not recognised.
 *
 * @param database the database named in the statement, or {@code null}
 * @param table    the table name, unquoted
 * @param columns  the target columns, unquoted; empty for all columns in table order
 * @param width    placeholders per row
 */
record BatchInsert(String database, String table, List<String> columns, int width) {
    private static final String IDENT = "(?:`[^`]+`|\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern SHAPE = Pattern.compile("(?is)^\\s*insert\\s+into\\s+(" + IDENT + ")(?:\\s*\\.\\s*("
            + IDENT + "))?\\s*(?:\\(([^()]*)\\))?\\s*values\\s*\\(([\\s?,]*)\\)\\s*;?\\s*$");

    static BatchInsert parse(String sql) {
        Matcher m = SHAPE.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        String first = unquote(m.group(1));
        String second = m.group(2) == null ? null : unquote(m.group(2));
        List<String> columns = new ArrayList<>();
        if (m.group(3) != null) {
            for (String c : m.group(3).split(",")) {
                String t = c.trim();
                if (!t.matches(IDENT)) {
                    return null;
                }
                columns.add(unquote(t));
            }
        }
        String[] marks = m.group(4).split(",", -1);
        for (String mark : marks) {
            if (!mark.trim().equals("?")) {
                return null;
            }
        }
        if (!columns.isEmpty() && columns.size() != marks.length) {
            return null;
        }
        if ((first + (second == null ? "" : second)).contains(".")) {
            return null; // a dot inside a quoted name cannot be passed as db.table
        }
        return second == null
                ? new BatchInsert(null, first, List.copyOf(columns), marks.length)
                : new BatchInsert(first, second, List.copyOf(columns), marks.length);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '`' || s.charAt(0) == '"')) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The target for {@code client.insert}: qualified with {@code currentDatabase} when the SQL names none. */
    String target(String currentDatabase) {
        String db = database != null ? database : currentDatabase;
        return db == null || db.isEmpty() ? table : db + "." + table;
    }

    @Override
    public String toString() {
        return "BatchInsert[" + table.toLowerCase(Locale.ROOT) + "]";
    }
}
