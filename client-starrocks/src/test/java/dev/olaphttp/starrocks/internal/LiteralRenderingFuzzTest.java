package dev.olaphttp.starrocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.starrocks.internal.StarRocksTestLexer.Kind;
import dev.olaphttp.starrocks.internal.StarRocksTestLexer.Tok;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Literal rendering fuzz (seeded; {@code -Dolaphttp.fuzz.seed=N} replays a run): random values of every bindable
 * type, placed between random operator characters, quotes and comment openers, must tokenize, with an independent
 * StarRocks lexer ({@link StarRocksTestLexer}), as the tokens of the text before, exactly one literal of the value
 * (a negative number as {@code ( - n )}), and the tokens of the text after.
 */
class LiteralRenderingFuzzTest {
    private static final ErrorDetails D = ErrorDetails.of("starrocks", "fuzz");
    private static final int CASES = 20_000;
    private static final String[] PIECES = {
        "-", "+", "/", "*", "(", ")", "#", "%", "^", "|", "&", "~", "!", "<", ">", "=", ".", ",", "@", "1", "2.",
        "e", "E", "X", "x", "a", "_", "'s'", "\"d\"", "`q`", "'", "\"", "/*c*/", "/*+ hint */", "--c\n", "--c\r",
        "-- c\n", " ", "\t", "\n", "[", "]", "::", ":", "'a''b'", "'\\\\'"
    };
    private static final String STRING_CHARS = "ab'\"`\\-/*#?:;\n\r\t\0\u001a %_()xX0123456789e.é☃\u3000";

    enum Color { RED, GREEN }

