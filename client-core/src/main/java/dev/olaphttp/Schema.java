package dev.olaphttp;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The columns of a result, in order. Lookup by name is exact first, then case-insensitive; the first column with a
 * name wins when names repeat.
 */
public final class Schema {
    private static final Schema EMPTY = new Schema(List.of());

    private final List<Column> columns;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    private Schema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            String name = this.columns.get(i).name();
            exact.putIfAbsent(name, i);
            folded.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
    }

    /** A schema of these columns. */
    public static Schema of(List<Column> columns) {
        return columns.isEmpty() ? EMPTY : new Schema(columns);
    }

    /** The schema of a statement that returns no columns. */
    public static Schema empty() {
        return EMPTY;
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The number of columns. */
    public int size() {
        return columns.size();
    }

    /** The column at a 1-based index. */
    public Column column(int index) {
        if (index < 1 || index > columns.size()) {
            throw new IndexOutOfBoundsException("column index " + index + " is outside 1.." + columns.size());
        }
        return columns.get(index - 1);
    }

    /** The 1-based index of the named column, or -1 if there is none. */
    public int indexOf(String name) {
        Integer i = exact.get(name);
        if (i == null) {
            i = folded.get(name.toLowerCase(Locale.ROOT));
        }
        return i == null ? -1 : i + 1;
    }

    /** The 1-based index of the named column; throws if there is none. */
    public int require(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new NoSuchElementException("no column named '" + name + "' in " + names());
        }
        return i;
    }

    /** The column names, in order. */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Schema[");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(columns.get(i).name()).append(' ').append(columns.get(i).type().name());
        }
        return sb.append(']').toString();
    }
}
