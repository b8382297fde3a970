package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.CallOptions;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries failed attempts of one call according to {@link RetryOptions} and the request's
 * {@link RetryMode}. An application interceptor, outside authentication, so every attempt asks
 * for the current token.
 *
 * <p><b>What is retried.</b> Idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS), and any
 * request tagged {@link RetryMode#ALWAYS}: a retryable status or an I/O error. POST and PATCH
 * by default: only an I/O error that proves the request never reached the server
 * ({@link ConnectException}, {@link UnknownHostException}, {@link NoRouteToHostException}, a
 * connect timeout). A read timeout or a reset after sending is not retried for them: the server
 * may have acted. A request with a one-shot body, a canceled call, and errors the SDK raised
 * itself ({@link ApiIOException}) are never retried.
 *
 * <p><b>When.</b> Full-jitter exponential backoff: a random wait in
 * {@code [0, min(maxDelay, base·2^(n-1))]} before retry n, with the longer throttling base after
 * a 429. A {@code Retry-After} header (seconds or HTTP-date) replaces the computed wait, capped
 * at {@code maxRetryAfter}. No retry starts if its wait would end beyond the call's budget;
 * never more than {@code maxAttempts} attempts. The previous response is closed before a retry.
 *
 * <p><b>Why Failsafe's standalone {@link Execution} inside an interceptor</b> rather than
 * {@code FailsafeCall} (failsafe-okhttp) or Failsafe's own synchronous executor:
 * <ul>
 *   <li>An interceptor covers every generated Retrofit method, synchronous and asynchronous, with
 *       no wrapping of each {@code retrofit2.Call}; {@code FailsafeCall} wraps
 *       {@code okhttp3.Call} only, and would need another module for Retrofit calls.</li>
 *   <li>The decision depends on the request (method, {@link CallOptions} tag), which the
 *       interceptor sees directly.</li>
 *   <li>The {@link RetryPolicy} still decides (attempt count, which results are failures, the
 *       delay function), but the standalone {@code Execution} leaves the waiting to us: through
 *       an injectable {@link Sleeper} (tests record delays instead of sleeping) and with a budget
 *       measured on an injectable {@link Clock}. Failsafe's own executor sleeps with
 *       {@code Thread.sleep} and its {@code maxDuration} shortens the last wait instead of
 *       skipping a retry that cannot finish in time.</li>
 * </ul>
 * Cost: an asynchronous call that backs off holds an OkHttp dispatcher thread while it waits.
 */
public final class RetryInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.retry");
  private static final Set<String> IDEMPOTENT =
      Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

  private final RetryOptions options;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final RetryPolicy<Response> anyFailure;
  private final RetryPolicy<Response> neverSentOnly;

  /** Real sleeping, system clock. */
  public RetryInterceptor(RetryOptions options) {
    this(options, Sleeper.SYSTEM, Clock.systemUTC());
  }

  /** With the given sleeper (waits) and clock (budget, HTTP-date {@code Retry-After}). */
  public RetryInterceptor(RetryOptions options, Sleeper sleeper, Clock clock) {
    this(options, sleeper, clock, () -> ThreadLocalRandom.current().nextDouble());
  }

  RetryInterceptor(RetryOptions options, Sleeper sleeper, Clock clock, DoubleSupplier random) {
    this.options = Objects.requireNonNull(options, "options");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
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

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RetryMode mode = CallOptions.of(request).retryMode();
    if (options.maxAttempts() <= 1 || mode == RetryMode.NEVER
        || (request.body() != null && request.body().isOneShot())) {
      return chain.proceed(request);
    }
    boolean repeatable = mode == RetryMode.ALWAYS || IDEMPOTENT.contains(request.method());
    Execution<Response> execution = Execution.of(repeatable ? anyFailure : neverSentOnly);
    long startMillis = clock.millis();
    while (true) {
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        failure = e;
      }
      execution.record(response, failure);
      if (execution.isComplete() || chain.call().isCanceled()) {
        return finish(response, failure);
      }
      Duration delay = execution.getDelay();
      Duration elapsed = Duration.ofMillis(clock.millis() - startMillis);
      if (elapsed.plus(delay).compareTo(options.budget()) > 0) {
        return finish(response, failure);
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("retrying {} {} after {} in {} ms (attempt {} of {})", request.method(),
            Redactor.url(request.url()),
            failure != null ? failure.getClass().getSimpleName() : response.code(),
            delay.toMillis(), execution.getAttemptCount() + 1, options.maxAttempts());
      }
      if (response != null) {
        response.close();
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("interrupted during retry backoff");
        if (failure != null) {
          interrupted.addSuppressed(failure);
        }
        throw interrupted;
      }
    }
  }

  private static Response finish(Response response, IOException failure) throws IOException {
    if (failure != null) {
      throw failure;
    }
    return response;
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
    Duration base = last != null && last.code() == 429
        ? options.throttledBaseDelay() : options.baseDelay();
    int exponent = Math.max(0, Math.min(30, context.getAttemptCount() - 1));
    long ceiling = base.toNanos() > (options.maxDelay().toNanos() >> exponent)
        ? options.maxDelay().toNanos()
        : base.toNanos() << exponent;
    return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
  }

  private static boolean isRetryableFailure(Throwable failure) {
    if (failure instanceof ApiIOException || failure instanceof SSLPeerUnverifiedException) {
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
