package dev.olaphttp.clickhouse.internal.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain HTTP access to a real server for differential tests: the server's own bytes, read without the client,
 * and the framing the 18.16 server lacks (RowBinaryWithNamesAndTypes, JSONCompactEachRowWithNamesAndTypes) built
 * around the values it sent in RowBinary and JSONCompact.
 */
final class RawServer {
    private static final JsonFactory JSON = new JsonFactory();
    private final String url;

    RawServer(String url) {
        this.url = url;
    }

    /** The body of a POSTed query; a non-200 answer fails with the server's text. */
    byte[] query(String sql) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url + "/").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setConnectTimeout(5000);
            c.setReadTimeout(30000);
            try (OutputStream out = c.getOutputStream()) {
                out.write(sql.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            InputStream in = status == 200 ? c.getInputStream() : c.getErrorStream();
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            if (status != 200) {
                throw new AssertionError("server answered " + status + ": " + new String(body, StandardCharsets.UTF_8)
                        + " for " + sql);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSONEachRow row, every value as its JSON text (strings unquoted). */
    Map<String, String> eachRow(String sql) {
        Map<String, String> row = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(query(sql + " FORMAT JSONEachRow"))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new AssertionError("no row for " + sql);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                row.put(name, p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return row;
    }

    /** Names and types from a JSONCompact answer's meta, and its data rows re-framed as EachRowWithNamesAndTypes. */
    record Compact(List<String> names, List<String> types, byte[] eachRowWithNamesAndTypes) {}

    Compact jsonCompact(String sql) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        try (JsonParser p = JSON.createParser(query(sql + " FORMAT JSONCompact"))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("meta")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            (k.equals("name") ? names : types).add(p.getText());
                        }
                    }
                } else if (field.equals("data")) {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        try (JsonGenerator g = JSON.createGenerator(rows)) {
                            copyExact(p, g);
                        }
                        rows.write('\n');
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (List<String> line : List.of(names, types)) {
                try (JsonGenerator g = JSON.createGenerator(out)) {
                    g.writeStartArray();
                    for (String s : line) {
                        g.writeString(s);
                    }
                    g.writeEndArray();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.writeBytes(rows.toByteArray());
        return new Compact(names, types, out.toByteArray());
    }

    /** Copies the structure at the parser, numbers as their exact text (copyCurrentStructure goes via double). */
    private static void copyExact(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        do {
            JsonToken t = p.currentToken();
            switch (t) {
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_STRING -> g.writeString(p.getText());
                case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(t == JsonToken.VALUE_TRUE);
                case VALUE_NULL -> g.writeNull();
                default -> throw new IOException("unexpected " + t);
            }
        } while (depth > 0 && p.nextToken() != null);
    }

    /** The server's RowBinary rows behind a RowBinaryWithNamesAndTypes header of the given names and types. */
    byte[] rowBinaryWithNamesAndTypes(String sql, List<String> names, List<String> types) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(names.size());
        names.forEach(n -> Bodies.str(out, n));
        types.forEach(t -> Bodies.str(out, t));
        out.writeBytes(query(sql + " FORMAT RowBinary"));
        return out.toByteArray();
    }
}
