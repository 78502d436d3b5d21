package dev.olaphttp.internal;

import dev.olaphttp.Credentials;
import dev.olaphttp.Endpoint;
import dev.olaphttp.HttpClientProvider;
import dev.olaphttp.QueryListener;
import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.TlsOptions;
import dev.olaphttp.TraceContextSupplier;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpTransport;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/** The HTTP side of one SqlClient: the OkHttpClient (owned or borrowed) and the resilient transport over it. */
public final class ClientTransport implements AutoCloseable {
    private final OkHttpClient client;
    private final boolean owned;
    private final ResilientTransport transport;

    private ClientTransport(OkHttpClient client, boolean owned, ResilientTransport transport) {
        this.client = client;
        this.owned = owned;
        this.transport = transport;
    }

    /** Builds the transport for a client. */
    public static ClientTransport create(
            HttpClientProvider provider,
            Duration connectTimeout,
            Duration readTimeout,
            TlsOptions tls,
            HttpSettings http,
            List<Endpoint> endpoints,
            Credentials credentials,
            ResiliencePolicy policy,
            ErrorClassifier classifier,
            String dialectId,
            QueryListener listener,
            TraceContextSupplier traceContext) {
        OkHttpClient client = HttpClients.create(provider, connectTimeout, readTimeout, tls, http);
        boolean owned = provider == null || provider.owned();
        OkHttpExchange exchange = new OkHttpExchange(client, dialectId);
        return new ClientTransport(
                client,
                owned,
                new ResilientTransport(
                        exchange, endpoints, credentials, policy, classifier, dialectId, listener, traceContext));
    }

    /** The resilient transport handed to the dialect. */
    public HttpTransport transport() {
        return transport;
    }

    /** Shuts the HTTP client down if this client created it; a borrowed one stays open. */
    @Override
    public void close() {
        if (owned) {
            HttpClients.shutdown(client);
        }
    }
}
