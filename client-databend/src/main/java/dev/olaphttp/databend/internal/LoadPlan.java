package dev.olaphttp.databend.internal;

import dev.olaphttp.Column;
import dev.olaphttp.DataFormat;
import dev.olaphttp.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The static parts of one Databend load: checked table name, the stage and staged file derived from the label, the
 * load options ({@code method} = {@code stage} (default) or {@code streaming_load}, {@code stage}, {@code format.<name>},
 * {@code copy.<name>}) and the target columns matched against the table's schema.
 */
final class LoadPlan {
    static final String DIR = "olaphttp/load";
    private static final Pattern IDENT = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Pattern TABLE =
            Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_$]*|`[^`]+`|\"[^\"]+\")(?:\\.(?:[A-Za-z_][A-Za-z0-9_$]*|`[^`]+`|\"[^\"]+\")){0,2}");
    private static final Pattern STAGE = Pattern.compile("~|[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LABEL_SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,120}");

    final String table;
    final String stage;
    final String fileName;
    final boolean streaming;
    final Map<String, String> fileFormat = new LinkedHashMap<>();
    final Map<String, String> copy = new LinkedHashMap<>();

    LoadPlan(String table, String label, DataFormat format, Map<String, String> options) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name Databend loads into: use db.table, with `quoted` "
                    + "or \"quoted\" parts for other characters");
        }
        this.table = table;
        String stageName = "~";
        String method = "stage";
        DataFormat type = format == null ? DataFormat.NDJSON : format;
        fileFormat.put("type", type.name());
        copy.put("purge", "true");
        for (Map.Entry<String, String> e : options.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals("stage")) {
                stageName = e.getValue();
            } else if (k.equals("method")) {
                method = e.getValue().toLowerCase(Locale.ROOT);
            } else if (k.startsWith("format.") && k.length() > 7) {
                fileFormat.put(k.substring(7), e.getValue());
            } else if (k.startsWith("copy.") && k.length() > 5) {
                copy.put(k.substring(5), e.getValue());
            } else {
                throw new IllegalArgumentException("unknown Databend load option '" + e.getKey()
                        + "': use method, stage, format.<file format option> or copy.<copy option>");
            }
        }
        if (!method.equals("stage") && !method.equals("streaming_load")) {
            throw new IllegalArgumentException("Databend load option method is stage or streaming_load");
        }
        this.streaming = method.equals("streaming_load");
        if (!STAGE.matcher(stageName).matches()) {
            throw new IllegalArgumentException("not a stage name: use ~ (the user stage) or an identifier");
        }
        this.stage = stageName;
        this.fileName = fileStem(label) + "." + type.name().toLowerCase(Locale.ROOT);
    }

    /** The staged file's name: the label when it is path-safe, else a stable hash of it. */
    private static String fileStem(String label) {
        if (LABEL_SAFE.matcher(label).matches() && !label.startsWith(".")) {
            return label;
        }
        return "label-" + Integer.toHexString(label.hashCode()) + "-" + Integer.toHexString(label.length());
    }

    /** The file's path inside the stage. */
    String path() {
        return DIR + "/" + fileName;
    }

    /** The file's stage location, e.g. {@code @~/olaphttp/load/label.ndjson}. */
    String location() {
        return "@" + stage + "/" + path();
    }

    /** {@code INSERT INTO t (a, b) VALUES} (or without a list when {@code columns} is empty). */
    String insertSql(List<String> columns) {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table);
        if (!columns.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < columns.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(quote(columns.get(i)));
            }
            sb.append(')');
        }
        return sb.append(" VALUES").toString();
    }

    /** An identifier as is when plain lower case, else backtick-quoted (exact case) with backticks doubled. */
    static String quote(String name) {
        return IDENT.matcher(name).matches() ? name : "`" + name.replace("`", "``") + "`";
    }

    /**
     * The table's columns a load targets, in the caller's order: each name matches a column exactly, then
     * case-insensitively, then with underscores ignored. Empty {@code wanted} means all columns.
     */
    static List<Column> match(Schema table, List<String> wanted) {
        if (wanted.isEmpty()) {
            return table.columns();
        }
        List<Column> out = new ArrayList<>(wanted.size());
        for (String w : wanted) {
            Column c = find(table, w);
            if (c == null) {
                throw new IllegalArgumentException("the table has no column '" + w + "'; its columns are "
                        + table.names());
            }
            if (out.contains(c)) {
                throw new IllegalArgumentException("column '" + w + "' is listed twice");
            }
            out.add(c);
        }
        return out;
    }

    private static Column find(Schema table, String w) {
        for (Column c : table.columns()) {
            if (c.name().equals(w)) {
                return c;
            }
        }
        Column found = null;
        for (Column c : table.columns()) {
            if (c.name().equalsIgnoreCase(w)) {
                if (found != null) {
                    throw new IllegalArgumentException("column '" + w + "' matches several columns of the table "
                            + "when case is ignored: give its exact name");
                }
                found = c;
            }
        }
        if (found != null) {
            return found;
        }
        String bare = w.replace("_", "");
        for (Column c : table.columns()) {
            if (c.name().replace("_", "").equalsIgnoreCase(bare)) {
                return c;
            }
        }
        return null;
    }
}
