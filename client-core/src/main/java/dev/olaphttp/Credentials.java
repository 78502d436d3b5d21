package dev.olaphttp;

import java.util.Objects;
import java.util.Optional;

/**
 * How the client authenticates: nothing, HTTP Basic (user and password) or a bearer token (a fixed one, or a
 * {@link TokenProvider} that can refresh). {@link #toString()} never shows the secret.
 */
public final class Credentials {
    /** The kind of credentials. */
    public enum Kind {
        /** No authentication. */
        NONE,
        /** HTTP Basic: user and password. */
        BASIC,
        /** A bearer token, fixed or from a {@link TokenProvider}. */
        BEARER
    }

    private static final Credentials NONE = new Credentials(Kind.NONE, null, null, null);

    private final Kind kind;
    private final String user;
    private final String password;
    private final TokenProvider tokens;

    private Credentials(Kind kind, String user, String password, TokenProvider tokens) {
        this.kind = kind;
        this.user = user;
        this.password = password;
        this.tokens = tokens;
    }

    /** No credentials: no {@code Authorization} header is sent. */
    public static Credentials none() {
        return NONE;
    }

    /** HTTP Basic credentials. The password may be empty (ClickHouse's {@code default} user). */
    public static Credentials basic(String user, String password) {
        Objects.requireNonNull(user, "user");
        return new Credentials(Kind.BASIC, user, password == null ? "" : password, null);
    }

    /** A fixed bearer token (a JWT, a Databend session token). */
    public static Credentials bearer(String token) {
        Objects.requireNonNull(token, "token");
        return new Credentials(Kind.BEARER, null, null, refresh -> token);
    }

    /** A bearer token from a provider; the client asks for a fresh one once after a 401. */
    public static Credentials bearer(TokenProvider provider) {
        return new Credentials(Kind.BEARER, null, null, Objects.requireNonNull(provider, "provider"));
    }

    /** The kind of these credentials. */
    public Kind kind() {
        return kind;
    }

    /** The user name, for BASIC. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password, for BASIC; dialects that send it in their own header read it here. Never log it. */
    public String password() {
        return password == null ? "" : password;
    }

    /** The current bearer token; {@code refresh} asks the provider for a new one. Never log it. */
    public String token(boolean refresh) {
        if (tokens == null) {
            throw new IllegalStateException("not bearer credentials");
        }
        return tokens.token(refresh);
    }

    /** The value of an {@code Authorization} header for these credentials, or {@code null} for NONE. */
    public String authorizationHeader(boolean refresh) {
        return switch (kind) {
            case NONE -> null;
            case BASIC -> "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case BEARER -> "Bearer " + token(refresh);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "Credentials{none}";
            case BASIC -> "Credentials{basic, user=" + user + ", password=****}";
            case BEARER -> "Credentials{bearer, token=****}";
        };
    }

    /** Supplies bearer tokens. */
    @FunctionalInterface
    public interface TokenProvider {
        /**
         * Returns a token.
         *
         * @param refresh true after the server rejected the previous token: return a new one
         */
        String token(boolean refresh);
    }
}
