package dev.olaphttp.clickhouse.internal.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.olaphttp.Column;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import dev.olaphttp.spi.RowValues;
import java.io.IOException;
import java.util.List;

/** Header-once, row-by-row decoding with one mapping of every failure to the typed exceptions of the contract. */
abstract class AbstractDecoder implements ResultDecoder {
    final DecoderContext ctx;
    final BodyReader in;
    private Schema schema;
    RowBuffer row;
    private long rows;
    private boolean done;
    private SqlClientException failure;

    AbstractDecoder(BodyReader in, DecoderContext ctx) {
        this.in = in;
        this.ctx = ctx;
    }

    /** Reads the header; an empty list for an empty body. */
    abstract List<Column> readHeader() throws IOException;

    /** Reads one row into {@link #row}; false at the clean end. */
    abstract boolean readRow() throws IOException;

    /** Whether string columns keep raw bytes (binary and TSV) rather than Strings (JSON). */
    abstract boolean bytesForStrings();

    @Override
    public final Schema schema() {
        if (schema == null) {
            if (failure != null) {
                throw failure;
            }
            try {
                List<Column> columns = readHeader();
                schema = Schema.of(columns);
                row = plan(columns);
                if (columns.isEmpty()) {
                    done = true;
                }
            } catch (Throwable e) {
                failure = map(e, "header");
                throw failure;
            }
        }
        return schema;
    }

    @Override
    public final boolean next() {
        schema();
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return false;
        }
        try {
            row.clear();
            if (!readRow()) {
                done = true;
                return false;
            }
            rows++;
            return true;
        } catch (Throwable e) {
            failure = map(e, "row " + (rows + 1));
            throw failure;
        }
    }

    @Override
    public final RowValues row() {
        return row;
    }

    @Override
    public final long rows() {
        return rows;
    }

    private SqlClientException map(Throwable e, String where) {
        if (e instanceof SqlClientException s) {
            return s;
        }
        if (e instanceof StreamSignals.ServerFailure f) {
            return ServerErrorText.toException(f.serverMessage(), ctx.details(), rows);
        }
        if (e instanceof StreamSignals.TooLarge || e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return new ProtocolException("ClickHouse " + formatName() + " " + where + " has " + e.getMessage()
                    + "; one value may take at most " + in.maxValue + " bytes (raise the client option "
                    + "max_value_bytes to read larger values)", e, ctx.details());
        }
        if (e instanceof StreamSignals.Truncated || e instanceof JsonEOFException) {
            return new ResultInterruptedException("ClickHouse result body ended inside the " + where
                    + " after " + rows + " complete rows; the result is incomplete", e, ctx.details(), rows);
        }
        if (e instanceof StreamSignals.Malformed || e instanceof JsonProcessingException) {
            return new ProtocolException("cannot decode ClickHouse " + formatName() + " " + where + ": "
                    + (e instanceof JsonProcessingException j ? dev.olaphttp.spi.BodySnippet.quote(j.getOriginalMessage()) : e.getMessage()), e, ctx.details());
        }
        if (e instanceof IOException io) {
            return ctx.readFailure().map(io, rows);
        }
        if (e instanceof RuntimeException) {
            return new ProtocolException("cannot decode ClickHouse " + formatName() + " " + where + ": " + dev.olaphttp.spi.BodySnippet.quote(e.toString()),
                    e, ctx.details());
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new ProtocolException("cannot decode ClickHouse " + where + ": " + e, e, ctx.details());
    }

    abstract String formatName();

    private RowBuffer plan(List<Column> columns) {
        int n = columns.size();
        RowBuffer.Slot[] slots = new RowBuffer.Slot[n];
        LongView[] views = new LongView[n];
        boolean[] f32 = new boolean[n];
        String[] names = new String[n];
        boolean[] jsonStrings = new boolean[n];
        for (int i = 0; i < n; i++) {
            SqlType t = columns.get(i).type();
            names[i] = columns.get(i).name();
            jsonStrings[i] = !bytesForStrings() && (t.kind() == TypeKind.STRING || t.kind() == TypeKind.FIXED_STRING);
            views[i] = longView(t);
            f32[i] = t.kind() == TypeKind.FLOAT32;
            slots[i] = views[i] != null ? RowBuffer.Slot.LONG
                    : t.kind() == TypeKind.FLOAT32 || t.kind() == TypeKind.FLOAT64 ? RowBuffer.Slot.DOUBLE
                    : bytesForStrings() && (t.kind() == TypeKind.STRING || t.kind() == TypeKind.FIXED_STRING)
                    ? RowBuffer.Slot.BYTES : RowBuffer.Slot.OBJECT;
        }
        return new RowBuffer(slots, views, f32, names, jsonStrings, ctx.details());
    }

    /** The long-slot view of a column type, or null if its values are not kept in a long. */
    static LongView longView(SqlType t) {
        return switch (t.kind()) {
            case INT8, INT16, INT32, UINT8, UINT16 -> LongView.INT;
            case INT64, UINT32 -> LongView.LONG;
            case UINT64 -> LongView.UNSIGNED;
            case BOOLEAN -> LongView.BOOL;
            case DATE -> LongView.DATE;
            case TIMESTAMP -> LongView.timestamp(t.precision(), t.zone().orElse(null));
            case TIME -> LongView.time(t.precision());
            default -> null;
        };
    }
}
