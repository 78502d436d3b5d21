package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.olaphttp.Column;
import dev.olaphttp.QueryStats;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one SQL API response body with Jackson's streaming parser, one value at a time, in constant memory:
 *
 * <ul>
 *   <li>SELECT: NDJSON lines {@code connectionId}, {@code meta}, one {@code data} per row, {@code statistics}. The
 *       statistics line is the only end marker; a body that ends without it is truncated
 *       ({@link JsonEOFException}).
 *   <li>SHOW/DESC: one object {@code {"meta":[…],"data":[{…},…],"statistics":{…}}}, rows keyed by column name.
 *   <li>EXPLAIN: one object {@code {"explain":"…"}}, returned as one row per plan line.
 *   <li>KILL: an empty body, when the caller allows one.
 * </ul>
 *
 * Malformed input is a {@link JsonParseException}; a {@code {"status":"FAILED"}} object a
 * {@link ResultParts.Failed}.
 */
final class ResultReader {
    /** The four body forms. */
    enum Form {
        STREAM,
        SHOW,
        EXPLAIN,
        EMPTY
    }

    private final JsonParser p;
    private final boolean emptyAllowed;
    private final Statement.Answer answer;
    private Form form;
    private String connectionId;
    private Schema schema = Schema.empty();
    private ValueDecoder[] decoders = new ValueDecoder[0];
    private RowBuffer row = new RowBuffer(new RowBuffer.Slot[0]);
    private Map<String, Integer> byName;
    private String[] explainLines;
    private int explainNext;
    private QueryStats stats;
    private boolean done;
    private long rows;

    ResultReader(JsonParser parser, boolean emptyAllowed, Statement.Answer answer) {
        this.p = parser;
        this.emptyAllowed = emptyAllowed;
        this.answer = answer;
    }

