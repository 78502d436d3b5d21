package dev.olaphttp;

import java.util.Locale;
import java.util.Set;

/** Validates the extra request headers of {@link SqlClient.Builder#header}: messages never quote the value. */
final class HeaderRules {
    /** Headers the client or OkHttp must control: a caller's value would break auth, framing or decoding. */
    private static final Set<String> RESERVED = Set.of("authorization", "proxy-authorization", "host",
            "content-length", "content-type", "content-encoding", "transfer-encoding", "connection",
            "accept-encoding", "te", "upgrade", "keep-alive", "cookie");

    private HeaderRules() {}

    static void check(String name, String value) {
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("invalid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by the client itself and cannot be "
                    + "overridden (use credentials(...) for Authorization)");
        }
        if (value == null) {
            throw new IllegalArgumentException("value of header " + name + " is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("value of header " + name + " contains CR, LF or another control "
                        + "character");
            }
            if (c > 0xff) {
                throw new IllegalArgumentException("value of header " + name + " is not ISO-8859-1 text");
            }
        }
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
