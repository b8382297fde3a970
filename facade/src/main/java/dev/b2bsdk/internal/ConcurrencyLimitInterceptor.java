package dev.b2bsdk.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Caps the requests one client has in flight. Fair: callers get slots in arrival order. A call
 * holds its slot from before the first attempt until its final response's headers arrive, so
 * backoff waits between retries keep the slot (a retrying call is still load on the service);
 * reading the body is not counted. Waiting for a slot is bounded by the call timeout: past it the
 * call fails with an {@link InterruptedIOException} (a timeout).
 */
public final class ConcurrencyLimitInterceptor implements Interceptor {

  private final int limit;
  private final Semaphore slots;

  /** @param limit requests in flight at once, at least 1 */
  public ConcurrencyLimitInterceptor(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.limit = limit;
    this.slots = new Semaphore(limit, true);
  }

  /** Requests in flight right now (for monitoring and tests). */
  public int inFlight() {
    return limit - slots.availablePermits();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    try {
      if (timeoutNanos == 0) {
        slots.acquire();
      } else if (!slots.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
        throw new InterruptedIOException(
            "timeout: all " + limit + " request slots stayed busy for the call timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a request slot");
    }
    try {
      return chain.proceed(chain.request());
    } finally {
      slots.release();
    }
  }
}