    /** Reads up to the first row: connection id and columns, or the whole EXPLAIN/KILL answer. */
    void readHead() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            if (!emptyAllowed) {
                throw new JsonEOFException(p, null, "the response body is empty: the result ended before it began");
            }
            form = Form.EMPTY;
            finish(QueryStats.builder().resultRows(0).build());
            return;
        }
        String name = firstField(t);
        if ("connectionId".equals(name)) {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_STRING) {
                throw new JsonParseException(p, "connectionId is not a number");
            }
            connectionId = p.getText();
            expect(JsonToken.END_OBJECT, "the connectionId line has extra fields");
            t = p.nextToken();
            if (t == null) {
                throw new JsonEOFException(p, null, "the result ended after the connectionId line, before meta");
            }
            name = firstField(t);
        }
        switch (name == null ? "" : name) {
            case "meta" -> afterMeta();
            case "explain" -> explain();
            case "status", "code", "msg", "message" -> throw ResultParts.failure(p, name);
            default -> throw new JsonParseException(p, "expected meta, explain or connectionId, got "
                    + (name == null ? "an empty object" : "'" + name + "'"));
        }
        boolean expected = switch (answer) {
            case ANY -> true;
            case ROWS -> form == Form.STREAM;
            case SHOW_OR_ROWS -> form == Form.STREAM || form == Form.SHOW;
            case EXPLAIN -> form == Form.EXPLAIN;
        };
        if (!expected) {
            throw new JsonParseException(p, "the statement was answered with a " + form + " body, which is not the"
                    + " answer to such a statement");
        }
    }

    private String firstField(JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected a JSON object, got " + t);
        }
        return p.nextFieldName();
    }

    private void afterMeta() throws IOException {
        readMeta();
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
            form = Form.STREAM;
            return;
        }
        if (t != JsonToken.FIELD_NAME) {
            throw new JsonParseException(p, "unexpected " + t + " after meta");
        }
        form = Form.SHOW;
        byName = new HashMap<>();
        for (int i = schema.size() - 1; i >= 0; i--) {
            byName.put(schema.columns().get(i).name(), i);
        }
        String field = p.currentName();
        if (!"data".equals(field)) {
            // the FE writes meta, data, statistics: without the data array the rows would be silently missing
            throw new JsonParseException(p, "the SHOW object has '" + field + "' where its data array belongs");
        }
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(p, "SHOW data is not an array");
        }
    }

    private void readMeta() throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(p, "meta is not an array");
        }
        List<Column> columns = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            String colName = null;
            String type = null;
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if ("name".equals(f) && v == JsonToken.VALUE_STRING) {
                    colName = p.getText();
                } else if ("type".equals(f) && v == JsonToken.VALUE_STRING) {
                    type = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (colName == null || type == null) {
                throw new JsonParseException(p, "a meta column has no " + (colName == null ? "name" : "type"));
            }
            columns.add(new Column(colName, type(type)));
        }
        if (t != JsonToken.END_ARRAY) {
            throw new JsonParseException(p, "meta holds " + t + " instead of column objects");
        }
        if (columns.isEmpty()) {
            throw new JsonParseException(p, "meta lists no columns (every SELECT and SHOW has at least one)");
        }
        schema = Schema.of(columns);
        decoders = new ValueDecoder[columns.size()];
        RowBuffer.Slot[] slots = new RowBuffer.Slot[columns.size()];
        for (int i = 0; i < decoders.length; i++) {
            decoders[i] = Decoders.forType(columns.get(i).type());
            slots[i] = decoders[i].slot();
        }
        row = new RowBuffer(slots);
    }

    private static SqlType type(String type) {
        if (type == null || type.isBlank()) {
            return SqlType.builder(TypeKind.OTHER).name(type == null ? "unknown" : type).nullable(true).build();
        }
        try {
            return TypeParser.parse(type);
        } catch (IllegalArgumentException e) {
            return SqlType.builder(TypeKind.OTHER).name(type).nullable(true).build();
        }
    }

    private void explain() throws IOException {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw new JsonParseException(p, "explain is not a string");
        }
        String plan = p.getText();
        expect(JsonToken.END_OBJECT, "the explain object has extra fields");
        endOfBody();
        form = Form.EXPLAIN;
        String[] lines = plan.split("\n", -1);
        int n = lines.length;
        while (n > 0 && lines[n - 1].isEmpty()) {
            n--;
        }
        explainLines = java.util.Arrays.copyOf(lines, n);
        SqlType text = SqlType.builder(TypeKind.STRING).name("varchar").nullable(false).build();
        schema = Schema.of(List.of(new Column("Explain String", text)));
        decoders = new ValueDecoder[] {Decoders.forType(text)};
        row = new RowBuffer(new RowBuffer.Slot[] {RowBuffer.Slot.OBJECT});
    }

    /** Moves to the next row; {@code false} only at the confirmed end. */
    boolean next() throws IOException {
        if (done) {
            return false;
        }
        boolean has = switch (form) {
            case STREAM -> nextLine();
            case SHOW -> nextShowRow();
            case EXPLAIN -> nextExplainLine();
            case EMPTY -> false;
        };
        if (has) {
            rows++;
        }
        return has;
    }

    private boolean nextLine() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonEOFException(p, null, "the result ended without its statistics line after " + rows
                    + " rows");
        }
        String name = firstField(t);
        if ("data".equals(name)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonParseException(p, "data is not an array");
            }
            readArrayRow();
            expect(JsonToken.END_OBJECT, "a data line has extra fields");
            return true;
        }
        if ("statistics".equals(name)) {
            QueryStats s = readStats();
            expect(JsonToken.END_OBJECT, "the statistics line has extra fields");
            if (s.resultRows() >= 0 && s.resultRows() != rows) {
                // the FE counts the rows it sent: a row lost or repeated on the way would otherwise go unnoticed
                throw new JsonParseException(p, "the statistics line reports " + s.resultRows() + " rows but "
                        + rows + " arrived");
            }
            finish(s); // the end marker: the result is complete
            endOfBody();
            return false;
        }
        if ("status".equals(name) || "msg".equals(name)) {
            throw ResultParts.failure(p, name);
        }
        throw new JsonParseException(p, "unexpected line " + (name == null ? "{}" : "'" + name + "'"));
    }

    private void readArrayRow() throws IOException {
        for (int i = 0; i < decoders.length; i++) {
            JsonToken v = p.nextToken();
            if (v == JsonToken.END_ARRAY) {
                throw new JsonParseException(p, "a row has " + i + " values but meta has " + decoders.length);
            }
            decoders[i].read(p, v, row, i);
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new JsonParseException(p, "a row has more values than the " + decoders.length + " meta columns");
        }
    }

    private boolean nextShowRow() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
            row.clear();
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                Integer col = byName.get(f);
                if (col == null) {
                    p.skipChildren();
                } else {
                    decoders[col].read(p, v, row, col);
                }
            }
            return true;
        }
        if (t == JsonToken.START_ARRAY) {
            readArrayRow();
            return true;
        }
        if (t != JsonToken.END_ARRAY) {
            throw new JsonParseException(p, "SHOW data holds " + t + " instead of rows");
        }
        JsonToken next = p.nextToken();
        showTail(next == JsonToken.FIELD_NAME ? p.currentName() : null);
        return false;
    }

    /** After SHOW data: optional statistics, then the end of the object and of the body. */
    private void showTail(String field) throws IOException {
        QueryStats s = null;
        String f = field;
        while (f != null) {
            JsonToken v = p.nextToken();
            if ("statistics".equals(f) && v == JsonToken.START_OBJECT) {
                s = ResultParts.stats(p);
            } else {
                p.skipChildren();
            }
            f = p.nextFieldName();
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "the SHOW object does not end after its fields");
        }
        if (s != null && s.resultRows() >= 0 && s.resultRows() != rows) {
            throw new JsonParseException(p, "the SHOW statistics report " + s.resultRows() + " rows but " + rows
                    + " arrived");
        }
        endOfBody();
        finish(s != null ? s : QueryStats.builder().resultRows(rows).build());
    }

    private boolean nextExplainLine() {
        if (explainNext >= explainLines.length) {
            finish(QueryStats.builder().resultRows(explainLines.length).build());
            return false;
        }
        row.setObject(0, explainLines[explainNext++]);
        return true;
    }

    private QueryStats readStats() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "statistics is not an object");
        }
        return ResultParts.stats(p);
    }

    private void expect(JsonToken token, String otherwise) throws IOException {
        JsonToken t = p.nextToken();
        if (t != token) {
            throw new JsonParseException(p, otherwise);
        }
    }

    /**
     * After the result's end marker: nothing may follow. A connection that breaks here (no final chunk) does not
     * spoil the result, which is already complete; more JSON does.
     */
    private void endOfBody() throws IOException {
        JsonToken t;
        try {
            t = p.nextToken();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | Utf8Guard.Invalid e) {
            throw e;
        } catch (IOException e) {
            return;
        }
        if (t != null) {
            throw new JsonParseException(p, "the body goes on after the end of the result");
        }
    }

    private void finish(QueryStats s) {
        stats = s;
        done = true;
    }

    /** The body's form once its head was read, else null. */
    Form form() {
        return form;
    }

    boolean isDone() {
        return done;
    }

    String connectionId() {
        return connectionId;
    }

    Schema schema() {
        return schema;
    }

    RowBuffer row() {
        return row;
    }

    long rows() {
        return rows;
    }

    /** The server's statistics once the end was read, otherwise unknown. */
    QueryStats stats() {
        return stats != null ? stats : QueryStats.unknown();
    }
}
