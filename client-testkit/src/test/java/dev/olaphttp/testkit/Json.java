package dev.olaphttp.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-side JSON tree (ordered maps) built with jackson-core. */
final class Json {
  private static final JsonFactory F = new JsonFactory();

  private Json() {}

  static Object parse(String text) {
    try (JsonParser p = F.createParser(text)) {
      p.nextToken();
      Object v = value(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("trailing content");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    return (Map<String, Object>) parse(text);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          p.nextToken();
          m.put(k, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected " + t);
    }
  }

  /** The response body of exchange {@code step} (1-based) of a Databend transcript. */
  static Map<String, Object> transcriptBody(String file, int step) {
    Map<String, Object> t = object(Fixtures.text("databend/" + file));
    Map<String, Object> ex = obj(list(t.get("exchanges")).get(step - 1));
    return obj(obj(ex.get("response")).get("body"));
  }

  /** Response header names of exchange {@code step}. */
  static List<String> transcriptHeaderNames(String file, int step) {
    Map<String, Object> t = object(Fixtures.text("databend/" + file));
    Map<String, Object> ex = obj(list(t.get("exchanges")).get(step - 1));
    return new ArrayList<>(obj(obj(ex.get("response")).get("headers")).keySet());
  }
}
