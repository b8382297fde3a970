package dev.b2bsdk.core.polling;

import dev.b2bsdk.internal.PollFunction;

import dev.b2bsdk.core.error.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one long-running server operation until it succeeds, fails or runs out of time.
 *
 * <p><b>Schedule.</b> Polling starts with {@link #toFuture()} or {@link #waitForCompletion()}:
 * the first poll after {@link PollOptions#initialInterval()}, then growing intervals with jitter
 * (see {@link PollOptions}). A Retry-After in a {@link PollResponse} replaces the computed
 * interval. No interval goes past the end of the total budget: the last poll happens at the
 * deadline, and if the operation still runs then, the wait fails with {@link
 * PollTimeoutException}. Each poll is a task on the {@link ScheduledExecutorService}: no thread
 * waits between polls.
 *
 * <p><b>Per-poll timeout.</b> Enforced by a task on the same scheduler (not {@code
 * CompletableFuture.orTimeout}, whose JDK-internal timer ignores the injected scheduler and
 * clock): when it fires, the attempt counts as failed and a late answer is ignored. It does not
 * interrupt the blocked call: API packages should give the poll's HTTP call an OkHttp {@code
 * callTimeout} no longer than {@link PollOptions#perPollTimeout()} so the thread is freed too.
 * A failed attempt (exception or timeout) is retried after the next interval; {@link
 * PollOptions#maxConsecutiveFailures()} failures in a row end the wait with the last error
 * (an {@link IOException} as {@link UncheckedIOException}, timeouts as {@link
 * PollTimeoutException}). The budget may thus be overrun by at most one per-poll timeout.
 *
 * <p><b>Outcomes.</b> SUCCESS completes with the value polled; FAILED with {@link
 * ActionFailedException}; IN_PROGRESS and UNKNOWN keep polling. Terminal results are memoised:
 * later calls answer without polling. {@link #cancel()} stops waiting; it does <em>not</em>
 * cancel the operation on the server, which goes on.
 *
 * <p>Thread-safe. Build with {@link #builder(PollFunction)}.
 *
 * @param <T> the value type (for example the action object)
 */
public final class Poller<T> {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
  private static final Runnable NOTHING = () -> {};

  private final PollFunction<T> function;
  private final String operationId;
  private final String api;
  private final String operation;
  private final PollOptions options;
  private final ScheduledExecutorService scheduler;
  private final Executor pollExecutor;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Backoff backoff;
  private final List<ProgressListener<T>> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<T> future = new CompletableFuture<>();

  // guarded by this
  private PollResponse<T> last;
  private PollResponse<T> terminal;
  private int pollCount;
  private boolean started;
  private Instant deadline;
  private Duration budget;
  private int attempt;
  private int consecutiveFailures;
  private Future<?> nextPoll;

  private Poller(Builder<T> b) {
    this.function = b.function;
    this.operationId = b.operationId;
    this.api = b.api;
    this.operation = b.operation;
    this.options = b.options;
    this.scheduler = b.scheduler != null ? b.scheduler : DefaultPollScheduler.get();
    this.pollExecutor = b.pollExecutor != null ? b.pollExecutor : scheduler;
    this.clock = b.clock;
    this.random = b.random;
    this.backoff = new Backoff(options);
    this.listeners.addAll(b.listeners);
    this.last = b.initialResponse;
    Runnable after = b.initialResponse == null ? NOTHING : settle(b.initialResponse);
    after.run();
    future.whenComplete((v, e) -> {
      if (future.isCancelled()) stopScheduling();
    });
  }

  /** Starts a builder; {@code function} performs one poll. */
  public static <T> Builder<T> builder(PollFunction<T> function) {
    return new Builder<>(function);
  }

  /** The id of the operation, or null. */
  public String operationId() {
    return operationId;
  }

  /** The options this poller uses. */
  public PollOptions options() {
    return options;
  }

  /** Adds a listener told about every status change from now on. */
  public void addListener(ProgressListener<T> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener. */
  public void removeListener(ProgressListener<T> listener) {
    listeners.remove(listener);
  }

  /**
   * Polls once now, on the calling thread, and returns the response; after a terminal status,
   * returns the memoised terminal response without polling. A terminal answer also completes
   * {@link #toFuture()}.
   *
   * @throws UncheckedIOException if the poll failed in transport; API exceptions as thrown
   */
  public PollResponse<T> poll() {
    synchronized (this) {
      if (terminal != null) return terminal;
      pollCount++;
    }
    PollResponse<T> response;
    try {
      response = Objects.requireNonNull(function.poll(), "poll function returned null");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runnable after;
    synchronized (this) {
      after = record(response);
    }
    after.run();
    return response;
  }

  /**
   * Starts polling (if not started) and waits, within {@link PollOptions#totalTimeout()}.
   *
   * @return the value of the SUCCESS response
   * @throws ActionFailedException if the operation failed
   * @throws PollTimeoutException if the budget ran out
   * @throws CancellationException if cancelled, or if the waiting thread was interrupted
   *     (its interrupt flag is then set again)
   */
  public T waitForCompletion() {
    return waitForCompletion(options.totalTimeout());
  }

  /**
   * Like {@link #waitForCompletion()} with another budget. If this call starts the polling, the
   * budget is the polling's own; if polling already runs, this call gives up after {@code
   * timeout} (measured on the scheduler) while the polling goes on with its own budget.
   */
  public T waitForCompletion(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    CompletableFuture<T> target = future;
    if (!start(timeout) && !future.isDone()) {
      CompletableFuture<T> bounded = future.copy();
      ScheduledFuture<?> guard = scheduler.schedule(
          () -> bounded.completeExceptionally(
              timeoutException(timeout, "the wait of " + timeout + " ran out")),
          timeout.toNanos(), TimeUnit.NANOSECONDS);
      bounded.whenComplete((v, e) -> guard.cancel(false));
      target = bounded;
    }
    return await(target);
  }

  /**
   * Starts polling (if not started) with the total budget and returns the future of the final
   * value, completed by the scheduler. Cancelling the future stops polling like {@link
   * #cancel()}. The same future is returned on every call.
   */
  public CompletableFuture<T> toFuture() {
    start(options.totalTimeout());
    return future;
  }

  /** Same as {@link #toFuture()}. */
  public CompletableFuture<T> completionFuture() {
    return toFuture();
  }

  /**
   * Stops waiting: no further poll is made, and the future completes with {@link
   * CancellationException}. The operation on the server is not cancelled and goes on. {@link
   * #poll()} may still be called to check on it.
   *
   * @return true if this call cancelled an unfinished wait
   */
  public boolean cancel() {
    // CompletableFuture.cancel answers true for an already cancelled future too
    return !future.isDone() && future.cancel(false);
  }

  /** True once the wait ended (success, failure, timeout or cancellation). */
  public boolean isDone() {
    return future.isDone();
  }

  /** Poll attempts made so far (scheduled and manual, failed ones included). */
  public synchronized int pollCount() {
    return pollCount;
  }

  /** The value of the latest response, if any. */
  public synchronized Optional<T> lastValue() {
    return last == null ? Optional.empty() : Optional.ofNullable(last.value());
  }

  /** The latest response, if any. */
  public synchronized Optional<PollResponse<T>> lastResponse() {
    return Optional.ofNullable(last);
  }

  @Override
  public String toString() {
    PollResponse<T> l;
    int n;
    synchronized (this) {
      l = last;
      n = pollCount;
    }
    return "Poller{operationId=" + operationId + ", polls=" + n
        + ", lastStatus=" + (l == null ? null : l.status()) + ", done=" + future.isDone() + '}';
  }

  // ---------------------------------------------------------------- the loop

  /** Starts the schedule with {@code budget}; false if it had already started. */
  private boolean start(Duration budget) {
    Runnable after;
    synchronized (this) {
      if (started) return false;
      started = true;
      this.budget = budget;
      this.deadline = clock.instant().plus(budget);
      after = terminal != null || future.isDone() ? NOTHING : scheduleNext(null);
    }
    after.run();
    return true;
  }

  /**
   * Schedules the next attempt, or - if the budget is spent - returns the completion that fails
   * the wait, to be run outside the lock (dependent stages of the future run user code). Holds
   * the lock.
   */
  private Runnable scheduleNext(Duration retryAfter) {
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      PollTimeoutException e =
          timeoutException(budget, "the total budget of " + budget + " ran out");
      return () -> future.completeExceptionally(e);
    }
    Duration delay = retryAfter != null
        ? retryAfter
        : backoff.interval(attempt++, random.getAsDouble());
    if (delay.compareTo(remaining) > 0) delay = remaining;
    try {
      nextPoll = scheduler.schedule(this::runAttempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // a shut-down scheduler must end the wait, not leave it hanging
      return () -> future.completeExceptionally(e);
    }
    return NOTHING;
  }

  private void runAttempt() {
    CompletableFuture<PollResponse<T>> attemptResult = new CompletableFuture<>();
    synchronized (this) {
      if (future.isDone()) return;
      pollCount++;
    }
    Duration perPoll = options.perPollTimeout();
    ScheduledFuture<?> timeout;
    try {
      timeout = scheduler.schedule(
          () -> attemptResult.completeExceptionally(
              new TimeoutException("poll took longer than " + perPoll)),
          perPoll.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(e);
      return;
    }
    attemptResult.whenComplete((r, e) -> {
      timeout.cancel(false);
      onAttemptDone(r, e);
    });
    try {
      pollExecutor.execute(() -> {
        try {
          attemptResult.complete(
              Objects.requireNonNull(function.poll(), "poll function returned null"));
        } catch (Throwable t) {
          attemptResult.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException e) {
      attemptResult.completeExceptionally(e);
    }
  }

  private void onAttemptDone(PollResponse<T> response, Throwable error) {
    Runnable after;
    synchronized (this) {
      if (error != null) {
        if (future.isDone()) return;
        Throwable cause = error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error;
        consecutiveFailures++;
        LOG.debug("operation {}: poll attempt {} failed ({} in a row): {}",
            operationId, pollCount, consecutiveFailures, cause.toString());
        if (consecutiveFailures >= options.maxConsecutiveFailures()) {
          Throwable failure = mapFailure(cause);
          after = () -> future.completeExceptionally(failure);
        } else {
          after = scheduleNext(null);
        }
      } else {
        consecutiveFailures = 0;
        after = record(response);
        if (terminal == null && !future.isDone()) {
          after = scheduleNext(response.retryAfter());
        }
      }
    }
    after.run();
  }

  /** Records a response and tells listeners; returns the completion to run outside the lock. */
  private Runnable record(PollResponse<T> response) {
    PollResponse<T> previous = last;
    last = response;
    LOG.debug("operation {}: poll {} -> {}", operationId, pollCount, response);
    if (response.statusDiffers(previous)) {
      for (ProgressListener<T> listener : listeners) {
        try {
          listener.onStatusChange(previous, response);
        } catch (RuntimeException e) {
          LOG.warn("operation {}: progress listener failed", operationId, e);
        }
      }
    }
    return settle(response);
  }

  /** Memoises a terminal response; returns the completion to run outside the lock. */
  private Runnable settle(PollResponse<T> response) {
    if (!response.status().isTerminal() || terminal != null) return NOTHING;
    terminal = response;
    if (response.status() == PollStatus.SUCCESS) {
      T value = response.value();
      return () -> future.complete(value);
    }
    ActionFailedException failed = new ActionFailedException(errorBuilder(),
        operationId, response.rawStatus(), response.message(), response.value());
    return () -> future.completeExceptionally(failed);
  }

  private void stopScheduling() {
    Future<?> pending;
    synchronized (this) {
      pending = nextPoll;
      nextPoll = null;
    }
    if (pending != null) pending.cancel(false);
  }

  private Throwable mapFailure(Throwable cause) {
    if (cause instanceof TimeoutException) {
      return timeoutException(options.perPollTimeout(),
          consecutiveFailures + " polls in a row took longer than the per-poll timeout "
              + options.perPollTimeout());
    }
    if (cause instanceof IOException) return new UncheckedIOException((IOException) cause);
    if (cause instanceof RuntimeException || cause instanceof Error) return cause;
    return new CompletionException(cause);
  }

  private synchronized PollTimeoutException timeoutException(Duration timeout, String reason) {
    PollStatus status = last == null ? null : last.status();
    String raw = last == null ? null : last.rawStatus();
    Object value = last == null ? null : last.value();
    return new PollTimeoutException(errorBuilder(), reason,
        operationId, status, raw, value, pollCount, timeout);
  }

  private ApiException.Builder errorBuilder() {
    return ApiException.builder(api).operation(operation);
  }

  private T await(CompletableFuture<T> target) {
    try {
      return target.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) throw (RuntimeException) cause;
      if (cause instanceof Error) throw (Error) cause;
      throw new CompletionException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException(
          "interrupted while waiting for operation " + operationId);
      c.initCause(e);
      throw c;
    }
  }

  /** Builder of {@link Poller}. */
  public static final class Builder<T> {
    private final PollFunction<T> function;
    private final List<ProgressListener<T>> listeners = new CopyOnWriteArrayList<>();
    private String operationId;
    private String api = "API";
    private String operation;
    private PollOptions options = PollOptions.defaults();
    private ScheduledExecutorService scheduler;
    private Executor pollExecutor;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private PollResponse<T> initialResponse;

    private Builder(PollFunction<T> function) {
      this.function = Objects.requireNonNull(function, "function");
    }

    /** The operation's id, carried by exceptions and logs. */
    public Builder<T> operationId(String operationId) {
      this.operationId = operationId;
      return this;
    }

    /** The API's name for exceptions, e.g. {@code "ITCare"}. */
    public Builder<T> api(String api) {
      this.api = Objects.requireNonNull(api, "api");
      return this;
    }

    /** The name of the operation that started the action, e.g. {@code "createInstance"}. */
    public Builder<T> operation(String operation) {
      this.operation = operation;
      return this;
    }

    public Builder<T> options(PollOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * The scheduler that times polls and timeouts; default: a shared pool of two daemon threads.
     * Supply a matching {@link #clock(Clock)} with a non-standard scheduler.
     */
    public Builder<T> scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Where the blocking poll call runs; default: the scheduler. */
    public Builder<T> pollExecutor(Executor pollExecutor) {
      this.pollExecutor = Objects.requireNonNull(pollExecutor, "pollExecutor");
      return this;
    }

    /** The clock that measures the total budget; default: the system clock. */
    public Builder<T> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The status the operation had when it was accepted (for example read from the 202 body).
     * A terminal one completes the poller without any poll.
     */
    public Builder<T> initialResponse(PollResponse<T> initialResponse) {
      this.initialResponse = initialResponse;
      return this;
    }

    public Builder<T> listener(ProgressListener<T> listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Source of jitter samples in [0, 1); for tests. */
    Builder<T> random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Poller<T> build() {
      return new Poller<>(this);
    }
  }
}
