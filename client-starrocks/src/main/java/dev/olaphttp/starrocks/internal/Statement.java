package dev.olaphttp.starrocks.internal;

import dev.olaphttp.spi.SessionDelta;

/**
 * What the client makes of one SQL text: a statement for the server (a read or a KILL), or a session command the
 * client applies itself.
 *
 * @param kind  what to do with it
 * @param delta the session change of a {@link Kind#SESSION} command, else {@link SessionDelta#none()}
 */
record Statement(Kind kind, SessionDelta delta) {
    /** The kinds of statements. */
    enum Kind {
        /** SELECT/WITH, SHOW, DESC or EXPLAIN: read-only, sent to the server. */
        READ,
        /** KILL: sent to the server, not idempotent, empty body. */
        KILL,
        /** SET or USE: applied to the session, nothing sent. */
        SESSION
    }

    static Statement read() {
        return new Statement(Kind.READ, SessionDelta.none());
    }

    static Statement kill() {
        return new Statement(Kind.KILL, SessionDelta.none());
    }

    static Statement session(SessionDelta delta) {
        return new Statement(Kind.SESSION, delta);
    }
}
