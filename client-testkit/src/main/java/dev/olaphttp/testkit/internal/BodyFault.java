package dev.olaphttp.testkit.internal;

/** What happens to a response body once a byte limit is reached. Internal. */
public record BodyFault(Kind kind, long afterBytes) {
  /** The action taken at the limit. */
  public enum Kind {
    /** TCP reset (SO_LINGER 0 then close). */
    RESET,
    /** Orderly close (FIN) without finishing the framing. */
    TRUNCATE,
    /** Stop sending and keep the connection open until the server closes. */
    STALL
  }
}
