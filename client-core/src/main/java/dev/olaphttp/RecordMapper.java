package dev.olaphttp;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/**
 * Maps rows to a record by component name. The column for each component is found once, on the first row, then
 * reused; a missing column fails with the record's and the result's names.
 */
final class RecordMapper<R> implements RowMapper<R> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Constructor<R> constructor;
    private Schema boundTo;
    private int[] columns;

    RecordMapper(Class<R> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        this.type = type;
        this.components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            this.constructor = type.getDeclaredConstructor(types);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException | SecurityException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName(), e);
        }
    }

    @Override
    public R map(Row row) {
        Schema schema = row.schema();
        if (schema != boundTo) {
            bind(schema);
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = row.get(columns[i], components[i].getType());
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("constructor of " + type.getName() + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private void bind(Schema schema) {
        int[] cols = new int[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            int c = schema.indexOf(name);
            if (c < 0) {
                c = findLoosely(schema, name);
            }
            if (c < 0) {
                throw new IllegalArgumentException("record " + type.getSimpleName() + " needs a column for component '"
                        + name + "'; the result has " + schema.names());
            }
            cols[i] = c;
        }
        columns = cols;
        boundTo = schema;
    }

    private static int findLoosely(Schema schema, String component) {
        String want = squash(component);
        for (int i = 0; i < schema.size(); i++) {
            if (squash(schema.columns().get(i).name()).equals(want)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String squash(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
