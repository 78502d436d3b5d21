package dev.olaphttp.testkit;

import java.util.Objects;

/**
 * A result column: its name and the dialect's own type string, e.g. {@code "Nullable(Int32)"} for ClickHouse
 * and Databend, {@code "int(11)"} for StarRocks.
 */
public final class Column {
  private final String name;
  private final String type;

  private Column(String name, String type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A column with a name and the dialect's type string. */
  public static Column of(String name, String type) {
    return new Column(name, type);
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Column c && c.name.equals(name) && c.type.equals(type);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return name + " " + type;
  }
}
