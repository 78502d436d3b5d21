package dev.olaphttp.benchmarks;

import java.io.InputStream;

/**
 * Databend's paged protocol answered from memory: {@code POST /v1/query} returns page 0, {@code GET next_uri} the
 * following pages, the last data page points at {@code final_uri}, whose answer ends the result
 * ({@code next_uri: null}). Cells are JSON strings (NULL as {@code null}), as the server sends them.
 */
final class DatabendPages implements Canned {
    static final String QUERY_ID = "q1";
    private static final String BASE = "/v1/query/" + QUERY_ID;
    private static final String STATS = "{\"scan_progress\":{\"rows\":10,\"bytes\":80},\"write_progress\":{\"rows\":0,"
            + "\"bytes\":0},\"result_progress\":{\"rows\":10,\"bytes\":80},\"total_scan\":{\"rows\":10,\"bytes\":80},"
            + "\"spill_progress\":{\"file_nums\":0,\"bytes\":0},\"running_time_ms\":7}";
    static final String[] TYPES = {"Int64", "String", "Float64", "Timestamp", "Nullable(Int32)"};

    private final byte[] prefix;
    /** The last data page: the query has finished, so its state is Succeeded (it points at final_uri). */
    private final byte[] lastPrefix;
    private final byte[][] blocks;
    private final byte[][] suffixes;
    private final byte[] finalPage;

    private DatabendPages(byte[][] blocks, int pages) {
        this.prefix = prefix(pages > 0 ? "Running" : "Succeeded");
        this.lastPrefix = prefix("Succeeded");
        this.blocks = blocks;
        this.suffixes = new byte[pages][];
        for (int p = 0; p < pages; p++) {
            suffixes[p] = suffix(p + 1 < pages ? BASE + "/page/" + (p + 1) : BASE + "/final");
        }
        this.finalPage = new Bytes().raw(prefix("Succeeded")).raw(suffix(null)).toArray();
    }

    /** {@code rows} rows built in memory, {@code perPage} rows a page ({@code rows} a multiple of it). */
    static DatabendPages inMemory(int rows, int perPage) {
        int pages = rows / perPage;
        byte[][] blocks = new byte[pages][];
        for (int p = 0; p < pages; p++) {
            blocks[p] = block(p * (long) perPage, (p + 1) * (long) perPage);
        }
        return new DatabendPages(blocks, pages);
    }

    /** {@code pages} pages of the same {@code perPage} rows. */
    static DatabendPages generated(int perPage, int pages) {
        return new DatabendPages(new byte[][] {block(0, perPage)}, pages);
    }

    @Override
    public InputStream open(String method, String path) {
        if ("POST".equals(method) && path.equals("/v1/query")) {
            return page(0);
        }
        if ("GET".equals(method) && path.equals(BASE + "/final")) {
            return new RepeatingStream(finalPage, finalPage, 0, new byte[0]);
        }
        if ("GET".equals(method) && path.startsWith(BASE + "/page/")) {
            int p = Integer.parseInt(path.substring(BASE.length() + 6));
            return p < suffixes.length ? page(p) : null;
        }
        return null;
    }

    private InputStream page(int p) {
        return new RepeatingStream(p + 1 == suffixes.length ? lastPrefix : prefix, blocks[p % blocks.length], 1,
                suffixes[p]);
    }

    private static byte[] prefix(String state) {
        StringBuilder s = new StringBuilder("{\"id\":\"" + QUERY_ID + "\",\"session_id\":\"\",\"node_id\":\"n1\",\"state\":\""
                + state + "\",\"session\":null,\"error\":null,\"warnings\":[],\"has_result_set\":true,\"schema\":[");
        for (int c = 0; c < TYPES.length; c++) {
            s.append(c == 0 ? "" : ",").append("{\"name\":\"").append(Dataset.NAMES[c]).append("\",\"type\":\"")
                    .append(TYPES[c]).append("\"}");
        }
        return new Bytes().ascii(s.append("],\"data\":[").toString()).toArray();
    }

    private static byte[] block(long from, long to) {
        Bytes b = new Bytes();
        StringBuilder s = new StringBuilder(100);
        for (long i = from; i < to; i++) {
            s.setLength(0);
            s.append(i == from ? "[\"" : ",[\"").append(Dataset.id(i)).append("\",\"").append(Dataset.name(i))
                    .append("\",\"").append(Dataset.price(i)).append("\",\"").append(Dataset.timeText(i))
                    .append(".000000\",").append(Dataset.qtyNull(i) ? "null" : "\"" + Dataset.qty(i) + "\"")
                    .append(']');
            b.ascii(s.toString());
        }
        return b.toArray();
    }

    private static byte[] suffix(String next) {
        return new Bytes().ascii("],\"affect\":null,\"result_timeout_secs\":60,\"settings\":{\"timezone\":\"UTC\","
                + "\"geometry_output_format\":\"GEOJSON\",\"binary_output_format\":\"HEX\",\"http_json_result_mode\":"
                + "\"display\"},\"stats\":" + STATS + ",\"stats_uri\":\"" + BASE + "\",\"final_uri\":\"" + BASE
                + "/final\",\"next_uri\":" + (next == null ? "null" : "\"" + next + "\"") + ",\"kill_uri\":\"" + BASE
                + "/kill\"}").toArray();
    }
}
