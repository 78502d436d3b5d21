package dev.olaphttp.databend.internal;

/**
 * Whether a query response continues the result the way the server's {@code next_uri} rules say (protocol notes
 * §4.2, §4.3): a page has a known {@code state}; it points to the next page, or, once drained, to {@code /final};
 * a response without {@code next_uri} ends nothing (only the {@code /final} reply and fail-to-start do, and the
 * latter carries an error); {@code data} is always there (a page whose rows were dropped would shorten the result); a page with rows advances the page number by one, an empty one repeats it. Anything
 * else (a gateway's JSON, a page cut from another response, a repeated page) would silently shorten or repeat the
 * result.
 */
final class PageChain {
    /** The request was not for a numbered page (the state URI): only state and {@code next_uri} are checked. */
    static final long NOT_A_PAGE = -1;

    private PageChain() {}

    /** What is wrong with page {@code p} answering a request for page {@code requested}; {@code null} if nothing. */
    static String violation(Page p, long requested) {
        String state = p.state;
        if (state == null) {
            return "the response is not a query response (no state)";
        }
        boolean succeeded = state.equals("Succeeded");
        if (!succeeded && !state.equals("Running") && !state.equals("Starting")) {
            return state.equals("Failed") ? "state Failed without an error" : "unknown query state '" + state + "'";
        }
        if (!p.hasData) {
            return "a " + state + " response without its data array";
        }
        String next = p.nextUri;
        if (next == null) {
            return "a " + state + " response without next_uri (a result ends only through final_uri)";
        }
        if (isFinal(next)) {
            return succeeded ? null : "next_uri ends a result whose state is " + state;
        }
        long n = pageNumber(next);
        if (n < 0 || requested < 0) {
            return null;
        }
        long expected = p.rows > 0 ? requested + 1 : requested;
        if (n != expected) {
            return "the response to page " + requested + " has " + p.rows + " rows and points to page " + n
                    + " (expected " + expected + ")";
        }
        return null;
    }

    static boolean isFinal(String uri) {
        return uri != null && path(uri).endsWith("/final");
    }

    /** The number in {@code .../page/N}, or -1. */
    static long pageNumber(String uri) {
        if (uri == null) {
            return -1;
        }
        String path = path(uri);
        int i = path.lastIndexOf("/page/");
        if (i < 0) {
            return -1;
        }
        String digits = path.substring(i + 6);
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (digits.charAt(k) < '0' || digits.charAt(k) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }

    private static String path(String uri) {
        int q = uri.indexOf('?');
        String s = q < 0 ? uri : uri.substring(0, q);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
