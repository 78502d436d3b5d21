package dev.olaphttp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a bulk load wrote, as the server reported it.
 *
 * @param rowsWritten  rows the server loaded, {@code -1} if it did not say
 * @param bytesWritten bytes the server loaded or received, {@code -1} if unknown
 * @param queryId      the server's id for the load (query id, load id or transaction id)
 * @param label        the deduplication label or token the load ran under, {@code null} if none
 * @param serverInfo   every other field the server reported, under its own name
 */
public record InsertResult(
        long rowsWritten, long bytesWritten, String queryId, String label, Map<String, String> serverInfo) {
    /** Copies {@code serverInfo} read-only; {@code null} means none. */
    public InsertResult {
        serverInfo = serverInfo == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(serverInfo));
    }
}
