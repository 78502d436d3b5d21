package dev.olaphttp;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads record components into row arrays in a given column order; the mapping is found once. */
final class RecordColumns<R extends Record> {
    private final List<String> columns;
    private final Method[] accessors;

    private RecordColumns(List<String> columns, Method[] accessors) {
        this.columns = columns;
        this.accessors = accessors;
    }

    /** Maps {@code columns} (or, when empty, every component in order) to the record's accessors. */
    static <R extends Record> RecordColumns<R> of(Class<R> type, List<String> columns) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        List<String> names = new ArrayList<>();
        if (columns.isEmpty()) {
            for (RecordComponent c : components) {
                names.add(c.getName());
            }
        } else {
            names.addAll(columns);
        }
        Method[] accessors = new Method[names.size()];
        for (int i = 0; i < names.size(); i++) {
            RecordComponent c = find(components, names.get(i));
            if (c == null) {
                throw new IllegalArgumentException("record " + type.getSimpleName() + " has no component for column '"
                        + names.get(i) + "'");
            }
            accessors[i] = c.getAccessor();
            accessors[i].setAccessible(true);
        }
        return new RecordColumns<>(List.copyOf(names), accessors);
    }

    private static RecordComponent find(RecordComponent[] components, String column) {
        for (RecordComponent c : components) {
            if (c.getName().equals(column)) {
                return c;
            }
        }
        for (RecordComponent c : components) {
            if (c.getName().equalsIgnoreCase(column)) {
                return c;
            }
        }
        String want = squash(column);
        for (RecordComponent c : components) {
            if (squash(c.getName()).equals(want)) {
                return c;
            }
        }
        return null;
    }

    private static String squash(String s) {
        return s.replace("_", "").toLowerCase(Locale.ROOT);
    }

    List<String> columns() {
        return columns;
    }

    Object[] values(R record) {
        Object[] row = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            try {
                row[i] = accessors[i].invoke(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + accessors[i].getName(), e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
            }
        }
        return row;
    }
}
