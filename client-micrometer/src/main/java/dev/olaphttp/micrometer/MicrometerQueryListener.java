package dev.olaphttp.micrometer;

import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryListener;
import dev.olaphttp.QueryStats;
import dev.olaphttp.SqlClientException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A {@link QueryListener} that records one Micrometer {@link Observation} per statement, named
 * {@value #OBSERVATION} (with a meter handler this is a timer of the same name), and counters of rows and bytes and
 * retries in a {@link MeterRegistry}.
 *
 * <p>Low-cardinality keys: {@code dialect}, {@code kind} ({@code query}, {@code insert}, {@code ddl}...),
 * {@code endpoint} ({@code host:port} of the last request, {@code none} before one), {@code outcome}
 * ({@code success}, {@code failed}, {@code cancelled}, {@code closed_early}, {@code interrupted}) and, only when
 * {@link Builder#statementName} is set, {@code statement}. The query id is a high-cardinality key. SQL text is never
 * a key.
 *
 * <p>Meters: {@value #ROWS} (rows handed to the caller), {@value #ROWS_READ}, {@value #BYTES_READ},
 * {@value #ROWS_WRITTEN}, {@value #BYTES_WRITTEN} (as the server reported them, when it did) and {@value #RETRIES}
 * (tagged with the endpoint and the cause's type). Work is per statement and per request, never per row.
 *
 * <pre>{@code
 * SqlClient client = SqlClient.builder().dsn(dsn)
 *         .listener(MicrometerQueryListener.builder(observationRegistry).meterRegistry(meterRegistry).build())
 *         .build();
 * }</pre>
 */
public final class MicrometerQueryListener implements QueryListener {
    /** The observation (and timer) name. */
    public static final String OBSERVATION = "olaphttp.query";
    /** Rows delivered to the caller. */
    public static final String ROWS = "olaphttp.query.rows";
    /** Rows the server reported scanned. */
    public static final String ROWS_READ = "olaphttp.query.rows.read";
    /** Bytes the server reported scanned. */
    public static final String BYTES_READ = "olaphttp.query.bytes.read";
    /** Rows the server reported written. */
    public static final String ROWS_WRITTEN = "olaphttp.query.rows.written";
    /** Bytes the server reported written. */
    public static final String BYTES_WRITTEN = "olaphttp.query.bytes.written";
    /** Requests re-sent after a failure. */
    public static final String RETRIES = "olaphttp.query.retries";

    static final String NONE = "none";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final Function<QueryInfo, String> statementName;
    private final ConcurrentMap<String, InFlight> inFlight = new ConcurrentHashMap<>();

    private MicrometerQueryListener(Builder b) {
        this.observations = b.observations;
        this.meters = b.meters;
        this.statementName = b.statementName;
    }

    /** A builder recording observations in {@code registry}. */
    public static Builder builder(ObservationRegistry registry) {
        return new Builder(registry);
    }

    /** One running statement: its observation and the tags decided at its start. */
    private record InFlight(Observation observation, Tags tags) {}

    @Override
    public void onStart(QueryInfo query) {
        String name = statement(query);
        Observation o = Observation.createNotStarted(OBSERVATION, observations)
                .contextualName("olaphttp " + query.kind().tag())
                .lowCardinalityKeyValue("dialect", query.dialect())
                .lowCardinalityKeyValue("kind", query.kind().tag())
                .lowCardinalityKeyValue("endpoint", NONE)
                .lowCardinalityKeyValue("outcome", NONE)
                .highCardinalityKeyValue("query.id", String.valueOf(query.queryId()));
        if (name != null) {
            o.lowCardinalityKeyValue("statement", name);
        }
        Tags tags = Tags.of("dialect", query.dialect(), "kind", query.kind().tag());
        if (name != null) {
            tags = tags.and("statement", name);
        }
        // a second statement running under the same id shares the first one's observation
        if (inFlight.putIfAbsent(key(query), new InFlight(o, tags)) == null) {
            o.start();
        }
    }

    @Override
    public void onRequest(QueryInfo query, String method, String path, int attempt) {
        InFlight f = inFlight.get(key(query));
        if (f != null && query.endpoint() != null) {
            f.observation().lowCardinalityKeyValue("endpoint", query.endpoint());
        }
    }

    @Override
    public void onRetry(QueryInfo query, int attempt, Duration delay, SqlClientException cause) {
        InFlight f = inFlight.get(key(query));
        if (f != null) {
            f.observation().event(Observation.Event.of("olaphttp.retry", "retry after attempt " + attempt));
        }
        if (meters != null) {
            Tags tags = f != null ? f.tags() : Tags.of("dialect", query.dialect(), "kind", query.kind().tag());
            Counter.builder(RETRIES)
                    .description("Requests re-sent after a failure")
                    .tags(tags)
                    .tag("endpoint", query.endpoint() != null ? query.endpoint() : NONE)
                    .tag("cause", cause.getClass().getSimpleName())
                    .register(meters)
                    .increment();
        }
    }

    @Override
    public void onEnd(QueryInfo query, QueryStats stats, long rows) {
        finish(query, Outcome.SUCCESS, null, stats, rows);
    }

    @Override
    public void onFailure(QueryInfo query, SqlClientException error) {
        finish(query, Outcome.of(error), error, null, error.rowsDelivered());
    }

    @Override
    public void onClosedEarly(QueryInfo query, QueryStats stats, long rowsDelivered) {
        finish(query, Outcome.CLOSED_EARLY, null, stats, rowsDelivered);
    }

    private void finish(QueryInfo query, Outcome outcome, SqlClientException error, QueryStats stats, long rows) {
        InFlight f = inFlight.remove(key(query));
        if (f == null) {
            return; // never started here, or already ended
        }
        Observation o = f.observation();
        o.lowCardinalityKeyValue("outcome", outcome.tag);
        if (error != null) {
            o.error(error);
        }
        o.stop();
        if (meters != null) {
            Tags tags = f.tags();
            count(ROWS, "Rows delivered to the caller", tags.and("outcome", outcome.tag), rows);
            if (stats != null) {
                count(ROWS_READ, "Rows the server reported scanned", tags, stats.rowsRead());
                count(BYTES_READ, "Bytes the server reported scanned", tags, stats.bytesRead());
                count(ROWS_WRITTEN, "Rows the server reported written", tags, stats.rowsWritten());
                count(BYTES_WRITTEN, "Bytes the server reported written", tags, stats.bytesWritten());
            }
        }
    }

    private void count(String name, String description, Tags tags, long amount) {
        if (amount >= 0) {
            Counter.builder(name).description(description).tags(tags).register(meters).increment(amount);
        }
    }

    private String statement(QueryInfo query) {
        if (statementName == null) {
            return null;
        }
        try {
            String name = statementName.apply(query);
            return name == null || name.isBlank() ? NONE : name;
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    private static String key(QueryInfo query) {
        return query.dialect() + '\u0000' + query.queryId();
    }

    /** Statements started and not yet ended (for tests and leak checks). */
    int inFlight() {
        return inFlight.size();
    }

    @Override
    public String toString() {
        return "MicrometerQueryListener{inFlight=" + inFlight.size() + "}";
    }

    /** Builds a {@link MicrometerQueryListener}. */
    public static final class Builder {
        private final ObservationRegistry observations;
        private MeterRegistry meters;
        private Function<QueryInfo, String> statementName;

        private Builder(ObservationRegistry observations) {
            this.observations = Objects.requireNonNull(observations, "observationRegistry");
        }

        /** Where the row, byte and retry counters go (default: none; the timer comes from the observation). */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meters = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /**
         * Opt-in {@code statement} tag: a name for the statement, e.g. from a map of known queries. It must come
         * from a small fixed set (never the SQL text or anything holding values); {@code null} or a failure gives
         * {@code none}.
         */
        public Builder statementName(Function<QueryInfo, String> namer) {
            this.statementName = Objects.requireNonNull(namer, "statementName");
            return this;
        }

        /** Builds the listener. */
        public MicrometerQueryListener build() {
            return new MicrometerQueryListener(this);
        }
    }
}
