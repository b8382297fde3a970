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
 * <p><b>Asynchronous calls</b> do not come through here (this interceptor lets them pass):
 * {@link AsyncAttempts} applies the same {@link RetryStrategy} and schedules each retry on a
 * timer, so no dispatcher thread waits. Here, on the synchronous path, the caller's own thread
 * sleeps.
 *
 * <p><b>Retry quota.</b> Every retry draws from the client's {@link RetryQuota}; an empty quota
 * ends the call with its last error.
 */
public final class RetryInterceptor implements Interceptor {

  private final RetryStrategy strategy;
  private final Sleeper sleeper;

  /** Real sleeping, system clock. */
  public RetryInterceptor(RetryOptions options) {
    this(options, Sleeper.SYSTEM, Clock.systemUTC());
  }

  /** With the given sleeper (waits) and clock (budget, HTTP-date {@code Retry-After}). */
  public RetryInterceptor(RetryOptions options, Sleeper sleeper, Clock clock) {
    this(options, sleeper, clock, () -> ThreadLocalRandom.current().nextDouble());
  }

  RetryInterceptor(RetryOptions options, Sleeper sleeper, Clock clock, DoubleSupplier random) {
    this(new RetryStrategy(options, clock, random,
        new RetryQuota(options.retryQuota(), options.retryCost())), sleeper);
  }

  RetryInterceptor(RetryStrategy strategy, Sleeper sleeper) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RetryStrategy.Attempts attempts = AsyncAttempts.isDriven(request) ? null
        : strategy.begin(request, CallOptions.of(request).retryMode());
    if (attempts == null) {
      return chain.proceed(request);
    }
    while (true) {
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        failure = e;
      }
      Duration delay = attempts.next(response, failure, chain.call().isCanceled());
      if (delay == null) {
        if (failure != null) {
          throw failure;
        }
        return response;
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

  /** True only for failures that happen before a single byte of the request is written. */
  static boolean provablyNeverSent(Throwable failure) {
    return RetryStrategy.provablyNeverSent(failure);
  }
}
