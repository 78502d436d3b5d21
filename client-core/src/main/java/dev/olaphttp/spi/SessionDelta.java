package dev.olaphttp.spi;

import dev.olaphttp.SessionState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one statement changed in the session, reported by the dialect and folded into the session's
 * {@link SessionState} by the core after the statement succeeded (or, for {@link QueryExecution#failureDelta()},
 * after it failed). Settings keep the order they were set in. Immutable.
 */
public final class SessionDelta {
    private static final SessionDelta NONE = new Builder().build();

    private final String database;
    private final String catalog;
    private final Map<String, String> settingsSet;
    private final Set<String> settingsReset;
    private final String serverSessionId;
    private final String dialectState;
    private final boolean clearDatabase;
    private final boolean clearCatalog;

    private SessionDelta(Builder b) {
        this.database = b.database;
        this.catalog = b.catalog;
        this.settingsSet = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.settingsSet));
        this.settingsReset = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(b.settingsReset));
        this.clearDatabase = b.clearDatabase;
        this.clearCatalog = b.clearCatalog;
        this.serverSessionId = b.serverSessionId;
        this.dialectState = b.dialectState;
    }

    /** No change. */
    public static SessionDelta none() {
        return NONE;
    }

    /** A builder of a delta that changes nothing yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** True when this delta changes nothing. */
    public boolean isEmpty() {
        return database == null
                && catalog == null
                && !clearDatabase
                && !clearCatalog
                && settingsSet.isEmpty()
                && settingsReset.isEmpty()
                && serverSessionId == null
                && dialectState == null;
    }

    /** Applies the changes to a state, returning the new state. */
    public SessionState applyTo(SessionState state) {
        SessionState s = state;
        if (clearCatalog) {
            s = s.withCatalog(null);
        }
        if (clearDatabase) {
            s = s.withDatabase(null);
        }
        if (database != null) {
            s = s.withDatabase(database);
        }
        if (catalog != null) {
            s = s.withCatalog(catalog);
        }
        if (!settingsReset.isEmpty() || !settingsSet.isEmpty()) {
            Map<String, String> m = new LinkedHashMap<>(s.settings());
            settingsReset.forEach(m::remove);
            m.putAll(settingsSet);
            s = s.withSettings(m);
        }
        if (serverSessionId != null) {
            s = s.withServerSessionId(serverSessionId);
        }
        if (dialectState != null) {
            s = s.withDialectState(dialectState);
        }
        return s;
    }

    /** Builds a {@link SessionDelta}. Unset fields mean "unchanged". */
    public static final class Builder {
        private String database;
        private String catalog;
        private final Map<String, String> settingsSet = new LinkedHashMap<>();
        private final Set<String> settingsReset = new LinkedHashSet<>();
        private String serverSessionId;
        private String dialectState;
        private boolean clearDatabase;
        private boolean clearCatalog;

        /** The new current database. */
        public Builder database(String database) {
            this.database = database;
            this.clearDatabase = false;
            return this;
        }

        /** No current database any more (e.g. after StarRocks {@code SET CATALOG}). */
        public Builder clearDatabase() {
            this.database = null;
            this.clearDatabase = true;
            return this;
        }

        /** The new current catalog. */
        public Builder catalog(String catalog) {
            this.catalog = catalog;
            this.clearCatalog = false;
            return this;
        }

        /** No current catalog any more. */
        public Builder clearCatalog() {
            this.catalog = null;
            this.clearCatalog = true;
            return this;
        }

        /** A setting set (or replaced). */
        public Builder set(String name, String value) {
            settingsReset.remove(name);
            settingsSet.put(name, value);
            return this;
        }

        /** A setting reset to the server's default. */
        public Builder reset(String name) {
            settingsSet.remove(name);
            settingsReset.add(name);
            return this;
        }

        /** The server session id now in use. */
        public Builder serverSessionId(String id) {
            this.serverSessionId = id;
            return this;
        }

        /** The new opaque state, echoed back on the next request (e.g. Databend's session JSON). */
        public Builder dialectState(String state) {
            this.dialectState = state;
            return this;
        }

        /** Builds the delta. */
        public SessionDelta build() {
            return new SessionDelta(this);
        }
    }
}
