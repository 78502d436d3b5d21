package dev.olaphttp.databend.internal;

import dev.olaphttp.InsertResult;
import dev.olaphttp.SessionState;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.databend.DatabendQueryException;
import dev.olaphttp.databend.DatabendStages;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.InsertRequest;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.StatementRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Databend half of one client: logs in on first use (a cookie client session), starts statements, keeps
 * per-session client sessions, heartbeats, and logs out when sessions and the client close.
 */
final class DatabendClient implements DialectClient {
    private static final Logger log = LoggerFactory.getLogger(DatabendClient.class);

    final Requests requests;
    final Heartbeats heartbeats;
    private final CookieSession clientSession = new CookieSession(null);
    private final Map<String, CookieSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> nodeBySession = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 256;
                }
            });
    private final Object loginLock = new Object();
    private final StagesImpl stages;
    private final DatabendLoader loader;
    private volatile boolean loginDone;

    DatabendClient(ClientContext context) {
        this.requests = new Requests(context, Options.from(context.config()));
        this.heartbeats = new Heartbeats(requests);
        this.stages = new StagesImpl(this);
        this.loader = new DatabendLoader(this);
    }

    @Override
    public QueryExecution start(StatementRequest request) {
        return DatabendExecution.start(this, request, null);
    }

    /** A bulk load: staged upload, then {@code INSERT ... VALUES} with a {@code stage_attachment}. */
    @Override
    public InsertResult insert(InsertRequest request) {
        return loader.load(request);
    }

    StagesImpl stages() {
        return stages;
    }

    /** {@code POST /v1/session/login} once, before the first statement; old servers without it are tolerated. */
    void ensureLogin() {
        if (loginDone || !requests.options.login()) {
            return;
        }
        synchronized (loginLock) {
            if (loginDone) {
                return;
            }
            SessionState state = requests.context.config().defaultState();
            try {
                String body = requests.send(requests.call("POST", "/v1/session/login", clientSession, null)
                        .queryParam("disable_session_token", "true")
                        .body(HttpBody.json(loginBody(state))), clientSession, null);
                log.debug("logged in to databend ({} bytes of reply)", body.length());
            } catch (DatabendQueryException e) {
                if (e.httpStatus() != 404) {
                    throw e;
                }
                log.debug("server has no /v1/session/login; continuing without login");
            }
            loginDone = true;
        }
    }

    private static String loginBody(SessionState state) {
        return SessionJson.fresh(state.database().orElse(null), state.settings());
    }

    /** The client session a statement runs in: the client's for one-shot statements, the session's own otherwise. */
    CookieSession cookieFor(StatementRequest request) {
        if (!request.inSession()) {
            return clientSession;
        }
        String id = request.state().serverSessionId().orElse(null);
        return id == null ? new CookieSession(null) : sessions.computeIfAbsent(id, CookieSession::new);
    }

    void rememberNode(String sessionJson, String nodeId) {
        nodeBySession.put(sessionJson, nodeId);
    }

    String nodeFor(String sessionJson) {
        return nodeBySession.get(sessionJson);
    }

    @Override
    public void closeSession(SessionState state) {
        String id = state.serverSessionId().orElse(null);
        if (id == null) {
            return;
        }
        heartbeats.unregister("session:" + id);
        CookieSession cs = sessions.remove(id);
        String raw = state.dialectState().orElse(null);
        SessionJson js = SessionJson.read(raw);
        String sticky = js.needSticky ? (js.lastNodeId != null ? js.lastNodeId : nodeFor(raw)) : null;
        logout(cs != null ? cs : new CookieSession(id), sticky);
    }

    private void logout(CookieSession session, String sticky) {
        try {
            requests.send(requests.call("POST", "/v1/session/logout", session, sticky).body(HttpBody.json("{}")),
                    null, null);
        } catch (SqlClientException e) {
            log.debug("logout failed: {}", e.getMessage());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T extension(Class<T> type) {
        return type == DatabendStages.class ? (T) stages : null;
    }

    @Override
    public void close() {
        if (loginDone && clientSession.sessionId() != null) {
            logout(clientSession, null);
        }
    }

    CookieSession clientSession() {
        return clientSession;
    }
}
