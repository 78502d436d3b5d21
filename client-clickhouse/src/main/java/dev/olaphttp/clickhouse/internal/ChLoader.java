package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.DataFormat;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InsertResult;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryStats;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.TransportException;
import dev.olaphttp.clickhouse.internal.format.RowBinaryEncoder;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.InsertRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk loads ({@code client.insert(table)}): {@code INSERT INTO t (cols) FORMAT X} in the URL, the data streamed as
 * the body. Rows are written as TabSeparated, each value rendered for its column's type (looked up once per load
 * with {@code DESCRIBE TABLE}); files and streams pass through in their own format. Servers from 22.4 deduplicate
 * on the load's label ({@code insert_deduplication_token}); a load is never re-sent once its body may have left.
 */
final class ChLoader {
    /** The first release assumed to accept {@code insert_deduplication_token}. */
    private static final ServerVersion DEDUP = new ServerVersion(22, 4);

    private final ClientContext ctx;
    private final ChCalls calls;
    private final ServerFacts facts;
    private final Killer killer;

    ChLoader(ClientContext ctx, ChCalls calls, ServerFacts facts, Killer killer) {
        this.ctx = ctx;
        this.calls = calls;
        this.facts = facts;
        this.killer = killer;
    }

    InsertResult load(InsertRequest request) {
        String rowFormat = rowFormatOption(request.options());
        boolean gzip = gzipOption(request.options());
        String table = quoteTable(request.table());
        List<String> columns = request.columns();
        HttpBody body;
        String format;
        RowBodies.Counter counter = null;
        if (request.rows() != null) {
            Map<String, String> types = describe(request, table);
            List<String> cols = columns.isEmpty() ? new ArrayList<>(types.keySet()) : columns;
            List<String> colTypes = new ArrayList<>();
            for (String c : cols) {
                String t = types.get(c);
                if (t == null) {
                    throw new IllegalArgumentException("table " + request.table() + " has no column '" + c + "'");
                }
                colTypes.add(t);
            }
            columns = cols;
            counter = new RowBodies.Counter();
            boolean binary = rowFormat == null
                    ? colTypes.stream().allMatch(t -> RowBinaryEncoder.supports(t, facts.zone()))
                    : rowFormat.equals("RowBinary");
            format = binary ? "RowBinary" : "TabSeparated";
            body = binary
                    ? RowBodies.rowBinary(request.rows(), RowBinaryEncoder.of(cols, colTypes, facts.zone()), counter)
                    : RowBodies.tabSeparated(request.rows(), cols, colTypes, facts::zone, counter);
        } else {
            format = formatName(request.format());
            body = dataBody(request);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table);
        if (!columns.isEmpty()) {
            sql.append(" (");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(quoteIdent(columns.get(i)));
            }
            sql.append(')');
        }
        sql.append(" FORMAT ").append(format);
        Map<String, String> settings = new LinkedHashMap<>(request.settings());
        String label = null;
        if (facts.version().compareTo(DEDUP) >= 0) {
            label = request.labelOr(request.loadId());
            settings.putIfAbsent("insert_deduplication_token", label);
        }
        HttpCall.Builder b = calls.base("POST", request.loadId(), request.state(), settings, null)
                .queryParam("query", sql.toString())
                .body(gzip ? ChCalls.gzip(body) : body)
                .idempotent(false)
                .info(request.info())
                .deadline(request.deadline())
                .cancellation(request.cancellation());
        if (gzip) {
            b.header("Content-Encoding", "gzip");
        }
        try (HttpResponse r = ctx.transport().execute(b.build())) {
            ChExecution.NoResultBody.check(r, request.loadId());
            QueryStats s = ChHeaders.summary(r);
            Map<String, String> info = new LinkedHashMap<>(ChHeaders.serverInfo(r, facts.knownVersion()));
            info.put("format", format);
            long rows = s.rowsWritten();
            long bytes = s.bytesWritten();
            if (rows < 0 && counter != null) {
                rows = counter.rows();
                bytes = counter.bytes();
                info.put("writtenSource", "client: rows and bytes sent (the server sent no X-ClickHouse-Summary)");
            }
            return new InsertResult(rows, bytes, request.loadId(), label, info);
        } catch (TransportException e) {
            RuntimeException bad = counter == null ? null : counter.failure();
            if (bad != null) {
                throw bad;
            }
            if (!e.requestSent()) {
                throw e;
            }
            throw new TransportException("the load may or may not have been applied (the connection failed after "
                    + "its data was sent, so it is not re-sent); query id " + request.loadId()
                    + (label == null ? "; this server has no insert_deduplication_token: check the table before "
                            + "loading again" : "; load again with label " + label + " to have it deduplicated")
                    + ": " + e.getMessage(), e, e.details(), true);
        } catch (QueryCancelledException | QueryTimeoutException e) {
            if (request.cancellation().isCancelled() || e.httpStatus() <= 0) {
                killer.kill(request.loadId()); // the server may still be inserting what it received
            }
            throw e;
        } catch (RuntimeException e) {
            RuntimeException bad = counter == null ? null : counter.failure();
            if (bad != null) {
                throw bad;
            }
            throw e;
        }
    }

    /** The {@code compress} load option ({@code gzip} or {@code none}); default: the client's compress_request. */
    private boolean gzipOption(Map<String, String> options) {
        String c = options.get("compress");
        if (c == null) {
            return calls.compressRequest();
        }
        return switch (c.toLowerCase(java.util.Locale.ROOT)) {
            case "gzip" -> true;
            case "none" -> false;
            default -> throw new IllegalArgumentException("load option compress must be gzip or none");
        };
    }

    /** The {@code format} load option: {@code RowBinary}, {@code TabSeparated}/{@code TSV}, or none (automatic). */
    private static String rowFormatOption(Map<String, String> options) {
        for (String k : options.keySet()) {
            if (!k.equals("format") && !k.equals("compress")) {
                throw new IllegalArgumentException("the ClickHouse dialect's load options are format (RowBinary or "
                        + "TabSeparated) and compress (gzip or none); use setting(...) for ClickHouse settings, got "
                        + options.keySet());
            }
        }
        String f = options.get("format");
        if (f == null) {
            return null;
        }
        return switch (f.toLowerCase(java.util.Locale.ROOT)) {
            case "rowbinary" -> "RowBinary";
            case "tabseparated", "tsv" -> "TabSeparated";
            default -> throw new IllegalArgumentException("load option format must be RowBinary or TabSeparated");
        };
    }

    private static String formatName(DataFormat f) {
        return switch (f) {
            case CSV -> "CSV";
            case TSV -> "TabSeparated";
            case NDJSON -> "JSONEachRow";
            case PARQUET -> "Parquet";
        };
    }

    private static HttpBody dataBody(InsertRequest request) {
        return new HttpBody() {
            @Override
            public String contentType() {
                return request.format().contentType();
            }

            @Override
            public long contentLength() {
                return request.data().length();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                try (InputStream in = request.data().open()) {
                    in.transferTo(out);
                }
            }

            @Override
            public boolean isRepeatable() {
                return false; // a load is never re-sent: it could insert twice
            }
        };
    }

    /** Column name to type of the insertable (not MATERIALIZED or ALIAS) columns, in table order. */
    private Map<String, String> describe(InsertRequest request, String table) {
        HttpCall.Builder b = calls.base("POST", null, request.state(), Map.of(), null)
                .body(HttpBody.text("DESCRIBE TABLE " + table + " FORMAT TabSeparated", ChCalls.TEXT))
                .idempotent(true)
                .deadline(request.deadline())
                .cancellation(request.cancellation());
        Map<String, String> types = new LinkedHashMap<>();
        try (HttpResponse r = ctx.transport().execute(b.build())) {
            String text = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String kind = f.length > 2 ? f[2] : "";
                if (f.length < 2 || kind.equals("MATERIALIZED") || kind.equals("ALIAS")) {
                    continue;
                }
                types.put(unescape(f[0]), unescape(f[1]));
            }
        } catch (IOException e) {
            throw new ProtocolException("could not read the columns of " + request.table() + ": " + e.getMessage(), e,
                    ErrorDetails.of(ChErrors.DIALECT, request.loadId()));
        }
        return types;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                sb.append(switch (d) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> d;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code db.table} or {@code table}, each part back-quoted. */
    static String quoteTable(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? quoteIdent(table) : quoteIdent(table.substring(0, dot)) + "." + quoteIdent(table.substring(dot + 1));
    }

    static String quoteIdent(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty table or column name");
        }
        return "`" + ValueText.escape(name, '`') + "`";
    }
}
