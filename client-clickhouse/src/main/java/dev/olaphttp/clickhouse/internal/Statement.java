package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.clickhouse.internal.format.ResultFormat;
import dev.olaphttp.spi.SqlText;
import java.util.Locale;
import java.util.Set;

/** What the client needs to know about one SQL text: does it return rows, in which format, is it read-only. */
final class Statement {
    private static final Set<String> RESULT_KEYWORDS =
            Set.of("SELECT", "WITH", "SHOW", "DESC", "DESCRIBE", "EXPLAIN", "EXISTS", "KILL", "CHECK", "WATCH");

    private Statement() {}

    /** True when the statement produces a result set. */
    static boolean returnsRows(String sql) {
        return RESULT_KEYWORDS.contains(SqlText.firstKeyword(sql));
    }

    /** The decodable format named by a user's {@code FORMAT} clause, or {@code null} when it is not decodable. */
    static ResultFormat decodable(String formatName) {
        return switch (formatName.toLowerCase(Locale.ROOT)) {
            case "rowbinarywithnamesandtypes" -> ResultFormat.ROW_BINARY;
            case "tabseparatedwithnamesandtypes", "tsvwithnamesandtypes" -> ResultFormat.TSV;
            case "jsoncompacteachrowwithnamesandtypes" -> ResultFormat.JSON_COMPACT;
            default -> null;
        };
    }
}
