package dev.olaphttp.testkit;

/**
 * Produces row {@code index} of a generated table into {@code values} (one slot per column), on demand, so a
 * result of millions of rows is never held in memory. Must be deterministic: the same index gives the same row.
 */
@FunctionalInterface
public interface RowGenerator {
  void fill(long index, Object[] values);
}
