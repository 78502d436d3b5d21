package dev.olaphttp.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Databend's client-carried {@code session} object (HttpSessionConf), mutable while a statement runs. */
final class DatabendSession {
  String catalog = "default";
  String database = "default";
  String role = "account_admin";
  final Map<String, String> settings = new TreeMap<>();
  String txnState = "AutoCommit";
  String internal;

  DatabendSession copy() {
    DatabendSession s = new DatabendSession();
    s.catalog = catalog;
    s.database = database;
    s.role = role;
    s.settings.putAll(settings);
    s.txnState = txnState;
    s.internal = internal;
    return s;
  }

  boolean needSticky() {
    return txnState.equals("Active");
  }

  String timezone() {
    return settings.getOrDefault("timezone", "UTC");
  }

  int resultTimeoutSecs() {
    String v = settings.get("http_handler_result_timeout_secs");
    return v == null ? 60 : Integer.parseInt(v.trim());
  }

  /** Reads a session object; the parser is on its START_OBJECT. */
  static DatabendSession read(JsonParser p) throws IOException {
    DatabendSession s = new DatabendSession();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "catalog" -> s.catalog = text(p, t, s.catalog);
        case "database" -> s.database = text(p, t, s.database);
        case "role" -> s.role = text(p, t, s.role);
        case "txn_state" -> s.txnState = text(p, t, s.txnState);
        case "internal" -> s.internal = text(p, t, null);
        case "settings" -> {
          if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String k = p.currentName();
              p.nextToken();
              s.settings.put(k, p.getText());
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    return s;
  }

  private static String text(JsonParser p, JsonToken t, String fallback) throws IOException {
    return t == JsonToken.VALUE_NULL ? fallback : p.getText();
  }

  /** Writes the object in the server's field order. */
  void write(JsonGenerator g, String nodeId, String queryId) throws IOException {
    g.writeStartObject();
    g.writeStringField("catalog", catalog);
    g.writeStringField("database", database);
    g.writeStringField("role", role);
    g.writeObjectFieldStart("settings");
    for (Map.Entry<String, String> e : settings.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeStringField("txn_state", txnState);
    g.writeBooleanField("need_sticky", needSticky());
    g.writeBooleanField("need_keep_alive", needSticky());
    g.writeStringField("internal",
        "{\"last_node_id\":\"" + nodeId + "\",\"last_query_ids\":[\"" + queryId + "\"]}");
    g.writeEndObject();
  }
}
