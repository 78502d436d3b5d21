package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.DataFormat;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InsertResult;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.SqlType;
import dev.olaphttp.TransportException;
import dev.olaphttp.UnsupportedStatementException;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.InsertRequest;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.StatementRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * StarRocks bulk loading: builds the Stream Load request (label, format, columns, options as headers), encodes
 * rows as JSON lines with per-column encoders chosen from {@code DESC}, or passes CSV/TSV/NDJSON data through,
 * and runs it as one Stream Load or, with {@code option("transaction", "true")}, as a Transaction Stream Load.
 * Not API.
 */
public final class StarRocksLoader {
    private final ClientContext context;
    private final Function<StatementRequest, QueryExecution> sql;

    /** A loader sending through the client's transport; {@code sql} runs the {@code DESC} lookup. */
    public StarRocksLoader(ClientContext context, Function<StatementRequest, QueryExecution> sql) {
        this.context = context;
        this.sql = sql;
    }

    /**
     * Runs one load. A load that cannot be sent as built (an unknown or malformed option, a bad table name, CR, LF
     * or NUL in the label or a header-bound option) is an {@link InvalidRequestException} before anything is sent.
     */
    public InsertResult insert(InsertRequest request) {
        ErrorDetails details = context.details(request.loadId());
        try {
            return run(request, details);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cannot send the load: " + e.getMessage(), e, details);
        }
    }

    private InsertResult run(InsertRequest request, ErrorDetails details) {
        LoadOptions options = LoadOptions.of(request.options(), request.settings());
        LoadTarget target = LoadTarget.parse(request.table(), request.state());
        String label = request.labelOr("olaphttp_" + UUID.randomUUID().toString().replace('-', '_'));
        headerValue("label", label);
        options.headers().forEach(StarRocksLoader::headerValue);
        request.columns().forEach(c -> headerValue("columns", c));
        if (request.rows() != null && !request.rows().hasNext()) {
            return new InsertResult(0, 0, null, label, Map.of("rowsSent", "0")); // nothing to load, nothing sent
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("label", label));
        HttpBody body = request.rows() != null
                ? rowsBody(request, options, target, headers, details)
                : dataBody(request, options, headers, details);
        Duration readTimeout = null;
        String timeout = options.headers().get("timeout");
        if (timeout == null && request.deadline().isSet()) {
            long secs = Math.max(1, (request.deadline().remaining().toMillis() + 999) / 1000);
            timeout = Long.toString(secs);
            headers.add(Map.entry("timeout", timeout));
        }
        if (timeout != null) {
            try {
                readTimeout = Duration.ofSeconds(Long.parseLong(timeout.strip()) + 10);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option timeout is a number of seconds");
            }
        }
        options.headers().forEach((k, v) -> {
            if (!k.equals("format")) {
                headers.add(Map.entry(k, v));
            }
        });
        LoadSender sender = new LoadSender(context.transport(), RedirectPolicy.of(context.config()), details);
        try {
            if (options.transaction()) {
                return new TransactionLoad(sender, context.transport(), request, target, label, headers, body,
                        readTimeout, details).run();
            }
            LoadSender.Answer answer = sender.send(new LoadSender.Request("PUT", target.streamLoadPath(), headers,
                    body, request.info(), request.deadline(), request.cancellation(), readTimeout), null);
            LabelState waiter = new LabelState(sender, target, request.info(), request.deadline(),
                    request.cancellation(), details);
            return LoadOutcome.of(answer.response(), label, rowsSent(body), bytesSent(body), details,
                    context.transport(), request.deadline(), waiter);
        } catch (SqlClientException e) {
            throw unwrap(e, body, label, details);
        }
    }

