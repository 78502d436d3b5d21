package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryFailedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a ClickHouse exception text (modern {@code Code: N. DB::...} or legacy {@code Code: N, e.displayText()}) into a typed error. */
final class ServerErrorText {
    private static final Pattern CODE = Pattern.compile("^Code: (\\d+)[.,]");
    private static final Pattern NAME = Pattern.compile("\\(([A-Z][A-Z0-9_]+)\\)(?: \\(version [^)]*\\)+)?\\s*$");
    private static final Pattern LEGACY = Pattern.compile(
            "^Code: \\d+, e\\.displayText\\(\\) = (.*?)(?:, e\\.what\\(\\) = [\\w:]+)?\\s*$", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile(" \\(version [^)]*\\)+\\s*$");

    private ServerErrorText() {
    }

    /** True if the text looks like a ClickHouse exception message. */
    static boolean looksLikeException(String text) {
        return CODE.matcher(text).find() && text.contains("DB::") && text.contains("Exception");
    }

    /** A QueryFailedException carrying the server's code, name and message. */
    static QueryFailedException toException(String text, ErrorDetails details, long rowsBefore) {
        String message = text.strip();
        ErrorDetails d = details == null ? ErrorDetails.none() : details;
        Matcher code = CODE.matcher(message);
        if (code.find()) {
            try {
                d = d.withErrorCode(Integer.parseInt(code.group(1)));
            } catch (NumberFormatException ignored) {
                // an absurdly long number: keep the text only
            }
        }
        Matcher name = NAME.matcher(message);
        if (name.find()) {
            d = d.withErrorName(name.group(1));
        }
        Matcher legacy = LEGACY.matcher(message);
        if (legacy.matches()) {
            message = "Code: " + code.group(1) + ". " + legacy.group(1);
        }
        message = VERSION.matcher(message).replaceFirst("");
        return new QueryFailedException("ClickHouse failed in the middle of the result after " + rowsBefore
                + " rows: " + message, d);
    }
}
