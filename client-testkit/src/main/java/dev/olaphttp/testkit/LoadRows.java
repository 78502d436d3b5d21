package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.JsonRowReader;
import dev.olaphttp.testkit.internal.LoadError;
import dev.olaphttp.testkit.internal.RecordSource;
import dev.olaphttp.testkit.internal.TextValues;
import dev.olaphttp.testkit.internal.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Feeds parsed input rows into a load batch, mapping input fields to table columns. */
final class LoadRows {
  /** Decides what a bad row does: true skips it (filtered), false aborts the load. */
  interface Policy {
    boolean filter(LoadError error, List<Object> fields);
  }

  /** Aborts on the first bad row. */
  static final Policy STRICT = (e, f) -> false;

  private final LoadedTable table;
  private final TypeSpec[] specs;
  private final int[] map;
  private final Object[] row;
  private long total;
  private long filtered;

  /** {@code map[i]} is the table column of input field i, or -1 to ignore the field. */
  LoadRows(LoadedTable table, int[] map) {
    this.table = table;
    this.specs = table.specs();
    this.map = map.clone();
    this.row = new Object[specs.length];
  }

  /** Input fields map to the table's columns in order. */
  static int[] identity(LoadedTable t) {
    int[] m = new int[t.columns().size()];
    Arrays.setAll(m, i -> i);
    return m;
  }

  /** Maps input field names to columns (case-insensitive); an unknown name is a load error. */
  static int[] byNames(LoadedTable t, List<String> names) throws LoadError {
    int[] m = new int[names.size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = t.indexOf(names.get(i).trim());
      if (m[i] < 0) {
        throw new LoadError(LoadError.Kind.UNSUPPORTED, 0, names.get(i).trim(), null, null,
            "No such column " + names.get(i).trim() + " in table " + t.name());
      }
    }
    return m;
  }

  long total() {
    return total;
  }

  long filtered() {
    return filtered;
  }

  /** Reads every text record (delimited or VALUES) into {@code batch}. */
  void delimited(RecordSource in, LoadedTable.Batch batch, Policy policy) throws IOException, LoadError {
    List<Object> fields = new ArrayList<>(map.length);
    while (true) {
      boolean more;
      try {
        more = in.next(fields);
      } catch (IOException e) {
        if (e instanceof java.io.EOFException || e instanceof java.net.SocketException) {
          throw e;
        }
        throw new LoadError(LoadError.Kind.MALFORMED, total + 1, null, null, null, e.getMessage());
      }
      if (!more) {
        return;
      }
      total++;
      try {
        fill(fields);
        batch.add(row);
      } catch (LoadError e) {
        if (!policy.filter(e, fields)) {
          throw e;
        }
        filtered++;
      }
    }
  }

  /** Reads every JSON row into {@code batch}. */
  void json(JsonRowReader in, LoadedTable.Batch batch, Policy policy) throws IOException, LoadError {
    while (true) {
      try {
        if (!in.next(row)) {
          return;
        }
        total++;
        batch.add(row);
      } catch (LoadError e) {
        total++;
        if (e.kind() == LoadError.Kind.MALFORMED || !policy.filter(e, List.of())) {
          throw e;
        }
        filtered++;
      }
    }
  }

  private void fill(List<Object> fields) throws LoadError {
    if (fields.size() != map.length) {
      throw new LoadError(LoadError.Kind.FIELD_COUNT, total, null, null, null,
          "Value count does not match column count. Expect " + map.length + ", but got " + fields.size());
    }
    for (int c = 0; c < specs.length; c++) {
      row[c] = TextValues.defaultValue(specs[c]);
    }
    for (int i = 0; i < map.length; i++) {
      int c = map[i];
      if (c < 0) {
        continue;
      }
      Object f = fields.get(i);
      if (f == null || f == TextValues.DEFAULT) {
        continue;
      }
      String text = f instanceof TextValues.TsvField tf ? tf.forType(specs[c]) : (String) f;
      try {
        row[c] = TextValues.parse(specs[c], text);
      } catch (IllegalArgumentException e) {
        throw new LoadError(LoadError.Kind.BAD_VALUE, total, table.columns().get(c).name(),
            table.columns().get(c).type(), TextValues.snippet(text), e.getMessage());
      }
    }
  }
}
