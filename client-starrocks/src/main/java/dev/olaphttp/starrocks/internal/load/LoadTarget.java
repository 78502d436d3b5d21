package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.SessionState;
import dev.olaphttp.starrocks.internal.SqlRequests;
import java.util.ArrayList;
import java.util.List;

/**
 * The database and table a load goes to: {@code table}, {@code db.table} or {@code default_catalog.db.table}
 * (backquoted parts allowed); an unqualified table uses the client's database. Stream Load only reaches the
 * internal catalog.
 */
record LoadTarget(String database, String table) {
    static LoadTarget parse(String name, SessionState state) {
        List<String> parts = split(name.strip());
        if (parts.size() == 3) {
            if (!parts.get(0).equalsIgnoreCase("default_catalog")) {
                throw new IllegalArgumentException("Stream Load only loads tables of default_catalog, not "
                        + parts.get(0));
            }
            parts = parts.subList(1, 3);
        }
        if (parts.size() == 2) {
            return new LoadTarget(parts.get(0), parts.get(1));
        }
        if (parts.size() == 1) {
            String only = parts.get(0);
            String db = state.database().orElseThrow(() -> new IllegalArgumentException(
                    "the table " + only + " has no database: write db.table or give the client a database"));
            return new LoadTarget(db, only);
        }
        throw new IllegalArgumentException("a table name is table, db.table or default_catalog.db.table");
    }

    private static List<String> split(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`') {
                if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    cur.append('`');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        if (quoted || parts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("malformed table name (empty part or unclosed backquote)");
        }
        return parts;
    }

    /** {@code /api/{db}/{table}/_stream_load}. */
    String streamLoadPath() {
        return "/api/" + SqlRequests.encode(database) + "/" + SqlRequests.encode(table) + "/_stream_load";
    }

    /** {@code `db`.`table`} for SQL. */
    String sqlName() {
        return quote(database) + "." + quote(table);
    }

    private static String quote(String s) {
        return "`" + s.replace("`", "``") + "`";
    }
}
