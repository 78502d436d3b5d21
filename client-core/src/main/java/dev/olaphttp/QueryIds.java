package dev.olaphttp;

/**
 * The rule for query ids, which travel in HTTP headers, URL parameters and KILL statements: non-empty printable
 * ASCII (space to {@code ~}). Anything else, a CR or LF above all, is refused before anything is sent.
 */
final class QueryIds {
    private QueryIds() {}

    /** Returns {@code id} if it is valid; else throws {@link InvalidRequestException} without quoting it. */
    static String check(String id, String dialect) {
        if (id == null || id.isEmpty()) {
            throw new InvalidRequestException("the query id is empty", ErrorDetails.of(dialect, null));
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidRequestException(
                        "the query id has a character outside printable ASCII (CR, LF, NUL, non-ASCII...) at index "
                                + i,
                        ErrorDetails.of(dialect, null));
            }
        }
        return id;
    }
}
