package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.util.Arrays;

/**
 * The values of one result column for the current page, decoded straight from the JSON parser into a primitive or
 * object array. The decoding strategy is chosen once per result by {@link #forType}.
 */
abstract class CellColumn {
    /** The concrete classes, for {@link #read(CellColumn, JsonParser, int)}. */
    static final int LONGS = 0;
    static final int DOUBLES = 1;
    static final int TIMESTAMPS = 2;
    static final int OBJECTS = 3;

    final String name;
    final int storage;
    /**
     * Whether the text {@code NULL} is a SQL NULL here ({@code format_null_as_str=1} renders NULLs so): in a
     * Nullable column of any type but String, where it cannot be a value. Decided once per column.
     */
    final boolean nullText;
    SqlType type;
    boolean[] nulls = new boolean[0];

    CellColumn(String name, SqlType type, int storage) {
        this.name = name;
        this.type = type;
        this.storage = storage;
        this.nullText = type.nullable() && type.kind() != TypeKind.STRING;
    }

    /** Whether the current string token is the legacy {@code "NULL"} rendering of a NULL in this column. */
    final boolean isNullText(JsonParser p) throws IOException {
        if (!nullText || p.getTextLength() != 4) {
            return false;
        }
        char[] b = p.getTextCharacters();
        int o = p.getTextOffset();
        return b[o] == 'N' && b[o + 1] == 'U' && b[o + 2] == 'L' && b[o + 3] == 'L';
    }

    /**
     * Reads a cell into {@code c}: a switch over the (final) classes instead of a virtual call, so that the JIT can
     * inline each decoder into the row loop, where a call site seeing four column classes could not.
     */
    static void read(CellColumn c, JsonParser p, int row) throws IOException {
        switch (c.storage) {
            case LONGS -> ((LongColumn) c).read(p, row);
            case DOUBLES -> ((DoubleColumn) c).read(p, row);
            case TIMESTAMPS -> ((TimestampColumn) c).read(p, row);
            default -> ((ObjectColumn) c).read(p, row);
        }
    }

    /** The storage for a type: unboxed longs, doubles or timestamp parts, or objects. */
    static CellColumn forType(String name, SqlType type) {
        TypeKind k = type.kind();
        if (k.fitsLong() || k == TypeKind.BOOLEAN || k == TypeKind.UINT64) {
            return new LongColumn(name, type);
        }
        if (k == TypeKind.FLOAT32 || k == TypeKind.FLOAT64) {
            return new DoubleColumn(name, type);
        }
        if (k == TypeKind.TIMESTAMP) {
            return new TimestampColumn(name, type);
        }
        return new ObjectColumn(name, type);
    }

    /** Makes room for {@code rows} values. */
    void ensure(int rows) {
        if (nulls.length < rows) {
            int n = Math.max(rows, nulls.length * 2);
            nulls = Arrays.copyOf(nulls, n);
            grow(n);
        }
    }

    abstract void grow(int capacity);

    /** Reads a non-null string cell at the parser's current token. */
    abstract void read(JsonParser p, int row) throws IOException;

    void readNull(int row) {
        nulls[row] = true;
    }

    /** Called once the whole page is parsed and its format known: finishes deferred conversions. */
    void finish(int rows, ResultFormat fmt) {}

    /** Drops references to the page's values. */
    void clear(int rows) {
        Arrays.fill(nulls, 0, rows, false);
    }

    boolean isNull(int row) {
        return nulls[row];
    }

    long getLong(int row) {
        throw new IllegalStateException("column " + name + " is not an integer column");
    }

    double getDouble(int row) {
        throw new IllegalStateException("column " + name + " is not a float column");
    }

    abstract Object getObject(int row);
}
