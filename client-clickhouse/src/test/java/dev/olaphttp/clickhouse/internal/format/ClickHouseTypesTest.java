package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClickHouseTypesTest {
    private static final ZoneId SERVER = ZoneId.of("Europe/Berlin");

    private static SqlType parse(String s) {
        return ClickHouseTypes.parse(s, SERVER);
    }

    /** Every type string of the golden JSONCompactEachRowWithNamesAndTypes headers parses. */
    @Test
    void everyGoldenTypeParses() throws IOException {
        List<String> all = new ArrayList<>();
        for (String q : new String[] {"q01_integers", "q02_floats_decimals", "q03_strings", "q04_datetime",
                "q05_bool_ip", "q06_nullable", "q07_composite", "q08_json", "q09_extra_types", "q10_empty"}) {
            byte[] body = Golden.bytes("outputs/" + q + ".JSONCompactEachRowWithNamesAndTypes.jsonl");
            try (JsonParser p = new JsonFactory().createParser(body)) {
                p.nextToken();
                p.skipChildren();
                p.nextToken();
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    all.add(p.getText());
                }
            }
        }
        assertThat(all).hasSizeGreaterThan(60);
        for (String t : all) {
            SqlType type = parse(t);
            assertThat(type.name()).isEqualTo(t);
            assertThat(type.kind()).isNotEqualTo(TypeKind.OTHER);
        }
    }

    @Test
    void integersAndFloats() {
        assertThat(parse("UInt64").kind()).isEqualTo(TypeKind.UINT64);
        assertThat(parse("Int256").kind()).isEqualTo(TypeKind.INT256);
        assertThat(parse("UInt128").kind()).isEqualTo(TypeKind.UINT128);
        assertThat(parse("BFloat16").kind()).isEqualTo(TypeKind.FLOAT32);
        assertThat(parse("Float64").nullable()).isFalse();
    }

    @Test
    void nullableAndLowCardinalityFold() {
        SqlType t = parse("LowCardinality(Nullable(String))");
        assertThat(t.kind()).isEqualTo(TypeKind.STRING);
        assertThat(t.nullable()).isTrue();
        assertThat(t.name()).isEqualTo("LowCardinality(Nullable(String))");
        assertThat(parse("LowCardinality(String)").nullable()).isFalse();
        SqlType d = parse("Nullable(Decimal(10, 2))");
        assertThat(d.kind()).isEqualTo(TypeKind.DECIMAL);
        assertThat(d.nullable()).isTrue();
        assertThat(d.precision()).isEqualTo(10);
        assertThat(d.scale()).isEqualTo(2);
    }

    @Test
    void decimals() {
        assertThat(parse("Decimal32(4)")).extracting(SqlType::precision, SqlType::scale).containsExactly(9, 4);
        assertThat(parse("Decimal64(8)")).extracting(SqlType::precision, SqlType::scale).containsExactly(18, 8);
        assertThat(parse("Decimal128(20)")).extracting(SqlType::precision, SqlType::scale).containsExactly(38, 20);
        assertThat(parse("Decimal256(40)")).extracting(SqlType::precision, SqlType::scale).containsExactly(76, 40);
        assertThat(parse("Decimal(76, 40)")).extracting(SqlType::precision, SqlType::scale).containsExactly(76, 40);
        assertThat(parse("Decimal(5)").scale()).isZero();
    }

    @Test
    void dateTimesCarryTheirZoneOrTheServers() {
        assertThat(parse("DateTime").zone()).contains(SERVER);
        assertThat(parse("DateTime").javaType()).isEqualTo(ZonedDateTime.class);
        assertThat(parse("DateTime('Asia/Tokyo')").zone()).contains(ZoneId.of("Asia/Tokyo"));
        SqlType t = parse("DateTime64(6, 'America/New_York')");
        assertThat(t.kind()).isEqualTo(TypeKind.TIMESTAMP);
        assertThat(t.precision()).isEqualTo(6);
        assertThat(t.zone()).contains(ZoneId.of("America/New_York"));
        assertThat(parse("DateTime64(3)").zone()).contains(SERVER);
        assertThat(ClickHouseTypes.parse("DateTime", null).javaType()).isEqualTo(LocalDateTime.class);
        assertThat(parse("Date32").kind()).isEqualTo(TypeKind.DATE);
        assertThat(parse("Time").kind()).isEqualTo(TypeKind.TIME);
        assertThat(parse("Time64(3)").precision()).isEqualTo(3);
    }

    @Test
    void enumsCarryLabelsIncludingQuotedOnes() {
        SqlType e = parse("Enum8('neg' = -128, 'a' = 1, 'b c' = 2, 'quo\\'te' = 127)");
        assertThat(e.kind()).isEqualTo(TypeKind.ENUM);
        assertThat(e.enumValues()).isEqualTo(Map.of(-128, "neg", 1, "a", 2, "b c", 127, "quo'te"));
        assertThat(parse("Enum16('x' = -32768, 'y' = 0, 'z' = 32767)").enumValues()).containsEntry(-32768, "x");
        assertThat(parse("Enum8('a', 'b')").enumValues()).isEqualTo(Map.of(1, "a", 2, "b"));
        assertThat(parse("Enum8('a,b' = 1, 'c)' = 2)").enumValues()).isEqualTo(Map.of(1, "a,b", 2, "c)"));
    }

    @Test
    void composites() {
        SqlType m = parse("Map(String, Array(Nullable(String)))");
        assertThat(m.kind()).isEqualTo(TypeKind.MAP);
        assertThat(m.elements().get(1).kind()).isEqualTo(TypeKind.ARRAY);
        assertThat(m.elements().get(1).elements().get(0).nullable()).isTrue();
        SqlType named = parse("Tuple(a Int32, b String)");
        assertThat(named.fieldNames()).containsExactly("a", "b");
        assertThat(named.elements()).extracting(SqlType::kind).containsExactly(TypeKind.INT32, TypeKind.STRING);
        SqlType unnamed = parse("Tuple(Int8, Nullable(String))");
        assertThat(unnamed.fieldNames()).isEmpty();
        assertThat(unnamed.elements().get(1).nullable()).isTrue();
        SqlType quoted = parse("Tuple(`a b` UInt8, \"c\" Map(String, UInt64))");
        assertThat(quoted.fieldNames()).containsExactly("a b", "c");
        SqlType nested = parse("Array(Tuple(k String, v Float64))");
        assertThat(nested.elements().get(0).fieldNames()).containsExactly("k", "v");
        assertThat(nested.elements().get(0).name()).isEqualTo("Tuple(k String, v Float64)");
        SqlType deep = parse("Array(Array(Map(LowCardinality(String), Tuple(DateTime64(3, 'UTC'), Array(UInt8)))))");
        assertThat(deep.elements().get(0).elements().get(0).elements().get(1).elements().get(0).zone())
                .contains(ZoneId.of("UTC"));
        assertThat(parse("Nested(a UInt8, b String)").kind()).isEqualTo(TypeKind.ARRAY);
        assertThat(parse("Point").elements()).hasSize(2);
    }

    @Test
    void modernTypesAreJsonText() {
        assertThat(parse("JSON").kind()).isEqualTo(TypeKind.JSON);
        assertThat(parse("JSON(age UInt8, name String)").kind()).isEqualTo(TypeKind.JSON);
        assertThat(parse("Object('json')").kind()).isEqualTo(TypeKind.JSON);
        assertThat(parse("Dynamic").kind()).isEqualTo(TypeKind.JSON);
        assertThat(parse("Dynamic(max_types=10)").kind()).isEqualTo(TypeKind.JSON);
        SqlType v = parse("Variant(Array(UInt8), String, UInt64)");
        assertThat(v.kind()).isEqualTo(TypeKind.JSON);
        assertThat(v.elements()).extracting(SqlType::kind)
                .containsExactly(TypeKind.ARRAY, TypeKind.STRING, TypeKind.UINT64);
        assertThat(parse("Nothing").kind()).isEqualTo(TypeKind.NOTHING);
        assertThat(parse("Nullable(Nothing)").nullable()).isTrue();
        assertThat(parse("IPv4").kind()).isEqualTo(TypeKind.IPV4);
        assertThat(parse("IPv6").kind()).isEqualTo(TypeKind.IPV6);
        assertThat(parse("UUID").kind()).isEqualTo(TypeKind.UUID);
        assertThat(parse("Bool").kind()).isEqualTo(TypeKind.BOOLEAN);
        assertThat(parse("FixedString(16)")).extracting(SqlType::kind, SqlType::precision)
                .containsExactly(TypeKind.FIXED_STRING, 16);
        assertThat(parse("SimpleAggregateFunction(sum, UInt64)").kind()).isEqualTo(TypeKind.UINT64);
        assertThat(parse("IntervalDay").kind()).isEqualTo(TypeKind.INTERVAL);
    }

    @Test
    void baseNameSeesThroughWrappers() {
        assertThat(ClickHouseTypes.baseName(parse("Nullable(Date32)"))).isEqualTo("Date32");
        assertThat(ClickHouseTypes.baseName(parse("LowCardinality(Nullable(FixedString(3)))")))
                .isEqualTo("FixedString");
        assertThat(ClickHouseTypes.baseName(parse("SimpleAggregateFunction(anyLast, Nullable(DateTime64(3)))")))
                .isEqualTo("DateTime64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Foo", "Int33", "Nullable(", "Nullable(Int8", "Array()", "Map(String)",
        "Decimal(100, 2)", "Decimal(5, 6)", "DateTime('Not/AZone')", "DateTime64(12)", "FixedString(0)",
        "FixedString(x)", "Enum8('a' = 1, 'b' = 1)", "Enum8('a = 1)", "UInt8 extra", "Tuple(a Int8, String)",
        "Int8(3)", "Array(String))", "String,"})
    void malformedTypesAreProtocolErrors(String bad) {
        assertThatThrownBy(() -> parse(bad)).isInstanceOf(ProtocolException.class).hasMessageContaining("ClickHouse");
    }

    @Test
    void absurdNestingIsRejected() {
        String deep = "Array(".repeat(500) + "UInt8" + ")".repeat(500);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(ProtocolException.class).hasMessageContaining("deep");
        assertThatThrownBy(() -> ClickHouseTypes.parse(null, SERVER)).isInstanceOf(ProtocolException.class);
    }
}
