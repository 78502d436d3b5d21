package dev.olaphttp.starrocks.internal.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.olaphttp.starrocks.internal.load.ValueEncoder.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Rows as JSON lines ({@code format: json}): one object per row keyed by column name, NULL as {@code null}, text
 * escaped by Jackson, numbers as written by the column's encoder, nested values as JSON. One reused buffer and
 * char array; nothing per row besides the caller's values.
 */
final class JsonLinesWriter implements RowWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private final SerializedString[] names;
    private final ValueEncoder[] encoders;
    private final List<String> columns;
    private final StringBuilder text = new StringBuilder(64);
    private char[] chars = new char[64];
    private JsonGenerator g;

    JsonLinesWriter(List<String> columns, ValueEncoder[] encoders) {
        this.columns = columns;
        this.encoders = encoders;
        this.names = new SerializedString[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = new SerializedString(columns.get(i));
        }
    }

    @Override
    public void open(OutputStream out) throws IOException {
        g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
    }

    @Override
    public void write(Object[] row) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            g.writeFieldName(names[i]);
            Object v = row[i];
            if (v == null) {
                g.writeNull();
                continue;
            }
            text.setLength(0);
            Shape shape;
            try {
                shape = encoders[i].encode(v, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + columns.get(i) + ": " + e.getMessage(), e);
            }
            int n = text.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            text.getChars(0, n, chars, 0);
            switch (shape) {
                case NUMBER, JSON -> g.writeRawValue(chars, 0, n);
                case BOOLEAN -> g.writeBoolean(chars[0] == 't');
                case STRING -> {
                    checkSurrogates(i, n);
                    g.writeString(chars, 0, n);
                }
            }
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private void checkSurrogates(int column, int n) {
        for (int k = 0; k < n; k++) {
            char c = chars[k];
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(chars[k + 1])) {
                    k++;
                } else {
                    throw new IllegalArgumentException("column " + columns.get(column)
                            + ": text with an unpaired UTF-16 surrogate");
                }
            }
        }
    }

    @Override
    public void finish() throws IOException {
        g.flush();
    }
}
