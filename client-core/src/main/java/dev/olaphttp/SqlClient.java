package dev.olaphttp;

import dev.olaphttp.internal.HttpSettings;
import dev.olaphttp.spi.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The entry point: a thread-safe client for one cluster of one database. Make one and share it; close it when the
 * application stops (it closes only what it created).
 *
 * <pre>{@code
 * try (SqlClient client = SqlClient.connect("clickhouse://default:@localhost:8123/default")) {
 *     List<String> names = client.sql("SELECT name FROM system.tables").list(r -> r.getString(1));
 * }
 * }</pre>
 */
public interface SqlClient extends AutoCloseable {
    /** A client for the DSN, its dialect found by scheme among the dialects on the class path. */
    static SqlClient connect(String dsn) {
        return builder().dsn(dsn).build();
    }

    /** A builder for a client. */
    static Builder builder() {
        return new Builder();
    }

    /** Starts a one-shot statement from the client's default state (which it never changes). */
    Query sql(String sql);

    /** Starts a bulk load into {@code table} ({@code db.table} or a table of the default database). */
    Insert insert(String table);

    /** Opens a session starting from the client's default state. */
    SqlSession openSession();

    /** Opens a session starting from {@code state}. */
    SqlSession openSession(SessionState state);

    /** The state one-shot statements and new sessions start from. */
    SessionState defaultState();

    /** The dialect's id: {@code databend}, {@code clickhouse}, {@code starrocks}. */
    String dialect();

    /**
     * A dialect-specific extension, e.g. Databend's stage uploads or ClickHouse's streamed inserts.
     *
     * @throws UnsupportedOperationException when this dialect has no extension of that type
     */
    <T> T extension(Class<T> type);

    /** Closes the client: idempotent; a borrowed HTTP client stays open. */
    @Override
    void close();

    /**
     * Builds a {@link SqlClient}. Later calls override earlier ones, so call {@link #dsn(String)} first and refine
     * after it.
     */
    final class Builder {
        Dialect dialect;
        final List<Endpoint> endpoints = new ArrayList<>();
        Credentials credentials = Credentials.none();
        SessionState state = SessionState.empty();
        final Map<String, String> options = new LinkedHashMap<>();
        Duration connectTimeout = Duration.ofSeconds(10);
        Duration readTimeout = Duration.ofSeconds(300);
        Duration queryTimeout = Duration.ZERO;
        TlsOptions tls = TlsOptions.defaults();
        ResiliencePolicy resilience = ResiliencePolicy.defaults();
        QueryListener listener = QueryListener.NONE;
        TraceContextSupplier traceContext = TraceContextSupplier.NONE;
        Supplier<String> queryIds = () -> UUID.randomUUID().toString();
        HttpClientProvider httpClient;
        int maxIdleConnections = HttpSettings.DEFAULT_MAX_IDLE;
        Duration keepAlive = HttpSettings.DEFAULT_KEEP_ALIVE;
        boolean poolSet;
        ProxyOptions proxy = ProxyOptions.none();
        final Map<String, String> headers = new LinkedHashMap<>();

        Builder() {}

        /** The dialect; not needed with {@link #dsn(String)}. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Applies a DSN: picks the dialect by scheme (unless one is set) and lets it set endpoints, credentials,
         * database and options.
         */
        public Builder dsn(String dsn) {
            Dsn parsed = DsnConnectionOptions.apply(Dsn.parse(dsn), this);
            if (dialect == null || !dialect.schemes().contains(parsed.scheme())) {
                dialect = Dialects.forScheme(parsed.scheme());
            }
            dialect.configure(parsed, this);
            return this;
        }

        /** Adds an endpoint URL ({@code http://host:port}); repeat for failover. */
        public Builder endpoint(String url) {
            return endpoint(Endpoint.parse(url));
        }

