package dev.olaphttp.databend.internal;

import dev.olaphttp.Column;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlType;
import dev.olaphttp.spi.RowValues;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The result's columns, made once from the first non-empty schema, and the {@link RowValues} view of the current
 * page's row. The Timestamp zone is fixed from the first page's {@code settings.timezone}.
 */
final class ResultColumns implements RowValues {
    private final List<String[]> schemaText;
    private final CellColumn[] columns;
    private Schema schema;
    private int row = -1;
    private int rows;

    ResultColumns(List<String[]> schemaText) {
        this.schemaText = List.copyOf(schemaText);
        this.columns = new CellColumn[schemaText.size()];
        TypeParser provisional = new TypeParser(java.time.ZoneOffset.UTC);
        for (int i = 0; i < columns.length; i++) {
            String[] nt = schemaText.get(i);
            columns[i] = CellColumn.forType(nt[0], parse(provisional, nt));
        }
    }

    private static SqlType parse(TypeParser p, String[] nt) {
        try {
            return p.parse(nt[1]);
        } catch (IllegalArgumentException e) {
            throw new PageParser.MalformedPage("column " + nt[0] + " has a type this client cannot parse: " + nt[1]);
        }
    }

    CellColumn[] columns() {
        return columns;
    }

    boolean matches(List<String[]> other) {
        if (other.isEmpty()) {
            return true;
        }
        if (other.size() != schemaText.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            if (!other.get(i)[1].equals(schemaText.get(i)[1])) {
                return false;
            }
        }
        return true;
    }

    /** Fixes the types' zone (once) and the public schema. */
    void resolve(ZoneId zone) {
        if (schema != null) {
            return;
        }
        TypeParser parser = new TypeParser(zone);
        List<Column> cols = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            SqlType t = parse(parser, schemaText.get(i));
            columns[i].type = t;
            cols.add(new Column(schemaText.get(i)[0], t));
        }
        schema = Schema.of(cols);
    }

    boolean resolved() {
        return schema != null;
    }

    Schema schema() {
        return schema;
    }

    /** A new page of {@code n} rows has been read: converts its deferred values. */
    void pageLoaded(int n, ResultFormat fmt) {
        for (CellColumn c : columns) {
            c.ensure(n);
            c.finish(n, fmt);
        }
        rows = n;
        row = -1;
    }

    /** Releases the previous page's values before the next is read. */
    void clearPage() {
        for (CellColumn c : columns) {
            c.clear(rows);
        }
        rows = 0;
        row = -1;
    }

    boolean next() {
        if (row + 1 < rows) {
            row++;
            return true;
        }
        return false;
    }

    @Override
    public boolean isNull(int column) {
        return columns[column].isNull(row);
    }

    @Override
    public long getLong(int column) {
        return columns[column].getLong(row);
    }

    @Override
    public double getDouble(int column) {
        return columns[column].getDouble(row);
    }

    @Override
    public Object getObject(int column) {
        return columns[column].getObject(row);
    }

    /** A String value as it is (no detour through the core's kind checks); {@code null} lets the core derive it. */
    @Override
    public String getString(int column) {
        CellColumn c = columns[column];
        return c.storage == CellColumn.OBJECTS && ((ObjectColumn) c).getObject(row) instanceof String s ? s : null;
    }
}
