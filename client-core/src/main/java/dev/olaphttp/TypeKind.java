package dev.olaphttp;

/**
 * The family of a column type in olaphttp's dialect-neutral type model.
 *
 * <p>Each kind names the Java type that {@link Row#getObject(int)} returns for it (see {@link #javaType()}).
 */
public enum TypeKind {
    /** {@code Boolean}, {@code Bool}. */
    BOOLEAN(Boolean.class),
    /** 8-bit signed integer, read as {@code Integer}. */
    INT8(Integer.class),
    /** 16-bit signed integer, read as {@code Integer}. */
    INT16(Integer.class),
    /** 32-bit signed integer, read as {@code Integer}. */
    INT32(Integer.class),
    /** 64-bit signed integer, read as {@code Long}. */
    INT64(Long.class),
    /** 128-bit signed integer, read as {@code BigInteger}. */
    INT128(java.math.BigInteger.class),
    /** 256-bit signed integer, read as {@code BigInteger}. */
    INT256(java.math.BigInteger.class),
    /** 8-bit unsigned integer, read as {@code Integer}. */
    UINT8(Integer.class),
    /** 16-bit unsigned integer, read as {@code Integer}. */
    UINT16(Integer.class),
    /** 32-bit unsigned integer, read as {@code Long}. */
    UINT32(Long.class),
    /** 64-bit unsigned integer, read as {@code BigInteger} ({@code getLong} works while it fits). */
    UINT64(java.math.BigInteger.class),
    /** 128-bit unsigned integer, read as {@code BigInteger}. */
    UINT128(java.math.BigInteger.class),
    /** 256-bit unsigned integer, read as {@code BigInteger}. */
    UINT256(java.math.BigInteger.class),
    /** 32-bit IEEE float, read as {@code Float}; NaN and infinities allowed. */
    FLOAT32(Float.class),
    /** 64-bit IEEE float, read as {@code Double}; NaN and infinities allowed. */
    FLOAT64(Double.class),
    /** Fixed-point decimal with precision and scale, read as {@code BigDecimal}. */
    DECIMAL(java.math.BigDecimal.class),
    /** Text, read as {@code String}. ClickHouse strings may hold arbitrary bytes: use {@code getBytes}. */
    STRING(String.class),
    /** Fixed-length byte string (ClickHouse {@code FixedString(N)}), read as {@code String}. */
    FIXED_STRING(String.class),
    /** Binary data, read as {@code byte[]}. */
    BINARY(byte[].class),
    /** UUID, read as {@code java.util.UUID}. */
    UUID(java.util.UUID.class),
    /** Calendar date, read as {@code LocalDate}. */
    DATE(java.time.LocalDate.class),
    /**
     * Date and time. With a {@link SqlType#zone() zone} (ClickHouse {@code DateTime('UTC')}, Databend's session time
     * zone) it is read as {@code ZonedDateTime}; without one as {@code LocalDateTime}.
     */
    TIMESTAMP(java.time.temporal.Temporal.class),
    /** Date and time with an offset carried per value, read as {@code OffsetDateTime}. */
    TIMESTAMP_TZ(java.time.OffsetDateTime.class),
    /** Time of day, read as {@code LocalTime}. */
    TIME(java.time.LocalTime.class),
    /** An interval, read as its text form ({@code String}). */
    INTERVAL(String.class),
    /** Enumeration, read as its label ({@code String}). */
    ENUM(String.class),
    /** IPv4 address, read as {@code InetAddress}. */
    IPV4(java.net.InetAddress.class),
    /** IPv6 address, read as {@code InetAddress}. */
    IPV6(java.net.InetAddress.class),
    /** JSON, Variant or Dynamic value, read as its JSON/text form ({@code String}). */
    JSON(String.class),
    /** Array, read as {@code List}. */
    ARRAY(java.util.List.class),
    /** Map, read as an insertion-ordered {@code Map}. */
    MAP(java.util.Map.class),
    /** Tuple or struct, read as {@code List} of its fields in order (names in {@link SqlType#fieldNames()}). */
    TUPLE(java.util.List.class),
    /** A type with no values (ClickHouse {@code Nothing}, a NULL literal). */
    NOTHING(Object.class),
    /** Anything else (bitmaps, geometry, HLL...), read as text or bytes as the dialect documents. */
    OTHER(Object.class);

    private final Class<?> javaType;

    TypeKind(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java class that {@link Row#getObject(int)} returns for values of this kind. */
    public Class<?> javaType() {
        return javaType;
    }

    /** True for the integer kinds whose every value fits a Java {@code long} without loss. */
    public boolean fitsLong() {
        return switch (this) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> true;
            default -> false;
        };
    }

    /** True for all integer kinds, of any width and sign. */
    public boolean isInteger() {
        return switch (this) {
            case INT8, INT16, INT32, INT64, INT128, INT256, UINT8, UINT16, UINT32, UINT64, UINT128, UINT256 -> true;
            default -> false;
        };
    }
}
