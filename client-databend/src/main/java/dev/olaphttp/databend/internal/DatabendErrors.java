package dev.olaphttp.databend.internal;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.databend.DatabendQueryException;
import dev.olaphttp.databend.DatabendQueryException.Reason;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;

/**
 * Classifies Databend's non-200 responses: 401/403 authentication (with the Databend code), 429/502/503/504/520
 * busy (retryable), 404 query not found, 400 closed query or rejected request, and anything that is not Databend's
 * JSON envelope a protocol error quoting the status and a snippet. 200 responses are read by the execution.
 */
final class DatabendErrors implements ErrorClassifier {
    static final String DIALECT = "databend";
    static final DatabendErrors INSTANCE = new DatabendErrors();

    @Override
    public SqlClientException classify(HttpResponse response) {
        int status = response.status();
        if (status / 100 == 2) {
            return null;
        }
        String text = HttpErrors.bodyText(response);
        ErrorBody body = ErrorBody.parse(text);
        ErrorDetails d = HttpErrors.details(response, DIALECT);
        if (body != null && body.code() != null && body.code() != status) {
            d = d.withErrorCode(body.code());
        }
        String quoted = body != null ? describe(body) : HttpErrors.snippet(text);
        if (status == 401 || status == 403) {
            return new AuthenticationException(
                    "authentication failed (HTTP " + status + ")" + (quoted.isEmpty() ? "" : ": " + quoted), d);
        }
        if (status == 429 || status == 502 || status == 503 || status == 504 || status == 520) {
            return new ServerBusyException("server busy or unavailable (HTTP " + status + ")"
                    + (quoted.isEmpty() ? "" : ": " + quoted), null, d, HttpErrors.retryAfter(response));
        }
        if (body == null || body.kind() != null && body.code() == null) {
            return HttpErrors.protocolError(response, quoted, d);
        }
        Reason reason;
        if (status == 404) {
            reason = Reason.QUERY_NOT_FOUND;
        } else if (status == 400 && body.message().contains(" is closed for ")) {
            reason = Reason.QUERY_CLOSED;
        } else {
            reason = Reason.REQUEST_REJECTED;
        }
        return new DatabendQueryException(reason, body.message(), body.detail(), d);
    }

    private static String describe(ErrorBody b) {
        StringBuilder sb = new StringBuilder();
        if (b.kind() != null) {
            sb.append(b.kind()).append(": ");
        }
        if (b.code() != null) {
            sb.append('[').append(b.code()).append("] ");
        }
        sb.append(HttpErrors.snippet(b.message()));
        return sb.toString().trim();
    }
}
