package dev.olaphttp.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;

/** The settings of one olaphttp client; unset values keep the library's defaults. */
public class ClientProperties {
    /** The DSN, e.g. {@code clickhouse://host:8123/db}; its dialect module must be on the class path. */
    private String dsn;

    /** The user, instead of one in the DSN. */
    private String user;

    /** The password, instead of one in the DSN. Masked in the actuator endpoints. */
    private String password;

    /** The database statements start in, instead of the DSN's. */
    private String database;

    /** TCP/TLS connect timeout (library default 10s). */
    private Duration connectTimeout;

    /** Longest wait for the next bytes of a response (library default 300s). */
    private Duration readTimeout;

    /** Default time budget of a statement (library default none). */
    private Duration queryTimeout;

    /** Dialect options, as in the DSN's query string. */
    private Map<String, String> options = new LinkedHashMap<>();

    /** Server settings for every statement (ClickHouse settings, StarRocks session variables...). */
    private Map<String, String> settings = new LinkedHashMap<>();

    private final Retry retry = new Retry();

    private final CircuitBreaker circuitBreaker = new CircuitBreaker();

    private final Tls tls = new Tls();

    public String getDsn() {
        return dsn;
    }

    public void setDsn(String dsn) {
        this.dsn = dsn;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public Map<String, String> getOptions() {
        return options;
    }

    public void setOptions(Map<String, String> options) {
        this.options = options;
    }

    public Map<String, String> getSettings() {
        return settings;
    }

    public void setSettings(Map<String, String> settings) {
        this.settings = settings;
    }

    public Retry getRetry() {
        return retry;
    }

    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }

    public Tls getTls() {
        return tls;
    }

    /** Never shows the password or the DSN's credentials. */
    @Override
    public String toString() {
        return "ClientProperties{dsn=" + Masking.maskDsn(dsn) + ", user=" + user + "}";
    }

    /** Retries (library defaults: 4 attempts, backoff 100ms x2 up to 5s, jitter 0.5, Retry-After up to 30s). */
    public static class Retry {
        /** Attempts per request, the first included; 1 disables retries. */
        private Integer maxAttempts;

        /** First wait between attempts. */
        private Duration initialBackoff;

        /** Factor applied to the wait per attempt. */
        private Double multiplier;

        /** Longest wait between attempts. */
        private Duration maxBackoff;

        /** Randomization factor of the wait, 0 to 1. */
        private Double jitter;

        /** Longest server Retry-After honoured. */
        private Duration maxRetryAfter;

        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(Double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Double getJitter() {
            return jitter;
        }

        public void setJitter(Double jitter) {
            this.jitter = jitter;
        }

        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }
    }

    /** The per-endpoint circuit breaker (library defaults: 50% of the last 20 calls, at least 10, open 10s). */
    public static class CircuitBreaker {
        /** Failure rate in percent that opens the breaker. */
        private Float failureRateThreshold;

        /** Calls in the sliding window. */
        private Integer slidingWindowSize;

        /** Calls needed before the rate counts. */
        private Integer minimumNumberOfCalls;

        /** How long the breaker stays open. */
        private Duration waitDurationInOpenState;

        /** Trial calls when half open. */
        private Integer permittedCallsInHalfOpenState;

        public Float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(Float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public Integer getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(Integer slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public Integer getMinimumNumberOfCalls() {
            return minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(Integer minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public Duration getWaitDurationInOpenState() {
            return waitDurationInOpenState;
        }

        public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
            this.waitDurationInOpenState = waitDurationInOpenState;
        }

        public Integer getPermittedCallsInHalfOpenState() {
            return permittedCallsInHalfOpenState;
        }

        public void setPermittedCallsInHalfOpenState(Integer permittedCallsInHalfOpenState) {
            this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
        }
    }

    /** Trust material for HTTPS endpoints (default: the JVM's trust store). */
    public static class Tls {
        /** A key store of trusted certificates, e.g. {@code classpath:ca.p12}. */
        private Resource trustStore;

        /** The trust store's type. */
        private String trustStoreType = "PKCS12";

        /** The trust store's password. Masked in the actuator endpoints. */
        private String trustStorePassword;

        /** PEM file of trusted CA certificates, instead of a trust store. */
        private Resource trustCertificates;

        public Resource getTrustStore() {
            return trustStore;
        }

        public void setTrustStore(Resource trustStore) {
            this.trustStore = trustStore;
        }

        public String getTrustStoreType() {
            return trustStoreType;
        }

        public void setTrustStoreType(String trustStoreType) {
            this.trustStoreType = trustStoreType;
        }

        public String getTrustStorePassword() {
            return trustStorePassword;
        }

        public void setTrustStorePassword(String trustStorePassword) {
            this.trustStorePassword = trustStorePassword;
        }

        public Resource getTrustCertificates() {
            return trustCertificates;
        }

        public void setTrustCertificates(Resource trustCertificates) {
            this.trustCertificates = trustCertificates;
        }
    }
}
