package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.Endpoint;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.HttpBody;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps open results and keep-alive sessions alive: while a result cursor or a session stays idle past half its
 * {@code result_timeout_secs}, sends {@code POST /v1/session/heartbeat} with {@code node_to_queries}, one per client
 * session, on the client's scheduler. Ids the server lists in {@code queries_to_remove} are dropped.
 */
final class Heartbeats {
    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    /** Something to keep alive: a query ({@code queryId} set) or a client session ({@code queryId} null). */
    static final class Entry {
        final CookieSession session;
        final String nodeId;
        final String queryId;
        final Endpoint endpoint;
        final long timeoutNanos;
        volatile long lastAccess = System.nanoTime();

        Entry(CookieSession session, String nodeId, String queryId, Endpoint endpoint, long timeoutSecs) {
            this.session = session;
            this.nodeId = nodeId;
            this.queryId = queryId;
            this.endpoint = endpoint;
            this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSecs > 0 ? timeoutSecs : 60);
        }

        void touch() {
            lastAccess = System.nanoTime();
        }
    }

    private final Requests requests;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;

    Heartbeats(Requests requests) {
        this.requests = requests;
    }

    /** Starts keeping {@code key} alive (replacing an earlier entry of the same key). */
    synchronized void register(Object key, Entry entry) {
        entries.put(key, entry);
        if (task == null) {
            long tick = requests.options.heartbeatTickMillis();
            try {
                task = requests.context.scheduler().scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                log.debug("cannot schedule heartbeats: {}", e.toString());
            }
        }
    }

    /** Stops keeping {@code key} alive. */
    synchronized void unregister(Object key) {
        entries.remove(key);
        if (entries.isEmpty() && task != null) {
            task.cancel(false);
            task = null;
        }
    }

    Entry entry(Object key) {
        return entries.get(key);
    }

    /** One round: a heartbeat per client session that has something idle past half its timeout. */
    void tick() {
        long now = System.nanoTime();
        Map<CookieSession, List<Map.Entry<Object, Entry>>> due = new LinkedHashMap<>();
        for (Map.Entry<Object, Entry> e : entries.entrySet()) {
            Entry en = e.getValue();
            if (now - en.lastAccess >= en.timeoutNanos / 2) {
                due.computeIfAbsent(en.session, k -> new ArrayList<>()).add(e);
            }
        }
        due.forEach(this::send);
    }

    private void send(CookieSession session, List<Map.Entry<Object, Entry>> group) {
        Map<String, List<String>> nodeToQueries = new LinkedHashMap<>();
        String sticky = null;
        Endpoint endpoint = null;
        for (Map.Entry<Object, Entry> e : group) {
            Entry en = e.getValue();
            endpoint = endpoint == null ? en.endpoint : endpoint;
            if (en.queryId != null) {
                nodeToQueries.computeIfAbsent(en.nodeId == null ? "" : en.nodeId, k -> new ArrayList<>()).add(en.queryId);
            } else if (en.nodeId != null) {
                sticky = en.nodeId;
            }
            en.touch();
        }
        try {
            String body = requests.send(
                    requests.call("POST", "/v1/session/heartbeat", session, sticky)
                            .body(HttpBody.json(json(nodeToQueries))),
                    session,
                    endpoint);
            Set<String> remove = queriesToRemove(body);
            if (!remove.isEmpty()) {
                for (Map.Entry<Object, Entry> e : group) {
                    if (e.getValue().queryId != null && remove.contains(e.getValue().queryId)) {
                        unregister(e.getKey());
                    }
                }
            }
        } catch (SqlClientException | IOException e) {
            log.debug("heartbeat failed: {}", e.getMessage());
        }
    }

    static String json(Map<String, List<String>> nodeToQueries) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = PageParser.JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeObjectFieldStart("node_to_queries");
            for (Map.Entry<String, List<String>> e : nodeToQueries.entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (String q : e.getValue()) {
                    g.writeString(q);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static Set<String> queriesToRemove(String body) throws IOException {
        Set<String> out = new HashSet<>();
        if (body == null || !body.stripLeading().startsWith("{")) {
            return out;
        }
        try (JsonParser p = PageParser.JSON.createParser(body)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (f.equals("queries_to_remove") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        out.add(p.getText());
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }
}
