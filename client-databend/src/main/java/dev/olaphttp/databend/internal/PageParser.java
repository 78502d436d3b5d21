package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Reads one {@code QueryResponse} body with Jackson's streaming parser: the metadata into a {@link Page}, the
 * {@code data} rows straight into the result's {@link CellColumn}s. Memory is bounded by the page.
 */
final class PageParser {
    static final JsonFactory JSON = new JsonFactory();
    static final int SESSION_RECORD_LIMIT = 1 << 20;

    /** Supplies the result's columns when the rows start; {@code null} while the schema is unknown. */
    interface ColumnSource {
        CellColumn[] columns(Page page);
    }

    /** The body is not a QueryResponse this client understands. */
    static final class MalformedPage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedPage(String message) {
            super(message);
        }
    }

    private PageParser() {}

    /** Parses a whole body; IOExceptions (including malformed JSON) propagate. */
    static Page parse(RecordingInputStream in, ColumnSource columns) throws IOException {
        Page page = new Page();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPage("a query response must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "id" -> page.id = text(p);
                    case "session_id" -> page.sessionId = text(p);
                    case "node_id" -> page.nodeId = text(p);
                    case "state" -> page.state = text(p);
                    case "session" -> page.sessionJson = session(p, in);
                    case "error" -> error(p, page);
                    case "warnings" -> warnings(p, page);
                    case "schema" -> schema(p, page);
                    case "data" -> {
                        in.stop();
                        data(p, page, columns);
                    }
                    case "affect" -> affect(p, page);
                    case "result_timeout_secs" -> page.resultTimeoutSecs = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                    case "settings" -> settings(p, page);
                    case "stats" -> stats(p, page.stats);
                    case "stats_uri" -> page.statsUri = text(p);
                    case "final_uri" -> page.finalUri = text(p);
                    case "next_uri" -> page.nextUri = text(p);
                    case "kill_uri" -> page.killUri = text(p);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new MalformedPage("unexpected content after the query response");
            }
        }
        return page;
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    private static String session(JsonParser p, RecordingInputStream in) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        long start = p.currentTokenLocation().getByteOffset();
        String raw = null;
        if (start >= 0) {
            p.skipChildren();
            long end = p.currentTokenLocation().getByteOffset() + 1;
            raw = in.slice(start, end);
            if (raw != null) {
                return raw;
            }
            throw new MalformedPage("the session object is too large to keep");
        }
        return copy(p);
    }

    static String copy(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }

    private static void error(JsonParser p, Page page) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "code" -> page.errorCode = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                case "message" -> page.errorMessage = text(p);
                case "detail" -> page.errorDetail = text(p);
                default -> p.skipChildren();
            }
        }
        if (page.errorMessage == null) {
            page.errorMessage = "";
        }
    }

    private static void warnings(JsonParser p, Page page) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String w = text(p);
            if (w != null) {
                page.warnings.add(w);
            }
        }
    }

    private static void schema(JsonParser p, Page page) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String type = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("name")) {
                    name = text(p);
                } else if (f.equals("type")) {
                    type = text(p);
                } else {
                    p.skipChildren();
                }
            }
            if (name == null || type == null) {
                throw new MalformedPage("a schema entry lacks its name or type");
            }
            page.schema.add(new String[] {name, type});
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedPage("schema must be an array of objects");
        }
    }

    private static void data(JsonParser p, Page page, ColumnSource source) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedPage("data must be an array of rows");
        }
        page.hasData = true;
        CellColumn[] cols = null;
        int row = 0;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            if (cols == null) {
                cols = source.columns(page);
                if (cols == null) {
                    throw new MalformedPage("rows arrived before the schema");
                }
            }
            if (cols.length > 0 && row >= cols[0].nulls.length) { // all columns grow together
                for (CellColumn c : cols) {
                    c.ensure(row + 1);
                }
            }
            for (int c = 0; c < cols.length; c++) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && cols[c].isNullText(p)) {
                    cols[c].readNull(row);
                } else if (t != null && t.isScalarValue()) {
                    try {
                        CellColumn.read(cols[c], p, row);
                    } catch (RuntimeException e) {
                        throw new ObjectColumn.CellException(cols[c].name, cols[c].type, e);
                    }
                } else {
                    throw new MalformedPage("row " + row + " has " + c + " cells, the schema " + cols.length);
                }
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new MalformedPage("row " + row + " has more cells than the schema's " + cols.length);
            }
            row++;
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedPage("data must be an array of rows");
        }
        page.rows = row;
    }

    private static void affect(JsonParser p, Page page) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        page.affectJson = copy(p);
        try (JsonParser q = JSON.createParser(page.affectJson)) {
            q.nextToken();
            while (q.nextToken() == JsonToken.FIELD_NAME) {
                String f = q.currentName();
                q.nextToken();
                if (f.equals("type")) {
                    page.affectType = text(q);
                } else {
                    q.skipChildren();
                }
            }
        }
    }

    private static void settings(JsonParser p, Page page) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        page.hasSettings = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "timezone" -> page.timezone = text(p);
                case "binary_output_format" -> page.binaryFormat = text(p);
                case "http_json_result_mode" -> page.jsonResultMode = text(p);
                default -> p.skipChildren();
            }
        }
    }

    private static void stats(JsonParser p, Page.Stats s) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        s.present = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "scan_progress" -> {
                    long[] rb = progress(p);
                    s.scanRows = rb[0];
                    s.scanBytes = rb[1];
                }
                case "write_progress" -> {
                    long[] rb = progress(p);
                    s.writeRows = rb[0];
                    s.writeBytes = rb[1];
                }
                case "result_progress" -> {
                    long[] rb = progress(p);
                    s.resultRows = rb[0];
                    s.resultBytes = rb[1];
                }
                case "spill_progress" -> {
                    long[] rb = progress(p);
                    s.spillFiles = rb[0];
                }
                case "running_time_ms" -> s.runningMs = t.isNumeric() ? p.getDoubleValue() : -1;
                default -> p.skipChildren();
            }
        }
    }

    /** {@code {rows|file_nums, bytes}}. */
    private static long[] progress(JsonParser p) throws IOException {
        long[] rb = {-1, -1};
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return rb;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            long v = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
            if (f.equals("rows") || f.equals("file_nums")) {
                rb[0] = v;
            } else if (f.equals("bytes")) {
                rb[1] = v;
            } else {
                p.skipChildren();
            }
        }
        return rb;
    }
}
