package dev.b2bsdk.core.polling;

/**
 * How a long-running operation ended, as far as the client can tell: completed after tracking,
 * accepted without a tracking id, or validated only (dry run). Immutable.
 *
 * @param <T> the value type
 */
public final class OperationResult<T> {
  private final boolean tracked;
  private final boolean dryRun;
  private final boolean dryRunEchoed;
  private final String operationId;
  private final T value;

  private OperationResult(
      boolean tracked, boolean dryRun, boolean dryRunEchoed, String operationId, T value) {
    this.tracked = tracked;
    this.dryRun = dryRun;
    this.dryRunEchoed = dryRunEchoed;
    this.operationId = operationId;
    this.value = value;
  }

  static <T> OperationResult<T> completed(String operationId, T value) {
    return new OperationResult<>(true, false, false, operationId, value);
  }

  static <T> OperationResult<T> untracked(T value) {
    return new OperationResult<>(false, false, false, null, value);
  }

  static <T> OperationResult<T> dryRun(boolean echoed, T value) {
    return new OperationResult<>(false, true, echoed, null, value);
  }

  /**
   * True if the operation was tracked to its successful end; false if the server accepted it
   * without a tracking id (its outcome is unknown) or for a dry run.
   */
  public boolean tracked() {
    return tracked;
  }

  /** True if the request was sent as a dry run: the server was asked not to act. */
  public boolean dryRun() {
    return dryRun;
  }

  /**
   * True if the server echoed the dry-run marker, confirming that it did not act. False for a
   * dry run means the server did not confirm it: it may have ignored the marker.
   */
  public boolean dryRunEchoed() {
    return dryRunEchoed;
  }

  /** The operation id when tracked, else null. */
  public String operationId() {
    return operationId;
  }

  /**
   * The final value when tracked; else the body of the accepting response, or null if it had
   * none.
   */
  public T value() {
    return value;
  }

  @Override
  public String toString() {
    return "OperationResult{tracked=" + tracked + ", dryRun=" + dryRun + ", dryRunEchoed="
        + dryRunEchoed + ", operationId=" + operationId + '}';
  }
}
