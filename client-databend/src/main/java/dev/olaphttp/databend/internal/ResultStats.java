package dev.olaphttp.databend.internal;

import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryListener;
import dev.olaphttp.QueryStats;
import dev.olaphttp.spi.SqlText;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The newest statistics of a statement, from the {@code stats}, {@code state} and {@code affect} of its pages. */
final class ResultStats {
    private static final Logger log = LoggerFactory.getLogger(ResultStats.class);
    private final boolean readOnly;
    private volatile Page.Stats stats;
    private volatile String state;
    private volatile String affectJson;
    private volatile String affectType;
    private volatile String warnings;
    private volatile String nodeId;
    private volatile String version;
    private volatile long resultTimeoutSecs = -1;

    ResultStats(String sql) {
        this.readOnly = SqlText.isReadOnly(sql);
    }

    void update(Page p, String node) {
        if (p.stats.present) {
            stats = p.stats;
        }
        if (p.state != null) {
            state = p.state;
        }
        if (p.affectJson != null) {
            affectJson = p.affectJson;
            affectType = p.affectType;
        }
        if (!p.warnings.isEmpty()) {
            warnings = String.join("\n", p.warnings);
        }
        if (p.resultTimeoutSecs >= 0) {
            resultTimeoutSecs = p.resultTimeoutSecs;
        }
        nodeId = node;
    }

    /** Tells the listener the newest statistics (a page or a Running long-poll answer); a failing one is ignored. */
    void report(QueryListener listener, QueryInfo query) {
        if (listener == null || listener == QueryListener.NONE) {
            return;
        }
        try {
            listener.onProgress(query, build());
        } catch (RuntimeException e) {
            log.warn("QueryListener.onProgress threw; ignored", e);
        }
    }

    void version(String v) {
        if (v != null) {
            version = v;
        }
    }

    String version() {
        return version;
    }

    long resultTimeoutSecs() {
        return resultTimeoutSecs;
    }

    QueryStats build() {
        QueryStats.Builder b = QueryStats.builder();
        Page.Stats s = stats;
        if (s != null) {
            b.rowsRead(s.scanRows).bytesRead(s.scanBytes).rowsWritten(s.writeRows).bytesWritten(s.writeBytes)
                    .resultRows(s.resultRows);
            if (!readOnly && s.writeRows >= 0) {
                b.affectedRows(s.writeRows);
            }
            if (s.runningMs >= 0) {
                b.elapsed(Duration.ofNanos((long) (s.runningMs * 1_000_000)));
            }
            if (s.resultBytes >= 0) {
                b.extra("result_bytes", Long.toString(s.resultBytes));
            }
            if (s.spillFiles >= 0) {
                b.extra("spill_files", Long.toString(s.spillFiles));
            }
        }
        put(b, "state", state);
        put(b, "node_id", nodeId);
        put(b, "affect", affectJson);
        put(b, "affect_type", affectType);
        put(b, "warnings", warnings);
        return b.build();
    }

    private static void put(QueryStats.Builder b, String k, String v) {
        if (v != null) {
            b.extra(k, v);
        }
    }
}
