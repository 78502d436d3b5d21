package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import dev.olaphttp.clickhouse.internal.format.ClickHouseTypes;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Enum values for text inserts: ClickHouse 18.16 rejects an Enum's numeric code in TabSeparated, so a code given as
 * an integer is sent as its label (labels and other values pass through unchanged).
 */
final class EnumLabels {
    private EnumLabels() {
    }

    /** The code-to-label map of an {@code Enum8/Enum16} column type (also inside Nullable), or null. */
    static Map<Integer, String> of(String type) {
        SqlType t = ClickHouseTypes.parse(type, ZoneOffset.UTC);
        return t.kind() == TypeKind.ENUM ? t.enumValues() : null;
    }

    /** The label for an integer code, or the value itself when it is not an integer. */
    static Object label(Object value, Map<Integer, String> labels, String column, String type) {
        if (labels == null || !(value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long)) {
            return value;
        }
        long code = ((Number) value).longValue();
        String label = code == (int) code ? labels.get((int) code) : null;
        if (label == null) {
            throw new dev.olaphttp.InvalidRequestException("parameter '" + column + "': " + code
                    + " is not a value of " + type, dev.olaphttp.ErrorDetails.of(ChErrors.DIALECT, null));
        }
        return label;
    }
}
