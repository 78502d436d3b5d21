package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InsertResult;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.HttpTransport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Stream Load response into the caller's result, with the official SDK's rules: {@code Success} (and
 * {@code OK}) loaded and visible; {@code Publish Timeout} committed, visible shortly (never retried);
 * {@code Label Already Exists} with {@code ExistingJobStatus: FINISHED} means an earlier attempt under this label
 * loaded the data (success); with a job still running the label's state is polled until final ({@link LabelState});
 * {@code Fail} is a {@link QueryFailedException} carrying the first rejected rows from {@code ErrorURL}.
 */
final class LoadOutcome {
    /** serverInfo key for what happened; see the values below. */
    static final String OUTCOME = "outcome";
    static final String VISIBLE = "VISIBLE";
    static final String COMMITTED = "COMMITTED";
    static final String ALREADY_LOADED = "ALREADY_LOADED";

    private LoadOutcome() {}

    static InsertResult of(LoadResponse r, String label, long rowsSent, long bytesSent, ErrorDetails details,
            HttpTransport transport, Deadline deadline, LabelState waiter) {
        if (r.isFeEnvelope()) {
            throw new QueryFailedException("Stream Load refused: " + r.envelopeMessage(), details);
        }
        String status = r.status();
        if (status == null) {
            throw new ProtocolException("Stream Load response without a Status field", null, details);
        }
        switch (status) {
            case "Success", "OK" -> {
                return result(r, label, rowsSent, bytesSent, VISIBLE);
            }
            case "Publish Timeout", "PUBLISH_TIMEOUT" -> {
                return result(r, label, rowsSent, bytesSent, COMMITTED);
            }
            case "Label Already Exists", "LABEL_ALREADY_EXISTS" -> {
                String existing = r.get("ExistingJobStatus");
                if (existing != null && finished(existing)) {
                    return result(r, label, rowsSent, bytesSent, ALREADY_LOADED);
                }
                if (waiter != null) {
                    LoadResponse s = waiter.await(label);
                    String state = LabelState.state(s);
                    if (state.equals("VISIBLE") || state.equals("COMMITTED")) {
                        Map<String, String> fields = new LinkedHashMap<>(r.fields());
                        fields.put("ExistingJobStatus", state);
                        return result(new LoadResponse(fields), label, rowsSent, bytesSent, ALREADY_LOADED);
                    }
                    if (state.equals("ABORTED")) {
                        String reason = s.get("reason");
                        throw new QueryFailedException("the earlier load under label " + label + " was aborted"
                                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                                + ", so nothing was loaded under it: load the data again",
                                details.withErrorName("ABORTED"));
                    }
                    existing = existing + ", then " + state;
                }
                throw new QueryFailedException("a load under label " + label + " already exists and is "
                        + (existing == null ? "in an unknown state" : existing)
                        + "; its outcome is not known yet: check it later or load again under the same label"
                        + " (the data is never loaded twice)", details.withErrorName(status));
            }
            case "Fail", "FAILED" -> {
                String errorUrl = r.get("ErrorURL");
                StringBuilder m = new StringBuilder("Stream Load failed under label ").append(label).append(": ")
                        .append(r.message().isEmpty() ? status : r.message());
                if (r.number("NumberFilteredRows") > 0) {
                    m.append(" (").append(r.number("NumberFilteredRows")).append(" of ")
                            .append(r.number("NumberTotalRows")).append(" rows rejected)");
                }
                if (errorUrl != null && !errorUrl.isBlank()) {
                    m.append("; first rejected rows:").append(ErrorLog.firstRows(transport, errorUrl, deadline));
                }
                throw new QueryFailedException(m.toString(), details.withErrorName(status));
            }
            default -> throw new QueryFailedException("Stream Load under label " + label + " ended with status "
                    + status + (r.message().isEmpty() ? "" : ": " + r.message()), details.withErrorName(status));
        }
    }

    static boolean finished(String jobStatus) {
        String s = jobStatus.toUpperCase(Locale.ROOT);
        return s.equals("FINISHED") || s.equals("VISIBLE") || s.equals("COMMITTED");
    }

    static InsertResult result(LoadResponse r, String label, long rowsSent, long bytesSent, String outcome) {
        Map<String, String> info = new LinkedHashMap<>();
        r.fields().forEach((k, v) -> {
            if (v != null) {
                info.put(k, v);
            }
        });
        info.put(OUTCOME, outcome);
        if (rowsSent >= 0) {
            info.put("rowsSent", Long.toString(rowsSent));
        }
        if (bytesSent >= 0) {
            info.put("bytesSent", Long.toString(bytesSent));
        }
        long loaded = r.number("NumberLoadedRows");
        long bytes = r.number("LoadBytes");
        if (outcome.equals(ALREADY_LOADED)) {
            // this attempt loaded nothing; the earlier one under the label did, and its counts are not in the reply
            loaded = loaded > 0 ? loaded : -1;
            bytes = bytes > 0 ? bytes : -1;
        }
        String txn = r.get("TxnId");
        String responseLabel = r.get("Label");
        return new InsertResult(loaded, bytes, txn == null || txn.equals("-1") ? null : txn,
                responseLabel != null ? responseLabel : label, info);
    }
}
