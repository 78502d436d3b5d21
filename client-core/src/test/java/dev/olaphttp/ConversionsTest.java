package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.spi.RowValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every getter of {@link Row} over every kind, through {@link Conversions}. */
class ConversionsTest {
    enum Color {
        RED,
        GREEN
    }

    /**
     * One value of one column. Enforces the RowValues contract: getLong only for kinds that fit a long or BOOLEAN,
     * getDouble only for floats; getObject returns the kind's Java type (boxed for primitives).
     */
    private record One(SqlType type, Object value) implements RowValues {
        @Override
        public boolean isNull(int column) {
            return value == null;
        }

        @Override
        public long getLong(int column) {
            TypeKind k = type.kind();
            if (!(k.fitsLong() || k == TypeKind.BOOLEAN)) {
                throw new AssertionError("core called getLong for " + k);
            }
            return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
        }

        @Override
        public double getDouble(int column) {
            if (type.kind() != TypeKind.FLOAT32 && type.kind() != TypeKind.FLOAT64) {
                throw new AssertionError("core called getDouble for " + type.kind());
            }
            return ((Number) value).doubleValue();
        }

        @Override
        public Object getObject(int column) {
            return value;
        }
    }

    private static final class Cell {
        final Conversions conv;
        final One row;

        Cell(SqlType type, Object value) {
            this.conv = new Conversions(Schema.of(List.of(new Column("c", type))), ErrorDetails.none());
            this.row = new One(type, value);
        }
    }

    private static Cell cell(TypeKind kind, Object value) {
        return new Cell(SqlType.builder(kind).nullable(true).build(), value);
    }

