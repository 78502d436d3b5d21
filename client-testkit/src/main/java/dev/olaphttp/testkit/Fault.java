package dev.olaphttp.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A deliberate misbehaviour applied to a request, registered with {@link TestServer#fault(Fault, int)}. Byte
 * counts are of the response body as sent on the wire (after the header block, chunk framing included); a body
 * shorter than the count completes normally. Faults are taken in registration order, each by the first request
 * that matches it.
 */
public final class Fault {
  /** The kind of fault. */
  public enum Kind {
    DELAY, STATUS, RESET_BEFORE_RESPONSE, RESET_AFTER_BYTES, TRUNCATE_AFTER_BYTES, STALL_AFTER_BYTES, MALFORMED_BODY
  }

  private final Kind kind;
  private final long amount;

  private Fault(Kind kind, long amount) {
    this.kind = Objects.requireNonNull(kind);
    if (amount < 0) {
      throw new IllegalArgumentException("negative amount");
    }
    this.amount = amount;
  }

  /** Waits before handling the request normally. */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, delay.toMillis());
  }

  /** Answers with this status and a proxy-style HTML page instead of handling the request (e.g. 503). */
  public static Fault status(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status " + status);
    }
    return new Fault(Kind.STATUS, status);
  }

  /** Resets the TCP connection (RST) after reading the request, before any response byte. */
  public static Fault resetBeforeResponse() {
    return new Fault(Kind.RESET_BEFORE_RESPONSE, 0);
  }

  /** Sends the headers and {@code bytes} body bytes, then resets the connection (RST). */
  public static Fault resetAfterBytes(long bytes) {
    return new Fault(Kind.RESET_AFTER_BYTES, bytes);
  }

  /** Sends the headers and {@code bytes} body bytes, then closes the connection cleanly (FIN) mid-body. */
  public static Fault truncateAfterBytes(long bytes) {
    return new Fault(Kind.TRUNCATE_AFTER_BYTES, bytes);
  }

  /** Sends the headers and {@code bytes} body bytes, then stops sending while keeping the connection open. */
  public static Fault stallAfterBytes(long bytes) {
    return new Fault(Kind.STALL_AFTER_BYTES, bytes);
  }

  /** Answers 200 with the dialect's content type and a syntactically broken body (malformed JSON/NDJSON). */
  public static Fault malformedBody() {
    return new Fault(Kind.MALFORMED_BODY, 0);
  }

  public Kind kind() {
    return kind;
  }

  /** Milliseconds for DELAY, status for STATUS, bytes for the *_AFTER_BYTES kinds. */
  public long amount() {
    return amount;
  }

  @Override
  public String toString() {
    return kind + "(" + amount + ")";
  }
}
