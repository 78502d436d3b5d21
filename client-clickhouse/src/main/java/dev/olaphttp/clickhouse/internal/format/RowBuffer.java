package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.TypeConversionException;
import dev.olaphttp.spi.RowValues;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The current row: primitives in {@code long[]}/{@code double[]} slots, raw bytes of strings (and, for TSV, the
 * text of every column) in reusable per-column byte buffers, other values in {@code Object[]}. Boxing and
 * date/time objects are made only when {@link #getObject} asks.
 *
 * <p>Strings in binary and TSV results: {@link #getBytes} returns the exact bytes; {@link #getObject} and
 * {@link #getString} decode them as UTF-8 and raise {@link TypeConversionException} for bytes that are not valid
 * UTF-8 (never U+FFFD in their place). Strings in JSON results arrive as text in which the server has already put
 * U+FFFD for invalid bytes: {@link #getBytes} gives their UTF-8 only when the text holds no U+FFFD (then it is
 * exact), and refuses otherwise.
 */
final class RowBuffer implements RowValues {
    enum Slot { LONG, DOUBLE, BYTES, OBJECT }

    private final Slot[] slots;
    private final LongView[] views;
    private final boolean[] float32;
    final long[] longs;
    final double[] doubles;
    final Object[] objects;
    final boolean[] nulls;
    final byte[][] bytes;
    final int[] lengths;
    /** Whether {@link #bytes} holds the server's text of a non-string column (TSV). */
    final boolean[] text;

    private final String[] names;
    private final boolean[] jsonStrings;
    private final ErrorDetails details;

    RowBuffer(Slot[] slots, LongView[] views, boolean[] float32) {
        this(slots, views, float32, new String[slots.length], new boolean[slots.length], null);
    }

    /**
     * @param jsonStrings the String/FixedString columns whose values are JSON text (not bytes)
     */
    RowBuffer(Slot[] slots, LongView[] views, boolean[] float32, String[] names, boolean[] jsonStrings,
            ErrorDetails details) {
        int n = slots.length;
        this.names = names;
        this.jsonStrings = jsonStrings;
        this.details = details;
        this.slots = slots;
        this.views = views;
        this.float32 = float32;
        this.longs = new long[n];
        this.doubles = new double[n];
        this.objects = new Object[n];
        this.nulls = new boolean[n];
        this.bytes = new byte[n][];
        this.lengths = new int[n];
        this.text = new boolean[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = new byte[16];
        }
    }

    /** Makes room for {@code len} bytes in a column's buffer, keeping its content. */
    byte[] ensure(int column, int len) {
        byte[] b = bytes[column];
        if (b.length < len) {
            long grown = Math.max(len, Math.min(2L * b.length, Integer.MAX_VALUE - 8));
            b = Arrays.copyOf(b, (int) grown);
            bytes[column] = b;
        }
        return b;
    }

    void clear() {
        Arrays.fill(nulls, false);
    }

    @Override
    public boolean isNull(int column) {
        return nulls[column];
    }

    @Override
    public long getLong(int column) {
        return longs[column];
    }

    @Override
    public double getDouble(int column) {
        return doubles[column];
    }

    @Override
    public boolean getBoolean(int column) {
        return longs[column] != 0;
    }

    @Override
    public Object getObject(int column) {
        if (nulls[column]) {
            return null;
        }
        return switch (slots[column]) {
            case LONG -> views[column].box(longs[column]);
            case DOUBLE -> float32[column] ? (Object) (float) doubles[column] : (Object) doubles[column];
            case BYTES -> text(column);
            case OBJECT -> objects[column];
        };
    }

    @Override
    public String getString(int column) {
        if (nulls[column]) {
            return null;
        }
        if (text[column] || slots[column] == Slot.BYTES) {
            return text(column);
        }
        return switch (slots[column]) {
            case LONG -> views[column].text(longs[column]);
            case DOUBLE -> float32[column] ? Float.toString((float) doubles[column]) : Double.toString(doubles[column]);
            default -> objects[column] instanceof String str ? str : Values.text(objects[column]);
        };
    }

    @Override
    public byte[] getBytes(int column) {
        if (nulls[column]) {
            return null;
        }
        if (jsonStrings[column] && objects[column] instanceof String s) {
            if (s.indexOf('\uFFFD') >= 0) {
                throw new TypeConversionException("column '" + names[column] + "': a JSON result cannot give the "
                        + "exact bytes of a string holding U+FFFD (the server puts it in place of invalid UTF-8); "
                        + "use the RowBinary or TabSeparated format for exact bytes", null, details);
            }
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (slots[column] != Slot.BYTES) {
            return null;
        }
        return Arrays.copyOf(bytes[column], lengths[column]);
    }

    private String text(int column) {
        String s = Values.utf8OrNull(bytes[column], 0, lengths[column]);
        if (s == null) {
            throw new TypeConversionException("column '" + names[column] + "': the string is not valid UTF-8; "
                    + "read it with getBytes (exact)", null, details);
        }
        return s;
    }
}
