package dev.olaphttp.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A ClickHouse output format: header, per-row encoding and content type. */
public final class ChFormat {
  private final String name;
  private final TypeSpec[] specs;
  private final List<String> names;
  private final List<String> types;
  private final ZoneId zone;
  private final boolean legacy;

  private ChFormat(String name, List<String> names, List<String> types, ZoneId zone, boolean legacy) {
    this.name = name;
    this.names = names;
    this.types = types;
    this.zone = zone;
    this.legacy = legacy;
    specs = new TypeSpec[types.size()];
    for (int i = 0; i < specs.length; i++) {
      specs[i] = TypeParser.parse(types.get(i));
    }
  }

  /** The canonical name of a supported format (aliases resolved), or null. */
  public static String canonical(String format, boolean legacy) {
    String f = format.toLowerCase(Locale.ROOT);
    String c = switch (f) {
      case "tabseparated", "tsv" -> "TabSeparated";
      case "tabseparatedwithnames", "tsvwithnames" -> "TabSeparatedWithNames";
      case "tabseparatedwithnamesandtypes", "tsvwithnamesandtypes" -> "TabSeparatedWithNamesAndTypes";
      case "rowbinary" -> "RowBinary";
      case "rowbinarywithnamesandtypes" -> "RowBinaryWithNamesAndTypes";
      case "jsoneachrow" -> "JSONEachRow";
      case "jsoncompacteachrow" -> "JSONCompactEachRow";
      case "jsoncompacteachrowwithnamesandtypes" -> "JSONCompactEachRowWithNamesAndTypes";
      default -> null;
    };
    if (legacy && c != null && (c.equals("RowBinaryWithNamesAndTypes") || c.startsWith("JSONCompactEachRow"))) {
      return null;
    }
    return c;
  }

  public static ChFormat of(String canonical, List<String> names, List<String> types, ZoneId zone,
      boolean legacy) {
    return new ChFormat(canonical, new ArrayList<>(names), new ArrayList<>(types), zone, legacy);
  }

  public String name() {
    return name;
  }

  public String contentType() {
    if (name.startsWith("TabSeparated")) {
      return "text/tab-separated-values; charset=UTF-8";
    }
    if (name.startsWith("RowBinary")) {
      return "application/octet-stream";
    }
    return legacy ? "text/plain; charset=UTF-8" : "application/x-ndjson; charset=UTF-8";
  }

  public void header(ByteArrayOutputStream out) {
    switch (name) {
      case "TabSeparatedWithNames" -> tsvLine(out, names);
      case "TabSeparatedWithNamesAndTypes" -> {
        tsvLine(out, names);
        tsvLine(out, types);
      }
      case "RowBinaryWithNamesAndTypes" -> ChBinary.header(out, names, types);
      case "JSONCompactEachRowWithNamesAndTypes" -> {
        jsonLine(out, names);
        jsonLine(out, types);
      }
      default -> {
        // no header
      }
    }
  }

  public void row(ByteArrayOutputStream out, Object[] row) {
    if (name.startsWith("TabSeparated")) {
      for (int c = 0; c < specs.length; c++) {
        if (c > 0) {
          out.write('\t');
        }
        ChText.field(out, specs[c], row[c], zone);
      }
      out.write('\n');
    } else if (name.startsWith("RowBinary")) {
      for (int c = 0; c < specs.length; c++) {
        ChBinary.value(out, specs[c], row[c], zone);
      }
    } else if (name.equals("JSONEachRow")) {
      ByteText sb = new ByteText(out);
      sb.append('{');
      for (int c = 0; c < specs.length; c++) {
        if (c > 0) {
          sb.append(',');
        }
        ChJson.string(sb, names.get(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sb.append(':');
        ChJson.value(sb, specs[c], row[c], zone, legacy);
      }
      sb.append("}\n");
    } else {
      ByteText sb = new ByteText(out);
      sb.append('[');
      for (int c = 0; c < specs.length; c++) {
        if (c > 0) {
          sb.append(", ");
        }
        ChJson.value(sb, specs[c], row[c], zone, legacy);
      }
      sb.append("]\n");
    }
  }

  private static void tsvLine(ByteArrayOutputStream out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write('\t');
      }
      ChText.headerCell(out, cells.get(i));
    }
    out.write('\n');
  }

  private void jsonLine(ByteArrayOutputStream out, List<String> cells) {
    ByteText sb = new ByteText(out);
    sb.append('[');
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      ChJson.string(sb, cells.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    sb.append("]\n");
  }
}
