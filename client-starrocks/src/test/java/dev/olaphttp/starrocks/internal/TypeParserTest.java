package dev.olaphttp.starrocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The meta type strings of StarRocks, parsed into the core type model. */
class TypeParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tinyint(4)|INT8", "smallint(6)|INT16", "int(11)|INT32", "bigint(20)|INT64", "largeint(40)|INT128",
        "largeint|INT128", "boolean|BOOLEAN", "float|FLOAT32", "double|FLOAT64", "decimal64(10, 2)|DECIMAL",
        "decimal32(9, 3)|DECIMAL", "decimal128(38, 9)|DECIMAL", "decimal256(76, 10)|DECIMAL", "decimal(27, 9)|DECIMAL",
        "decimalv2(27,9)|DECIMAL", "date|DATE", "datetime|TIMESTAMP", "varchar|STRING", "varchar(65533)|STRING",
        "char(10)|STRING", "varbinary|BINARY", "varbinary(100)|BINARY", "json|JSON", "array<int(11)>|ARRAY",
        "map<varchar(65533),int(11)>|MAP", "struct<a int(11), b varchar(65533)>|TUPLE", "hll|OTHER", "bitmap|OTHER",
        "percentile|OTHER", "time|OTHER", "some_new_type(3)|OTHER", "null_type|NOTHING",
    })
    void kinds(String text, TypeKind kind) {
        SqlType t = TypeParser.parse(text);
        assertThat(t.kind()).isEqualTo(kind);
        assertThat(t.name()).isEqualTo(text);
        assertThat(t.nullable()).isTrue();
    }

    @Test
    void decimalsCarryPrecisionAndScale() {
        SqlType t = TypeParser.parse("decimal64(10, 2)");
        assertThat(t.precision()).isEqualTo(10);
        assertThat(t.scale()).isEqualTo(2);
        assertThat(t.javaType()).isEqualTo(java.math.BigDecimal.class);
    }

    @Test
    void datetimeHasNoZoneSoItIsALocalDateTime() {
        assertThat(TypeParser.parse("datetime").javaType()).isEqualTo(java.time.LocalDateTime.class);
    }

    @Test
    void nestedTypes() {
        SqlType t = TypeParser.parse("map<varchar(10),array<struct<a int(11), `b c` decimal128(20, 4)>>>");
        assertThat(t.kind()).isEqualTo(TypeKind.MAP);
        SqlType arr = t.elements().get(1);
        assertThat(arr.kind()).isEqualTo(TypeKind.ARRAY);
        SqlType st = arr.elements().get(0);
        assertThat(st.fieldNames()).isEqualTo(List.of("a", "b c"));
        assertThat(st.elements().get(1).scale()).isEqualTo(4);
        assertThat(st.name()).isEqualTo("struct<a int(11), `b c` decimal128(20, 4)>");
    }
}
