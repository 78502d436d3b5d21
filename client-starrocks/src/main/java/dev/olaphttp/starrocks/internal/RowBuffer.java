package dev.olaphttp.starrocks.internal;

import dev.olaphttp.spi.RowValues;

/**
 * The current row, filled in place by the column decoders: primitives stay unboxed in {@code long[]} and
 * {@code double[]}, everything else in {@code Object[]}. One instance per result, reused for every row.
 */
final class RowBuffer implements RowValues {
    /** How a column's value is stored and boxed. */
    enum Slot {
        INT,
        LONG,
        BOOLEAN,
        FLOAT,
        DOUBLE,
        OBJECT
    }

    final long[] longs;
    final double[] doubles;
    final Object[] objects;
    final boolean[] nulls;
    private final Slot[] slots;

    RowBuffer(Slot[] slots) {
        this.slots = slots;
        int n = slots.length;
        this.longs = new long[n];
        this.doubles = new double[n];
        this.objects = new Object[n];
        this.nulls = new boolean[n];
    }

    void setNull(int col) {
        nulls[col] = true;
        objects[col] = null;
    }

    void setLong(int col, long v) {
        nulls[col] = false;
        longs[col] = v;
    }

    void setDouble(int col, double v) {
        nulls[col] = false;
        doubles[col] = v;
    }

    void setObject(int col, Object v) {
        nulls[col] = v == null;
        objects[col] = v;
    }

    /** Marks every column NULL (SHOW rows may omit keys). */
    void clear() {
        for (int i = 0; i < nulls.length; i++) {
            setNull(i);
        }
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

    /** String cells as they are (no boxing switch, no conversion in the core); {@code null} for other columns. */
    @Override
    public String getString(int column) {
        return objects[column] instanceof String s ? s : null;
    }

    @Override
    public Object getObject(int column) {
        if (nulls[column]) {
            return null;
        }
        return switch (slots[column]) {
            case INT -> (int) longs[column];
            case LONG -> longs[column];
            case BOOLEAN -> longs[column] != 0;
            case FLOAT -> (float) doubles[column];
            case DOUBLE -> doubles[column];
            case OBJECT -> objects[column];
        };
    }
}
