package dev.b2bsdk.core.polling;

import dev.b2bsdk.core.error.ApiException;
import java.time.Duration;

/**
 * Waiting for a long-running operation ran out of time: the total budget, or several polls in
 * a row that each exceeded the per-poll timeout. The operation itself may still be running on
 * the server.
 *
 * <p>Carries the last status and value seen and the number of polls made. {@link #status()} is
 * 0 (no failed HTTP response).
 */
public class PollTimeoutException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final String operationId;
  private final PollStatus lastStatus;
  private final String lastRawStatus;
  private final transient Object lastValue;
  private final int pollCount;
  private final Duration timeout;
  private final String reason;

  /**
   * @param builder the API name and, optionally, the operation name
   * @param reason what ran out, e.g. {@code "the total budget PT30M ran out"}
   */
  public PollTimeoutException(
      ApiException.Builder builder,
      String reason,
      String operationId,
      PollStatus lastStatus,
      String lastRawStatus,
      Object lastValue,
      int pollCount,
      Duration timeout) {
    super(builder.detail(reason));
    this.reason = reason;
    this.operationId = operationId;
    this.lastStatus = lastStatus;
    this.lastRawStatus = lastRawStatus;
    this.lastValue = lastValue;
    this.pollCount = pollCount;
    this.timeout = timeout;
  }

  /** The operation's id, or null. */
  public String operationId() {
    return operationId;
  }

  /** The last status seen, or null if no poll answered. */
  public PollStatus lastStatus() {
    return lastStatus;
  }

  /** The last status label the service sent, or null. */
  public String lastRawStatus() {
    return lastRawStatus;
  }

  /** The last value seen, or null. */
  public Object lastValue() {
    return lastValue;
  }

  /** The last value seen as {@code type}, or null if absent or of another type. */
  public <V> V lastValue(Class<V> type) {
    return type.isInstance(lastValue) ? type.cast(lastValue) : null;
  }

  /** Poll attempts made before giving up. */
  public int pollCount() {
    return pollCount;
  }

  /** The budget that ran out (total, or per poll). */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String getMessage() {
    String last = lastRawStatus != null ? lastRawStatus : String.valueOf(lastStatus);
    return ActionFailedException.prefix(api(), operation()) + "operation "
        + (operationId == null ? "(no id)" : operationId) + " not complete: " + reason
        + " after " + pollCount + " poll(s); last status " + last;
  }
}