    @Test
    void int32() {
        Cell c = cell(TypeKind.INT32, 42);
        assertThat(c.conv.getLong(c.row, 0)).isEqualTo(42);
        assertThat(c.conv.getInt(c.row, 0)).isEqualTo(42);
        assertThat(c.conv.getDouble(c.row, 0)).isEqualTo(42.0);
        assertThat(c.conv.getBoolean(c.row, 0)).isTrue();
        assertThat(c.conv.getString(c.row, 0)).isEqualTo("42");
        assertThat(c.conv.getBigDecimal(c.row, 0)).isEqualByComparingTo("42");
        assertThat(c.conv.getBigInteger(c.row, 0)).isEqualTo(BigInteger.valueOf(42));
        assertThat(c.conv.getObject(c.row, 0)).isEqualTo(42);
        assertThat(c.conv.get(c.row, 0, Short.class)).isEqualTo((short) 42);
        assertThat(c.conv.get(c.row, 0, byte.class)).isEqualTo((byte) 42);
        assertThat(c.conv.get(c.row, 0, Long.class)).isEqualTo(42L);
        assertThatThrownBy(() -> c.conv.getInstant(c.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.conv.getLocalDate(c.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.conv.getBytes(c.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.conv.get(c.row, 0, UUID.class)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void narrowingOutOfRangeFails() {
        Cell c = cell(TypeKind.INT64, 3_000_000_000L);
        assertThat(c.conv.getLong(c.row, 0)).isEqualTo(3_000_000_000L);
        assertThatThrownBy(() -> c.conv.getInt(c.row, 0))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("column 1 (c");
        assertThatThrownBy(() -> c.conv.get(c.row, 0, Integer.class)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.conv.get(c.row, 0, short.class)).isInstanceOf(TypeConversionException.class);
        Cell small = cell(TypeKind.INT32, 200);
        assertThatThrownBy(() -> small.conv.get(small.row, 0, Byte.class)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void uint64BeyondLong() {
        BigInteger max = new BigInteger("18446744073709551615");
        Cell c = cell(TypeKind.UINT64, max);
        assertThatThrownBy(() -> c.conv.getLong(c.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThat(c.conv.getBigInteger(c.row, 0)).isEqualTo(max);
        assertThat(c.conv.getBigDecimal(c.row, 0)).isEqualByComparingTo(new BigDecimal(max));
        assertThat(c.conv.getString(c.row, 0)).isEqualTo("18446744073709551615");
        assertThat(c.conv.getDouble(c.row, 0)).isEqualTo(1.8446744073709552E19);
        Cell five = cell(TypeKind.UINT64, BigInteger.valueOf(5));
        assertThat(five.conv.getLong(five.row, 0)).isEqualTo(5);
        assertThat(five.conv.getInt(five.row, 0)).isEqualTo(5);
    }

    @Test
    void float64() {
        Cell c = cell(TypeKind.FLOAT64, 1.5);
        assertThat(c.conv.getDouble(c.row, 0)).isEqualTo(1.5);
        assertThatThrownBy(() -> c.conv.getLong(c.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.conv.getBigInteger(c.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThat(c.conv.getBigDecimal(c.row, 0)).isEqualByComparingTo("1.5");
        assertThat(c.conv.getString(c.row, 0)).isEqualTo("1.5");
        Cell two = cell(TypeKind.FLOAT64, 2.0);
        assertThat(two.conv.getLong(two.row, 0)).isEqualTo(2);
        assertThat(two.conv.getBigInteger(two.row, 0)).isEqualTo(BigInteger.TWO);
        Cell nan = cell(TypeKind.FLOAT64, Double.NaN);
        assertThat(nan.conv.getDouble(nan.row, 0)).isNaN();
        assertThatThrownBy(() -> nan.conv.getBigDecimal(nan.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> nan.conv.getLong(nan.row, 0)).isInstanceOf(TypeConversionException.class);
        Cell huge = cell(TypeKind.FLOAT64, 1e30);
        assertThatThrownBy(() -> huge.conv.getLong(huge.row, 0)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void float32KeepsItsShortDecimalForm() {
        Cell c = cell(TypeKind.FLOAT32, 0.1f);
        assertThat(c.conv.getBigDecimal(c.row, 0)).isEqualTo(new BigDecimal("0.1"));
        assertThat(c.conv.getString(c.row, 0)).isEqualTo("0.1");
        assertThat(c.conv.get(c.row, 0, Float.class)).isEqualTo(0.1f);
    }

    @Test
    void decimal() {
        Cell c = cell(TypeKind.DECIMAL, new BigDecimal("12.50"));
        assertThat(c.conv.getBigDecimal(c.row, 0)).isEqualTo(new BigDecimal("12.50"));
        assertThat(c.conv.getString(c.row, 0)).isEqualTo("12.50");
        assertThat(c.conv.getDouble(c.row, 0)).isEqualTo(12.5);
        assertThatThrownBy(() -> c.conv.getLong(c.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.conv.getBigInteger(c.row, 0)).isInstanceOf(TypeConversionException.class);
        Cell whole = cell(TypeKind.DECIMAL, new BigDecimal("7.00"));
        assertThat(whole.conv.getLong(whole.row, 0)).isEqualTo(7);
        Cell big = cell(TypeKind.DECIMAL, new BigDecimal("1e40"));
        assertThatThrownBy(() -> big.conv.getLong(big.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThat(big.conv.getString(big.row, 0)).doesNotContain("E");
    }

    @Test
    void string() {
        Cell n = cell(TypeKind.STRING, " 123 ");
        assertThat(n.conv.getLong(n.row, 0)).isEqualTo(123);
        assertThat(n.conv.getBigDecimal(n.row, 0)).isEqualByComparingTo("123");
        Cell t = cell(TypeKind.STRING, "héllo");
        assertThat(t.conv.getString(t.row, 0)).isEqualTo("héllo");
        assertThat(t.conv.getBytes(t.row, 0)).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> t.conv.getLong(t.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> t.conv.getDouble(t.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> t.conv.getBoolean(t.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> t.conv.getBigDecimal(t.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> t.conv.getLocalDate(t.row, 0)).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> t.conv.get(t.row, 0, UUID.class)).isInstanceOf(TypeConversionException.class);
        Cell d = cell(TypeKind.STRING, "2024-02-29");
        assertThat(d.conv.getLocalDate(d.row, 0)).isEqualTo(LocalDate.of(2024, 2, 29));
        Cell inf = cell(TypeKind.STRING, "-inf");
        assertThat(inf.conv.getDouble(inf.row, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        Cell yes = cell(TypeKind.STRING, "true");
        assertThat(yes.conv.getBoolean(yes.row, 0)).isTrue();
        Cell red = cell(TypeKind.ENUM, "RED");
        assertThat(red.conv.get(red.row, 0, Color.class)).isEqualTo(Color.RED);
        Cell blue = cell(TypeKind.ENUM, "BLUE");
        assertThatThrownBy(() -> blue.conv.get(blue.row, 0, Color.class)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void booleans() {
        Cell c = cell(TypeKind.BOOLEAN, true);
        assertThat(c.conv.getBoolean(c.row, 0)).isTrue();
        assertThat(c.conv.getLong(c.row, 0)).isEqualTo(1);
        assertThat(c.conv.getString(c.row, 0)).isEqualTo("true");
        assertThat(c.conv.getObject(c.row, 0)).isEqualTo(Boolean.TRUE);
        assertThat(c.conv.get(c.row, 0, Boolean.class)).isTrue();
    }

    @Test
    void dateAndTimes() {
        LocalDate day = LocalDate.of(2024, 2, 29);
        Cell d = cell(TypeKind.DATE, day);
        assertThat(d.conv.getLocalDate(d.row, 0)).isEqualTo(day);
        assertThat(d.conv.getLocalDateTime(d.row, 0)).isEqualTo(day.atStartOfDay());
        assertThat(d.conv.getInstant(d.row, 0)).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(d.conv.getString(d.row, 0)).isEqualTo("2024-02-29");
        assertThatThrownBy(() -> d.conv.getLong(d.row, 0)).isInstanceOf(TypeConversionException.class);

        LocalDateTime ldt = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000);
        Cell local = cell(TypeKind.TIMESTAMP, ldt);
        assertThat(local.conv.getLocalDateTime(local.row, 0)).isEqualTo(ldt);
        assertThat(local.conv.getInstant(local.row, 0)).isEqualTo(ldt.toInstant(ZoneOffset.UTC));
        assertThat(local.conv.getLocalDate(local.row, 0)).isEqualTo(day);
        assertThat(local.conv.get(local.row, 0, LocalTime.class)).isEqualTo(ldt.toLocalTime());

        ZonedDateTime zdt = ldt.atZone(ZoneId.of("Asia/Tokyo"));
        Cell zoned = new Cell(SqlType.builder(TypeKind.TIMESTAMP).zone(ZoneId.of("Asia/Tokyo")).build(), zdt);
        assertThat(zoned.conv.getInstant(zoned.row, 0)).isEqualTo(zdt.toInstant());
        assertThat(zoned.conv.getOffsetDateTime(zoned.row, 0)).isEqualTo(zdt.toOffsetDateTime());
        assertThat(zoned.conv.get(zoned.row, 0, ZonedDateTime.class)).isEqualTo(zdt);
        assertThat(zoned.conv.getLocalDateTime(zoned.row, 0)).isEqualTo(ldt);

        OffsetDateTime odt = OffsetDateTime.of(ldt, ZoneOffset.ofHours(-5));
        Cell tz = cell(TypeKind.TIMESTAMP_TZ, odt);
        assertThat(tz.conv.getOffsetDateTime(tz.row, 0)).isEqualTo(odt);
        assertThat(tz.conv.getInstant(tz.row, 0)).isEqualTo(odt.toInstant());
    }

    @Test
    void uuidAddressesBinaryAndContainers() throws Exception {
        UUID id = UUID.randomUUID();
        Cell u = cell(TypeKind.UUID, id);
        assertThat(u.conv.get(u.row, 0, UUID.class)).isEqualTo(id);
        assertThat(u.conv.getString(u.row, 0)).isEqualTo(id.toString());
        Cell us = cell(TypeKind.STRING, id.toString());
        assertThat(us.conv.get(us.row, 0, UUID.class)).isEqualTo(id);

        Cell ip = cell(TypeKind.IPV4, InetAddress.getByName("10.0.0.1"));
        assertThat(ip.conv.getString(ip.row, 0)).isEqualTo("10.0.0.1");
        assertThat(ip.conv.get(ip.row, 0, InetAddress.class)).isEqualTo(InetAddress.getByName("10.0.0.1"));

        byte[] raw = {0, (byte) 0xff, 7};
        Cell bin = cell(TypeKind.BINARY, raw);
        assertThat(bin.conv.getBytes(bin.row, 0)).isEqualTo(raw);
        assertThat(bin.conv.get(bin.row, 0, byte[].class)).isEqualTo(raw);

        Cell arr = cell(TypeKind.ARRAY, List.of(1, 2));
        assertThat(arr.conv.get(arr.row, 0, List.class)).containsExactly(1, 2);
        assertThatThrownBy(() -> arr.conv.get(arr.row, 0, java.util.Map.class))
                .isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> arr.conv.getLong(arr.row, 0)).isInstanceOf(TypeConversionException.class);
    }

    @ParameterizedTest
    @EnumSource(TypeKind.class)
    void nullIsNullForObjectsAndAnErrorForPrimitives(TypeKind kind) {
        Cell c = cell(kind, null);
        assertThatThrownBy(() -> c.conv.getLong(c.row, 0)).isInstanceOf(NullValueException.class);
        assertThatThrownBy(() -> c.conv.getInt(c.row, 0)).isInstanceOf(NullValueException.class);
        assertThatThrownBy(() -> c.conv.getDouble(c.row, 0)).isInstanceOf(NullValueException.class);
        assertThatThrownBy(() -> c.conv.getBoolean(c.row, 0))
                .isInstanceOf(NullValueException.class)
                .hasMessageContaining("column 1 (c)");
        assertThatThrownBy(() -> c.conv.get(c.row, 0, long.class)).isInstanceOf(NullValueException.class);
        assertThatThrownBy(() -> c.conv.get(c.row, 0, double.class)).isInstanceOf(NullValueException.class);
        assertThat(c.conv.getObject(c.row, 0)).isNull();
        assertThat(c.conv.getString(c.row, 0)).isNull();
        assertThat(c.conv.getBigDecimal(c.row, 0)).isNull();
        assertThat(c.conv.getBigInteger(c.row, 0)).isNull();
        assertThat(c.conv.getInstant(c.row, 0)).isNull();
        assertThat(c.conv.getLocalDate(c.row, 0)).isNull();
        assertThat(c.conv.getLocalDateTime(c.row, 0)).isNull();
        assertThat(c.conv.getOffsetDateTime(c.row, 0)).isNull();
        assertThat(c.conv.getBytes(c.row, 0)).isNull();
        assertThat(c.conv.get(c.row, 0, Long.class)).isNull();
        assertThat(c.conv.get(c.row, 0, UUID.class)).isNull();
    }

    private static Object sample(TypeKind kind) throws Exception {
        return switch (kind) {
            case BOOLEAN -> true;
            case INT8 -> -5;
            case INT16 -> 300;
            case INT32 -> 42;
            case INT64 -> 1L << 40;
            case UINT8 -> 200;
            case UINT16 -> 60_000;
            case UINT32 -> 4_000_000_000L;
            case INT128, INT256, UINT128, UINT256 -> BigInteger.TWO.pow(100);
            case UINT64 -> BigInteger.TWO.pow(63).add(BigInteger.ONE);
            case FLOAT32 -> 1.5f;
            case FLOAT64 -> 2.5;
            case DECIMAL -> new BigDecimal("3.25");
            case STRING, FIXED_STRING, JSON, INTERVAL, OTHER -> "abc";
            case ENUM -> "RED";
            case BINARY -> new byte[] {1, 2};
            case UUID -> UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
            case DATE -> LocalDate.of(2026, 1, 2);
            case TIMESTAMP -> LocalDateTime.of(2026, 1, 2, 3, 4, 5);
            case TIMESTAMP_TZ -> OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
            case TIME -> LocalTime.of(3, 4, 5);
            case IPV4 -> InetAddress.getByName("10.1.2.3");
            case IPV6 -> InetAddress.getByName("2001:db8::1");
            case ARRAY, TUPLE -> List.of(1, 2);
            case MAP -> new java.util.LinkedHashMap<>(java.util.Map.of("k", 1));
            case NOTHING -> null;
        };
    }

    private static final List<Class<?>> TARGETS = List.of(Long.class, Integer.class, Short.class, Byte.class,
            Double.class, Float.class, Boolean.class, String.class, BigDecimal.class, BigInteger.class, Instant.class,
            LocalDate.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class, LocalTime.class,
            UUID.class, byte[].class, Object.class, Color.class, List.class, long.class, int.class, double.class,
            boolean.class);

    /** Every getter over every kind either converts or raises TypeConversionException: never anything else. */
    @ParameterizedTest
    @EnumSource(TypeKind.class)
    void everyGetterOverEveryKindConvertsOrFailsTyped(TypeKind kind) throws Exception {
        Object value = sample(kind);
        Cell c = cell(kind, value);
        List<java.util.function.Supplier<Object>> getters = new java.util.ArrayList<>(List.of(
                () -> c.conv.getLong(c.row, 0),
                () -> c.conv.getInt(c.row, 0),
                () -> c.conv.getDouble(c.row, 0),
                () -> c.conv.getBoolean(c.row, 0),
                () -> c.conv.getString(c.row, 0),
                () -> c.conv.getBigDecimal(c.row, 0),
                () -> c.conv.getBigInteger(c.row, 0),
                () -> c.conv.getInstant(c.row, 0),
                () -> c.conv.getLocalDate(c.row, 0),
                () -> c.conv.getLocalDateTime(c.row, 0),
                () -> c.conv.getOffsetDateTime(c.row, 0),
                () -> c.conv.getBytes(c.row, 0),
                () -> c.conv.getObject(c.row, 0)));
        for (Class<?> t : TARGETS) {
            getters.add(() -> c.conv.get(c.row, 0, t));
        }
        for (int i = 0; i < getters.size(); i++) {
            java.util.function.Supplier<Object> g = getters.get(i);
            try {
                g.get();
            } catch (TypeConversionException | NullValueException expected) {
                assertThat(expected.getMessage()).as("getter %d on %s", i, kind).contains("column 1 (c");
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("getter " + i + " on " + kind + " threw " + e, e);
            }
        }
        if (value != null) {
            assertThat(kind == TypeKind.TIMESTAMP ? LocalDateTime.class : kind.javaType())
                    .as("sample matches the kind's Java type")
                    .isAssignableFrom(value.getClass() == byte[].class ? byte[].class : value.getClass());
            assertThat(c.conv.getString(c.row, 0)).isNotNull();
        }
    }
}
