package dev.olaphttp.testkit.internal;

import java.io.IOException;
import java.util.List;

/** A stream of text records, one list of fields at a time (null for NULL). Internal. */
public interface RecordSource {
  /** Reads the next record into {@code out}; false at the end. */
  boolean next(List<Object> out) throws IOException;

  /** Bytes consumed so far. */
  long bytes();
}
