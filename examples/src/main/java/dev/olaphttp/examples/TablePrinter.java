package dev.olaphttp.examples;

import dev.olaphttp.Query;
import dev.olaphttp.RowCursor;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Prints a small result as a text table: column headers, a rule, aligned rows (numbers right-aligned), and the row
 * count. Meant for the handful of rows an example shows, so it keeps them until it prints.
 */
public final class TablePrinter {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TablePrinter() {}

    /** Runs {@code query} and prints its result to {@code out}; returns the number of rows. */
    public static long print(Query query, PrintStream out) {
        try (RowCursor cursor = query.stream()) {
            int n = cursor.schema().size();
            List<String> headers = cursor.schema().names();
            boolean[] right = new boolean[n];
            for (int c = 0; c < n; c++) {
                right[c] = cursor.schema().column(c + 1).type().kind().name().matches("U?INT.*|FLOAT.*|DECIMAL.*");
            }
            List<String[]> rows = new ArrayList<>();
            while (cursor.next()) {
                String[] cells = new String[n];
                for (int c = 0; c < n; c++) {
                    cells[c] = text(cursor.getObject(c + 1));
                }
                rows.add(cells);
            }
            out.print(format(headers, rows, right));
            out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
            return rows.size();
        }
    }

    /** A value as a table cell: date-times as {@code 2026-01-05 09:14:00} (with the zone when not UTC). */
    static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof ZonedDateTime z) {
            String zone = z.getZone().normalized().equals(ZoneOffset.UTC) ? "" : " " + z.getZone();
            return SECONDS.format(z.toLocalDateTime()) + zone;
        }
        if (value instanceof OffsetDateTime o) {
            String offset = o.getOffset().equals(ZoneOffset.UTC) ? "" : " " + o.getOffset();
            return SECONDS.format(o.toLocalDateTime()) + offset;
        }
        if (value instanceof LocalDateTime l) {
            return SECONDS.format(l);
        }
        if (value instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        return value.toString();
    }

    /** The aligned text of a table. */
    static String format(List<String> headers, List<String[]> rows, boolean[] right) {
        int n = headers.size();
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers.toArray(String[]::new), width, right);
        for (int c = 0; c < n; c++) {
            sb.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
        }
        sb.append('\n');
        for (String[] r : rows) {
            line(sb, r, width, right);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width, boolean[] right) {
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(width[c] - cells[c].length());
            sb.append(c == 0 ? "" : " | ").append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        // no trailing spaces
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }
}
