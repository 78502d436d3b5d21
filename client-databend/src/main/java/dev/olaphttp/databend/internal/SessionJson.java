package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Databend's {@code session} object (kept as the server's raw JSON text) and, only when a statement carries
 * its own settings, splices a new {@code settings} member into it leaving every other byte as it was.
 */
final class SessionJson {
    String database;
    String catalog;
    final Map<String, String> settings = new LinkedHashMap<>();
    boolean hasSettings;
    String txnState;
    boolean needSticky;
    boolean needKeepAlive;
    String lastNodeId;
    private int settingsStart = -1;
    private int settingsEnd = -1;

    private SessionJson() {}

    /** Parses the fields this client uses; unknown members are ignored. */
    static SessionJson read(String raw) {
        SessionJson s = new SessionJson();
        if (raw == null) {
            return s;
        }
        try (JsonParser p = PageParser.JSON.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return s;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "database" -> s.database = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "catalog" -> s.catalog = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "txn_state" -> s.txnState = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "need_sticky" -> s.needSticky = t == JsonToken.VALUE_TRUE;
                    case "need_keep_alive" -> s.needKeepAlive = t == JsonToken.VALUE_TRUE;
                    case "internal" -> s.lastNodeId = t == JsonToken.VALUE_STRING ? lastNodeId(p.getText()) : null;
                    case "settings" -> s.readSettings(p);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("malformed session object", e);
        }
        return s;
    }

    private void readSettings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        hasSettings = true;
        settingsStart = (int) p.currentTokenLocation().getCharOffset();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                settings.put(k, p.getText());
            } else {
                p.skipChildren();
            }
        }
        settingsEnd = (int) p.currentTokenLocation().getCharOffset() + 1;
    }

    private static String lastNodeId(String internal) {
        if (internal == null || internal.isEmpty()) {
            return null;
        }
        try (JsonParser p = PageParser.JSON.createParser(internal)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (f.equals("last_node_id") && t == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return null; // opaque: not ours to judge
        }
        return null;
    }

    /** The raw session with its settings replaced by {@code newSettings}; other members untouched. */
    static String withSettings(String raw, Map<String, String> newSettings) {
        SessionJson s = read(raw);
        String obj = settingsObject(newSettings);
        if (s.settingsStart >= 0) {
            return raw.substring(0, s.settingsStart) + obj + raw.substring(s.settingsEnd);
        }
        int brace = raw.indexOf('{');
        String rest = raw.substring(brace + 1).stripLeading();
        return raw.substring(0, brace + 1) + "\"settings\":" + obj + (rest.startsWith("}") ? "" : ",") + rest;
    }

    /** A fresh session object for a state that has no server session yet. */
    static String fresh(String database, Map<String, String> settings) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = PageParser.JSON.createGenerator(w)) {
            g.writeStartObject();
            if (database != null) {
                g.writeStringField("database", database);
            }
            if (!settings.isEmpty()) {
                g.writeFieldName("settings");
                writeSettings(g, settings);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String settingsObject(Map<String, String> settings) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = PageParser.JSON.createGenerator(w)) {
            writeSettings(g, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void writeSettings(JsonGenerator g, Map<String, String> settings) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
