package dev.olaphttp.testkit.internal;

/** Minimal JSON text writing for hand-framed bodies (exact spacing the real servers use). */
public final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Appends a quoted JSON string; {@code htmlSafe} also escapes {@code ' < > = &} as Gson does. */
  public static StringBuilder string(StringBuilder sb, String s, boolean htmlSafe) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || (htmlSafe && (c == '\'' || c == '<' || c == '>' || c == '=' || c == '&'))
              || c == '\u2028' || c == '\u2029') {
            sb.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            if (c > 0xFF) {
              sb.setLength(sb.length() - 4);
              sb.append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                  .append(HEX[c & 0xF]);
            }
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /** Shortest text of a double that reads back the same ({@code 1} for 1.0, {@code 1e+300} style kept by Java). */
  public static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
      return Long.toString((long) d);
    }
    return Double.toString(d).replace("E", "e");
  }

  /** Shortest text of a float. */
  public static String number(float f) {
    if (f == Math.rint(f) && Math.abs(f) < 1e7 && !(f == 0 && 1 / f < 0)) {
      return Long.toString((long) f);
    }
    return Float.toString(f).replace("E", "e");
  }
}
