package dev.olaphttp;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A column type in olaphttp's dialect-neutral model. Dialects parse their own type strings
 * ({@code Nullable(Decimal(10, 2))}, {@code decimal64(10, 2)}, {@code Array(Nullable(String))}...) into it.
 *
 * <p>Immutable. {@link #name()} keeps the server's original spelling.
 */
public final class SqlType {
    private final TypeKind kind;
    private final String name;
    private final boolean nullable;
    private final int precision;
    private final int scale;
    private final ZoneId zone;
    private final List<SqlType> elements;
    private final List<String> fieldNames;
    private final Map<Integer, String> enumValues;

    private SqlType(Builder b) {
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.name = b.name == null ? b.kind.name() : b.name;
        this.nullable = b.nullable;
        this.precision = b.precision;
        this.scale = b.scale;
        this.zone = b.zone;
        this.elements = List.copyOf(b.elements);
        this.fieldNames = List.copyOf(b.fieldNames);
        this.enumValues = Map.copyOf(b.enumValues);
    }

    /** A simple, non-nullable type of the given kind, named as the server named it. */
    public static SqlType of(TypeKind kind, String name) {
        return builder(kind).name(name).build();
    }

    /** Starts a type of the given kind. */
    public static Builder builder(TypeKind kind) {
        return new Builder(kind);
    }

    /** A copy of this type to change. */
    public Builder toBuilder() {
        Builder b = new Builder(kind).name(name).nullable(nullable).precision(precision).scale(scale);
        b.zone = zone;
        b.elements = elements;
        b.fieldNames = fieldNames;
        b.enumValues = enumValues;
        return b;
    }

    /** The same type, nullable, keeping the given server name. */
    public SqlType asNullable(String serverName) {
        return toBuilder().nullable(true).name(serverName).build();
    }

    /** The type's family. */
    public TypeKind kind() {
        return kind;
    }

    /** The server's spelling of the type, e.g. {@code Nullable(DateTime64(3, 'UTC'))}. */
    public String name() {
        return name;
    }

    /** Whether values may be NULL. */
    public boolean nullable() {
        return nullable;
    }

    /** Decimal precision, DateTime64 / timestamp fractional digits, or FixedString length; 0 if not applicable. */
    public int precision() {
        return precision;
    }

    /** Decimal scale; 0 if not applicable. */
    public int scale() {
        return scale;
    }

    /** The time zone values of this type are in, when the type or the session fixes one. */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    /**
     * Nested types: the element of an ARRAY, key and value of a MAP, the fields of a TUPLE, the inner type of a
     * LowCardinality/Nullable wrapper is folded into this type itself.
     */
    public List<SqlType> elements() {
        return elements;
    }

    /** Field names of a named TUPLE/struct, in order; empty for unnamed tuples. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** Enum labels by numeric value; empty for non-enums. */
    public Map<Integer, String> enumValues() {
        return enumValues;
    }

    /** The Java class that {@link Row#getObject(int)} returns for this type. */
    public Class<?> javaType() {
        if (kind == TypeKind.TIMESTAMP) {
            return zone == null ? java.time.LocalDateTime.class : java.time.ZonedDateTime.class;
        }
        return kind.javaType();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlType t
                && kind == t.kind
                && nullable == t.nullable
                && precision == t.precision
                && scale == t.scale
                && Objects.equals(zone, t.zone)
                && elements.equals(t.elements)
                && fieldNames.equals(t.fieldNames)
                && enumValues.equals(t.enumValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, nullable, precision, scale, zone, elements, fieldNames);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a {@link SqlType}. */
    public static final class Builder {
        private final TypeKind kind;
        private String name;
        private boolean nullable;
        private int precision;
        private int scale;
        private ZoneId zone;
        private List<SqlType> elements = List.of();
        private List<String> fieldNames = List.of();
        private Map<Integer, String> enumValues = Map.of();

        private Builder(TypeKind kind) {
            this.kind = kind;
        }

        /** The server's spelling of the type. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Whether values may be NULL. */
        public Builder nullable(boolean nullable) {
            this.nullable = nullable;
            return this;
        }

        /** Precision (decimals), fractional digits (timestamps) or length (fixed strings). */
        public Builder precision(int precision) {
            this.precision = precision;
            return this;
        }

        /** Decimal scale. */
        public Builder scale(int scale) {
            this.scale = scale;
            return this;
        }

        /** The time zone of timestamp values. */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** Nested types (array element, map key and value, tuple fields). */
        public Builder elements(List<SqlType> elements) {
            this.elements = elements;
            return this;
        }

        /** Field names of a named tuple. */
        public Builder fieldNames(List<String> fieldNames) {
            this.fieldNames = fieldNames;
            return this;
        }

        /** Enum labels by numeric value. */
        public Builder enumValues(Map<Integer, String> enumValues) {
            this.enumValues = enumValues;
            return this;
        }

        /** Builds the type. */
        public SqlType build() {
            return new SqlType(this);
        }
    }
}
