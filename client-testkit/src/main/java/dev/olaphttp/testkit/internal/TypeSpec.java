package dev.olaphttp.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * A parsed column type, neutral over the three dialects' type strings. Internal.
 *
 * @param kind the value family
 * @param nullable whether NULL is allowed (Nullable(T), T NULL; StarRocks columns are always nullable)
 * @param bits integer width (8..256), Decimal storage width, Enum width
 * @param signed for integers
 * @param precision decimal precision, DateTime64 precision, FixedString length
 * @param scale decimal scale
 * @param timeZone explicit zone of a DateTime, or null
 * @param children element types (Array: 1, Map: 2, Tuple: n)
 * @param names tuple field names (null entries when unnamed) or enum names
 * @param enumValues enum name to value
 * @param lowCardinality wrapped in LowCardinality
 */
public record TypeSpec(
    Kind kind,
    boolean nullable,
    int bits,
    boolean signed,
    int precision,
    int scale,
    String timeZone,
    List<TypeSpec> children,
    List<String> names,
    Map<String, Integer> enumValues,
    boolean lowCardinality) {

  /** Value families. */
  public enum Kind {
    INT, FLOAT32, FLOAT64, DECIMAL, STRING, FIXED_STRING, BOOL, DATE, DATE32, DATETIME, DATETIME64,
    TIMESTAMP_TZ, UUID, IPV4, IPV6, ARRAY, MAP, TUPLE, ENUM, JSON, BINARY, INTERVAL, NOTHING, OPAQUE
  }

  public TypeSpec withNullable(boolean n) {
    return new TypeSpec(kind, n, bits, signed, precision, scale, timeZone, children, names, enumValues,
        lowCardinality);
  }

  public TypeSpec withLowCardinality() {
    return new TypeSpec(kind, nullable, bits, signed, precision, scale, timeZone, children, names,
        enumValues, true);
  }

  static TypeSpec simple(Kind kind) {
    return new TypeSpec(kind, false, 0, true, 0, 0, null, List.of(), List.of(), Map.of(), false);
  }

  static TypeSpec integer(int bits, boolean signed) {
    return new TypeSpec(Kind.INT, false, bits, signed, 0, 0, null, List.of(), List.of(), Map.of(), false);
  }

  public TypeSpec child(int i) {
    return children.get(i);
  }
}
