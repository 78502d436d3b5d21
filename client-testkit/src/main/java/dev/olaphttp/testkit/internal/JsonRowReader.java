package dev.olaphttp.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;

/**
 * Streams JSON rows: objects one after another (JSONEachRow, NDJSON) or inside one outer array. Fields map to
 * columns by name; unknown fields are skipped; omitted ones take the column default. Internal.
 */
public final class JsonRowReader implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonParser p;
  private final Map<String, Integer> index;
  private final TypeSpec[] specs;
  private final String[] names;
  private final boolean[] seen;
  private boolean skipUnknown = true;
  private boolean inArray;
  private boolean started;
  private long row;

  /** {@code index} maps field names to positions in {@code specs}/{@code names}. */
  public JsonRowReader(InputStream in, Map<String, Integer> index, TypeSpec[] specs, String[] names)
      throws IOException {
    this.p = JSON.createParser(in);
    this.index = index;
    this.specs = specs;
    this.names = names;
    this.seen = new boolean[specs.length];
  }

  /** Whether unknown fields are skipped (true, the default) or fail the row as malformed input. */
  public JsonRowReader skipUnknownFields(boolean skip) {
    this.skipUnknown = skip;
    return this;
  }

  /** Bytes consumed so far. */
  public long bytes() {
    return p.currentLocation().getByteOffset();
  }

  /** Reads the next row into {@code out}; false at the end. */
  public boolean next(Object[] out) throws LoadError, IOException {
    row++;
    try {
      JsonToken t = p.nextToken();
      if (!started) {
        started = true;
        if (t == JsonToken.START_ARRAY) {
          inArray = true;
          t = p.nextToken();
        }
      }
      if (t == null || (inArray && t == JsonToken.END_ARRAY)) {
        return false;
      }
      if (t != JsonToken.START_OBJECT) {
        throw new LoadError(LoadError.Kind.MALFORMED, row, null, null, p.getText(),
            "Cannot parse input: expected '{' before: '" + p.getText() + "'");
      }
      Arrays.fill(seen, false);
      LoadError bad = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        Integer i = index.get(p.currentName());
        JsonToken v = p.nextToken();
        if (i == null) {
          if (!skipUnknown) {
            throw new LoadError(LoadError.Kind.MALFORMED, row, p.currentName(), null, null,
                "Unknown field found while parsing JSONEachRow format: " + p.currentName());
          }
          p.skipChildren();
          continue;
        }
        seen[i] = true;
        try {
          out[i] = value(i, v);
        } catch (LoadError e) {
          bad = bad == null ? e : bad; // finish the object so the next row starts cleanly
        }
      }
      if (bad != null) {
        throw bad;
      }
      for (int i = 0; i < seen.length; i++) {
        if (!seen[i]) {
          out[i] = TextValues.defaultValue(specs[i]);
        }
      }
      return true;
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      throw new LoadError(LoadError.Kind.MALFORMED, row, null, null, null,
          "Cannot parse JSON object here: " + (msg == null ? "malformed JSON" : msg.split("\n")[0]));
    }
  }

  private Object value(int i, JsonToken v) throws LoadError, IOException {
    TypeSpec spec = specs[i];
    if (v == JsonToken.VALUE_NULL) {
      if (!spec.nullable()) {
        return TextValues.defaultValue(spec);
      }
      return null;
    }
    if (v.isStructStart()) {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.copyCurrentStructure(p);
      }
      return w.toString();
    }
    String text = v == JsonToken.VALUE_TRUE ? (spec.kind() == TypeSpec.Kind.BOOL ? "true" : "1")
        : v == JsonToken.VALUE_FALSE ? (spec.kind() == TypeSpec.Kind.BOOL ? "false" : "0") : p.getText();
    try {
      return TextValues.parse(spec, text);
    } catch (IllegalArgumentException e) {
      throw new LoadError(LoadError.Kind.BAD_VALUE, row, names[i], null, TextValues.snippet(text),
          e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    p.close();
  }
}
