package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/** Parses the text form of a scalar ClickHouse value (TSV fields, quoted elements, JSON strings and map keys). */
final class TextValues {
    private TextValues() {
    }

    /** The value of a non-composite type from its unescaped text. */
    static Object scalar(SqlType t, String s) throws StreamSignals.Malformed {
        try {
            return switch (t.kind()) {
                case INT8, INT16, INT32, UINT8, UINT16 -> Integer.parseInt(s);
                case INT64, UINT32 -> Long.parseLong(s);
                case UINT64 -> LongView.UNSIGNED.box(Long.parseUnsignedLong(s));
                case INT128, INT256, UINT128, UINT256 -> new BigInteger(s);
                case FLOAT32 -> (float) floating(s, true);
                case FLOAT64 -> floating(s, false);
                case BOOLEAN -> bool(s);
                case DECIMAL -> Values.decimal(new BigDecimal(s), t.scale());
                case UUID -> UUID.fromString(s);
                case IPV4 -> Values.ipLiteral(s, false);
                case IPV6 -> Values.ipLiteral(s, true);
                case DATE -> LongView.DATE.box(Values.epochDay(s));
                case TIMESTAMP, TIME -> AbstractDecoder.longView(t).box(ticks(t, s));
                case ENUM -> enumLabel(t, s);
                case STRING, FIXED_STRING, JSON, INTERVAL, OTHER -> s;
                default -> throw new StreamSignals.Malformed("no text form for " + t.name());
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new StreamSignals.Malformed("'" + Values.snippet(s) + "' is not a " + t.name(), e);
        } catch (IllegalArgumentException e) {
            throw new StreamSignals.Malformed("'" + Values.snippet(s) + "' is not a " + t.name(), e);
        }
    }

    /** The long-slot value of a Date/DateTime/Time type. */
    static long ticks(SqlType t, String s) throws StreamSignals.Malformed {
        return switch (t.kind()) {
            case DATE -> Values.epochDay(s);
            case TIME -> Values.timeTicks(s, t.precision());
            default -> Values.epochTicks(s, t.precision(), t.zone().orElse(null));
        };
    }

    static boolean bool(String s) throws StreamSignals.Malformed {
        return switch (s) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new StreamSignals.Malformed("'" + Values.snippet(s) + "' is not a Bool");
        };
    }

    /** A float, accepting ClickHouse's {@code nan}, {@code inf}, {@code -inf}. */
    static double floating(String s, boolean single) {
        switch (s) {
            case "nan", "-nan", "+nan", "NaN" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "Infinity", "+Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return single ? Float.parseFloat(s) : Double.parseDouble(s);
            }
        }
    }

    private static String enumLabel(SqlType t, String s) throws StreamSignals.Malformed {
        if (!t.enumValues().containsValue(s)) {
            throw new StreamSignals.Malformed("'" + Values.snippet(s) + "' is not a label of " + t.name());
        }
        return s;
    }
}
