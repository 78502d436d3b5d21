package dev.olaphttp;

import java.util.Iterator;

/**
 * The caller's rows for an insert, remembering the first exception the caller's own iterator threw, so that it
 * reaches the caller unchanged however the dialect wrapped it (as the JDK's streams do with a lambda's exception).
 */
final class CallerRows implements Iterator<Object[]> {
    private final Iterator<Object[]> rows;
    private RuntimeException failure;

    CallerRows(Iterator<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNext();
        } catch (RuntimeException e) {
            throw remember(e);
        }
    }

    @Override
    public Object[] next() {
        try {
            return rows.next();
        } catch (RuntimeException e) {
            throw remember(e);
        }
    }

    private RuntimeException remember(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** The first exception the caller's iterator threw, or {@code null}. */
    RuntimeException failure() {
        return failure;
    }
}
