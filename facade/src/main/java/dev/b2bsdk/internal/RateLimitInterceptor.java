package dev.b2bsdk.internal;

import dev.failsafe.RateLimiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Spaces attempts evenly at no more than a given rate (Failsafe's smooth {@link RateLimiter}).
 * Sits inside {@link RetryInterceptor} so that retries count against the rate. A permit whose
 * wait would exceed the call timeout is not taken: the call fails at once with an
 * {@link InterruptedIOException} (a timeout) instead of waiting for nothing. The caller's thread
 * waits (synchronous path); asynchronous calls pass through, {@link AsyncAttempts} reserves their
 * permit from the same limiter and schedules the attempt instead.
 */
public final class RateLimitInterceptor implements Interceptor {

  private final RateLimiter<Object> limiter;
  private final Sleeper sleeper;

  /** A smooth limiter of {@code requestsPerSecond}, shared by both paths of a client. */
  static RateLimiter<Object> limiter(double requestsPerSecond) {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("requestsPerSecond must be above 0");
    }
    long nanosPerPermit = Math.max(1, (long) (1_000_000_000L / requestsPerSecond));
    return RateLimiter.smoothBuilder(Duration.ofNanos(nanosPerPermit)).build();
  }

  /** @param requestsPerSecond attempts per second, above 0 */
  public RateLimitInterceptor(double requestsPerSecond) {
    this(requestsPerSecond, Sleeper.SYSTEM);
  }

  /** With the given sleeper for the waits. */
  public RateLimitInterceptor(double requestsPerSecond, Sleeper sleeper) {
    this(limiter(requestsPerSecond), sleeper);
  }

  RateLimitInterceptor(RateLimiter<Object> limiter, Sleeper sleeper) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (AsyncAttempts.isDriven(chain.request())) {
      return chain.proceed(chain.request()); // AsyncAttempts took the permit, waiting on a timer
    }
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    Duration wait = timeoutNanos == 0
        ? limiter.reservePermit()
        : limiter.tryReservePermit(Duration.ofNanos(timeoutNanos));
    if (wait.isNegative()) {
      throw new InterruptedIOException("timeout: the rate limit allows no attempt within the call timeout");
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the rate limit");
    }
    return chain.proceed(chain.request());
  }
}
