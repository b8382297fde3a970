package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import dev.failsafe.RateLimiter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The per-client state both call paths share: the retry strategy and quota, the request slots,
 * the rate limiter, the shared {@link SdkTimer}, and the calls still pending (so that
 * {@link #close()} can fail them with "client closed"). It makes the {@link Call.Factory} that
 * Retrofit uses: each call is a {@link PipelineCall}, which runs synchronously through the
 * interceptors on the caller's thread, or asynchronously through {@link AsyncAttempts}, which
 * waits on the timer and never on a thread.
 */
final class CallPipeline {

  final String api;
  final RetryStrategy retry; // null: no retries
  final RequestSlots slots; // null: no concurrency limit
  final RateLimiter<Object> rateLimiter; // null: no rate limit
  final ScheduledExecutorService timer;
  final long callTimeoutNanos;
  final Sleeper sleeper;
  final String userAgent;
  private final Set<PipelineCall> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  CallPipeline(String api, RetryStrategy retry, RequestSlots slots, RateLimiter<Object> rateLimiter,
      long callTimeoutNanos, Sleeper sleeper, String userAgent) {
    this.api = api;
    this.userAgent = userAgent;
    this.sleeper = sleeper;
    this.retry = retry;
    this.slots = slots;
    this.rateLimiter = rateLimiter;
    this.callTimeoutNanos = callTimeoutNanos;
    this.timer = SdkTimer.acquire();
  }

  /** The call factory for one runtime: its client (authentication, options) and options. */
  Call.Factory factory(OkHttpClient client, CallOptions options) {
    return request -> new PipelineCall(this, client, request, retryMode(request, options),
        options);
  }

  private static RetryMode retryMode(Request request, CallOptions options) {
    CallOptions tagged = request.tag(CallOptions.class);
    return tagged == null ? options.retryMode() : tagged.mergedWith(options).retryMode();
  }

  boolean isClosed() {
    return closed;
  }

  void register(PipelineCall call) {
    pending.add(call);
  }

  void unregister(PipelineCall call) {
    pending.remove(call);
  }

  /** Calls not yet finished (for tests). */
  int pendingCalls() {
    return pending.size();
  }

  /**
   * Refuses new calls, fails every pending one with {@link ClientClosedIOException}, and gives
   * back the shared timer. Once.
   */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (PipelineCall call : pending) {
      call.closeByClient();
    }
    SdkTimer.release(timer);
  }
}
