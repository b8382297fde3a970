package dev.b2bsdk.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Caps the requests one client has in flight (synchronous path). Fair: callers get slots in
 * arrival order. A call holds its slot from before the first attempt until its final response's
 * headers arrive, so backoff waits between retries keep the slot (a retrying call is still load
 * on the service); reading the body is not counted. Waiting for a slot blocks only the caller's
 * thread and is bounded by the call timeout: past it the call fails with an
 * {@link InterruptedIOException} (a timeout). Asynchronous calls pass through: {@link
 * AsyncAttempts} takes their slot from the same {@link RequestSlots} without holding a thread.
 */
public final class ConcurrencyLimitInterceptor implements Interceptor {

  private final RequestSlots slots;

  /** @param limit requests in flight at once, at least 1 */
  public ConcurrencyLimitInterceptor(int limit) {
    this(new RequestSlots(limit));
  }

  ConcurrencyLimitInterceptor(RequestSlots slots) {
    this.slots = slots;
  }

  /** Requests in flight right now (for monitoring and tests). */
  public int inFlight() {
    return slots.inFlight();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (AsyncAttempts.isDriven(chain.request())) {
      return chain.proceed(chain.request());
    }
    slots.acquireBlocking(chain.call().timeout().timeoutNanos());
    try {
      return chain.proceed(chain.request());
    } finally {
      slots.release();
    }
  }
}
