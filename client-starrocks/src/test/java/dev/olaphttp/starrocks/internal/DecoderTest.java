package dev.olaphttp.starrocks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nested and edge-case values, read through the result reader. */
class DecoderTest {
    private static ResultReader reader(String meta, String... rows) throws Exception {
        StringBuilder sb = new StringBuilder("{\"meta\":" + meta + "}\n");
        for (String r : rows) {
            sb.append("{\"data\":").append(r).append("}\n");
        }
        sb.append("{\"statistics\":{}}\n");
        ResultReader reader = new ResultReader(new JsonFactory().createParser(
                new ByteArrayInputStream(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))), false,
                Statement.Answer.ANY);
        reader.readHead();
        return reader;
    }

    private static String meta(String... types) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append("\",\"type\":\"").append(types[i]).append("\"}");
        }
        return sb.append(']').toString();
    }

    @Test
    void structFieldsFollowTheDeclaredOrderWhateverTheKeyOrder() throws Exception {
        ResultReader r = reader(meta("struct<z int(11), a varchar(10), m decimal64(5, 2)>"),
                "[{\"a\": \"x\", \"m\": \"1.50\", \"z\": 9}]", "[{\"z\": null}]");
        assertThat(r.next()).isTrue();
        assertThat(r.row().getObject(0)).isEqualTo(Arrays.asList(9, "x", new BigDecimal("1.50")));
        assertThat(r.next()).isTrue();
        assertThat(r.row().getObject(0)).isEqualTo(Arrays.asList(null, null, null));
        assertThat(r.next()).isFalse();
    }

    @Test
    void mapKeysAreConvertedToTheKeyType() throws Exception {
        ResultReader r = reader(meta("map<int(11),date>", "map<date,array<decimal128(10, 1)>>"),
                "[{\"1\": \"2024-01-02\", \"2\": null}, {\"2024-02-29\": [\"1.0\", null, \"-2.5\"]}]");
        assertThat(r.next()).isTrue();
        Map<Object, Object> m1 = new LinkedHashMap<>();
        m1.put(1, LocalDate.of(2024, 1, 2));
        m1.put(2, null);
        assertThat(r.row().getObject(0)).isEqualTo(m1);
        assertThat(r.row().getObject(1)).isEqualTo(
                Map.of(LocalDate.of(2024, 2, 29), Arrays.asList(new BigDecimal("1.0"), null, new BigDecimal("-2.5"))));
    }

    @Test
    void nestedArraysAndJson() throws Exception {
        ResultReader r = reader(meta("array<array<bigint(20)>>", "json", "array<json>", "bitmap", "time"),
                "[[[1, 2], [], null], [1, 2.5, \"s\"], [{\"b\": 1, \"a\": [true]}, null], null, \"10:00:00\"]");
        assertThat(r.next()).isTrue();
        assertThat(r.row().getObject(0)).isEqualTo(Arrays.asList(List.of(1L, 2L), List.of(), null));
        assertThat(r.row().getObject(1)).isEqualTo("[1,2.5,\"s\"]");
        assertThat(r.row().getObject(2)).isEqualTo(Arrays.asList("{\"b\":1,\"a\":[true]}", null));
        assertThat(r.row().isNull(3)).isTrue();
        assertThat(r.row().getObject(4)).isEqualTo("10:00:00");
    }

    @Test
    void datetimeFractionsAndBooleansAndFloats() throws Exception {
        ResultReader r = reader(meta("datetime", "boolean", "float", "double", "tinyint(4)"),
                "[\"2024-02-29 13:45:01.000001\", true, 0.5, 1e300, -128]",
                "[\"9999-12-31 23:59:59\", 0, \"nan\", \"-inf\", 127]");
        assertThat(r.next()).isTrue();
        assertThat(r.row().getObject(0)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 1, 1000));
        assertThat(r.row().getLong(1)).isEqualTo(1);
        assertThat(r.row().getObject(2)).isEqualTo(0.5f);
        assertThat(r.row().getDouble(3)).isEqualTo(1e300);
        assertThat(r.row().getObject(4)).isEqualTo(-128);
        assertThat(r.next()).isTrue();
        assertThat(r.row().getObject(0)).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59));
        assertThat(r.row().getObject(1)).isEqualTo(false);
        assertThat(Double.isNaN(r.row().getDouble(2))).isTrue();
        assertThat(r.row().getDouble(3)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void invalidValuesAreParseErrorsWithoutTheValue() throws Exception {
        for (String[] bad : new String[][] {
            {"date", "[\"2024-02-30\"]"},
            {"datetime", "[\"2024-02-29 25:00:00\"]"},
            {"decimal64(10, 2)", "[\"12,50\"]"},
            {"largeint", "[\"0x10\"]"},
            {"tinyint(4)", "[300]"},
            {"int(11)", "[[1]]"},
            {"struct<a int(11)>", "[{\"b\": 1}]"},
            {"varchar", "[{\"secret\": 1}]"},
        }) {
            ResultReader r = reader(meta(bad[0]), bad[1]);
            assertThatThrownBy(r::next).as(bad[0]).isInstanceOf(JsonParseException.class)
                    .hasMessageContaining(bad[0].replaceAll("\\(.*", ""))
                    .hasMessageNotContaining("secret");
        }
    }
}
