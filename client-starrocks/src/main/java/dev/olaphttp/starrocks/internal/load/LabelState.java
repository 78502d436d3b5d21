package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Waits for the fate of an earlier load under the same label ({@code Label Already Exists} with a job still
 * running): polls {@code GET /api/{db}/get_load_state?label=L} on the FE (a follower redirects to the leader)
 * until the state is final ({@code VISIBLE}, {@code COMMITTED} or {@code ABORTED}) or the load's deadline (at most
 * {@link #MAX_WAIT} without one) passes.
 */
final class LabelState {
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    static final Set<String> FINAL = Set.of("VISIBLE", "COMMITTED", "ABORTED");
    private static final long FIRST_PAUSE_MS = 100;
    private static final long MAX_PAUSE_MS = 2000;

    private final LoadSender sender;
    private final LoadTarget target;
    private final QueryInfo info;
    private final Deadline deadline;
    private final Cancellation cancellation;
    private final ErrorDetails details;

    LabelState(LoadSender sender, LoadTarget target, QueryInfo info, Deadline deadline, Cancellation cancellation,
            ErrorDetails details) {
        this.sender = sender;
        this.target = target;
        this.info = info;
        this.deadline = deadline.isSet() ? deadline : Deadline.after(MAX_WAIT);
        this.cancellation = cancellation;
        this.details = details;
    }

    /** The final state's response ({@code state}, {@code reason}...), or the last one seen when time ran out. */
    LoadResponse await(String label) {
        String path = "/api/" + dev.olaphttp.starrocks.internal.SqlRequests.encode(target.database())
                + "/get_load_state?label=" + java.net.URLEncoder.encode(label, java.nio.charset.StandardCharsets.UTF_8);
        long pause = FIRST_PAUSE_MS;
        LoadResponse last = null;
        while (true) {
            LoadResponse r;
            try {
                r = sender.send(new LoadSender.Request("GET", path, List.<Map.Entry<String, String>>of(), null, info,
                        deadline, cancellation, null), null).response();
            } catch (QueryTimeoutException e) {
                if (last == null) {
                    throw e;
                }
                return last; // out of time: the last state seen says what is known
            }
            last = r;
            String state = state(r);
            if (FINAL.contains(state) || deadline.remaining().toMillis() <= pause) {
                return r;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryCancelledException("interrupted while waiting for label " + label, details);
            }
            if (cancellation.isCancelled()) {
                throw new QueryCancelledException("cancelled while waiting for label " + label, details);
            }
            pause = Math.min(MAX_PAUSE_MS, pause * 2);
        }
    }

    static String state(LoadResponse r) {
        String s = r.get("state");
        return s == null ? "UNKNOWN" : s.toUpperCase(Locale.ROOT);
    }
}
