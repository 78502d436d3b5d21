package dev.olaphttp.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.ZoneId;

/** A minimal ClickHouse {@code JSONCompactEachRowWithNamesAndTypes} reader over Jackson's streaming parser. */
final class MinimalJsonCompact implements MinimalDecoder {
    private final ZoneId zone;

    MinimalJsonCompact(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public long decode(Canned server, RowSink sink) throws IOException {
        try (JsonParser p = JsonCells.FACTORY.createParser(server.open("POST", "/"))) {
            for (int header = 0; header < 2; header++) {
                JsonCells.expect(p, JsonToken.START_ARRAY);
                p.skipChildren();
            }
            long rows = 0;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                long id = JsonCells.int64(p);
                p.nextToken();
                String name = p.getText();
                p.nextToken();
                double price = p.getDoubleValue();
                p.nextToken();
                Object ts = JsonCells.dateTime(p).atZone(zone);
                boolean qtyNull = p.nextToken() == JsonToken.VALUE_NULL;
                int qty = qtyNull ? 0 : p.getIntValue();
                JsonCells.expect(p, JsonToken.END_ARRAY);
                sink.row(id, name, price, ts, qtyNull, qty);
                rows++;
            }
            if (p.currentToken() != null) {
                throw new IOException("unexpected " + p.currentToken());
            }
            return rows;
        }
    }
}