    /** A value sent as an HTTP header must not hold CR, LF or NUL (the value is never quoted). */
    private static void headerValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException("the " + name + " value contains CR, LF or NUL, which an HTTP"
                        + " header cannot carry");
            }
        }
    }

    private HttpBody rowsBody(InsertRequest request, LoadOptions options, LoadTarget target,
            List<Map.Entry<String, String>> headers, ErrorDetails details) {
        String format = options.headers().getOrDefault("format", "json");
        if (!format.equalsIgnoreCase("json")) {
            throw new IllegalArgumentException("rows are sent as JSON lines (format json); format " + format
                    + " is for data given with from(...)");
        }
        Map<String, SqlType> table = TableColumns.describe(sql, target, request.loadId(), request.deadline(),
                request.cancellation());
        List<String> columns = TableColumns.resolve(request.columns(), table);
        if (columns.isEmpty()) {
            if (table == null || table.isEmpty()) {
                throw new IllegalArgumentException("the columns of " + target.sqlName() + " could not be read"
                        + " (DESC was refused or listed none): name them with columns(...)");
            }
            columns = List.copyOf(table.keySet());
        } else if (!options.headers().containsKey("columns")) {
            headers.add(Map.entry("columns", String.join(",", columns)));
        }
        List<SqlType> types = TableColumns.typesOf(columns, table);
        ValueEncoder[] encoders = new ValueEncoder[columns.size()];
        for (int i = 0; i < encoders.length; i++) {
            encoders[i] = ValueEncoders.forType(types.get(i), options.zone());
        }
        headers.add(Map.entry("format", "json"));
        return new RowsBody(request.rows(), columns.size(), new JsonLinesWriter(columns, encoders),
                "application/json", details);
    }

    private HttpBody dataBody(InsertRequest request, LoadOptions options, List<Map.Entry<String, String>> headers,
            ErrorDetails details) {
        DataFormat format = request.format();
        String given = options.headers().get("format");
        String wire = switch (format) {
            case CSV, TSV -> "csv";
            case NDJSON -> "json";
            case PARQUET -> throw new UnsupportedStatementException("Parquet is not a Stream Load format: StarRocks"
                    + " Stream Load accepts CSV (and TSV) and JSON (NDJSON); load Parquet files with"
                    + " INSERT INTO ... SELECT FROM FILES(...) or a Broker Load", details);
        };
        if (given != null && !given.equalsIgnoreCase(wire)) {
            throw new IllegalArgumentException("option format " + given + " contradicts the data's format " + format);
        }
        headers.add(Map.entry("format", wire));
        if (format == DataFormat.CSV && !options.headers().containsKey("column_separator")) {
            headers.add(Map.entry("column_separator", ","));
        }
        if (!request.columns().isEmpty() && !options.headers().containsKey("columns")) {
            headers.add(Map.entry("columns", String.join(",", request.columns())));
        }
        return new DataBody(request.data(), format.contentType());
    }

    private static RuntimeException unwrap(SqlClientException e, HttpBody body, String label, ErrorDetails details) {
        EncodingFailure f = EncodingFailure.find(e);
        if (f != null) {
            return f.original();
        }
        boolean partlySent = body instanceof RowsBody r ? r.started() : body instanceof DataBody d && d.started();
        String hint = "; the load's outcome is unknown: load the same data again under label " + label
                + " (StarRocks never loads a label twice)";
        if (e instanceof TransportException t && t.requestSent() && partlySent && !body.isRepeatable()) {
            return new TransportException(baseMessage(e) + hint, e, e.details(), true);
        }
        if (e instanceof QueryTimeoutException && partlySent) {
            return new QueryTimeoutException(baseMessage(e) + hint, e, e.details());
        }
        return e;
    }

    /** The message without the details suffix that {@link SqlClientException#getMessage()} appends. */
    private static String baseMessage(SqlClientException e) {
        String m = e.getMessage();
        String suffix = " [" + e.details() + "]";
        return m.endsWith(suffix) ? m.substring(0, m.length() - suffix.length()) : m;
    }

    private static long rowsSent(HttpBody body) {
        return body instanceof RowsBody r ? r.rowCount() : -1;
    }

    private static long bytesSent(HttpBody body) {
        return body instanceof RowsBody r ? r.byteCount() : body instanceof DataBody d ? d.byteCount() : -1;
    }
}
