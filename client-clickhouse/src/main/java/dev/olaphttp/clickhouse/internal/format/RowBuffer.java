package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.spi.RowValues;
import java.util.Arrays;

/**
 * The current row: primitives in {@code long[]}/{@code double[]} slots, raw bytes of strings (and, for TSV, the
 * text of every column) in reusable per-column byte buffers, other values in {@code Object[]}. Boxing and
 * date/time objects are made only when {@link #getObject} asks.
 *
 * <p>Strings: {@link #getBytes} returns the exact bytes; {@link #getObject}/{@link #getString} decode them as
 * UTF-8, replacing invalid sequences with U+FFFD.
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

    RowBuffer(Slot[] slots, LongView[] views, boolean[] float32) {
        int n = slots.length;
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
            case BYTES -> Values.utf8(bytes[column], 0, lengths[column]);
            case OBJECT -> objects[column];
        };
    }

    @Override
    public String getString(int column) {
        if (nulls[column]) {
            return null;
        }
        if (text[column] || slots[column] == Slot.BYTES) {
            return Values.utf8(bytes[column], 0, lengths[column]);
        }
        return switch (slots[column]) {
            case LONG -> views[column].text(longs[column]);
            case DOUBLE -> float32[column] ? Float.toString((float) doubles[column]) : Double.toString(doubles[column]);
            default -> objects[column] instanceof String str ? str : Values.text(objects[column]);
        };
    }

    @Override
    public byte[] getBytes(int column) {
        if (nulls[column] || slots[column] != Slot.BYTES) {
            return null;
        }
        return Arrays.copyOf(bytes[column], lengths[column]);
    }
}
