package dev.olaphttp.testdialect;

import java.util.StringJoiner;

/** Helpers for tests to write {@link LineDialect} response bodies. */
public final class LineProtocol {
    private LineProtocol() {}

    /** A complete body: the header, the rows (already tab-separated) and {@code END}. */
    public static String body(String header, String... rows) {
        return partial(header, rows) + "END\n";
    }

    /** A body without the {@code END} marker: a truncated result. */
    public static String partial(String header, String... rows) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (String r : rows) {
            sb.append(r).append('\n');
        }
        return sb.toString();
    }

    /** One row from its cells. */
    public static String row(Object... cells) {
        StringJoiner j = new StringJoiner("\t");
        for (Object c : cells) {
            j.add(c == null ? "\\N" : c.toString());
        }
        return j.toString();
    }
}
