package dev.b2bsdk.core.polling;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a {@code begin...} method returns: a long-running operation that is either tracked by a
 * {@link Poller}, accepted by the server without a tracking id (for example a 202 with an empty
 * body), or a dry run that the server only validated.
 *
 * <p>Only a tracked operation ever polls; for the other two, {@link #waitForCompletion()}
 * returns at once with an {@link OperationResult} that says what is known. Immutable.
 *
 * @param <T> the value type
 */
public final class AsyncOperation<T> {
  private final Poller<T> poller;
  private final boolean dryRun;
  private final boolean dryRunEchoed;
  private final T acceptedValue;

  private AsyncOperation(Poller<T> poller, boolean dryRun, boolean dryRunEchoed, T acceptedValue) {
    this.poller = poller;
    this.dryRun = dryRun;
    this.dryRunEchoed = dryRunEchoed;
    this.acceptedValue = acceptedValue;
  }

  /** An operation tracked by {@code poller}. */
  public static <T> AsyncOperation<T> tracked(Poller<T> poller) {
    return new AsyncOperation<>(Objects.requireNonNull(poller, "poller"), false, false, null);
  }

  /**
   * An operation the server accepted without a way to track it.
   *
   * @param acceptedValue the body of the accepting response, or null
   */
  public static <T> AsyncOperation<T> untracked(T acceptedValue) {
    return new AsyncOperation<>(null, false, false, acceptedValue);
  }

  /**
   * A request sent as a dry run; never polled.
   *
   * @param echoed whether the server echoed the dry-run marker (confirming it did not act)
   * @param responseValue the response body, or null
   */
  public static <T> AsyncOperation<T> dryRun(boolean echoed, T responseValue) {
    return new AsyncOperation<>(null, true, echoed, responseValue);
  }

  /** True if the operation can be tracked (a poller exists). */
  public boolean tracked() {
    return poller != null;
  }

  /** True for a dry run. */
  public boolean dryRun() {
    return dryRun;
  }

  /** True for a dry run whose marker the server echoed. */
  public boolean dryRunEchoed() {
    return dryRunEchoed;
  }

  /** The poller of a tracked operation. */
  public Optional<Poller<T>> poller() {
    return Optional.ofNullable(poller);
  }

  /** The operation id of a tracked operation, or null. */
  public String operationId() {
    return poller == null ? null : poller.operationId();
  }

  /**
   * Waits for a tracked operation within the poller's total budget; returns at once otherwise.
   *
   * @throws ActionFailedException if the operation failed
   * @throws PollTimeoutException if the budget ran out
   */
  public OperationResult<T> waitForCompletion() {
    return poller == null ? immediate() : completed(poller.waitForCompletion());
  }

  /** Like {@link #waitForCompletion()} with another budget (see {@link Poller}). */
  public OperationResult<T> waitForCompletion(Duration timeout) {
    return poller == null ? immediate() : completed(poller.waitForCompletion(timeout));
  }

  /** The result as a future; already complete unless tracked. */
  public CompletableFuture<OperationResult<T>> toFuture() {
    if (poller == null) return CompletableFuture.completedFuture(immediate());
    return poller.toFuture().thenApply(this::completed);
  }

  /** Stops waiting for a tracked operation (the server goes on); false if nothing to cancel. */
  public boolean cancel() {
    return poller != null && poller.cancel();
  }

  private OperationResult<T> immediate() {
    return dryRun
        ? OperationResult.dryRun(dryRunEchoed, acceptedValue)
        : OperationResult.untracked(acceptedValue);
  }

  private OperationResult<T> completed(T value) {
    return OperationResult.completed(poller.operationId(), value);
  }

  @Override
  public String toString() {
    return "AsyncOperation{tracked=" + tracked() + ", dryRun=" + dryRun + ", dryRunEchoed="
        + dryRunEchoed + ", operationId=" + operationId() + '}';
  }
}
