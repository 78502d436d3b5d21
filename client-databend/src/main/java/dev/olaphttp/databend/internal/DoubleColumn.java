package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.util.Arrays;

/** Float32/Float64 values, unboxed; NaN and infinities as the server spells them. */
final class DoubleColumn extends CellColumn {
    private final boolean float32;
    private double[] values = new double[0];

    DoubleColumn(String name, SqlType type) {
        super(name, type, DOUBLES);
        this.float32 = type.kind() == TypeKind.FLOAT32;
    }

    @Override
    void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    void read(JsonParser p, int row) throws IOException {
        nulls[row] = false;
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            values[row] = p.getDoubleValue();
            return;
        }
        char[] b = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        char last = len > 0 ? b[off + len - 1] : ' ';
        values[row] = (last >= '0' && last <= '9') || last == '.'
                ? NumberInput.parseDouble(b, off, len, true) // no String per cell
                : ValueText.parseDouble(p.getText()); // NaN, inf, Infinity
    }

    @Override
    double getDouble(int row) {
        return values[row];
    }

    @Override
    Object getObject(int row) {
        if (nulls[row]) {
            return null;
        }
        return float32 ? (Object) (float) values[row] : (Object) values[row];
    }
}
