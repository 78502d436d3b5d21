package dev.olaphttp.internal;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.Credentials;
import dev.olaphttp.Endpoint;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryListener;
import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.TraceContext;
import dev.olaphttp.TraceContextSupplier;
import dev.olaphttp.TransportException;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.HttpTransport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one resilience wrapper: a resilience4j {@link Retry} around a {@link CircuitBreaker} per endpoint, with
 * failover between endpoints, the time budget, {@code Retry-After}, and a single token refresh after a 401.
 *
 * <p>What may be retried: a failure before the request reached the server; a server's refusal (429, 503) or an
 * open breaker elsewhere; anything retryable when the call is idempotent. Query and authentication errors are
 * never recorded by the breakers.
 */
public final class ResilientTransport implements HttpTransport {
    private static final Logger log = LoggerFactory.getLogger(ResilientTransport.class);

    private final OkHttpExchange exchange;
    private final List<Endpoint> endpoints;
    private final Credentials credentials;
    private final ResiliencePolicy policy;
    private final ErrorClassifier classifier;
    private final String dialectId;
    private final QueryListener listener;
    private final TraceContextSupplier traceContext;
    private final Retry retry;
    private final AtomicInteger preferred = new AtomicInteger();

    ResilientTransport(
            OkHttpExchange exchange,
            List<Endpoint> endpoints,
            Credentials credentials,
            ResiliencePolicy policy,
            ErrorClassifier classifier,
            String dialectId,
            QueryListener listener,
            TraceContextSupplier traceContext) {
        this.exchange = exchange;
        this.endpoints = List.copyOf(endpoints);
        this.credentials = credentials;
        this.policy = policy;
        this.classifier = classifier;
        this.dialectId = dialectId;
        this.listener = listener;
        this.traceContext = traceContext;
        this.retry = policy.retryRegistry().retry("olaphttp-" + dialectId);
    }

    @Override
    public HttpResponse execute(HttpCall call) {
        Retry.Context<Object> context = retry.context();
        boolean refreshToken = false;
        boolean refreshed = false;
        int attempt = 0;
        int failures = 0;
        Endpoint[] last = new Endpoint[1]; // the endpoint of the latest attempt, for the retry notice
        while (true) {
            attempt++;
            ErrorDetails details = ErrorDetails.of(dialectId, call.queryId());
            if (call.cancellation().isCancelled()) {
                throw new QueryCancelledException("query cancelled", details);
            }
            if (call.deadline().isExpired()) {
                throw OkHttpExchange.timeout(call, details, null);
            }
            try {
                HttpResponse response = attempt(call, attempt, refreshToken, last);
                context.onComplete();
                return response;
            } catch (AuthenticationException e) {
                if (!refreshed && e.httpStatus() == 401 && call.authenticate()
                        && credentials.kind() == Credentials.Kind.BEARER) {
                    refreshed = true;
                    refreshToken = true;
                    log.debug("{} rejected the token; refreshing it once", call);
                    continue;
                }
                throw e;
            } catch (SqlClientException e) {
                if (!mayRetry(call, e)) {
                    throw e;
                }
                failures++; // the retry context's own count (a token refresh is not one of its attempts)
                if (failures < retry.getRetryConfig().getMaxAttempts()) {
                    Duration wait = estimatedWait(failures, e);
                    if (call.deadline().isSet() && call.deadline().remaining().compareTo(wait) <= 0) {
                        throw e;
                    }
                    notifyRetry(call, last[0], attempt, wait, e);
                }
                waitBeforeRetry(context, call, e);
                refreshToken = false;
            }
        }
    }

