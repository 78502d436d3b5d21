package dev.olaphttp.starrocks.internal;

import dev.olaphttp.spi.SessionDelta;

/**
 * What the client makes of one SQL text: a statement for the server (a read or a KILL), or a session command the
 * client applies itself.
 *
 * @param kind  what to do with it
 * @param delta the session change of a {@link Kind#SESSION} command, else {@link SessionDelta#none()}
 * @param answer the body forms the FE answers this statement with
 */
record Statement(Kind kind, SessionDelta delta, Answer answer) {
    /** The body forms a statement may be answered with; any other form is a broken response. */
    enum Answer {
        /** Not known (the text did not lex): any form. */
        ANY,
        /** SELECT/WITH: the NDJSON stream only. */
        ROWS,
        /** SHOW/DESC: the one-object SHOW form, or a stream (for a SHOW the FE runs as a query). */
        SHOW_OR_ROWS,
        /** EXPLAIN: the one-object explain form only. */
        EXPLAIN
    }

    /** The kinds of statements. */
    enum Kind {
        /** SELECT/WITH, SHOW, DESC or EXPLAIN: read-only, sent to the server. */
        READ,
        /** KILL: sent to the server, not idempotent, empty body. */
        KILL,
        /** SET or USE: applied to the session, nothing sent. */
        SESSION
    }

    static Statement read(Answer answer) {
        return new Statement(Kind.READ, SessionDelta.none(), answer);
    }

    static Statement kill() {
        return new Statement(Kind.KILL, SessionDelta.none(), Answer.ANY);
    }

    static Statement session(SessionDelta delta) {
        return new Statement(Kind.SESSION, delta, Answer.ANY);
    }
}
