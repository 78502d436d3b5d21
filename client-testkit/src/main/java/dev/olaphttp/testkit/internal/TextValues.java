package dev.olaphttp.testkit.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** Parses one loaded text field into the Java value the testkit's tables hold for its type. Internal. */
public final class TextValues {
  /** Marks a field the format leaves to the column default (e.g. an empty unquoted CSV field). */
  public static final Object DEFAULT = new Object();

  private TextValues() {}

  /**
   * The value of {@code text} for column type {@code t}.
   *
   * @throws IllegalArgumentException if the text is not a value of the type
   */
  public static Object parse(TypeSpec t, String text) {
    String s = text.trim();
    try {
      return switch (t.kind()) {
        case INT -> integer(t, s);
        case FLOAT32, FLOAT64 -> Values.doubleValue(s);
        case DECIMAL -> decimal(t, s);
        case BOOL -> bool(s);
        case DATE, DATE32 -> LocalDate.parse(s);
        case DATETIME, DATETIME64 -> s.chars().allMatch(Character::isDigit) && !s.isEmpty()
            ? Values.localDateTime(Long.parseLong(s), java.time.ZoneOffset.UTC)
            : LocalDateTime.parse(s.replace(' ', 'T'));
        case UUID -> UUID.fromString(s);
        case IPV4, IPV6 -> Values.inet(s);
        case ARRAY, MAP, TUPLE -> NestedText.parse(t, s);
        default -> text;
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("cannot parse '" + snippet(text) + "' as " + t.kind(), e);
    }
  }

  /**
   * A TabSeparated field that may hold an Array, Map or Tuple: {@code text} with the field's escapes resolved (for
   * scalar columns), {@code raw} as sent (a nested value's strings keep their own escapes, e.g. {@code ['a\\'b']}).
   */
  public record TsvField(String text, String raw) {
    /** The field text for a column of type {@code t}. */
    public String forType(TypeSpec t) {
      return switch (t.kind()) {
        case ARRAY, MAP, TUPLE -> raw;
        default -> text;
      };
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The value an omitted field takes: NULL when nullable, else the type's zero. */
  public static Object defaultValue(TypeSpec t) {
    if (t.nullable()) {
      return null;
    }
    return switch (t.kind()) {
      case INT -> 0L;
      case FLOAT32, FLOAT64 -> 0.0;
      case DECIMAL -> BigDecimal.ZERO.setScale(t.scale());
      case BOOL -> Boolean.FALSE;
      case DATE, DATE32 -> LocalDate.EPOCH;
      case DATETIME, DATETIME64 -> LocalDateTime.of(1970, 1, 1, 0, 0);
      case UUID -> new UUID(0, 0);
      default -> "";
    };
  }

  /** At most 64 characters of a text, for messages. */
  public static String snippet(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }

  private static Object integer(TypeSpec t, String s) {
    int bits0 = t.bits() == 0 ? 64 : t.bits();
    if (s.length() < 19 && bits0 <= 64) {
      long v = Long.parseLong(s);
      long min = t.signed() ? (bits0 == 64 ? Long.MIN_VALUE : -(1L << (bits0 - 1))) : 0;
      long max = bits0 == 64 ? Long.MAX_VALUE : t.signed() ? (1L << (bits0 - 1)) - 1 : (1L << bits0) - 1;
      if (v < min || v > max) {
        throw new NumberFormatException("out of range");
      }
      return v;
    }
    BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
    int bits = t.bits() == 0 ? 64 : t.bits();
    BigInteger min = t.signed() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max = t.signed() ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new NumberFormatException("out of range");
    }
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  private static BigDecimal decimal(TypeSpec t, String s) {
    BigDecimal d = new BigDecimal(s);
    if (t.precision() > 0 && d.precision() - d.scale() > t.precision() - t.scale()) {
      throw new NumberFormatException("too many digits");
    }
    return d.setScale(t.scale(), java.math.RoundingMode.HALF_UP);
  }

  private static Boolean bool(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "1", "true" -> Boolean.TRUE;
      case "0", "false" -> Boolean.FALSE;
      default -> throw new NumberFormatException("not a boolean");
    };
  }
}
