package dev.olaphttp.clickhouse.internal.format;

/** ClickHouse's backslash escapes, shared by TSV fields and quoted strings. */
final class Escapes {
    private Escapes() {
    }

    /** The byte that {@code \e} stands for ({@code \x} is handled by the callers). */
    static int unescape(int e) {
        return switch (e) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'r' -> '\r';
            case 'n' -> '\n';
            case 't' -> '\t';
            case '0' -> 0;
            case 'a' -> 7;
            case 'v' -> 11;
            default -> e;
        };
    }
}