        /** Adds an endpoint; repeat for failover. */
        public Builder endpoint(Endpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint));
            return this;
        }

        /** Replaces all endpoints. */
        public Builder endpoints(List<Endpoint> list) {
            endpoints.clear();
            endpoints.addAll(list);
            return this;
        }

        /** How the client authenticates. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials);
            return this;
        }

        /** HTTP Basic credentials. */
        public Builder user(String user, String password) {
            return credentials(Credentials.basic(user, password));
        }

        /** The database statements start in. */
        public Builder database(String database) {
            state = state.withDatabase(database);
            return this;
        }

        /** The catalog statements start in (StarRocks). */
        public Builder catalog(String catalog) {
            state = state.withCatalog(catalog);
            return this;
        }

        /** A server setting for every statement (ClickHouse setting, StarRocks session variable...). */
        public Builder setting(String name, String value) {
            state = state.withSetting(name, value);
            return this;
        }

        /** The whole starting state. */
        public Builder defaultState(SessionState state) {
            this.state = Objects.requireNonNull(state);
            return this;
        }

        /** A dialect option (see each dialect's documentation). */
        public Builder option(String name, String value) {
            options.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** The TCP/TLS connect timeout. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** The longest wait for the next bytes of a response (a long poll waits less than this). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** The default time budget of a statement; zero for none. */
        public Builder queryTimeout(Duration timeout) {
            this.queryTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** TLS trust and key material (default: the JVM's). */
        public Builder tls(TlsOptions tls) {
            this.tls = Objects.requireNonNull(tls);
            return this;
        }

        /** Retries and circuit breakers (default: {@link ResiliencePolicy#defaults()}). */
        public Builder resilience(ResiliencePolicy policy) {
            this.resilience = Objects.requireNonNull(policy);
            return this;
        }

        /** Hooks for metrics and tracing. */
        public Builder listener(QueryListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * Where the W3C {@code traceparent}/{@code tracestate} headers of each request come from (default: none
         * sent). Asked before every request; see {@link TraceContextSupplier}.
         */
        public Builder traceContext(TraceContextSupplier supplier) {
            this.traceContext = Objects.requireNonNull(supplier);
            return this;
        }

        /** How query ids are made when a statement does not set one (default: random UUIDs). */
        public Builder queryIdGenerator(Supplier<String> generator) {
            this.queryIds = Objects.requireNonNull(generator);
            return this;
        }

        /**
         * Borrow an HTTP client (see {@code dev.olaphttp.okhttp.OkHttpAdapter}). The borrowed client keeps its own
         * connect/read timeouts, pool and keep-alive (set the keep-alive below your servers'); only OkHttp's silent
         * re-sends and redirects are turned off in the view this client uses.
         */
        public Builder httpClient(HttpClientProvider provider) {
            this.httpClient = Objects.requireNonNull(provider);
            return this;
        }

        /**
         * The connection pool of the client's own HTTP client (default: 8 idle connections kept 2 s). Keep the
         * keep-alive below your servers' (ClickHouse closes idle connections after 3 s by default): a statement sent
         * on a connection the server just closed cannot always be retried safely. DSN: {@code pool_max_idle},
         * {@code pool_keep_alive}. Refused with a borrowed HTTP client, which keeps its own.
         */
        public Builder connectionPool(int maxIdleConnections, Duration keepAlive) {
            if (maxIdleConnections < 0) {
                throw new IllegalArgumentException("maxIdleConnections must be >= 0");
            }
            if (keepAlive.isNegative() || keepAlive.isZero()) {
                throw new IllegalArgumentException("keepAlive must be positive");
            }
            this.maxIdleConnections = maxIdleConnections;
            this.keepAlive = keepAlive;
            this.poolSet = true;
            return this;
        }

        /**
         * The proxy of the client's own HTTP client (default: none, whatever the JVM's proxy properties say). DSN:
         * {@code proxy=http://host:port} or {@code socks5://host:port}, {@code proxy_user}, {@code proxy_password}.
         * Refused with a borrowed HTTP client, which keeps its own.
         */
        public Builder proxy(ProxyOptions proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * An extra header sent with every request (a header the dialect sets itself wins). The name must be an
         * HTTP token and not one the client controls (Authorization, Host, Content-*, Accept-Encoding...); the value
         * must not contain CR, LF or other control characters. Fails with {@link IllegalArgumentException}, never
         * quoting the value. DSN: {@code header.X-Name=value}.
         */
        public Builder header(String name, String value) {
            HeaderRules.check(name, value);
            headers.put(name, value);
            return this;
        }

        HttpSettings httpSettings() {
            return new HttpSettings(maxIdleConnections, keepAlive, poolSet, proxy, headers);
        }

        /** Builds the client; fails fast on a missing dialect or endpoint. */
        public SqlClient build() {
            if (dialect == null) {
                throw new IllegalStateException("no dialect: call dsn(...) or dialect(...)");
            }
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("no endpoint: call dsn(...) or endpoint(...)");
            }
            return new DefaultSqlClient(this);
        }

        @Override
        public String toString() {
            return "SqlClient.Builder{dialect=" + (dialect == null ? null : dialect.id()) + ", endpoints=" + endpoints
                    + ", " + credentials + ", " + proxy + ", headers=" + headers.keySet() + "}";
        }
    }
}