    @Test
    void everyRenderedLiteralIsExactlyOneLiteralOfTheValue() {
        long seed = Long.getLong("olaphttp.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        for (int c = 0; c < CASES; c++) {
            Object value = value(rnd);
            String before = "select " + pieces(rnd, "'\"");
            String after = pieces(rnd, "'\"") + " from t";
            String sql = before + "?" + after;
            if (!placeholderStandsAlone(before, after)) {
                continue; // the pieces made the placeholder part of a comment, or left one open
            }
            String rendered;
            try {
                rendered = ParamRenderer.render(sql, Map.of(), Arrays.asList(value), D);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " (-Dolaphttp.fuzz.seed=" + seed + "), case " + c
                        + ": rendering " + describe(value) + " into " + sql + " failed", e);
            }
            List<Tok> all = StarRocksTestLexer.lex(rendered);
            List<Tok> head = StarRocksTestLexer.lex(before);
            List<Tok> tail = StarRocksTestLexer.lex(after);
            String where = "seed " + seed + " (-Dolaphttp.fuzz.seed=" + seed + "), case " + c + ": " + describe(value)
                    + " in [" + sql + "] rendered as [" + rendered + "] lexed " + all;
            assertThat(all.size()).as(where).isGreaterThan(head.size() + tail.size());
            assertThat(all.subList(0, head.size())).as(where).isEqualTo(head);
            assertThat(all.subList(all.size() - tail.size(), all.size())).as(where).isEqualTo(tail);
            List<Tok> literal = all.subList(head.size(), all.size() - tail.size());
            assertThat(isLiteralOf(literal, value)).as(where + "; literal tokens " + literal).isTrue();
        }
    }

    /** Whether {@code before ? after} lexes as the tokens of {@code before}, the {@code ?} and those of after. */
    private static boolean placeholderStandsAlone(String before, String after) {
        try {
            List<Tok> whole = StarRocksTestLexer.lex(before + "?" + after);
            List<Tok> expected = new ArrayList<>(StarRocksTestLexer.lex(before));
            expected.add(new Tok(Kind.SYMBOL, "?", null));
            expected.addAll(StarRocksTestLexer.lex(after));
            return whole.equals(expected);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Random pieces; an unbalanced quote piece is skipped so that the placeholder stays outside quotes. */
    private static String pieces(Random rnd, String loneQuotes) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            String p = PIECES[rnd.nextInt(PIECES.length)];
            if (p.length() == 1 && loneQuotes.indexOf(p.charAt(0)) >= 0) {
                continue;
            }
            sb.append(p);
        }
        return sb.toString();
    }

    private static Object value(Random rnd) {
        return switch (rnd.nextInt(20)) {
            case 0 -> null;
            case 1 -> rnd.nextBoolean();
            case 2 -> rnd.nextInt();
            case 3 -> rnd.nextBoolean() ? rnd.nextLong() : (long) (rnd.nextInt(21) - 10);
            case 4 -> (short) rnd.nextInt();
            case 5 -> (byte) rnd.nextInt();
            case 6 -> new BigInteger(130, rnd).subtract(BigInteger.ONE.shiftLeft(129));
            case 7 -> new BigDecimal(new BigInteger(70, rnd).subtract(BigInteger.ONE.shiftLeft(69)), rnd.nextInt(12) - 2);
            case 8 -> special(rnd, rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20) * (rnd.nextBoolean() ? 1 : -1));
            case 9 -> switch (rnd.nextInt(6)) {
                case 0 -> -0.0f;
                case 1 -> Float.MIN_VALUE;
                case 2 -> -Float.MAX_VALUE;
                default -> (float) (rnd.nextFloat() * Math.pow(10, rnd.nextInt(20) - 10) * (rnd.nextBoolean() ? 1 : -1));
            };
            case 10, 11, 12 -> string(rnd);
            case 13 -> STRING_CHARS.charAt(rnd.nextInt(STRING_CHARS.length()));
            case 14 -> new UUID(rnd.nextLong(), rnd.nextLong());
            case 15 -> Color.values()[rnd.nextInt(2)];
            case 16 -> LocalDate.ofEpochDay(rnd.nextInt(3_000_000) - 700_000);
            case 17 -> LocalDateTime.of(LocalDate.ofEpochDay(rnd.nextInt(2_900_000) - 700_000),
                    LocalTime.ofNanoOfDay(rnd.nextLong(86_400_000_000L) * 1000));
            case 18 -> LocalTime.ofNanoOfDay(rnd.nextLong(86_400_000_000_000L));
            default -> {
                byte[] b = new byte[rnd.nextInt(6)];
                rnd.nextBytes(b);
                yield b;
            }
        };
    }

    private static double special(Random rnd, double d) {
        return switch (rnd.nextInt(8)) {
            case 0 -> -0.0;
            case 1 -> Double.MIN_VALUE * (rnd.nextBoolean() ? 1 : -1);
            case 2 -> Double.MAX_VALUE * (rnd.nextBoolean() ? 1 : -1);
            default -> d;
        };
    }

    private static String string(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(10) == 0) {
                sb.append("\ud83d\ude00");
            } else {
                sb.append(STRING_CHARS.charAt(rnd.nextInt(STRING_CHARS.length())));
            }
        }
        return sb.toString();
    }

    private static boolean isLiteralOf(List<Tok> t, Object v) {
        if (v == null) {
            return t.size() == 1 && t.get(0).kind() == Kind.IDENT && t.get(0).raw().equals("NULL");
        }
        if (v instanceof Boolean b) {
            return t.size() == 1 && t.get(0).kind() == Kind.IDENT && t.get(0).raw().equals(b ? "TRUE" : "FALSE");
        }
        if (v instanceof Number num) {
            String text = numberText(t);
            if (text == null) {
                return false;
            }
            if (v instanceof Double d) {
                return Double.compare(Double.parseDouble(text), d) == 0;
            }
            if (v instanceof Float f) {
                return Float.compare(Float.parseFloat(text), f) == 0;
            }
            if (v instanceof BigDecimal d) {
                return new BigDecimal(text).compareTo(d) == 0 && t.stream().noneMatch(x -> x.kind() == Kind.DOUBLE);
            }
            return isInteger(t) && new BigInteger(text).equals(new BigInteger(num.toString()));
        }
        if (v instanceof CharSequence || v instanceof Character || v instanceof UUID || v instanceof Enum<?>) {
            String expected = v instanceof Enum<?> e ? e.name() : v.toString();
            return t.size() == 1 && t.get(0).kind() == Kind.STRING && t.get(0).value().equals(expected);
        }
        if (v instanceof LocalDate d) {
            return cast(t, "DATE") && LocalDate.parse(t.get(2).value()).equals(d);
        }
        if (v instanceof LocalDateTime d) {
            return cast(t, "DATETIME") && LocalDateTime.parse(t.get(2).value(),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")).equals(d);
        }
        if (v instanceof LocalTime lt) {
            return t.size() == 1 && t.get(0).kind() == Kind.STRING && LocalTime.parse(t.get(0).value()).equals(lt);
        }
        if (v instanceof byte[] b) {
            return t.size() == 1 && t.get(0).kind() == Kind.BINARY
                    && Arrays.equals(HexFormat.of().parseHex(t.get(0).value()), b);
        }
        return false;
    }

    /** The signed number text of {@code n} or {@code ( - n )}, or null when the tokens are neither. */
    private static String numberText(List<Tok> t) {
        if (t.size() == 1 && isNumber(t.get(0))) {
            return t.get(0).raw();
        }
        if (t.size() == 4 && t.get(0).raw().equals("(") && t.get(1).raw().equals("-") && isNumber(t.get(2))
                && t.get(3).raw().equals(")")) {
            return "-" + t.get(2).raw();
        }
        return null;
    }

    private static boolean isInteger(List<Tok> t) {
        return t.stream().filter(StarRocksTestLexer.Tok.class::isInstance).anyMatch(x -> x.kind() == Kind.INTEGER);
    }

    private static boolean isNumber(Tok t) {
        return t.kind() == Kind.INTEGER || t.kind() == Kind.DECIMAL || t.kind() == Kind.DOUBLE;
    }

    private static boolean cast(List<Tok> t, String type) {
        List<String> raw = new ArrayList<>();
        t.forEach(x -> raw.add(x.kind() == Kind.STRING ? "'" : x.raw()));
        return raw.equals(List.of("CAST", "(", "'", "AS", type, ")"));
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String shown = v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v);
        return v.getClass().getSimpleName() + " " + shown.replace("\n", "\\n").replace("\r", "\\r");
    }
}
