package dev.olaphttp.clickhouse.internal.format;

import java.io.IOException;

/** I/O signals raised by {@link BodyReader} and mapped to typed errors by the decoders. */
final class StreamSignals {
    private StreamSignals() {
    }

    /** The server reported an error in the body where the data ended. */
    static final class ServerFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient String message;

        ServerFailure(String message) {
            super("ClickHouse exception in the result body");
            this.message = message;
        }

        String serverMessage() {
            return message;
        }
    }

    /** The body ended inside the header or a row. */
    static final class Truncated extends IOException {
        private static final long serialVersionUID = 1L;

        Truncated(String what) {
            super(what);
        }
    }

    /** Bytes that cannot be decoded. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String what) {
            super(what);
        }

        Malformed(String what, Throwable cause) {
            super(what, cause);
        }
    }

    /** An empty body for a format whose header is mandatory: never an empty result. */
    static Malformed emptyBody(String format) {
        return new Malformed("the body is empty, but " + format + " always starts with its header (even for no "
                + "rows): the response is broken");
    }

    /** One value (or header field) longer than the configured bound. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String what) {
            super(what);
        }
    }
}
