package dev.olaphttp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The client-side state a {@link SqlSession} carries from statement to statement: current database and catalog,
 * settings (ClickHouse settings, StarRocks session variables, Databend settings), the server session id the client
 * chose or was given, and an opaque dialect state echoed back to the server verbatim (Databend's {@code session}
 * object).
 *
 * <p>Immutable; the {@code with...} methods return changed copies. {@link #toString()} hides setting values whose
 * names suggest secrets and never prints the opaque state.
 */
public final class SessionState {
    private static final SessionState EMPTY = new SessionState(null, null, Map.of(), null, null);

    private final String database;
    private final String catalog;
    private final Map<String, String> settings;
    private final String serverSessionId;
    private final String dialectState;

    private SessionState(
            String database, String catalog, Map<String, String> settings, String serverSessionId, String dialectState) {
        this.database = database;
        this.catalog = catalog;
        this.settings = settings;
        this.serverSessionId = serverSessionId;
        this.dialectState = dialectState;
    }

    /** A state with nothing set. */
    public static SessionState empty() {
        return EMPTY;
    }

    /** The current database, when set. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The current catalog (StarRocks), when set. */
    public Optional<String> catalog() {
        return Optional.ofNullable(catalog);
    }

    /** Settings in the order they were first set. */
    public Map<String, String> settings() {
        return settings;
    }

    /** A server-side session id (ClickHouse {@code session_id}, Databend's session id). */
    public Optional<String> serverSessionId() {
        return Optional.ofNullable(serverSessionId);
    }

    /** Opaque dialect state, e.g. Databend's last {@code session} JSON object, echoed back unchanged. */
    public Optional<String> dialectState() {
        return Optional.ofNullable(dialectState);
    }

    /** This state with another database. */
    public SessionState withDatabase(String database) {
        return new SessionState(database, catalog, settings, serverSessionId, dialectState);
    }

    /** This state with another catalog. */
    public SessionState withCatalog(String catalog) {
        return new SessionState(database, catalog, settings, serverSessionId, dialectState);
    }

    /** This state with one setting set (or replaced). */
    public SessionState withSetting(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(name, value);
        return withSettings(copy);
    }

    /** This state with one setting removed. */
    public SessionState withoutSetting(String name) {
        if (!settings.containsKey(name)) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.remove(name);
        return withSettings(copy);
    }

    /** This state with all settings replaced. */
    public SessionState withSettings(Map<String, String> newSettings) {
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(newSettings));
        return new SessionState(database, catalog, copy, serverSessionId, dialectState);
    }

    /** This state with another server session id. */
    public SessionState withServerSessionId(String serverSessionId) {
        return new SessionState(database, catalog, settings, serverSessionId, dialectState);
    }

    /** This state with another opaque dialect state. */
    public SessionState withDialectState(String dialectState) {
        return new SessionState(database, catalog, settings, serverSessionId, dialectState);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionState s
                && Objects.equals(database, s.database)
                && Objects.equals(catalog, s.catalog)
                && settings.equals(s.settings)
                && Objects.equals(serverSessionId, s.serverSessionId)
                && Objects.equals(dialectState, s.dialectState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, catalog, settings, serverSessionId, dialectState);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SessionState{");
        sb.append("database=").append(database).append(", catalog=").append(catalog).append(", settings={");
        boolean first = true;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append('=');
            sb.append(looksSecret(e.getKey()) ? "****" : e.getValue());
            first = false;
        }
        sb.append("}, serverSession=").append(serverSessionId == null ? "none" : "set");
        sb.append(", dialectState=").append(dialectState == null ? "none" : "set").append('}');
        return sb.toString();
    }

    static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password")
                || n.contains("passwd")
                || n.contains("pwd")
                || n.contains("secret")
                || n.contains("token")
                || n.contains("key")
                || n.contains("auth")
                || n.contains("credential")
                || n.contains("jwt");
    }
}
