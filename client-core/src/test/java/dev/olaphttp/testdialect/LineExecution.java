package dev.olaphttp.testdialect;

import dev.olaphttp.Column;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryStats;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.Schema;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.SqlText;
import dev.olaphttp.spi.StatementRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one {@link LineDialect} response: header, rows, {@code END}. */
final class LineExecution implements QueryExecution, RowValues {
    private final StatementRequest request;
    private final HttpResponse response;
    private final ErrorDetails details;
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private Schema schema;
    private LineColumn[] columns;
    private boolean done;
    private boolean closed;
    private long rows;

    LineExecution(StatementRequest request, HttpResponse response, ErrorDetails details) {
        this.request = request;
        this.response = response;
        this.details = details;
        this.in = response.body();
    }

    @Override
    public String queryId() {
        return request.queryId();
    }

    @Override
    public Schema schema() {
        if (schema == null) {
            String header = readLine();
            if (header == null) {
                throw new ResultInterruptedException("response ended before the header", null, details, 0);
            }
            List<Column> cols = new ArrayList<>();
            if (!header.isBlank()) {
                for (String spec : header.split(",")) {
                    int colon = spec.lastIndexOf(':');
                    if (colon <= 0) {
                        throw new ProtocolException("bad column spec in header", null, details);
                    }
                    cols.add(new Column(spec.substring(0, colon).trim(), LineColumn.parseType(spec.substring(colon + 1))));
                }
            }
            schema = Schema.of(cols);
            columns = new LineColumn[cols.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new LineColumn(cols.get(i).type());
            }
        }
        return schema;
    }

    @Override
    public boolean advance() {
        if (done) {
            return false;
        }
        schema();
        String l = readLine();
        if (l == null) {
            throw new ResultInterruptedException(
                    "result ended without END after " + rows + " rows", null, details, rows);
        }
        if (l.equals("END")) {
            done = true;
            return false;
        }
        if (l.startsWith("ERROR\t")) {
            throw LineDialect.sqlError("ERROR " + l.substring(6), details);
        }
        String[] cells = l.split("\t", -1);
        if (cells.length != columns.length) {
            throw new ProtocolException("row " + (rows + 1) + " has " + cells.length + " values, expected "
                    + columns.length, null, details);
        }
        for (int i = 0; i < cells.length; i++) {
            try {
                columns[i].set(cells[i]);
            } catch (RuntimeException e) {
                throw new ProtocolException("cannot decode column " + (i + 1) + " of row " + (rows + 1) + " as "
                        + columns[i].type().name(), e, details);
            }
        }
        rows++;
        return true;
    }

    /** One line without its LF, or null at the end of the stream. */
    private String readLine() {
        line.reset();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw response.readFailure(e, rows);
        }
        return null; // end of stream; a partial line without LF is a truncation too
    }

    @Override
    public RowValues row() {
        return this;
    }

    @Override
    public SessionDelta sessionDelta() {
        if (!done) {
            return SessionDelta.none();
        }
        String sql = SqlText.trimStatement(request.sql());
        String kw = SqlText.firstKeyword(sql);
        String rest = sql.substring(kw.length()).trim();
        if (kw.equals("USE")) {
            return SessionDelta.builder().database(rest).build();
        }
        if (kw.equals("SET")) {
            int eq = rest.indexOf('=');
            if (eq > 0) {
                return SessionDelta.builder()
                        .set(rest.substring(0, eq).trim(), rest.substring(eq + 1).trim())
                        .build();
            }
        }
        if (kw.equals("RESET")) {
            return SessionDelta.builder().reset(rest).build();
        }
        return SessionDelta.none();
    }

    /** The session the server last reported, from {@code X-Session-State}, for a statement that did not end. */
    @Override
    public SessionDelta failureDelta() {
        String state = response.header(LineDialect.SESSION_STATE);
        return state == null ? SessionDelta.none() : SessionDelta.builder().dialectState(state).build();
    }

    @Override
    public QueryStats stats() {
        QueryStats.Builder b = QueryStats.builder().resultRows(rows);
        String affected = response.header("X-Affected-Rows");
        if (affected != null) {
            b.affectedRows(Long.parseLong(affected.trim()));
        }
        String read = response.header("X-Rows-Read"); // scan counters, as a server's summary header reports them
        if (read != null) {
            b.rowsRead(Long.parseLong(read.trim()));
        }
        String bytes = response.header("X-Bytes-Read");
        if (bytes != null) {
            b.bytesRead(Long.parseLong(bytes.trim()));
        }
        return b.build();
    }

    @Override
    public Map<String, String> serverInfo() {
        String server = response.header("X-Server");
        return server == null ? Map.of() : Map.of("server", server);
    }

    @Override
    public void cancel() {
        request.cancellation().cancel();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            response.close();
        }
    }

    // RowValues

    @Override
    public boolean isNull(int column) {
        return columns[column].isNull();
    }

    @Override
    public long getLong(int column) {
        return columns[column].longValue();
    }

    @Override
    public double getDouble(int column) {
        return columns[column].doubleValue();
    }

    @Override
    public Object getObject(int column) {
        return columns[column].objectValue();
    }
}
