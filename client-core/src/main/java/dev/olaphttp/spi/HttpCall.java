package dev.olaphttp.spi;

import dev.olaphttp.Endpoint;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.QueryInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request a dialect wants sent. Immutable; made with {@link #builder(String, String)}.
 *
 * <p>{@link #path()} is relative to the endpoint (it may carry its own query string, as Databend's {@code next_uri}
 * does); {@link #queryParams()} are appended, encoded. Headers HTTP/1.1 cannot carry (CR, LF, NUL, non-ASCII...) are
 * rejected by {@link Builder#header} with {@link InvalidRequestException}.
 * Retries: a call marked {@link #idempotent()} is retried after any retryable failure; otherwise only when the
 * request never reached the server or the server refused it (429/503).
 */
public final class HttpCall {
    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> queryParams;
    private final List<Map.Entry<String, String>> headers;
    private final HttpBody body;
    private final boolean idempotent;
    private final Endpoint endpoint;
    private final Deadline deadline;
    private final Cancellation cancellation;
    private final QueryInfo info;
    private final boolean authenticate;
    private final ErrorClassifier classifier;
    private final Duration readTimeout;

    private HttpCall(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.queryParams = List.copyOf(b.queryParams);
        this.headers = List.copyOf(b.headers);
        this.body = b.body;
        this.idempotent = b.idempotent;
        this.endpoint = b.endpoint;
        this.deadline = b.deadline;
        this.cancellation = b.cancellation;
        this.info = b.info;
        this.authenticate = b.authenticate;
        this.classifier = b.classifier;
        this.readTimeout = b.readTimeout;
    }

    /** Starts a call, e.g. {@code builder("POST", "/v1/query")}. */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path relative to the endpoint, possibly with a query string. */
    public String path() {
        return path;
    }

    /** Query parameters in order; names may repeat. Never logged (they may carry parameter values). */
    public List<Map.Entry<String, String>> queryParams() {
        return queryParams;
    }

    /** Extra headers in order; names may repeat. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The body, or {@code null} for none. */
    public HttpBody body() {
        return body;
    }

    /** Whether the call may be re-sent after a failure that left its fate unknown. */
    public boolean idempotent() {
        return idempotent;
    }

    /** The endpoint this call must go to (follow-up requests), or {@code null} to let the transport choose. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The statement's deadline; the transport bounds the call and its retries by it. */
    public Deadline deadline() {
        return deadline;
    }

    /** The statement's cancel signal; cancelling aborts the call. */
    public Cancellation cancellation() {
        return cancellation;
    }

    /** The statement this call belongs to, or {@code null} (login, ping...). */
    public QueryInfo info() {
        return info;
    }

    /** The query id for error details, or {@code null}. */
    public String queryId() {
        return info == null ? null : info.queryId();
    }

    /** Whether the transport adds the client's {@code Authorization} header. */
    public boolean authenticate() {
        return authenticate;
    }

    /** A classifier for this call instead of the dialect's, or {@code null}. */
    public ErrorClassifier classifier() {
        return classifier;
    }

    /** A read timeout for this call instead of the client's, or {@code null}. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** A copy pinned to an endpoint. */
    public HttpCall pinnedTo(Endpoint endpoint) {
        Builder b = toBuilder();
        b.endpoint = endpoint;
        return b.build();
    }

    /** A builder holding this call's values. */
    public Builder toBuilder() {
        Builder b = toBuilder(method, path);
        b.queryParams.addAll(queryParams);
        return b;
    }

    /**
     * A builder for a follow-up call (a redirect, say) to another path: method, headers, body, flags, deadline,
     * cancellation, classifier and endpoint are kept; query parameters are not (the new path carries its own).
     */
    public Builder toBuilder(String newMethod, String newPath) {
        Builder b = new Builder(newMethod, newPath);
        b.headers.addAll(headers);
        b.body = body;
        b.idempotent = idempotent;
        b.endpoint = endpoint;
        b.deadline = deadline;
        b.cancellation = cancellation;
        b.info = info;
        b.authenticate = authenticate;
        b.classifier = classifier;
        b.readTimeout = readTimeout;
        return b;
    }

    /** Method and path without the query string: safe to log. */
    @Override
    public String toString() {
        int q = path.indexOf('?');
        return method + " " + (q >= 0 ? path.substring(0, q) : path);
    }

    /** Builds an {@link HttpCall}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final List<Map.Entry<String, String>> queryParams = new ArrayList<>();
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private HttpBody body;
        private boolean idempotent;
        private Endpoint endpoint;
        private Deadline deadline = Deadline.none();
        private Cancellation cancellation = new Cancellation();
        private QueryInfo info;
        private boolean authenticate = true;
        private ErrorClassifier classifier;
        private Duration readTimeout;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("call path must start with '/'");
            }
        }

        /** Appends a query parameter (encoded by the transport, never logged). */
        public Builder queryParam(String name, String value) {
            queryParams.add(Map.entry(name, value));
            return this;
        }

        /** Adds a header; {@link InvalidRequestException} per {@link HttpCall#checkHeader} (never echoing the value). */
        public Builder header(String name, String value) {
            checkHeader(name, value);
            headers.add(Map.entry(name, value));
            return this;
        }

        /** The request body. */
        public Builder body(HttpBody body) {
            this.body = body;
            return this;
        }

        /** Marks the call safe to re-send (default false). */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** Pins the call to an endpoint (follow-up requests of a statement). */
        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The deadline bounding the call and its retries. */
        public Builder deadline(Deadline deadline) {
            this.deadline = Objects.requireNonNull(deadline);
            return this;
        }

        /** The cancel signal that aborts the call. */
        public Builder cancellation(Cancellation cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation);
            return this;
        }

        /** The statement the call belongs to, for listeners and error details. */
        public Builder info(QueryInfo info) {
            this.info = info;
            return this;
        }

        /** Whether to add the client's {@code Authorization} header (default true). */
        public Builder authenticate(boolean authenticate) {
            this.authenticate = authenticate;
            return this;
        }

        /** A classifier for this call instead of the dialect's. */
        public Builder classifier(ErrorClassifier classifier) {
            this.classifier = classifier;
            return this;
        }

        /** A read timeout for this call instead of the client's (long polls). */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** Builds the call. */
        public HttpCall build() {
            return new HttpCall(this);
        }
    }

    /**
     * Rejects what HTTP/1.1 cannot carry in a header: a name that is empty or not visible ASCII, a value with CR, LF,
     * NUL, another control character or a character outside ASCII. Throws {@link InvalidRequestException} naming
     * the header and the index, never quoting the value (it may be a credential).
     */
    public static void checkHeader(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        if (name.isEmpty()) {
            throw new InvalidRequestException("empty HTTP header name", ErrorDetails.none());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new InvalidRequestException("invalid character in an HTTP header name at index " + i,
                        ErrorDetails.none());
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                throw new InvalidRequestException("value of HTTP header '" + name + "' has "
                        + (c == '\r' || c == '\n' ? "CR or LF" : c == 0 ? "NUL" : c < 0x20 ? "a control character"
                        : "a character outside printable ASCII") + " at index " + i + "; it cannot be sent",
                        ErrorDetails.none());
            }
        }
    }
}