    /**
     * Lets the retry context sleep per its configuration (or rethrow when attempts are spent). A cancel during the
     * wait (a long {@code Retry-After}) interrupts the sleep and ends the call at once.
     */
    private void waitBeforeRetry(Retry.Context<Object> context, HttpCall call, SqlClientException e) {
        Thread waiting = Thread.currentThread();
        Object lock = new Object();
        boolean[] armed = {true};
        Cancellation.Registration reg = call.cancellation().onCancel(() -> {
            synchronized (lock) {
                if (armed[0]) {
                    waiting.interrupt();
                }
            }
        });
        RuntimeException failure = null;
        try {
            context.onRuntimeError(e);
        } catch (RuntimeException r) {
            failure = r;
        } finally {
            synchronized (lock) {
                armed[0] = false; // no interrupt can arrive after this
            }
            reg.close();
        }
        if (call.cancellation().isCancelled()) {
            Thread.interrupted(); // the interrupt, if any, was ours
            throw new QueryCancelledException("query cancelled", ErrorDetails.of(dialectId, call.queryId()));
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One attempt: choose an endpoint whose breaker lets us through, send, classify. */
    private HttpResponse attempt(HttpCall call, int attempt, boolean refreshToken, Endpoint[] last) {
        List<Endpoint> candidates = call.endpoint() != null ? List.of(call.endpoint()) : endpoints;
        int start = call.endpoint() != null ? 0 : Math.floorMod(preferred.get() + attempt - 1, candidates.size());
        TraceContext trace = currentTrace(call);
        for (int i = 0; i < candidates.size(); i++) {
            int index = (start + i) % candidates.size();
            Endpoint endpoint = candidates.get(index);
            CircuitBreaker breaker = policy.circuitBreakerRegistry().circuitBreaker(endpoint.key());
            if (!breaker.tryAcquirePermission()) {
                continue;
            }
            last[0] = endpoint;
            if (call.info() != null) {
                QueryInfo info = call.info().atAttempt(endpoint.key(), attempt);
                safe(() -> listener.onRequest(info, call.method(), pathOf(call), attempt));
            }
            long started = System.nanoTime();
            HttpResponse response;
            try {
                response = exchange.send(call, endpoint, credentials, refreshToken, trace);
            } catch (SqlClientException e) {
                record(breaker, System.nanoTime() - started, e);
                log.debug("{} {} failed: {}", call.method(), endpoint.key() + pathOf(call), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                breaker.releasePermission(); // a bad request (e.g. a rejected header) says nothing about the endpoint
                if (e instanceof IllegalArgumentException) { // OkHttp refused the request, or a body encoder its data
                    throw new InvalidRequestException(describe(call, e), e,
                            ErrorDetails.of(dialectId, call.queryId()));
                }
                throw e;
            }
            SqlClientException error;
            try {
                error = classify(call, response);
            } catch (RuntimeException e) {
                breaker.releasePermission();
                throw e;
            }
            long took = System.nanoTime() - started;
            if (log.isDebugEnabled()) {
                log.debug("{} {} -> {} in {} ms", call.method(), endpoint.key() + pathOf(call), response.status(),
                        TimeUnit.NANOSECONDS.toMillis(took));
            }
            if (error != null) {
                response.close();
                record(breaker, took, error);
                throw error;
            }
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            if (call.endpoint() == null) {
                preferred.set(index);
            }
            return response;
        }
        throw new ServerBusyException(
                "circuit breaker open for " + (candidates.size() == 1 ? "endpoint " : "all endpoints ")
                        + candidates + "; not sending " + call,
                null,
                ErrorDetails.of(dialectId, call.queryId()),
                null,
                false);
    }

    private SqlClientException classify(HttpCall call, HttpResponse response) {
        ErrorClassifier c = call.classifier() != null ? call.classifier() : classifier;
        try {
            return c.classify(response);
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
    }

    /** Only failures of the endpoint itself count against its breaker. */
    private static void record(CircuitBreaker breaker, long tookNanos, SqlClientException e) {
        if (e instanceof TransportException || e instanceof ServerBusyException) {
            breaker.onError(tookNanos, TimeUnit.NANOSECONDS, e);
        } else if (e instanceof AuthenticationException || e instanceof InvalidRequestException) {
            breaker.releasePermission();
        } else {
            breaker.onSuccess(tookNanos, TimeUnit.NANOSECONDS);
        }
    }

    static boolean mayRetry(HttpCall call, SqlClientException e) {
        if (!e.isRetryable() || call.cancellation().isCancelled()) {
            return false;
        }
        if (call.body() != null && !call.body().isRepeatable()) {
            return false;
        }
        if (call.idempotent()) {
            return true;
        }
        if (e instanceof TransportException t) {
            return !t.requestSent();
        }
        if (e instanceof ServerBusyException busy) {
            int s = busy.httpStatus();
            return s == 429 || s == 503;
        }
        return false;
    }

    private Duration estimatedWait(int attempt, SqlClientException e) {
        try {
            Long ms = retry.getRetryConfig().<Object>getIntervalBiFunction().apply(attempt, Either.left(e));
            return Duration.ofMillis(ms == null ? 0 : ms);
        } catch (RuntimeException ignored) {
            return Duration.ZERO;
        }
    }

    private void notifyRetry(HttpCall call, Endpoint endpoint, int attempt, Duration wait, SqlClientException e) {
        log.warn("{} failed (attempt {}), retrying in about {} ms: {}", call, attempt, wait.toMillis(), e.getMessage());
        if (call.info() != null) {
            QueryInfo info = endpoint != null
                    ? call.info().atAttempt(endpoint.key(), attempt)
                    : call.info().withAttempt(attempt);
            safe(() -> listener.onRetry(info, attempt, wait, e));
        }
    }

    /** The caller's trace context for this attempt; a failing supplier fails the call before anything is sent. */
    private TraceContext currentTrace(HttpCall call) {
        try {
            return traceContext.current();
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("the trace context supplier failed: " + e.getClass().getSimpleName(), e,
                    ErrorDetails.of(dialectId, call.queryId()));
        }
    }

    /** olaphttp's own messages never quote values; a library's may (OkHttp quotes a rejected header value). */
    private static String describe(HttpCall call, RuntimeException e) {
        StackTraceElement[] at = e.getStackTrace();
        boolean ours = at.length > 0 && at[0].getClassName().startsWith("dev.olaphttp.");
        return ours && e.getMessage() != null ? e.getMessage() : "cannot send " + call + ": " + e.getClass().getName();
    }

    private static String pathOf(HttpCall call) {
        String p = call.path();
        int q = p.indexOf('?');
        return q >= 0 ? p.substring(0, q) : p;
    }

    static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("QueryListener threw; ignored", e);
        }
    }
}
