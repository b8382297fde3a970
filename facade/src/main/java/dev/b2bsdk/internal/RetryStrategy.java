package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.core.http.RetryOptions;
import dev.failsafe.Execution;
import dev.failsafe.ExecutionContext;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether and when an attempt of a call is retried; it never waits itself, so the
 * synchronous path ({@link RetryInterceptor}: the caller's thread sleeps) and the asynchronous
 * one ({@link AsyncAttempts}: a timer re-enqueues) share every rule. Failsafe's
 * {@link RetryPolicy} counts attempts, classifies results and computes delays through its
 * standalone {@link Execution}; on top of it: the call's time budget and the client's
 * {@link RetryQuota}. See {@link RetryInterceptor} for the rules. Thread-safe.
 */
final class RetryStrategy {

  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.retry");
  private static final Set<String> IDEMPOTENT =
      Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

  private final RetryOptions options;
  private final Clock clock;
  private final DoubleSupplier random;
  private final RetryQuota quota;
  private final RetryPolicy<Response> anyFailure;
  private final RetryPolicy<Response> neverSentOnly;

  RetryStrategy(RetryOptions options, Clock clock, DoubleSupplier random, RetryQuota quota) {
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.quota = Objects.requireNonNull(quota, "quota");
    this.anyFailure = RetryPolicy.<Response>builder()
        .withMaxAttempts(options.maxAttempts())
        .handleIf((response, failure) -> failure == null
            ? options.retryableStatuses().contains(response.code())
            : isRetryableFailure(failure))
        .withDelayFn(this::delay)
        .build();
    this.neverSentOnly = RetryPolicy.<Response>builder()
        .withMaxAttempts(options.maxAttempts())
        .handleIf((response, failure) -> failure != null && provablyNeverSent(failure))
        .withDelayFn(this::delay)
        .build();
  }

  /** The quota this strategy draws from. */
  RetryQuota quota() {
    return quota;
  }

  /** The attempts of one call, or null when {@code request} is never retried. */
  Attempts begin(Request request, RetryMode mode) {
    if (options.maxAttempts() <= 1 || mode == RetryMode.NEVER
        || (request.body() != null && request.body().isOneShot())) {
      return null;
    }
    boolean repeatable = mode == RetryMode.ALWAYS || IDEMPOTENT.contains(request.method());
    return new Attempts(request, Execution.of(repeatable ? anyFailure : neverSentOnly));
  }

  /** One call's retry state. Not thread-safe: one attempt at a time. */
  final class Attempts {
    private final Request request;
    private final Execution<Response> execution;
    private final long startMillis = clock.millis();

    private Attempts(Request request, Execution<Response> execution) {
      this.request = request;
      this.execution = execution;
    }

    /**
     * Records an attempt's outcome; returns the wait before the next attempt, or null to end
     * the call with this outcome (success, not retryable, attempts or budget spent, quota
     * empty, canceled). Closes nothing.
     */
    Duration next(Response response, IOException failure, boolean canceled) {
      execution.record(response, failure);
      if (failure == null && !options.retryableStatuses().contains(response.code())) {
        quota.onSuccess();
      }
      if (execution.isComplete() || canceled) {
        return null;
      }
      Duration delay = execution.getDelay();
      Duration elapsed = Duration.ofMillis(clock.millis() - startMillis);
      if (elapsed.plus(delay).compareTo(options.budget()) > 0 || !quota.tryAcquireRetry()) {
        return null;
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("retrying {} {} after {} in {} ms (attempt {} of {})", request.method(),
            Redactor.url(request.url()),
            failure != null ? failure.getClass().getSimpleName() : response.code(),
            delay.toMillis(), execution.getAttemptCount() + 1, options.maxAttempts());
      }
      return delay;
    }
  }

  private Duration delay(ExecutionContext<Response> context) {
    Response last = context.getLastResult();
    if (last != null) {
      Optional<Duration> retryAfter = RetryAfter.parse(last.header("Retry-After"), clock);
      if (retryAfter.isPresent()) {
        Duration wait = retryAfter.get();
        return wait.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : wait;
      }
    }
    boolean throttled = last != null && last.code() == 429;
    Duration base = throttled ? options.throttledBaseDelay() : options.baseDelay();
    int exponent = Math.max(0, Math.min(30, context.getAttemptCount() - 1));
    long ceiling = base.toNanos() > (options.maxDelay().toNanos() >> exponent)
        ? options.maxDelay().toNanos()
        : base.toNanos() << exponent;
    if (throttled) {
      // equal jitter: a throttled call waits at least half its backoff, never next to nothing
      long half = ceiling / 2;
      return Duration.ofNanos(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
    return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
  }

  private static boolean isRetryableFailure(Throwable failure) {
    if (failure instanceof ApiIOException || failure instanceof SSLPeerUnverifiedException
        || failure instanceof ClientClosedIOException) {
      return false;
    }
    if (failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return false;
    }
    return failure instanceof IOException;
  }

  /** True only for failures that happen before a single byte of the request is written. */
  static boolean provablyNeverSent(Throwable failure) {
    if (failure instanceof ConnectException || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException) {
      return true;
    }
    // Socket.connect's timeout; read/write timeouts say "timeout"/"Read timed out".
    return failure instanceof SocketTimeoutException && failure.getMessage() != null
        && failure.getMessage().toLowerCase(Locale.ROOT).startsWith("connect timed out");
  }
}
