package dev.olaphttp.clickhouse.internal.format;

/** The result formats the client decodes itself. */
public enum ResultFormat {
    ROW_BINARY("RowBinaryWithNamesAndTypes"),
    TSV("TabSeparatedWithNamesAndTypes"),
    JSON_COMPACT("JSONCompactEachRowWithNamesAndTypes");

    private final String formatName;

    ResultFormat(String formatName) {
        this.formatName = formatName;
    }

    /** The name to put after {@code FORMAT} / in {@code default_format}. */
    public String formatName() {
        return formatName;
    }
}
