package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.Endpoint;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InsertResult;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpTransport;
import dev.olaphttp.spi.InsertRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transaction Stream Load (two-phase, StarRocks 2.4+): {@code begin} on the FE (redirected to a backend
 * coordinator, which then receives every later call for the label), {@code load} with the data, {@code prepare},
 * {@code commit}. A failure in load or prepare rolls the transaction back (best effort; the server also aborts it);
 * a commit whose outcome is unknown is not rolled back, and the error names the label to check.
 */
final class TransactionLoad {
    private static final Logger log = LoggerFactory.getLogger(TransactionLoad.class);
    private static final Set<String> LOAD_HEADERS_ONLY_ON_BEGIN = Set.of("timeout", "idle_transaction_timeout");

    private final LoadSender sender;
    private final HttpTransport transport;
    private final InsertRequest request;
    private final LoadTarget target;
    private final String label;
    private final List<Map.Entry<String, String>> loadHeaders;
    private final HttpBody body;
    private final Duration readTimeout;
    private final ErrorDetails details;
    private final Map<String, String> info = new LinkedHashMap<>();
    private Endpoint coordinator;

    TransactionLoad(LoadSender sender, HttpTransport transport, InsertRequest request, LoadTarget target, String label,
            List<Map.Entry<String, String>> loadHeaders, HttpBody body, Duration readTimeout, ErrorDetails details) {
        this.sender = sender;
        this.transport = transport;
        this.request = request;
        this.target = target;
        this.label = label;
        this.loadHeaders = loadHeaders;
        this.body = body;
        this.readTimeout = readTimeout;
        this.details = details;
    }

    InsertResult run() {
        List<Map.Entry<String, String>> begin = base(true);
        for (Map.Entry<String, String> h : loadHeaders) {
            if (LOAD_HEADERS_ONLY_ON_BEGIN.contains(h.getKey())) {
                begin.add(h);
            }
        }
        LoadSender.Answer began = call("POST", "begin", begin, null, null);
        coordinator = began.endpoint();
        LoadResponse b = began.response();
        if (!"OK".equals(b.status())) {
            if ("LABEL_ALREADY_EXISTS".equals(b.status()) || "Label Already Exists".equals(b.status())) {
                return LoadOutcome.of(b, label, -1, -1, details, transport, request.deadline(), null);
            }
            throw failed("begin", b);
        }
        info.putAll(b.fields());
        try {
            List<Map.Entry<String, String>> load = base(true);
            for (Map.Entry<String, String> h : loadHeaders) {
                if (!h.getKey().equals("label") && !LOAD_HEADERS_ONLY_ON_BEGIN.contains(h.getKey())) {
                    load.add(h);
                }
            }
            expectOk("load", call("PUT", "load", load, body, readTimeout).response());
            expectOk("prepare", call("POST", "prepare", base(false), null, readTimeout).response());
        } catch (RuntimeException e) {
            rollback(e);
            throw e;
        }
        LoadResponse c = call("POST", "commit", base(false), null, readTimeout).response();
        if ("PUBLISH_TIMEOUT".equals(c.status())) {
            info.putAll(c.fields());
            return LoadOutcome.result(new LoadResponse(info), label, -1, -1, LoadOutcome.COMMITTED);
        }
        if (!"OK".equals(c.status())) {
            QueryFailedException e = failed("commit", c);
            rollback(e);
            throw e;
        }
        info.putAll(c.fields());
        info.put("Status", "OK");
        return LoadOutcome.result(new LoadResponse(info), label, rowsSent(), -1, LoadOutcome.VISIBLE);
    }

    private long rowsSent() {
        return body instanceof RowsBody r ? r.rowCount() : -1;
    }

    private void expectOk(String step, LoadResponse r) {
        if (!"OK".equals(r.status())) {
            throw failed(step, r);
        }
        info.putAll(r.fields());
    }

    private QueryFailedException failed(String step, LoadResponse r) {
        String status = r.isFeEnvelope() ? r.get("status") : r.status();
        String message = r.isFeEnvelope() ? r.envelopeMessage() : r.message();
        return new QueryFailedException("Transaction Stream Load " + step + " failed under label " + label + ": "
                + status + (message.isEmpty() ? "" : ": " + message), details.withErrorName(String.valueOf(status)));
    }

    private void rollback(Exception cause) {
        try {
            LoadResponse r = call("POST", "rollback", base(false), null, null).response();
            if (!"OK".equals(r.status())) {
                log.debug("rollback of label {} answered {}", label, r.status());
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private List<Map.Entry<String, String>> base(boolean withTable) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        h.add(Map.entry("label", label));
        h.add(Map.entry("db", target.database()));
        if (withTable) {
            h.add(Map.entry("table", target.table()));
        }
        return h;
    }

    private LoadSender.Answer call(String method, String step, List<Map.Entry<String, String>> headers,
            HttpBody data, Duration timeout) {
        return sender.send(new LoadSender.Request(method, "/api/transaction/" + step, headers, data, request.info(),
                request.deadline(), request.cancellation(), timeout), coordinator);
    }
}
