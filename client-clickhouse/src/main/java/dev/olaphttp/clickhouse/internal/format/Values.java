package dev.olaphttp.clickhouse.internal.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** Conversions shared by the three decoders, so every format yields identical Java values. */
final class Values {
    static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Values() {
    }

    /** A little-endian two's complement integer of {@code b.length} bytes. */
    static BigInteger fromLittleEndian(byte[] b, boolean unsigned) {
        byte[] be = new byte[b.length + (unsigned ? 1 : 0)];
        for (int i = 0; i < b.length; i++) {
            be[be.length - 1 - i] = b[i];
        }
        return new BigInteger(be);
    }

    /** A decimal at exactly the column's scale. */
    static BigDecimal decimal(BigDecimal v, int scale) throws StreamSignals.Malformed {
        try {
            return v.scale() == scale ? v : v.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new StreamSignals.Malformed("decimal " + v + " has more than " + scale + " fraction digits");
        }
    }

    static InetAddress ipv4(int v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static InetAddress ipv6(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses an IP literal without ever resolving a host name. */
    static InetAddress ipLiteral(String s, boolean v6) throws StreamSignals.Malformed {
        if (!v6) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                throw new StreamSignals.Malformed("not an IPv4 address: " + snippet(s));
            }
            int v = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                    throw new StreamSignals.Malformed("not an IPv4 address: " + snippet(s));
                }
                int octet = Integer.parseInt(p);
                if (octet > 255) {
                    throw new StreamSignals.Malformed("not an IPv4 address: " + snippet(s));
                }
                v = v << 8 | octet;
            }
            return ipv4(v);
        }
        if (s.indexOf(':') < 0 || !s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            throw new StreamSignals.Malformed("not an IPv6 address: " + snippet(s));
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new StreamSignals.Malformed("not an IPv6 address: " + snippet(s), e);
        }
    }

    /** Days since the epoch of {@code yyyy-MM-dd}; old servers (before 19.x) write day 0 as {@code 0000-00-00}. */
    static long epochDay(String s) throws StreamSignals.Malformed {
        if (s.equals("0000-00-00")) {
            return 0;
        }
        try {
            return LocalDate.parse(s).toEpochDay();
        } catch (RuntimeException e) {
            throw new StreamSignals.Malformed("not a date: " + snippet(s), e);
        }
    }

    /**
     * Ticks of 10^-precision seconds of {@code yyyy-MM-dd HH:mm:ss[.fff]} read in a zone (UTC if none), of the
     * ISO form {@code yyyy-MM-ddTHH:mm:ss[.fff]Z} (UTC) or of epoch seconds {@code 1730615400[.fff]}. A local time
     * that occurs twice in the zone (a daylight-saving overlap) is refused: the text does not say which it is.
     */
    static long epochTicks(String s, int precision, ZoneId zone) throws StreamSignals.Malformed {
        if (s.startsWith("0000-00-00 00:00:00") && s.substring(19).chars().allMatch(c -> c == '.' || c == '0')) {
            return 0; // old servers write the instant 0 (in any zone) as all zeros
        }
        boolean utc = s.length() > 19 && s.charAt(10) == 'T' && s.endsWith("Z");
        boolean epoch = !s.isEmpty() && s.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))
                && s.indexOf('.') != 0;
        String text = utc ? s.substring(0, s.length() - 1) : s;
        try {
            int dot = text.indexOf('.', epoch ? 0 : 10);
            String main = dot < 0 ? text : text.substring(0, dot);
            long seconds;
            if (epoch) {
                seconds = Long.parseLong(main); // date_time_output_format=unix_timestamp
            } else {
                LocalDateTime t = LocalDateTime.parse(utc ? main : main.replace(' ', 'T'));
                if (utc || zone == null) {
                    seconds = t.toEpochSecond(ZoneOffset.UTC);
                } else {
                    if (zone.getRules().getValidOffsets(t).size() > 1) {
                        throw new StreamSignals.Malformed("the local time " + snippet(s) + " occurs twice in "
                                + zone.getId() + " (a daylight-saving overlap) and the server sent no offset: it "
                                + "cannot be read exactly from text on this server version (before 20.11, which "
                                + "has date_time_output_format=iso); select toUnixTimestamp(...) or use RowBinary");
                    }
                    seconds = t.atZone(zone).toEpochSecond();
                    if (ZoneQuirks.nearIrregularChange(zone, seconds)) {
                        throw new StreamSignals.Malformed("the local time " + snippet(s) + " is within two days of an "
                                + "offset change of " + zone.getId() + " by a fraction of an hour or at midnight, "
                                + "which servers before 20.11 render wrongly in text, and the server sent no offset: "
                                + "select toUnixTimestamp(...) or use RowBinary");
                    }
                }
            }
            long frac = 0;
            if (dot >= 0) {
                String f = text.substring(dot + 1);
                if (f.isEmpty() || f.length() > precision || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new StreamSignals.Malformed("bad fraction in " + snippet(s));
                }
                frac = Long.parseLong(f) * POW10[precision - f.length()];
            }
            return Math.addExact(Math.multiplyExact(seconds, POW10[precision]), frac);
        } catch (StreamSignals.Malformed e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StreamSignals.Malformed("not a date-time: " + snippet(s), e);
        }
    }

    /** Ticks of {@code [-]H+:MM:SS[.fff]}. */
    static long timeTicks(String s, int precision) throws StreamSignals.Malformed {
        try {
            boolean neg = s.startsWith("-");
            String body = neg ? s.substring(1) : s;
            int dot = body.indexOf('.');
            String main = dot < 0 ? body : body.substring(0, dot);
            String[] hms = main.split(":", -1);
            if (hms.length != 3) {
                throw new StreamSignals.Malformed("not a time: " + snippet(s));
            }
            long secs = Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]);
            long frac = 0;
            if (dot >= 0) {
                String f = body.substring(dot + 1);
                if (f.length() > precision) {
                    throw new StreamSignals.Malformed("bad fraction in " + snippet(s));
                }
                frac = Long.parseLong(f) * POW10[precision - f.length()];
            }
            long v = secs * POW10[precision] + frac;
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw new StreamSignals.Malformed("not a time: " + snippet(s), e);
        }
    }

    static String dateTimeText(LocalDateTime t, int precision) {
        StringBuilder sb = new StringBuilder(29);
        sb.append(t.toLocalDate()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        if (precision > 0) {
            String nanos = Integer.toString(1_000_000_000 + t.getNano()).substring(1);
            sb.append('.').append(nanos, 0, precision);
        }
        return sb.toString();
    }

    static String timeText(long ticks, int precision) {
        long per = POW10[precision];
        StringBuilder sb = new StringBuilder();
        if (ticks < 0) {
            sb.append('-');
        }
        long a = Math.abs(ticks);
        long secs = a / per;
        two(sb, (int) (secs / 3600)).append(':');
        two(sb, (int) (secs / 60 % 60)).append(':');
        two(sb, (int) (secs % 60));
        if (precision > 0) {
            sb.append('.').append(Long.toString(per + a % per).substring(1));
        }
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** UTF-8 with U+FFFD for invalid sequences (ClickHouse strings are arbitrary bytes). */
    static String utf8(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    /**
     * The UTF-8 text of a string value, or {@code null} when the bytes are not valid UTF-8 (decoding would put
     * U+FFFD in place of them). Cost on valid text: one scan for U+FFFD, which a Latin-1 (ASCII) string skips.
     */
    static String utf8OrNull(byte[] b, int off, int len) {
        String s = new String(b, off, len, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') < 0 || validUtf8(b, off, len)) {
            return s;
        }
        return null;
    }

    /** {@link #utf8OrNull}, failing the result for invalid UTF-8 (strings inside composite values). */
    static String utf8Strict(byte[] b, int off, int len) throws StreamSignals.Malformed {
        String s = utf8OrNull(b, off, len);
        if (s == null) {
            throw new StreamSignals.Malformed("a String inside a composite value is not valid UTF-8 (it would be "
                    + "altered to U+FFFD); select it as a top-level column and read it with getBytes, or with hex()");
        }
        return s;
    }

    static boolean validUtf8(byte[] b, int off, int len) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            d.decode(java.nio.ByteBuffer.wrap(b, off, len));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** ClickHouse-like text of a decoded value: strings bare at the top, quoted inside containers. */
    static String text(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, true);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, boolean top) {
        if (v == null) {
            sb.append(top ? "\\N" : "NULL");
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? "," : "");
                append(sb, list.get(i), false);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                append(sb, e.getKey(), false);
                sb.append(':');
                append(sb, e.getValue(), false);
            }
            sb.append('}');
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            String s = v instanceof InetAddress ip ? ip.getHostAddress()
                    : v instanceof ZonedDateTime z ? dateTimeText(z.toLocalDateTime(), 0)
                    : v.toString();
            if (top) {
                sb.append(s);
            } else {
                sb.append('\'').append(s.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
            }
        }
    }

    /** A malformed value as quoted in a message: capped, control characters escaped, a cut marked (one rule). */
    static String snippet(String s) {
        return dev.olaphttp.spi.BodySnippet.quote(s);
    }
}
