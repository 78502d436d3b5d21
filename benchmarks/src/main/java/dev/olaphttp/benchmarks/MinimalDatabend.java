package dev.olaphttp.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;

/**
 * A minimal Databend client loop over Jackson's streaming parser: {@code POST /v1/query}, then {@code GET next_uri}
 * until it is null; the cells of each page's {@code data} are decoded from their strings, other members skipped.
 */
final class MinimalDatabend implements MinimalDecoder {
    private final ZoneId zone;

    MinimalDatabend(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public long decode(Canned server, RowSink sink) throws IOException {
        long rows = 0;
        String next = null;
        InputStream body = server.open("POST", "/v1/query");
        while (body != null) {
            next = null;
            try (JsonParser p = JsonCells.FACTORY.createParser(body)) {
                JsonCells.expect(p, JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("data")) {
                        rows += rows(p, sink);
                    } else if (field.equals("next_uri")) {
                        next = value == JsonToken.VALUE_NULL ? null : p.getText();
                    } else if (field.equals("error") && value != JsonToken.VALUE_NULL) {
                        throw new IOException("query failed");
                    } else {
                        p.skipChildren();
                    }
                }
            }
            body = next == null ? null : server.open("GET", next);
        }
        return rows;
    }

    private long rows(JsonParser p, RowSink sink) throws IOException {
        long rows = 0;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            long id = JsonCells.int64(p);
            p.nextToken();
            String name = p.getText();
            p.nextToken();
            double price = Double.parseDouble(p.getText());
            p.nextToken();
            Object ts = JsonCells.dateTime(p).atZone(zone);
            boolean qtyNull = p.nextToken() == JsonToken.VALUE_NULL;
            int qty = qtyNull ? 0 : (int) JsonCells.int64(p);
            JsonCells.expect(p, JsonToken.END_ARRAY);
            sink.row(id, name, price, ts, qtyNull, qty);
            rows++;
        }
        return rows;
    }
}
