package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.RandomValues;
import dev.olaphttp.testkit.internal.TypeParser;
import dev.olaphttp.testkit.internal.TypeSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A neutral result description: columns (name + the dialect's type string) and a row source the servers stream
 * without materialising it.
 *
 * <p>Cell values are plain Java objects: {@code null} for SQL NULL; any {@link Number} (incl. {@code BigInteger}
 * beyond 64 bits) for integers and floats; {@code BigDecimal} for decimals; {@code String} or {@code byte[]} for
 * strings; {@code Boolean}; {@code LocalDate}; {@code LocalDateTime} (wall time in the column's or server's zone),
 * {@code Instant}, {@code OffsetDateTime} or {@code ZonedDateTime} for timestamps; {@code UUID};
 * {@code InetAddress}; {@code String} names for enums; raw JSON text for JSON/Variant; {@code List} for arrays and
 * tuples; {@code Map} for maps.
 */
public final class Table {
  private final List<Column> columns;
  private final long rowCount;
  private final RowGenerator generator;

  private Table(List<Column> columns, long rowCount, RowGenerator generator) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount < 0");
    }
    for (Column c : columns) {
      TypeParser.parse(c.type());
    }
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
    this.generator = generator;
  }

  /** A table whose rows are computed on demand by {@code generator}. */
  public static Table generated(long rowCount, RowGenerator generator, Column... columns) {
    return new Table(Arrays.asList(columns), rowCount, Objects.requireNonNull(generator));
  }

  /** {@code n} rows of one column {@code number} = 0..n-1 of the given integer type (e.g. UInt64, bigint(20)). */
  public static Table numbers(long n, String type) {
    return generated(n, (i, v) -> v[0] = i, Column.of("number", type));
  }

  /**
   * {@code rowCount} rows of seeded random values for the given columns (about one NULL in ten for nullable
   * types). The same seed always gives the same rows.
   */
  public static Table random(long seed, long rowCount, Column... columns) {
    TypeSpec[] specs = new TypeSpec[columns.length];
    for (int i = 0; i < columns.length; i++) {
      specs[i] = TypeParser.parse(columns[i].type());
    }
    return generated(rowCount, (index, values) -> {
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
      for (int c = 0; c < specs.length; c++) {
        values[c] = RandomValues.value(specs[c], r);
      }
    }, columns);
  }

  /** A builder for a small literal table. */
  public static Builder builder() {
    return new Builder();
  }

  public List<Column> columns() {
    return columns;
  }

  public long rowCount() {
    return rowCount;
  }

  /** Fills {@code values} with row {@code index}. */
  public void row(long index, Object[] values) {
    generator.fill(index, values);
  }

  /** Builds a small literal table row by row. */
  public static final class Builder {
    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    private Builder() {}

    public Builder column(String name, String type) {
      columns.add(Column.of(name, type));
      return this;
    }

    /** Adds a row; one value per column. */
    public Builder row(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(
            "row has " + values.length + " values for " + columns.size() + " columns");
      }
      rows.add(values.clone());
      return this;
    }

    public Table build() {
      List<Object[]> copy = List.copyOf(rows);
      return new Table(columns, copy.size(), (i, v) -> {
        Object[] src = copy.get((int) i);
        System.arraycopy(src, 0, v, 0, src.length);
      });
    }
  }
}
