package dev.olaphttp.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A minimal StarRocks NDJSON reader over Jackson's streaming parser: {@code {"data":[...]}} lines are rows, the
 * {@code connectionId}, {@code meta} and {@code statistics} lines are skipped.
 */
final class MinimalNdjson implements MinimalDecoder {
    @Override
    public long decode(Canned server, RowSink sink) throws IOException {
        try (JsonParser p = JsonCells.FACTORY.createParser(server.open("POST", "/api/v1/catalogs/default_catalog/sql"))) {
            long rows = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonCells.expect(p, JsonToken.FIELD_NAME);
                if (!"data".equals(p.currentName())) {
                    p.nextToken();
                    p.skipChildren();
                    JsonCells.expect(p, JsonToken.END_OBJECT);
                    continue;
                }
                JsonCells.expect(p, JsonToken.START_ARRAY);
                p.nextToken();
                long id = JsonCells.int64(p);
                p.nextToken();
                String name = p.getText();
                p.nextToken();
                double price = p.getDoubleValue();
                p.nextToken();
                Object ts = JsonCells.dateTime(p);
                boolean qtyNull = p.nextToken() == JsonToken.VALUE_NULL;
                int qty = qtyNull ? 0 : p.getIntValue();
                JsonCells.expect(p, JsonToken.END_ARRAY);
                JsonCells.expect(p, JsonToken.END_OBJECT);
                sink.row(id, name, price, ts, qtyNull, qty);
                rows++;
            }
            return rows;
        }
    }
}
