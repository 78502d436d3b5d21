package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.TypeParser;
import dev.olaphttp.testkit.internal.TypeSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table a test server accepts bulk loads into, and what arrived: row and byte counts, load requests, the
 * deduplication tokens / labels committed and, unless declared counting-only, the rows themselves (typed Java
 * values: Long or BigInteger, Double, BigDecimal, String, Boolean, LocalDate, LocalDateTime, UUID, InetAddress,
 * List, Map; null for NULL). Each load is committed whole or not at all. Thread-safe.
 */
public final class LoadedTable {
  private final String name;
  private final List<Column> columns;
  private final TypeSpec[] specs;
  private final boolean keepRows;
  private final List<Object[]> rows = new ArrayList<>();
  private final Set<String> tokens = new LinkedHashSet<>();
  private long rowCount;
  private long bytes;
  private long loads;
  private long attempts;

  LoadedTable(String name, boolean keepRows, boolean nullable, Column... columns) {
    this.name = Objects.requireNonNull(name, "name");
    if (columns.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    this.columns = List.of(columns);
    this.keepRows = keepRows;
    this.specs = new TypeSpec[columns.length];
    for (int i = 0; i < columns.length; i++) {
      TypeSpec t = TypeParser.parse(columns[i].type());
      specs[i] = nullable ? t.withNullable(true) : t;
    }
  }

  /** The name it was declared with, e.g. {@code "db.events"}. */
  public String name() {
    return name;
  }

  public List<Column> columns() {
    return columns;
  }

  /** False for a counting-only table (rows are parsed and counted, then dropped). */
  public boolean keepsRows() {
    return keepRows;
  }

  /** Rows committed so far, in arrival order; each row is an unmodifiable list in column order. */
  public synchronized List<List<Object>> rows() {
    if (!keepRows) {
      throw new IllegalStateException(name + " is counting-only: declare it with table(...) to keep rows");
    }
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(Collections.unmodifiableList(Arrays.asList(r.clone())));
    }
    return out;
  }

  /** Number of rows committed. */
  public synchronized long rowCount() {
    return rowCount;
  }

  /** Bytes of load data received for committed loads (after request decompression). */
  public synchronized long bytesReceived() {
    return bytes;
  }

  /** Number of committed loads (deduplicated repeats and failed loads are not counted). */
  public synchronized long loadCount() {
    return loads;
  }

  /** Loads started for this table, including failed and deduplicated ones. */
  public synchronized long attemptCount() {
    return attempts;
  }

  /** Deduplication tokens and labels of committed loads, in order. */
  public synchronized List<String> labels() {
    return List.copyOf(tokens);
  }

  /** The committed rows as a result table, so {@code SELECT * FROM <name>} returns them. */
  public synchronized Table asTable() {
    if (!keepRows) {
      throw new IllegalStateException(name + " is counting-only: declare it with table(...) to keep rows");
    }
    List<Object[]> snapshot = List.copyOf(rows);
    return Table.generated(snapshot.size(),
        (i, v) -> System.arraycopy(snapshot.get((int) i), 0, v, 0, v.length),
        columns.toArray(new Column[0]));
  }

  /** Forgets every row, count and label. */
  public synchronized void clear() {
    rows.clear();
    tokens.clear();
    rowCount = 0;
    bytes = 0;
    loads = 0;
    attempts = 0;
  }

  synchronized void attempted() {
    attempts++;
  }

  TypeSpec[] specs() {
    return specs.clone();
  }

  /** Position of a column by name (case-insensitive), or -1. */
  int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  synchronized boolean hasLabel(String label) {
    return tokens.contains(label);
  }

  /** Starts a load: rows are staged here and become visible on {@link Batch#commit}. */
  Batch begin() {
    return new Batch();
  }

  /** One load's staged rows. */
  final class Batch {
    private final List<Object[]> staged = new ArrayList<>();
    private long count;

    void add(Object[] row) {
      count++;
      if (keepRows) {
        staged.add(row.clone());
      }
    }

    long count() {
      return count;
    }

    /** Appends this batch's rows to another (a transaction gathering several loads). */
    void copyTo(Batch other) {
      other.staged.addAll(staged);
      other.count += count;
    }

    /** Commits the rows unless {@code label} was committed before; false when it was (nothing inserted). */
    boolean commit(long loadBytes, String label) {
      synchronized (LoadedTable.this) {
        if (label != null && !tokens.add(label)) {
          return false;
        }
        rows.addAll(staged);
        rowCount += count;
        bytes += loadBytes;
        loads++;
        return true;
      }
    }
  }
}
