package dev.olaphttp.databend.internal;

import dev.olaphttp.spi.HttpResponse;

/**
 * One Databend client session, carried in cookies: {@code cookie_enabled=true} asks the server to create one, and
 * the {@code session_id} it sets is sent back on every later request. Thread-safe.
 */
final class CookieSession {
    private volatile String sessionId;

    CookieSession(String sessionId) {
        this.sessionId = sessionId == null || sessionId.isEmpty() ? null : sessionId;
    }

    String sessionId() {
        return sessionId;
    }

    /** The {@code Cookie} header value. */
    String cookieHeader() {
        String id = sessionId;
        return id == null ? "cookie_enabled=true" : "cookie_enabled=true; session_id=" + id;
    }

    /** Learns the session id from a response's {@code Set-Cookie} headers. */
    void learn(HttpResponse response) {
        for (String c : response.headers("Set-Cookie")) {
            int semi = c.indexOf(';');
            String pair = (semi < 0 ? c : c.substring(0, semi)).trim();
            if (pair.startsWith("session_id=") && pair.length() > "session_id=".length()) {
                learn(pair.substring("session_id=".length()));
            }
        }
    }

    /** Learns the session id from a response body's {@code session_id}. */
    void learn(String id) {
        if (id != null && !id.isEmpty() && !id.contains(";") && !id.contains("\n") && !id.contains("\r")) {
            sessionId = id;
        }
    }

    @Override
    public String toString() {
        return "CookieSession{" + (sessionId == null ? "new" : "established") + "}";
    }
}
