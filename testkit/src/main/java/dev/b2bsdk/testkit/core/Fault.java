package dev.b2bsdk.testkit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour to inject into a mock's answers, an immutable value. An HTTP status fault answers
 * with that status and the API's own error body (optionally with {@code Retry-After}); transport
 * faults break the connection; {@link #delay(Duration)} serves the normal answer late. Any fault can
 * be delayed with {@link #withDelay(Duration)}.
 *
 * <pre>{@code
 * mock.faults().next(Fault.SERVICE_UNAVAILABLE).times(2);
 * mock.faults().nextFor("GET", "/parties", Fault.TOO_MANY_REQUESTS.withRetryAfter(Duration.ofSeconds(2)));
 * mock.faults().next(Fault.CONNECTION_RESET);
 * }</pre>
 */
public final class Fault {

  /** What the fault does. */
  public enum Kind {
    /** Answer with an HTTP error status and the API's error body. */
    STATUS,
    /** Serve the normal answer, late. */
    DELAY,
    /** Reset the connection (TCP RST) instead of answering. */
    CONNECTION_RESET,
    /** Close the connection without any answer. */
    EMPTY_RESPONSE,
    /** Answer 200 with a truncated, unparseable JSON body. */
    MALFORMED_BODY,
    /** Send garbage bytes, then close. */
    RANDOM_DATA
  }

  /** 503 with the API's error body. */
  public static final Fault SERVICE_UNAVAILABLE = status(503);
  /** 500 with the API's error body. */
  public static final Fault INTERNAL_SERVER_ERROR = status(500);
  /** 502 with the API's error body. */
  public static final Fault BAD_GATEWAY = status(502);
  /** 429 with the API's error body and {@code Retry-After: 1}. */
  public static final Fault TOO_MANY_REQUESTS = status(429).withRetryAfter(Duration.ofSeconds(1));
  /** Connection reset by peer. */
  public static final Fault CONNECTION_RESET = new Fault(Kind.CONNECTION_RESET, 0, null, null,
      Duration.ZERO);
  /** Connection closed without an answer. */
  public static final Fault EMPTY_RESPONSE = new Fault(Kind.EMPTY_RESPONSE, 0, null, null,
      Duration.ZERO);
  /** 200 with a body that is not valid JSON. */
  public static final Fault MALFORMED_BODY = new Fault(Kind.MALFORMED_BODY, 200, null, null,
      Duration.ZERO);
  /** Garbage on the wire, then close. */
  public static final Fault RANDOM_DATA = new Fault(Kind.RANDOM_DATA, 0, null, null, Duration.ZERO);

  private final Kind kind;
  private final int status;
  private final String retryAfter;
  private final String message;
  private final Duration delay;

  private Fault(Kind kind, int status, String retryAfter, String message, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.message = message;
    this.delay = Objects.requireNonNull(delay);
  }

  /** An HTTP error status ({@code 400..599}) with the API's error body. */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 400..599: " + status);
    }
    return new Fault(Kind.STATUS, status, null, null, Duration.ZERO);
  }

  /** The normal answer, served after {@code delay} (use it to trip client read timeouts). */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, 0, null, null, delay);
  }

  /** A copy that adds {@code Retry-After: <seconds>}. */
  public Fault withRetryAfter(Duration after) {
    return withRetryAfter(Long.toString(after.toSeconds()));
  }

  /** A copy that adds {@code Retry-After} with a raw value (seconds or an HTTP date). */
  public Fault withRetryAfter(String rawValue) {
    requireStatus();
    return new Fault(kind, status, rawValue, message, delay);
  }

  /** A copy whose error body carries {@code text} as its message. */
  public Fault withMessage(String text) {
    requireStatus();
    return new Fault(kind, status, retryAfter, text, delay);
  }

  /** A copy served after {@code extra} delay. */
  public Fault withDelay(Duration extra) {
    return new Fault(kind, status, retryAfter, message, delay.plus(extra));
  }

  /** What the fault does. */
  public Kind kind() {
    return kind;
  }

  /** HTTP status for {@link Kind#STATUS} (200 for MALFORMED_BODY), else 0. */
  public int status() {
    return status;
  }

  /** Raw {@code Retry-After} value, or null. */
  public String retryAfter() {
    return retryAfter;
  }

  /** Message of the error body, or null for the API's default wording. */
  public String message() {
    return message;
  }

  /** Delay before answering. */
  public Duration delayBy() {
    return delay;
  }

  @Override
  public String toString() {
    return "Fault{" + kind + (status > 0 ? " " + status : "")
        + (retryAfter != null ? ", Retry-After=" + retryAfter : "")
        + (delay.isZero() ? "" : ", delay=" + delay) + "}";
  }

  private void requireStatus() {
    if (kind != Kind.STATUS) {
      throw new IllegalStateException("only an HTTP status fault has a body and Retry-After");
    }
  }
}
