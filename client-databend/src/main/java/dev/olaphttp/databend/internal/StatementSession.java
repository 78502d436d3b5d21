package dev.olaphttp.databend.internal;

import dev.olaphttp.Endpoint;
import dev.olaphttp.SessionState;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.StatementRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code session} object of one statement: what was sent (the last one received, verbatim, or a fresh one made
 * from the state) and the newest one received, turned into a {@link SessionDelta} at the end. Statement-level
 * settings are sent with the statement and taken out of the session it returns.
 */
final class StatementSession {
    private final StatementRequest request;
    private final String sent;
    private final Map<String, String> baseSettings;
    private final String stickyNode;
    private final String sentTimezone;
    private volatile String received;

    private StatementSession(StatementRequest request, String sent, Map<String, String> baseSettings, String sticky) {
        this.request = request;
        this.sent = sent;
        this.baseSettings = baseSettings;
        this.stickyNode = sticky;
        this.sentTimezone = sent == null ? null : SessionJson.read(sent).settings.get("timezone");
    }

    static StatementSession of(StatementRequest request, DatabendClient client) {
        SessionState state = request.state();
        String raw = state.dialectState().orElse(null);
        Map<String, String> base;
        String sent;
        if (raw == null) {
            base = new LinkedHashMap<>(state.settings());
            Map<String, String> all = new LinkedHashMap<>(base);
            all.putAll(request.settings());
            sent = state.database().isEmpty() && all.isEmpty() ? null : SessionJson.fresh(state.database().orElse(null), all);
        } else {
            SessionJson js = SessionJson.read(raw);
            base = new LinkedHashMap<>(js.settings);
            base.putAll(state.settings());
            Map<String, String> all = new LinkedHashMap<>(base);
            all.putAll(request.settings());
            sent = all.equals(js.settings) ? raw : SessionJson.withSettings(raw, all);
        }
        String sticky = null;
        if (raw != null) {
            SessionJson js = SessionJson.read(raw);
            if (js.needSticky) {
                sticky = js.lastNodeId != null ? js.lastNodeId : client.nodeFor(raw);
            }
        }
        return new StatementSession(request, sent, base, sticky);
    }

    String sent() {
        return sent;
    }

    String stickyNode() {
        return stickyNode;
    }

    String timezone() {
        String r = received;
        String tz = r == null ? null : SessionJson.read(r).settings.get("timezone");
        return tz != null ? tz : sentTimezone;
    }

    void received(String raw) {
        received = raw;
    }

    /** Whether the server returned a session for this statement (its first response always does). */
    boolean reported() {
        return received != null;
    }

    /**
     * Whether the statement runs inside an open transaction, as the server last reported it: stopping it early must
     * then not kill it (a kill fails the transaction; {@code /final} closes it with 1044, which does not).
     */
    boolean inTransaction() {
        String r = received != null ? received : sent;
        return r != null && "Active".equals(SessionJson.read(r).txnState);
    }

    /** Remembers the node of the session and keeps a keep-alive session's client session alive. */
    void finished(DatabendClient client, CookieSession cookie, String nodeId, Endpoint endpoint, long timeoutSecs) {
        String r = received;
        if (r != null && nodeId != null) {
            client.rememberNode(r, nodeId);
        }
        String id = cookie.sessionId();
        if (request.inSession() && id != null) {
            SessionJson js = SessionJson.read(r != null ? r : sent);
            Object key = "session:" + id;
            if (js.needKeepAlive) {
                client.heartbeats.register(key, new Heartbeats.Entry(cookie,
                        js.needSticky ? (js.lastNodeId != null ? js.lastNodeId : nodeId) : null, null,
                        endpoint, timeoutSecs));
            } else {
                client.heartbeats.unregister(key);
            }
        }
    }

    SessionDelta delta(CookieSession cookie) {
        SessionDelta.Builder b = SessionDelta.builder();
        String r = received;
        if (r != null) {
            String raw = request.settings().isEmpty() ? r : withoutStatementSettings(r);
            SessionJson js = SessionJson.read(raw);
            b.dialectState(raw);
            if (js.database != null) {
                b.database(js.database);
            }
            if (js.hasSettings) {
                for (String k : request.state().settings().keySet()) {
                    if (!js.settings.containsKey(k)) {
                        b.reset(k);
                    }
                }
                js.settings.forEach(b::set);
            }
        }
        newSessionId(b, cookie);
        return b.build();
    }

    /** Only the client session the server assigned to this session's first statement, if any. */
    SessionDelta sessionIdDelta(CookieSession cookie) {
        SessionDelta.Builder b = SessionDelta.builder();
        newSessionId(b, cookie);
        return b.build();
    }

    private void newSessionId(SessionDelta.Builder b, CookieSession cookie) {
        String id = cookie.sessionId();
        if (request.inSession() && id != null && !id.equals(request.state().serverSessionId().orElse(null))) {
            b.serverSessionId(id);
        }
    }

    /** The returned session with statement-level settings put back as they were (unless the statement set them). */
    private String withoutStatementSettings(String raw) {
        Map<String, String> now = new LinkedHashMap<>(SessionJson.read(raw).settings);
        boolean changed = false;
        for (Map.Entry<String, String> e : request.settings().entrySet()) {
            String k = e.getKey();
            if (e.getValue().equals(now.get(k))) {
                changed = true;
                if (baseSettings.containsKey(k)) {
                    now.put(k, baseSettings.get(k));
                } else {
                    now.remove(k);
                }
            }
        }
        return changed ? SessionJson.withSettings(raw, now) : raw;
    }
}
