package dev.olaphttp.databend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TypeParserTest {
    private final TypeParser parser = new TypeParser(ZoneId.of("Asia/Shanghai"));

    @Test
    void parsesScalarsWithBothNullableNotations() {
        assertThat(parser.parse("UInt64").kind()).isEqualTo(TypeKind.UINT64);
        assertThat(parser.parse("Int8").kind()).isEqualTo(TypeKind.INT8);
        assertThat(parser.parse("Int256").kind()).isEqualTo(TypeKind.INT256);
        assertThat(parser.parse("UInt256").kind()).isEqualTo(TypeKind.UINT256);
        SqlType n = parser.parse("Nullable(Int32)");
        assertThat(n.kind()).isEqualTo(TypeKind.INT32);
        assertThat(n.nullable()).isTrue();
        assertThat(n.name()).isEqualTo("Nullable(Int32)");
        SqlType suffix = parser.parse("Int64 NULL");
        assertThat(suffix.kind()).isEqualTo(TypeKind.INT64);
        assertThat(suffix.nullable()).isTrue();
        assertThat(parser.parse("String").nullable()).isFalse();
        assertThat(parser.parse("NULL").kind()).isEqualTo(TypeKind.NOTHING);
    }

    @Test
    void parsesDecimalTimestampsAndOthers() {
        SqlType d = parser.parse("Nullable(Decimal(38, 10))");
        assertThat(d.kind()).isEqualTo(TypeKind.DECIMAL);
        assertThat(d.precision()).isEqualTo(38);
        assertThat(d.scale()).isEqualTo(10);
        SqlType ts = parser.parse("Timestamp");
        assertThat(ts.zone()).contains(ZoneId.of("Asia/Shanghai"));
        assertThat(ts.javaType()).isEqualTo(ZonedDateTime.class);
        assertThat(parser.parse("Timestamp_Tz").kind()).isEqualTo(TypeKind.TIMESTAMP_TZ);
        assertThat(parser.parse("TimestampTz").kind()).isEqualTo(TypeKind.TIMESTAMP_TZ);
        assertThat(parser.parse("Interval").kind()).isEqualTo(TypeKind.INTERVAL);
        assertThat(parser.parse("Variant").kind()).isEqualTo(TypeKind.JSON);
        assertThat(parser.parse("Binary").kind()).isEqualTo(TypeKind.BINARY);
        assertThat(parser.parse("Bitmap").kind()).isEqualTo(TypeKind.OTHER);
        assertThat(parser.parse("Geometry").kind()).isEqualTo(TypeKind.OTHER);
        assertThat(parser.parse("Date").kind()).isEqualTo(TypeKind.DATE);
        assertThat(parser.parse("Boolean").kind()).isEqualTo(TypeKind.BOOLEAN);
    }

    @Test
    void parsesNestedTypes() {
        SqlType a = parser.parse("Nullable(Array(Int32 NULL))");
        assertThat(a.kind()).isEqualTo(TypeKind.ARRAY);
        assertThat(a.nullable()).isTrue();
        assertThat(a.elements().get(0).kind()).isEqualTo(TypeKind.INT32);
        assertThat(a.elements().get(0).nullable()).isTrue();
        SqlType m = parser.parse("Map(String, Decimal(10, 2) NULL)");
        assertThat(m.elements()).extracting(SqlType::kind).containsExactly(TypeKind.STRING, TypeKind.DECIMAL);
        assertThat(m.elements().get(1).scale()).isEqualTo(2);
        assertThat(m.elements().get(1).nullable()).isTrue();
        SqlType t = parser.parse("Tuple(Int32, Array(TimestampTz), Map(String, Tuple(String, Int8 NULL)))");
        assertThat(t.elements()).extracting(SqlType::kind)
                .containsExactly(TypeKind.INT32, TypeKind.ARRAY, TypeKind.MAP);
        assertThat(parser.parse("Tuple(String,)").elements()).hasSize(1);
        assertThat(parser.parse("Array(Nothing)").elements().get(0).kind()).isEqualTo(TypeKind.NOTHING);
        assertThat(parser.parse("Map(Nothing)").kind()).isEqualTo(TypeKind.MAP);
        assertThat(parser.parse("Vector(3)").elements().get(0).kind()).isEqualTo(TypeKind.FLOAT32);
    }

    @Test
    void rejectsMalformedTypeStrings() {
        assertThatThrownBy(() -> parser.parse("Array(Int32")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse("Decimal(10)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse("Map(String, )")).isInstanceOf(IllegalArgumentException.class);
    }
}
