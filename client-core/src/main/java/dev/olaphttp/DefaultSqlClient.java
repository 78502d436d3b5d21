package dev.olaphttp;

import dev.olaphttp.internal.ClientTransport;
import dev.olaphttp.spi.ClientConfig;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.Dialect;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.HttpTransport;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The thread-safe client: configuration, transport, scheduler and the dialect's per-client half. */
final class DefaultSqlClient implements SqlClient, ClientContext {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Dialect dialect;
    private final ClientConfig config;
    private final QueryListener listener;
    private final Supplier<String> queryIds;
    private final ClientTransport transport;
    private final ScheduledThreadPoolExecutor scheduler;
    private final DialectClient dialectClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultSqlClient(SqlClient.Builder b) {
        this.dialect = b.dialect;
        this.config = new ClientConfig(
                b.endpoints, b.credentials, b.state, b.options, b.connectTimeout, b.readTimeout, b.queryTimeout);
        this.listener = b.listener == QueryListener.NONE ? QueryListener.NONE : new ProgressListener(b.listener);
        this.queryIds = b.queryIds;
        this.transport = ClientTransport.create(
                b.httpClient,
                b.connectTimeout,
                b.readTimeout,
                b.tls,
                b.httpSettings(),
                b.endpoints,
                b.credentials,
                b.resilience.forClient(),
                dialect.errorClassifier(),
                dialect.id(),
                listener,
                b.traceContext);
        int n = CLIENTS.incrementAndGet();
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "olaphttp-" + dialect.id() + "-" + n + "-timer");
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        DialectClient dc;
        try {
            dc = dialect.open(this);
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            transport.close();
            throw e;
        }
        this.dialectClient = dc;
    }

    @Override
    public Query sql(String sql) {
        checkOpen();
        return new DefaultQuery(this, sql, null);
    }

    @Override
    public Insert insert(String table) {
        checkOpen();
        return new DefaultInsert(this, table);
    }

    @Override
    public SqlSession openSession() {
        return openSession(config.defaultState());
    }

    @Override
    public SqlSession openSession(SessionState state) {
        checkOpen();
        return new DefaultSqlSession(this, state);
    }

    @Override
    public SessionState defaultState() {
        return config.defaultState();
    }

    @Override
    public String dialect() {
        return dialect.id();
    }

    @Override
    public <T> T extension(Class<T> type) {
        T ext = dialectClient.extension(type);
        if (ext == null) {
            throw new UnsupportedOperationException(
                    "the " + dialect.id() + " dialect has no extension " + type.getSimpleName());
        }
        return ext;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("client is closed");
        }
    }

    String newQueryId() {
        return queryIds.get();
    }

    DialectClient dialectClient() {
        return dialectClient;
    }

    // ClientContext, for the dialect

    @Override
    public String dialectId() {
        return dialect.id();
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    @Override
    public HttpTransport transport() {
        return transport.transport();
    }

    @Override
    public QueryListener listener() {
        return listener;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Closes the dialect, then lets work already handed to the scheduler (a KILL for a cancelled statement, say)
     * finish for up to {@link #DRAIN} while heartbeats and other delayed or periodic tasks are dropped, then closes
     * the transport.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                dialectClient.close();
            } finally {
                drainScheduler();
                transport.close();
            }
        }
    }

    private static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(3);

    private void drainScheduler() {
        scheduler.shutdown(); // keeps tasks already due, cancels delayed and periodic ones
        try {
            if (!scheduler.awaitTermination(DRAIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SqlClient{" + dialect.id() + ", " + config.endpoints() + ", " + config.credentials()
                + (closed.get() ? ", closed" : "") + "}";
    }
}
