package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.util.Arrays;

/**
 * Every other type: the cell text is kept while the page is parsed and converted to its Java value once the page's
 * format (time zone, binary format) is known, before any of its rows is handed out.
 */
final class ObjectColumn extends CellColumn {
    private Object[] values = new Object[0];

    ObjectColumn(String name, SqlType type) {
        super(name, type, OBJECTS);
    }

    @Override
    void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    void read(JsonParser p, int row) throws IOException {
        nulls[row] = false;
        values[row] = p.getText();
    }

    @Override
    void finish(int rows, ResultFormat fmt) {
        TypeKind k = type.kind();
        if (k == TypeKind.STRING || k == TypeKind.INTERVAL || k == TypeKind.JSON || k == TypeKind.OTHER) {
            return; // the text is the value
        }
        for (int r = 0; r < rows; r++) {
            if (!nulls[r]) {
                try {
                    values[r] = Values.convert(type, (String) values[r], fmt, false);
                } catch (RuntimeException e) {
                    throw new CellException(name, type, e);
                }
            }
        }
    }

    @Override
    void clear(int rows) {
        super.clear(rows);
        Arrays.fill(values, 0, rows, null);
    }

    @Override
    Object getObject(int row) {
        return nulls[row] ? null : values[row];
    }

    /** A cell that does not parse as its column's type. */
    static final class CellException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CellException(String column, SqlType type, Throwable cause) {
            super("cannot decode a value of column " + column + " (" + type.name() + "): " + cause.getMessage(), cause);
        }
    }
}
