package dev.olaphttp.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the text form of an Array, Map or Tuple as ClickHouse reads it inside a CSV or TSV field: {@code
 * ['p','q']}, {@code {'k':1}}, {@code (1,'a')}, {@code NULL} for a Nullable element. Strings, dates, UUIDs, IPs and
 * enums are quoted ({@code '} with backslash escapes; {@code "} also accepted, as StarRocks writes arrays), numbers
 * and booleans are not. Internal.
 */
final class NestedText {
  private final String s;
  private int i;

  private NestedText(String s) {
    this.s = s;
  }

  /**
   * The List (Array, Tuple) or LinkedHashMap (Map) {@code text} holds for type {@code t}.
   *
   * @throws IllegalArgumentException if the text is not a value of the type
   */
  static Object parse(TypeSpec t, String text) {
    NestedText p = new NestedText(text);
    Object v = p.value(t);
    p.ws();
    if (p.i != text.length()) {
      throw p.bad("unexpected text after the value");
    }
    return v;
  }

  private Object value(TypeSpec t) {
    ws();
    if (s.regionMatches(true, i, "NULL", 0, 4) && !wordAt(i + 4)) {
      if (!t.nullable()) {
        throw bad("NULL in a non-Nullable " + t.kind());
      }
      i += 4;
      return null;
    }
    return switch (t.kind()) {
      case ARRAY -> {
        expect('[');
        List<Object> l = new ArrayList<>();
        ws();
        if (peek() == ']') {
          i++;
          yield l;
        }
        while (true) {
          l.add(value(t.child(0)));
          ws();
          char c = next();
          if (c == ']') {
            yield l;
          }
          if (c != ',') {
            throw bad("expected ',' or ']'");
          }
        }
      }
      case MAP -> {
        expect('{');
        Map<Object, Object> m = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
          i++;
          yield m;
        }
        while (true) {
          Object k = value(t.child(0));
          ws();
          expect(':');
          m.put(k, value(t.child(1)));
          ws();
          char c = next();
          if (c == '}') {
            yield m;
          }
          if (c != ',') {
            throw bad("expected ',' or '}'");
          }
        }
      }
      case TUPLE -> {
        expect('(');
        List<Object> l = new ArrayList<>();
        for (int k = 0; k < t.children().size(); k++) {
          if (k > 0) {
            ws();
            expect(',');
          }
          l.add(value(t.child(k)));
        }
        ws();
        expect(')');
        yield l;
      }
      case INT, FLOAT32, FLOAT64, DECIMAL, BOOL -> TextValues.parse(t, unquoted());
      case STRING, FIXED_STRING, ENUM, JSON, DATE, DATE32, DATETIME, DATETIME64, UUID, IPV4, IPV6 -> {
        String text = quoted();
        yield t.kind() == TypeSpec.Kind.STRING || t.kind() == TypeSpec.Kind.FIXED_STRING
            || t.kind() == TypeSpec.Kind.JSON || t.kind() == TypeSpec.Kind.ENUM ? text : TextValues.parse(t, text);
      }
      default -> throw bad(t.kind() + " elements are not simulated by the testkit");
    };
  }

  private String quoted() {
    ws();
    char q = next();
    if (q != '\'' && q != '"') {
      i--;
      throw bad("expected a quoted value");
    }
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == q) {
        return sb.toString();
      }
      if (c == '\\') {
        char e = next();
        sb.append(switch (e) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 'b' -> '\b';
          case 'f' -> '\f';
          case '0' -> '\0';
          default -> e;
        });
      } else {
        sb.append(c);
      }
    }
  }

  private String unquoted() {
    ws();
    int start = i;
    while (i < s.length() && ",]}):".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    if (i == start) {
      throw bad("expected a value");
    }
    return s.substring(start, i);
  }

  private boolean wordAt(int k) {
    return k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_');
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private char next() {
    if (i >= s.length()) {
      throw bad("unexpected end of the value");
    }
    return s.charAt(i++);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw bad("expected '" + c + "'");
    }
    i++;
  }

  private IllegalArgumentException bad(String why) {
    return new IllegalArgumentException("cannot read " + why + " at position " + i + " of '"
        + TextValues.snippet(s) + "'");
  }
}
