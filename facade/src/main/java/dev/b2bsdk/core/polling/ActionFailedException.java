package dev.b2bsdk.core.polling;

import dev.b2bsdk.core.error.ApiException;

/**
 * A long-running operation ended with a failure status.
 *
 * <p>Carries the operation id, the service's status label ({@link #rawStatus()}, also {@link
 * #errorCode()}) and message ({@link #serviceMessage()}), and the last value polled (for
 * example the action object), so a caller can log or inspect what went wrong. {@link #status()}
 * is 0: the status poll itself succeeded.
 */
public class ActionFailedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final String operationId;
  private final String rawStatus;
  private final transient Object lastValue;

  /**
   * @param builder the API name and, optionally, the operation name; the service message and
   *     error code are taken from the arguments
   */
  public ActionFailedException(
      ApiException.Builder builder,
      String operationId,
      String rawStatus,
      String serviceMessage,
      Object lastValue) {
    super(builder.errorCode(rawStatus).serviceMessage(serviceMessage));
    this.operationId = operationId;
    this.rawStatus = rawStatus;
    this.lastValue = lastValue;
  }

  /** The operation's id (for example the action id), or null. */
  public String operationId() {
    return operationId;
  }

  /** The status label the service sent, or null. */
  public String rawStatus() {
    return rawStatus;
  }

  /** The last value polled, or null. */
  public Object lastValue() {
    return lastValue;
  }

  /** The last value polled as {@code type}, or null if absent or of another type. */
  public <V> V lastValue(Class<V> type) {
    return type.isInstance(lastValue) ? type.cast(lastValue) : null;
  }

  @Override
  public String getMessage() {
    return prefix(api(), operation()) + "operation "
        + (operationId == null ? "(no id)" : operationId) + " failed"
        + (rawStatus == null ? "" : " with status " + rawStatus)
        + (serviceMessage() == null ? "" : ": " + serviceMessage());
  }

  static String prefix(String api, String operation) {
    return api + (operation == null ? "" : " " + operation) + " → ";
  }
}
