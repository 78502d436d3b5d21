package dev.olaphttp.e2e;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Java value a user should get from {@code Row.getObject} for a value the testkit's generator produced,
 * derived here from the documented type mapping (not from the client's code), and a canonical form that compares
 * decoded values by content ({@code byte[]} by bytes, date-times by wall time and offset).
 */
final class Expect {
    private Expect() {}

    /** A column of a generated table: its dialect type string and how a generated cell becomes the Java value. */
    record TypedColumn(String name, String type, Class<?> javaType, Function<Object, Object> expected) {
        dev.olaphttp.testkit.Column column() {
            return dev.olaphttp.testkit.Column.of(name, type);
        }

        Object expect(Object generated) {
            return generated == null ? null : expected.apply(generated);
        }
    }

    static TypedColumn col(String name, String type, Class<?> javaType, Function<Object, Object> expected) {
        return new TypedColumn(name, type, javaType, expected);
    }

    static Object int32(Object v) {
        return ((Number) v).intValue();
    }

    static Object int64(Object v) {
        return ((Number) v).longValue();
    }

    static Object bigInteger(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }

    static Object float32(Object v) {
        return ((Number) v).floatValue();
    }

    static Object float64(Object v) {
        return ((Number) v).doubleValue();
    }

    static Function<Object, Object> decimal(int scale) {
        return v -> ((BigDecimal) v).setScale(scale);
    }

    static Object same(Object v) {
        return v;
    }

    /** A timestamp without zone read in a UTC session: the wall time at UTC. */
    static Object utcZoned(Object v) {
        return ((LocalDateTime) v).atOffset(ZoneOffset.UTC);
    }

    /** A zone-less wall time read as a date-time in {@code zone}. */
    static Function<Object, Object> zoned(String zone) {
        return v -> ((LocalDateTime) v).atZone(java.time.ZoneId.of(zone));
    }

    static Function<Object, Object> list(Function<Object, Object> element) {
        return v -> {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(e == null ? null : element.apply(e));
            }
            return out;
        };
    }

    static Function<Object, Object> map(Function<Object, Object> key, Function<Object, Object> value) {
        return v -> {
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, e) -> out.put(key.apply(k), e == null ? null : value.apply(e)));
            return out;
        };
    }

    @SafeVarargs
    static Function<Object, Object> tuple(Function<Object, Object>... fields) {
        return v -> {
            List<?> in = (List<?>) v;
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                out.add(in.get(i) == null ? null : fields[i].apply(in.get(i)));
            }
            return out;
        };
    }

    /** Content form for comparison: bytes as hex, zoned times as offset times, containers element-wise. */
    static Object canon(Object v) {
        if (v instanceof byte[] b) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        if (v instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(canon(e)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, e) -> out.put(canon(k), canon(e)));
            return out;
        }
        return v;
    }
}
