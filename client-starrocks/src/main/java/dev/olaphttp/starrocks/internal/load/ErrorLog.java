package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.Endpoint;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the first rejected rows of a failed load from its {@code ErrorURL} (a GET to the backend's
 * {@code /api/_load_error_log}, which needs no credentials, so none are sent): at most {@link #MAX_BYTES} bytes,
 * {@link #MAX_LINES} lines. Never throws: a failure becomes a short note, so the load's own error stays visible.
 */
final class ErrorLog {
    static final int MAX_BYTES = 16 * 1024;
    static final int MAX_LINES = 10;
    static final int MAX_LINE_CHARS = 500;
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ErrorLog.class);

    private ErrorLog() {}

    /** The first rejected rows, one per line, or a note saying why they could not be read. */
    static String firstRows(HttpTransport transport, String errorUrl, Deadline loadDeadline) {
        try {
            URI uri = URI.create(errorUrl.strip());
            Endpoint ep = Endpoint.parse(uri.getScheme() + "://" + uri.getRawAuthority());
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Deadline deadline = loadDeadline.isSet() && loadDeadline.remaining().compareTo(BUDGET) < 0
                    && !loadDeadline.remaining().isZero() ? loadDeadline : Deadline.after(BUDGET);
            HttpCall call = HttpCall.builder("GET", path)
                    .endpoint(ep)
                    .authenticate(false)
                    .idempotent(true)
                    .deadline(deadline)
                    .classifier(ErrorClassifier.standard())
                    .build();
            try (HttpResponse r = transport.execute(call)) {
                byte[] bytes = HttpErrors.readBounded(r, MAX_BYTES);
                return lines(new String(bytes, StandardCharsets.UTF_8), bytes.length >= MAX_BYTES);
            }
        } catch (SqlClientException | IOException | IllegalArgumentException e) {
            log.debug("could not read the load's error log: {}", e.toString());
            return "(the rejected rows could not be read from ErrorURL: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static String lines(String text, boolean cut) {
        String[] all = text.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < all.length && shown < MAX_LINES; i++) {
            String line = all[i].strip();
            if (line.isEmpty() || cut && i == all.length - 1) {
                continue;
            }
            sb.append('\n').append(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "..." : line);
            shown++;
        }
        return shown == 0 ? "(the error log was empty)" : sb.toString();
    }
}
