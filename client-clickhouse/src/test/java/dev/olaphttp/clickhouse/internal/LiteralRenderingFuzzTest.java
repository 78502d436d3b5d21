package dev.olaphttp.clickhouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue #10 B10 for ClickHouse's client-side path: a value rendered into a placeholder must stay one expression
 * holding exactly one literal of the value, whatever surrounds the placeholder ({@code 100-{p:Int32}} with -1 must
 * not become the comment {@code 100--1}). The SQL is tokenized with {@link ChTestLexer} (ClickHouse's rules, not the
 * renderer's): the tokens of the prefix and suffix must be those they have on their own, and the tokens in between
 * {@code CAST ( <literal> AS <type> )}. Seeded; {@code -Dfuzz.seed=N} replays a failure.
 */
class LiteralRenderingFuzzTest {
    private static final Supplier<ZoneId> UTC = () -> ZoneOffset.UTC;
    private static final String[] PREFIXES = {
        "SELECT 100-", "SELECT 1+", "SELECT 2/", "SELECT 3*", "SELECT (", "SELECT 'a'", "SELECT \"c\"", "SELECT x",
        "SELECT 1", "SELECT /* c */", "SELECT -- c\n", "SELECT [", "SELECT -", "SELECT $$h$$", "SELECT `id`", "SELECT #",
        "SELECT 5 -", "SELECT 1e", "SELECT a.", "SELECT /", "SELECT *", "SELECT '", "SELECT $", "SELECT @", "SELECT =",
        "SELECT |", "SELECT ::", "SELECT 0x", "SELECT \\",
    };
    private static final String[] SUFFIXES = {"", "-1", "*/", "/2", "'", "--x", " AND tenant_id = 42", "$$", ")", "1",
        "x", "\n", "#!", "`"};
    private static final String STRING_CHARS = "ab'\"`\\-/*$#!\n\r\t\0 ;()[]{}?:,.%_x\u00e9\u4e2d\ud83d\ude00\u0001\u007f";

    @Test
    void everyRenderedValueIsOneSelfDelimitedLiteral() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random r = new Random(seed);
        int i = 0;
        try {
            for (; i < 4000; i++) {
                check(r);
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("literal fuzz failed at case " + i + " with -Dfuzz.seed=" + seed + ": " + e.getMessage(), e);
        }
    }

    private static void check(Random r) {
        String prefix = PREFIXES[r.nextInt(PREFIXES.length)];
        String suffix = SUFFIXES[r.nextInt(SUFFIXES.length)];
        Object[] typed = value(r);
        String type = (String) typed[0];
        Object value = typed[1];
        String expectedText = (String) typed[2];
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", value);
        String sql = prefix + "{p:" + type + "}" + suffix;
        if (Placeholders.find(sql).isEmpty()) {
            return; // the placeholder sits inside the prefix's literal or comment: nothing is substituted
        }
        Placeholders.Rendered rendered = Placeholders.render(sql, params, UTC);
        String out = rendered.sql();
        String expr = rendered.expressions().get(0);
        int at = out.indexOf(expr, prefix.length());
        assertThat(at).as(out).isGreaterThanOrEqualTo(prefix.length());
        String before = out.substring(0, at);
        assertThat(before.strip()).as("only a space may be added: " + out).isEqualTo(prefix.strip());
        List<ChTestLexer.Token> all = ChTestLexer.significant(out);
        List<ChTestLexer.Token> alone = ChTestLexer.significant(before);
        // the prefix keeps its own tokens and nothing in it swallows the expression
        assertThat(texts(all.subList(0, Math.min(alone.size(), all.size())))).as(out).isEqualTo(texts(alone));
        List<ChTestLexer.Token> mid = new ArrayList<>();
        int k = alone.size();
        while (k < all.size() && all.get(k).end() <= at + expr.length()) {
            mid.add(all.get(k++));
        }
        assertThat(mid).as(out).isNotEmpty();
        assertThat(mid.get(0).start()).as("the expression starts a token: " + out).isEqualTo(at);
        assertThat(mid.get(mid.size() - 1).end()).as("the expression ends a token: " + out).isEqualTo(at + expr.length());
        assertThat(mid.get(0).text()).isEqualTo("CAST");
        assertThat(mid.get(1).text()).isEqualTo("(");
        ChTestLexer.Token literal = mid.get(2);
        assertThat(literal.kind()).as(out).isEqualTo(ChTestLexer.Kind.STRING);
        assertThat(literal.value()).as(out).isEqualTo(expectedText);
        assertThat(mid.get(3).text()).isEqualTo("AS");
        assertThat(mid.get(mid.size() - 1).text()).isEqualTo(")");
        assertThat(mid).as(out).noneMatch(t -> t.kind() == ChTestLexer.Kind.COMMENT || t.kind() == ChTestLexer.Kind.ERROR
                || t.kind() == ChTestLexer.Kind.HEREDOC);
        // the suffix keeps its own tokens too
        List<ChTestLexer.Token> rest = all.subList(k, all.size());
        assertThat(texts(rest)).as(out).isEqualTo(texts(ChTestLexer.significant(out.substring(at + expr.length()))));
    }

    private static List<String> texts(List<ChTestLexer.Token> tokens) {
        return tokens.stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    /** A random {type, value, text the literal must hold}. */
    private static Object[] value(Random r) {
        switch (r.nextInt(7)) {
            case 0 -> {
                long v = r.nextBoolean() ? -r.nextInt(1000) : r.nextLong();
                return new Object[] {"Int64", v, Long.toString(v)};
            }
            case 1 -> {
                int v = r.nextBoolean() ? -1 : r.nextInt();
                return new Object[] {"Int32", v, Integer.toString(v)};
            }
            case 2 -> {
                BigInteger v = new BigInteger(127, r);
                v = r.nextBoolean() ? v.negate().subtract(BigInteger.ONE) : v;
                return new Object[] {"Int128", v, v.toString()};
            }
            case 3 -> {
                BigDecimal v = new BigDecimal(new BigInteger(60, r), 4);
                v = r.nextBoolean() ? v.negate() : v;
                return new Object[] {"Decimal(38, 4)", v, v.toPlainString()};
            }
            case 4 -> {
                java.time.LocalDate d = java.time.LocalDate.ofEpochDay(r.nextInt(40000));
                return new Object[] {"Date", d, d.toString()};
            }
            default -> {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(12);
                for (int i = 0; i < n; i++) {
                    int at = r.nextInt(STRING_CHARS.length());
                    char c = STRING_CHARS.charAt(at);
                    if (Character.isHighSurrogate(c)) {
                        sb.append(c).append(STRING_CHARS.charAt(at + 1));
                    } else if (!Character.isLowSurrogate(c)) {
                        sb.append(c);
                    }
                }
                return new Object[] {r.nextBoolean() ? "String" : "Nullable(String)", sb.toString(), sb.toString()};
            }
        }
    }
}
