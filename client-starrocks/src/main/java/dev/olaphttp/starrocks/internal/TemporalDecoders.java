package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.SqlType;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * DATE ({@code yyyy-MM-dd}) and DATETIME ({@code yyyy-MM-dd HH:mm:ss}, with {@code .ffffff} only when the
 * microseconds are not zero), parsed straight from the parser's character buffer.
 */
final class TemporalDecoders {
    private TemporalDecoders() {}

    /** DATE as {@link LocalDate}. */
    static final class Date extends ValueDecoder {
        Date(SqlType type) {
            super(type);
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw unexpected(p, t);
            }
            LocalDate d = parseDate(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (d == null) {
                throw invalid(p);
            }
            return d;
        }

        @Override
        Object decodeText(String text, JsonParser p) throws IOException {
            LocalDate d = parseDate(text.toCharArray(), 0, text.length());
            if (d == null) {
                throw invalid(p);
            }
            return d;
        }
    }

    /** DATETIME as {@link LocalDateTime} (StarRocks DATETIME has no zone). */
    static final class DateTime extends ValueDecoder {
        DateTime(SqlType type) {
            super(type);
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw unexpected(p, t);
            }
            LocalDateTime d = parseDateTime(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (d == null) {
                throw invalid(p);
            }
            return d;
        }

        @Override
        Object decodeText(String text, JsonParser p) throws IOException {
            LocalDateTime d = parseDateTime(text.toCharArray(), 0, text.length());
            if (d == null) {
                throw invalid(p);
            }
            return d;
        }
    }

    /** {@code yyyy-MM-dd}, or {@code null} when malformed or not a real date. */
    static LocalDate parseDate(char[] c, int off, int len) {
        if (len != 10 || c[off + 4] != '-' || c[off + 7] != '-') {
            return null;
        }
        int y = digits(c, off, 4);
        int m = digits(c, off + 5, 2);
        int d = digits(c, off + 8, 2);
        if (y < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd[ |T]HH:mm:ss[.f{1,9}]}, or {@code null} when malformed. */
    static LocalDateTime parseDateTime(char[] c, int off, int len) {
        if (len == 10) {
            LocalDate d = parseDate(c, off, len);
            return d == null ? null : d.atStartOfDay();
        }
        if (len < 19 || (c[off + 10] != ' ' && c[off + 10] != 'T') || c[off + 13] != ':' || c[off + 16] != ':') {
            return null;
        }
        LocalDate date = parseDate(c, off, 10);
        int h = digits(c, off + 11, 2);
        int mi = digits(c, off + 14, 2);
        int s = digits(c, off + 17, 2);
        if (date == null || h < 0 || mi < 0 || s < 0) {
            return null;
        }
        int nanos = 0;
        if (len > 19) {
            int fracLen = len - 20;
            if (c[off + 19] != '.' || fracLen < 1 || fracLen > 9) {
                return null;
            }
            nanos = digits(c, off + 20, fracLen);
            if (nanos < 0) {
                return null;
            }
            for (int i = fracLen; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            return date.atTime(h, mi, s, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(char[] c, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[off + i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
