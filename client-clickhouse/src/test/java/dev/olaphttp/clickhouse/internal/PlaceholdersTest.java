package dev.olaphttp.clickhouse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private static final Supplier<ZoneId> UTC = () -> ZoneOffset.UTC;

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String serverValue(Object v, String type) {
        return Placeholders.serverParams("SELECT {p:" + type + "}", params("p", v), UTC).get(0).getValue();
    }

    @Test
    void findsPlaceholdersOutsideLiteralsAndComments() {
        String sql = "SELECT {a:UInt8}, '{b:String}', `{c:String}` -- {d:Int8}\n /* {e:Int8} */ {f: Map(String, Array(UInt8)) }";
        assertThat(Placeholders.find(sql)).extracting(Placeholders.Placeholder::name).containsExactly("a", "f");
        assertThat(Placeholders.find(sql).get(1).type()).isEqualTo("Map(String, Array(UInt8))");
        assertThat(Placeholders.find("SELECT {'x': 1}, {1:2}")).isEmpty();
    }

    @Test
    void serverParamsAreTsvEscaped() {
        assertThat(serverValue("a\tb\\c\nd", "String")).isEqualTo("a\\tb\\\\c\\nd");
        assertThat(serverValue(null, "Nullable(String)")).isEqualTo("\\N");
        assertThat(serverValue("\\N", "String")).isEqualTo("\\\\N");
        assertThat(serverValue(42L, "UInt64")).isEqualTo("42");
        assertThat(serverValue(new BigDecimal("1E+3"), "Decimal(10,2)")).isEqualTo("1000");
        assertThat(serverValue(true, "Bool")).isEqualTo("true");
        assertThat(serverValue(true, "UInt8")).isEqualTo("1");
        assertThat(serverValue(Double.NaN, "Float64")).isEqualTo("nan");
        assertThat(serverValue(LocalDate.of(2026, 1, 2), "Date")).isEqualTo("2026-01-02");
        assertThat(serverValue(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 120_000_000), "DateTime64(3)"))
                .isEqualTo("2026-01-02 03:04:05.12");
        UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(serverValue(u, "UUID")).isEqualTo(u.toString());
    }

    @Test
    void compositeServerParamsUseTheirQuotedForm() {
        assertThat(serverValue(List.of("it's", "a\tb"), "Array(String)")).isEqualTo("['it\\'s','a\\tb']");
        assertThat(serverValue(new int[] {1, 2}, "Array(Int32)")).isEqualTo("[1,2]");
        assertThat(serverValue(Arrays.asList(1, null), "Array(Nullable(Int32))")).isEqualTo("[1,NULL]");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", 1);
        assertThat(serverValue(m, "Map(String, UInt8)")).isEqualTo("{'k':1}");
        assertThat(serverValue(List.of(1, "x"), "Tuple(UInt8, String)")).isEqualTo("(1,'x')");
        assertThat(serverValue(List.of(LocalDate.of(2026, 1, 2)), "Array(Date)")).isEqualTo("['2026-01-02']");
    }

    @Test
    void instantsUseTheTypeZoneOrTheServerZone() {
        Instant i = Instant.parse("2026-01-02T03:04:05Z");
        assertThat(serverValue(i, "DateTime")).isEqualTo("2026-01-02 03:04:05");
        assertThat(serverValue(i, "DateTime('Asia/Tokyo')")).isEqualTo("2026-01-02 12:04:05");
        assertThatThrownBy(() -> Placeholders.serverParams("SELECT {p:DateTime}", params("p", i), () -> null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("zone");
    }

    @Test
    void clientSideSubstitutionCastsQuotedLiterals() {
        String sql = "SELECT {s:String} AS s, '{s:String}' AS lit, {n:Nullable(Int32)}, {d:Date}, {a:Array(String)}";
        String out = Placeholders.substitute(sql,
                params("s", "x'); DROP TABLE t; --\\", "n", null, "d", LocalDate.of(2026, 1, 2), "a", List.of("o'k")), UTC);
        assertThat(out).isEqualTo("SELECT CAST('x\\x27\\x29\\x3B DROP TABLE t\\x3B --\\x5C' AS String) AS s, "
                + "'{s:String}' AS lit, CAST(NULL AS Nullable(Int32)), CAST('2026-01-02' AS Date), "
                + "CAST(['o\\x27k'] AS Array(String))");
    }

    @Test
    void clientSideControlCharactersAndIdentifiers() {
        String out = Placeholders.substitute("SELECT {s:String} FROM {t:Identifier}",
                params("s", "a\u0001\n\0", "t", "we`ird"), UTC);
        assertThat(out).isEqualTo("SELECT CAST('a\\x01\\x0A\\x00' AS String) FROM `we\\`ird`");
        assertThat(Placeholders.substitute("SELECT {m:Map(String,UInt8)}, {t:Tuple(UInt8,String)}",
                params("m", Map.of("k", 1), "t", List.of(1, "x")), UTC))
                .isEqualTo("SELECT CAST(map('k','1') AS Map(String,UInt8)), CAST(tuple('1','x') AS Tuple(UInt8,String))");
    }

    @Test
    void clientSideWideNumbersGoAsQuotedTextNotAsFloat64Literals() {
        assertThat(Placeholders.substitute("SELECT {p:Decimal(18,4)}", params("p", new BigDecimal("12345678901234.5678")), UTC))
                .isEqualTo("SELECT CAST('12345678901234.5678' AS Decimal(18,4))");
        java.math.BigInteger min128 = java.math.BigInteger.TWO.pow(127).negate();
        assertThat(Placeholders.substitute("SELECT {p:Int128}", params("p", min128), UTC))
                .isEqualTo("SELECT CAST('" + min128 + "' AS Int128)");
        assertThat(Placeholders.substitute("SELECT {p:Array(UInt256)}",
                params("p", List.of(java.math.BigInteger.TWO.pow(256).subtract(java.math.BigInteger.ONE))), UTC))
                .isEqualTo("SELECT CAST(['" + java.math.BigInteger.TWO.pow(256).subtract(java.math.BigInteger.ONE)
                        + "'] AS Array(UInt256))");
        assertThat(Placeholders.substitute("SELECT 100-{p:Int32}", params("p", -1), UTC))
                .isEqualTo("SELECT 100-CAST('-1' AS Int32)");
    }

    @Test
    void instantsInADaylightSavingOverlapGoAsEpochSeconds() {
        Instant second = Instant.parse("2024-11-03T06:30:00Z"); // 01:30 EST, the second 01:30 of the night
        Instant first = Instant.parse("2024-11-03T05:30:00Z"); // 01:30 EDT
        assertThat(serverValue(second, "DateTime('America/New_York')")).isEqualTo("1730615400");
        assertThat(serverValue(first, "DateTime('America/New_York')")).isEqualTo("1730611800");
        assertThat(serverValue(second.plusMillis(250), "DateTime64(3, 'America/New_York')")).isEqualTo("1730615400.25");
        // near the change (two days) epoch seconds too; far from it, the local time
        assertThat(serverValue(Instant.parse("2024-11-03T07:30:00Z"), "DateTime('America/New_York')"))
                .isEqualTo("1730619000");
        assertThat(serverValue(Instant.parse("2024-11-10T07:30:00Z"), "DateTime('America/New_York')"))
                .isEqualTo("2024-11-10 02:30:00");
        // client-side literals always carry the instant: 18.16 reads CAST('local' AS DateTime('Zone')) in the
        // server's zone (measured: CAST('2024-01-01 00:00:00' AS DateTime('America/New_York')) is 00:00 UTC)
        assertThat(Placeholders.substitute("SELECT {p:DateTime('America/New_York')}",
                params("p", Instant.parse("2024-01-01T05:00:00Z")), UTC))
                .isEqualTo("SELECT CAST('1704085200' AS DateTime('America/New_York'))");
        assertThat(Placeholders.substitute("SELECT {p:DateTime('America/New_York')}",
                params("p", LocalDateTime.of(2024, 1, 1, 0, 0)), UTC))
                .isEqualTo("SELECT CAST('1704085200' AS DateTime('America/New_York'))");
        assertThatThrownBy(() -> Placeholders.substitute("SELECT {p:DateTime('America/New_York')}",
                params("p", LocalDateTime.of(2024, 11, 3, 1, 30)), UTC))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("occurs twice");
        // Lord Howe moves by 30 minutes: 01:30..02:00 local occurs twice on 2024-04-07
        assertThat(serverValue(Instant.parse("2024-04-06T15:15:00Z"), "DateTime('Australia/Lord_Howe')"))
                .isEqualTo(Long.toString(Instant.parse("2024-04-06T15:15:00Z").getEpochSecond()));
        assertThat(Placeholders.substitute("SELECT {p:DateTime('America/New_York')}", params("p", second), UTC))
                .isEqualTo("SELECT CAST('1730615400' AS DateTime('America/New_York'))");
        assertThatThrownBy(() -> serverValue(Instant.parse("1969-10-26T06:30:00Z"), "DateTime64(0, 'America/New_York')"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("twice");
    }

    @Test
    void rejectsWhatCannotBeRenderedSafelyWithoutQuotingTheValue() {
        assertThatThrownBy(() -> Placeholders.substitute("SELECT {s:String}", params("s", "bad\uD800secret"), UTC))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("parameter 's'")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Placeholders.substitute("SELECT {b:String}", params("b", new byte[] {1}), UTC))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Placeholders.substitute("SELECT {x:UInt8}", params(), UTC))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("{x:");
        assertThatThrownBy(() -> Placeholders.substitute("SELECT {t:DateTime}",
                params("t", LocalDateTime.of(2026, 1, 1, 0, 0, 0, 5)), UTC))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("DateTime64");
        assertThatThrownBy(() -> Placeholders.substitute("SELECT {t:Identifier}", params("t", ""), UTC))
                .isInstanceOf(InvalidRequestException.class);
    }
}
