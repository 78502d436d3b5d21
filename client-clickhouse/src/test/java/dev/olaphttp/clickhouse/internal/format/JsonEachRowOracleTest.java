package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.Schema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Uses the golden JSONEachRow outputs (a fourth format the decoders never read) as an independent oracle for the
 * scalar columns: every RowBinary and TSV value must print as the server printed it in JSONEachRow.
 */
class JsonEachRowOracleTest {
    /** Each JSONEachRow row as column name to the token's text ({@code null} for JSON null). */
    private static List<Map<String, String>> oracle(String query) throws IOException {
        byte[] body = Golden.bytes("outputs/" + query + ".JSONEachRow.jsonl");
        List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> row = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t.isStructStart()) {
                        p.skipChildren();
                        continue;
                    }
                    row.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"q01_integers", "q02_floats_decimals", "q03_strings", "q04_datetime", "q06_nullable"})
    void scalarsPrintAsTheServerPrintedThem(String query) throws IOException {
        List<Map<String, String>> expected = oracle(query);
        for (ResultFormat f : new ResultFormat[] {ResultFormat.ROW_BINARY, ResultFormat.TSV}) {
            ResultDecoder d = Golden.decoder(f, Golden.bytes("outputs/" + Golden.file(query, f)));
            Schema s = d.schema();
            int r = 0;
            while (next(d, f, query, r)) {
                Map<String, String> want = expected.get(r);
                for (int c = 0; c < s.size(); c++) {
                    String name = s.columns().get(c).name();
                    if (!want.containsKey(name)) {
                        continue;
                    }
                    String w = want.get(name);
                    String where = f + " " + query + " row " + (r + 1) + " " + name;
                    Object v;
                    try {
                        v = d.row().getObject(c);
                    } catch (dev.olaphttp.TypeConversionException e) {
                        // bytes that are not UTF-8: refused as text; the server's JSON has U+FFFD in their place
                        assertThat(w).as(where).contains("\uFFFD");
                        continue;
                    }
                    if (w == null) {
                        // JSON null: SQL NULL, or nan/inf in a float column
                        assertThat(v == null || v instanceof Double x && !Double.isFinite(x)
                                || v instanceof Float y && !Float.isFinite(y)).as(where).isTrue();
                    } else if (v instanceof BigDecimal dec) {
                        assertThat(dec.compareTo(new BigDecimal(w))).as(where + " " + w + " vs " + dec).isZero();
                    } else if (v instanceof Float fl) {
                        assertThat(fl).as(where).isEqualTo(Float.parseFloat(w));
                    } else if (v instanceof Double db) {
                        assertThat(db).as(where).isEqualTo(Double.parseDouble(w));
                    } else if (v instanceof String) {
                        assertThat(v).as(where).isEqualTo(w);
                    } else {
                        // integers, UUIDs, dates and date-times: the decoder's text form is the server's
                        assertThat(d.row().getString(c)).as(where).isEqualTo(w);
                    }
                }
                r++;
            }
            assertThat(r).isEqualTo(f == ResultFormat.TSV && query.equals("q04_datetime") ? 3 : expected.size());
        }
    }

    /**
     * The next row; for the simple-mode TSV of q04 (made without date_time_output_format=iso), row 4 holds an
     * ambiguous New York local time, which must be refused, not guessed.
     */
    private static boolean next(ResultDecoder d, ResultFormat f, String query, int r) {
        if (f == ResultFormat.TSV && query.equals("q04_datetime") && r == 3) {
            assertThatThrownBy(d::next).hasMessageContaining("occurs twice");
            return false;
        }
        return d.next();
    }
}
