package dev.olaphttp.databend.internal;

import java.util.ArrayList;
import java.util.List;

/** The fields of one {@code QueryResponse} other than its rows (which go straight into the columns). */
final class Page {
    String id;
    String sessionId;
    String nodeId;
    String state;
    /** The {@code session} object exactly as sent, or {@code null} when the response had none (unchanged). */
    String sessionJson;
    Integer errorCode;
    String errorMessage;
    String errorDetail;
    final List<String> warnings = new ArrayList<>();
    final List<String[]> schema = new ArrayList<>();
    int rows;
    /** Whether the response had a {@code data} array (every query response has one, empty or not). */
    boolean hasData;
    String affectJson;
    String affectType;
    long resultTimeoutSecs = -1;
    String timezone;
    String binaryFormat;
    String jsonResultMode;
    boolean hasSettings;
    final Stats stats = new Stats();
    String statsUri;
    String finalUri;
    String nextUri;
    String killUri;

    boolean hasError() {
        return errorCode != null || errorMessage != null;
    }

    /**
     * True when {@code next_uri} says the result is complete: it points to {@code /final} (or this is the final reply
     * itself; {@link PageChain} rejects any other response without {@code next_uri} before this is asked).
     */
    boolean drained() {
        return nextUri == null || PageChain.isFinal(nextUri);
    }

    /** Counters from {@code stats}; -1 where absent. */
    static final class Stats {
        long scanRows = -1;
        long scanBytes = -1;
        long writeRows = -1;
        long writeBytes = -1;
        long resultRows = -1;
        long resultBytes = -1;
        long spillFiles = -1;
        double runningMs = -1;
        boolean present;
    }
}
