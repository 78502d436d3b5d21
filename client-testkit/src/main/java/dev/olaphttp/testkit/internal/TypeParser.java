package dev.olaphttp.testkit.internal;

import dev.olaphttp.testkit.internal.TypeSpec.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses ClickHouse, Databend and StarRocks type strings into {@link TypeSpec}. */
public final class TypeParser {
  private TypeParser() {}

  public static TypeSpec parse(String type) {
    String t = type.trim();
    if (t.endsWith(" NULL")) {
      return parse(t.substring(0, t.length() - 5)).withNullable(true);
    }
    int i = 0;
    while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) {
      i++;
    }
    String name = t.substring(0, i).toLowerCase(Locale.ROOT);
    List<String> args = List.of();
    if (i < t.length() && (t.charAt(i) == '(' || t.charAt(i) == '<')) {
      char close = t.charAt(i) == '(' ? ')' : '>';
      if (t.charAt(t.length() - 1) != close) {
        throw new IllegalArgumentException("unbalanced type: " + type);
      }
      args = splitTopLevel(t.substring(i + 1, t.length() - 1));
    } else if (i != t.length()) {
      throw new IllegalArgumentException("unsupported type: " + type);
    }
    return build(name, args, type);
  }

  private static TypeSpec build(String name, List<String> args, String type) {
    switch (name) {
      case "nullable":
        return parse(args.get(0)).withNullable(true);
      case "lowcardinality":
        return parse(args.get(0)).withLowCardinality();
      case "int8": case "tinyint": return TypeSpec.integer(8, true);
      case "int16": case "smallint": return TypeSpec.integer(16, true);
      case "int32": case "int": case "integer": return TypeSpec.integer(32, true);
      case "int64": case "bigint": return TypeSpec.integer(64, true);
      case "int128": case "largeint": return TypeSpec.integer(128, true);
      case "int256": return TypeSpec.integer(256, true);
      case "uint8": return TypeSpec.integer(8, false);
      case "uint16": return TypeSpec.integer(16, false);
      case "uint32": return TypeSpec.integer(32, false);
      case "uint64": return TypeSpec.integer(64, false);
      case "uint128": return TypeSpec.integer(128, false);
      case "uint256": return TypeSpec.integer(256, false);
      case "float32": case "float": return TypeSpec.simple(Kind.FLOAT32);
      case "float64": case "double": return TypeSpec.simple(Kind.FLOAT64);
      case "bool": case "boolean": return TypeSpec.simple(Kind.BOOL);
      case "string": case "varchar": case "char": case "text": return TypeSpec.simple(Kind.STRING);
      case "fixedstring":
        return new TypeSpec(Kind.FIXED_STRING, false, 0, true, Integer.parseInt(args.get(0)), 0, null,
            List.of(), List.of(), Map.of(), false);
      case "decimal": case "decimalv2": case "decimal32": case "decimal64": case "decimal128":
      case "decimal256":
        return decimal(name, args);
      case "date": return TypeSpec.simple(Kind.DATE);
      case "date32": return TypeSpec.simple(Kind.DATE32);
      case "datetime": case "timestamp":
        return new TypeSpec(Kind.DATETIME, false, 0, true, 0, 0, args.isEmpty() ? null : unquote(args.get(0)),
            List.of(), List.of(), Map.of(), false);
      case "datetime64":
        return new TypeSpec(Kind.DATETIME64, false, 0, true, Integer.parseInt(args.get(0)), 0,
            args.size() > 1 ? unquote(args.get(1)) : null, List.of(), List.of(), Map.of(), false);
      case "timestamp_tz": case "timestamptz": return TypeSpec.simple(Kind.TIMESTAMP_TZ);
      case "uuid": return TypeSpec.simple(Kind.UUID);
      case "ipv4": return TypeSpec.simple(Kind.IPV4);
      case "ipv6": return TypeSpec.simple(Kind.IPV6);
      case "json": case "variant": case "object": return TypeSpec.simple(Kind.JSON);
      case "binary": case "varbinary": return TypeSpec.simple(Kind.BINARY);
      case "interval": return TypeSpec.simple(Kind.INTERVAL);
      case "nothing": case "null": return TypeSpec.simple(Kind.NOTHING).withNullable(true);
      case "bitmap": case "hll": case "percentile": return TypeSpec.simple(Kind.OPAQUE).withNullable(true);
      case "array":
        if (args.get(0).equalsIgnoreCase("Nothing")) {
          return container(Kind.ARRAY, List.of(TypeSpec.simple(Kind.NOTHING)), List.of());
        }
        return container(Kind.ARRAY, List.of(parse(args.get(0))), List.of());
      case "map":
        if (args.size() == 1) {
          return container(Kind.MAP, List.of(TypeSpec.simple(Kind.NOTHING), TypeSpec.simple(Kind.NOTHING)),
              List.of());
        }
        return container(Kind.MAP, List.of(parse(args.get(0)), parse(args.get(1))), List.of());
      case "tuple": case "struct":
        return tuple(args);
      case "enum8": case "enum16":
        return enumType(name.equals("enum8") ? 8 : 16, args);
      default:
        throw new IllegalArgumentException("unsupported type: " + type);
    }
  }

  private static TypeSpec decimal(String name, List<String> args) {
    int p;
    int s;
    int bits;
    switch (name) {
      case "decimal32" -> { p = 9; bits = 32; }
      case "decimal64" -> { p = 18; bits = 64; }
      case "decimal128" -> { p = 38; bits = 128; }
      case "decimal256" -> { p = 76; bits = 256; }
      default -> { p = args.isEmpty() ? 10 : Integer.parseInt(args.get(0)); bits = 0; }
    }
    if (bits != 0 && args.size() == 2) {
      p = Integer.parseInt(args.get(0));
      s = Integer.parseInt(args.get(1));
    } else if (bits != 0) {
      s = args.isEmpty() ? 0 : Integer.parseInt(args.get(0));
    } else {
      s = args.size() > 1 ? Integer.parseInt(args.get(1)) : 0;
    }
    if (bits == 0 || args.size() == 2) {
      bits = p <= 9 ? 32 : p <= 18 ? 64 : p <= 38 ? 128 : 256;
    }
    return new TypeSpec(Kind.DECIMAL, false, bits, true, p, s, null, List.of(), List.of(), Map.of(), false);
  }

  private static TypeSpec container(Kind kind, List<TypeSpec> children, List<String> names) {
    return new TypeSpec(kind, false, 0, true, 0, 0, null, children, names, Map.of(), false);
  }

  private static TypeSpec tuple(List<String> args) {
    List<TypeSpec> kids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String a : args) {
      if (a.isEmpty()) {
        continue;
      }
      int sp = a.indexOf(' ');
      String head = sp < 0 ? a : a.substring(0, sp);
      boolean named = sp > 0 && head.indexOf('(') < 0 && head.indexOf('<') < 0
          && !a.substring(sp + 1).trim().equals("NULL");
      if (named) {
        names.add(head.replace("`", ""));
        kids.add(parse(a.substring(sp + 1)));
      } else {
        names.add(null);
        kids.add(parse(a));
      }
    }
    return container(Kind.TUPLE, kids, names);
  }

  private static TypeSpec enumType(int bits, List<String> args) {
    Map<String, Integer> values = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.lastIndexOf('=');
      values.put(unquote(a.substring(0, eq).trim()), Integer.parseInt(a.substring(eq + 1).trim()));
    }
    return new TypeSpec(Kind.ENUM, false, bits, true, 0, 0, null, List.of(), List.copyOf(values.keySet()),
        values, false);
  }

  static String unquote(String s) {
    String t = s.trim();
    if (t.length() >= 2 && t.charAt(0) == '\'' && t.charAt(t.length() - 1) == '\'') {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < t.length() - 1; i++) {
        char c = t.charAt(i);
        if (c == '\\' && i + 1 < t.length() - 1) {
          c = t.charAt(++i);
        }
        sb.append(c);
      }
      return sb.toString();
    }
    return t;
  }

  static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '\'') {
          quoted = false;
        }
      } else if (c == '\'') {
        quoted = true;
      } else if (c == '(' || c == '<') {
        depth++;
      } else if (c == ')' || c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i).trim());
        start = i + 1;
      }
    }
    String last = s.substring(start).trim();
    if (!last.isEmpty() || !out.isEmpty()) {
      out.add(last);
    }
    return out;
  }
}
