package dev.olaphttp.starrocks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Client-side parameter rendering: every literal form, and escaping that survives hostile strings. */
class ParamRendererTest {
    private static final ErrorDetails D = ErrorDetails.of("starrocks", "q1");

    private static String positional(String sql, Object... values) {
        return ParamRenderer.render(sql, Map.of(), Arrays.asList(values), D);
    }

    @Test
    void rendersEveryLiteralKind() {
        assertThat(positional("select ?, ?, ?, ?, ?", null, 42, -7L, (short) 3, new BigInteger("170141183460469231731687303715884105727")))
                .isEqualTo("select NULL, 42, (-7), 3, 170141183460469231731687303715884105727");
        assertThat(positional("select ?, ?, ?, ?", new BigDecimal("1E+3"), new BigDecimal("-0.05"), 0.1d, 2.5f))
                .isEqualTo("select 1000, (-0.05), 0.1, 2.5");
        assertThat(positional("select ?, ?", true, false)).isEqualTo("select TRUE, FALSE");
        assertThat(positional("select ?, ?", LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 13, 45, 1, 250_000_000)))
                .isEqualTo("select CAST('2024-02-29' AS DATE), CAST('2024-02-29 13:45:01.250000' AS DATETIME)");
        assertThat(positional("select ?", (Object) new byte[] {0, 15, (byte) 0xff})).isEqualTo("select X'000fff'");
        assertThat(positional("select ?", UUID.fromString("6f1d2c3a-9b8e-4c7d-a6f5-0e1d2c3b4a59")))
                .isEqualTo("select '6f1d2c3a-9b8e-4c7d-a6f5-0e1d2c3b4a59'");
        assertThat(positional("where id in (?) and s in (?)", List.of(1, 2, 3), new String[] {"a", "b'c"}))
                .isEqualTo("where id in (1, 2, 3) and s in ('a', 'b\\'c')");
        assertThat(positional("select ?", Thread.State.NEW)).isEqualTo("select 'NEW'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain",
        "it's",
        "back\\slash",
        "\\' OR 1=1 -- ",
        "'; DROP TABLE t; --",
        "a\\\\'b",
        "line\nbreak\rcarriage\ttab",
        "nul\0byte and \u001a sub",
        "\"double\" `tick`",
        "unicode é ☃ 😀",
        "ends with backslash \\",
        "?:name inside",
    })
    void hostileStringsStayOneStringLiteral(String value) {
        String sql = positional("select ? as v, 1", value);
        List<SqlLexer.Token> tokens = SqlLexer.tokens(sql);
        // select, STRING, as, v, ",", 1: the value never escapes its literal
        assertThat(tokens).hasSize(6);
        assertThat(tokens.get(1).kind()).isEqualTo(SqlLexer.Kind.STRING);
        assertThat(tokens.get(1).text()).isEqualTo(value);
        assertThat(tokens.get(5).text()).isEqualTo("1");
    }

    @Test
    void placeholdersInsideStringsCommentsAndIdentifiersAreLeftAlone() {
        String sql = "select '?', \"?\", `a?`, ? /* ? */ -- ?\n, :x, a::int";
        assertThat(positional(sql, 5)).isEqualTo("select '?', \"?\", `a?`, 5 /* ? */ -- ?\n, :x, a::int");
    }

    @Test
    void namedParametersAreRenderedWhereverUsed() {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("day", LocalDate.of(2026, 1, 1));
        named.put("name", "O'Brien");
        String sql = ParamRenderer.render("select * from t where d = :day and n = :name or d2 = :day and x = '::day'",
                named, List.of(), D);
        assertThat(sql).isEqualTo("select * from t where d = CAST('2026-01-01' AS DATE) and n = 'O\\'Brien'"
                + " or d2 = CAST('2026-01-01' AS DATE) and x = '::day'");
    }

    @Test
    void aNegativeNumberAfterMinusNeverBecomesALineComment() {
        // B10: "100-?" with -1 was "100--1": StarRocks lexes -- as a comment even without a space
        String sql = "SELECT count(*) FROM t WHERE amount > 100-? AND tenant_id = 42";
        for (Object v : List.of(-1, -1L, (short) -1, (byte) -1, new BigInteger("-1"), new BigDecimal("-1.5"),
                -1.5d, -1.5f, -0.0d)) {
            String out = positional(sql, v);
            assertThat(out).as("%s %s", v.getClass().getSimpleName(), v).doesNotContain("--")
                    .startsWith("SELECT count(*) FROM t WHERE amount > 100- (-").endsWith(") AND tenant_id = 42");
            assertThat(SqlLexer.tokens(out).stream().map(SqlLexer.Token::text))
                    .as("the tenant filter survives").containsSequence("AND", "tenant_id", "=", "42");
        }
    }

    @Test
    void literalsAreSpacedFromCharactersThatWouldJoinThem() {
        assertThat(positional("select 1?", 2)).isEqualTo("select 1 2");
        assertThat(positional("select ?e1", 2)).isEqualTo("select 2 e1");
        assertThat(positional("select X?", "ab")).isEqualTo("select X 'ab'");
        assertThat(positional("select 'a'?", "b")).isEqualTo("select 'a' 'b'");
        assertThat(positional("select ?'a'", "b")).isEqualTo("select 'b' 'a'");
        assertThat(positional("select 2/?", 3)).isEqualTo("select 2/ 3");
        assertThat(positional("select ?/*c*/", 3)).isEqualTo("select 3 /*c*/");
        assertThat(positional("select ?--c", -3)).isEqualTo("select (-3) --c");
        assertThat(positional("select f(?,?)", 1, -2)).isEqualTo("select f(1,(-2))");
        assertThat(positional("where a=? and b in (?)", 1, List.of(-1, 2))).isEqualTo("where a=1 and b in ((-1), 2)");
    }

    @Test
    void aLineCommentEndsAtCarriageReturnAsInStarRocks() {
        // StarRocks' SIMPLE_COMMENT stops at \r: the ? after it is live SQL and must be bound
        assertThat(positional("select 1 -- c\r, ?", 5)).isEqualTo("select 1 -- c\r, 5");
    }

    @Test
    void unpairedSurrogatesAndUnboundPlaceholdersAreInvalidRequests() {
        assertThatThrownBy(() -> positional("select ?", "a\ud800b")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> ParamRenderer.render("select ?, :a", Map.of("a", 1), List.of(), D))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no positional parameter");
        assertThat(positional("select ?", "\ud83d\ude00")).isEqualTo("select '\ud83d\ude00'");
    }

    @Test
    void mismatchesAndUnrenderableValuesFailWithoutQuotingValues() {
        assertThatThrownBy(() -> positional("select ?, ?", "secret-one"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("more '?' placeholders")
                .hasMessageNotContaining("secret-one");
        assertThatThrownBy(() -> positional("select ?", "a", "secret-two"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2 positional parameters")
                .hasMessageNotContaining("secret-two");
        assertThatThrownBy(() -> ParamRenderer.render("select :a", Map.of("b", "secret"), List.of(), D))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(":a")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ParamRenderer.render("select :a", Map.of("a", 1, "zz", 2), List.of(), D))
                .hasMessageContaining("zz");
        assertThatThrownBy(() -> positional("select ?", Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> positional("select ?", Instant.EPOCH)).hasMessageContaining("LocalDateTime");
        assertThatThrownBy(() -> positional("select ?", List.of())).hasMessageContaining("empty collection");
        assertThatThrownBy(() -> positional("select ?", new Object())).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> positional("select '?", 1)).hasMessageContaining("unterminated");
    }
}
