package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.RetryMode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The asynchronous path of one call: take a request slot, then for each attempt take a
 * rate-limit permit, enqueue an OkHttp call, and on its outcome ask the {@link RetryStrategy}
 * whether to retry and after which wait. Every wait is a queued callback (slot) or a task on the
 * shared {@link SdkTimer} (permit, backoff, call timeout); no thread sleeps or parks, so a
 * throttled call costs a healthy one on the same client nothing. The attempts are tagged so the
 * blocking interceptors of the synchronous path let them through.
 *
 * <p>Ends exactly once: with the final response or failure, or early through {@link #cancel()}
 * (the future was cancelled), {@link #fail} (client closed) or the call timeout, each of which
 * cancels the pending wait and the attempt in flight and frees the slot.
 */
final class AsyncAttempts implements Callback {

  /** The tag that marks an attempt driven from here. */
  private enum Driven { INSTANCE }

  /** Tags a request as driven from here (see {@link PipelineCall#prepared}). */
  static void markDriven(Request.Builder request) {
    request.tag(Driven.class, Driven.INSTANCE);
  }

  /** True for an attempt whose waits {@link AsyncAttempts} already did. */
  static boolean isDriven(Request request) {
    return request.tag(Driven.class) != null;
  }

  private final CallPipeline pipeline;
  private final PipelineCall call;
  private final OkHttpClient client;
  private final Request request;
  private final RetryMode mode;
  private final Callback callback;
  private final AtomicBoolean done = new AtomicBoolean();
  private final AtomicBoolean slotReleased = new AtomicBoolean();
  private RetryStrategy.Attempts attempts; // touched by one attempt's thread at a time
  private volatile RequestSlots.Waiter slotWaiter;
  private volatile boolean slotGranted;
  private volatile Future<?> wait;
  private volatile Future<?> deadline;
  private volatile Call current;

  AsyncAttempts(CallPipeline pipeline, PipelineCall call, OkHttpClient client, Request request,
      RetryMode mode, Callback callback) {
    this.pipeline = pipeline;
    this.call = call;
    this.client = client;
    this.request = request; // tagged by PipelineCall.prepared(true)
    this.mode = mode;
    this.callback = callback;
  }

  void start() {
    pipeline.register(call);
    if (pipeline.isClosed()) {
      fail(new ClientClosedIOException(pipeline.api));
      return;
    }
    if (pipeline.callTimeoutNanos > 0) {
      deadline = schedule(() -> fail(new InterruptedIOException("timeout: call timeout")),
          pipeline.callTimeoutNanos);
    }
    attempts = pipeline.retry == null ? null : pipeline.retry.begin(request, mode);
    if (pipeline.slots == null) {
      paced();
    } else {
      slotWaiter = pipeline.slots.acquire(this::onSlot);
    }
  }

  private void onSlot() {
    slotGranted = true;
    if (done.get()) {
      releaseSlotOnce();
    } else {
      paced();
    }
  }

  /** Takes a rate-limit permit, now or on the timer, then sends. */
  private void paced() {
    if (pipeline.rateLimiter == null) {
      send();
      return;
    }
    Duration permit = pipeline.rateLimiter.reservePermit();
    if (permit.isZero() || permit.isNegative()) {
      send();
    } else {
      wait = scheduleWait(this::send, permit);
    }
  }

  private void send() {
    if (done.get()) {
      return;
    }
    Call attempt = client.newCall(request);
    current = attempt;
    if (done.get()) {
      attempt.cancel();
      return;
    }
    attempt.enqueue(this);
  }

  @Override
  public void onResponse(Call attempt, Response response) {
    if (done.get()) {
      response.close();
      return;
    }
    Duration delay = attempts == null ? null : attempts.next(response, null, false);
    if (delay == null) {
      finish(response, null);
    } else {
      response.close();
      retryAfter(delay);
    }
  }

  @Override
  public void onFailure(Call attempt, IOException failure) {
    if (done.get()) {
      return;
    }
    Duration delay = attempts == null ? null : attempts.next(null, failure, call.isCanceled());
    if (delay == null) {
      finish(null, failure);
    } else {
      retryAfter(delay);
    }
  }

  private void retryAfter(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      paced();
    } else {
      wait = scheduleWait(this::paced, delay);
    }
  }

  /** The future was cancelled: end now with OkHttp's "Canceled". */
  void cancel() {
    fail(new IOException("Canceled"));
  }

  /** Ends the call now with {@code failure} (client closed, call timeout, cancelled). */
  void fail(IOException failure) {
    finish(null, failure);
  }

  private void finish(Response response, IOException failure) {
    if (!done.compareAndSet(false, true)) {
      if (response != null) {
        response.close();
      }
      return;
    }
    cancelQuietly(wait);
    cancelQuietly(deadline);
    Call attempt = current;
    if (attempt != null && response == null) {
      attempt.cancel();
    }
    RequestSlots.Waiter waiter = slotWaiter;
    if (waiter != null && waiter.cancel()) {
      slotReleased.set(true); // left the queue: never had a slot
    } else if (slotGranted) {
      releaseSlotOnce();
    }
    pipeline.unregister(call);
    try {
      if (response != null) {
        callback.onResponse(call, response);
      } else {
        callback.onFailure(call, failure);
      }
    } catch (IOException e) {
      callback.onFailure(call, e);
    }
  }

  private void releaseSlotOnce() {
    if (pipeline.slots != null && slotReleased.compareAndSet(false, true)) {
      pipeline.slots.release();
    }
  }

  /**
   * A backoff or rate-limit wait on the timer. A test's {@link Sleeper} (one that records waits
   * and moves a virtual clock instead of sleeping) is asked for the wait on the timer thread,
   * and the task follows at once: the asynchronous path is then as fast and as observable in
   * tests as the synchronous one.
   */
  private Future<?> scheduleWait(Runnable task, Duration delay) {
    Sleeper sleeper = pipeline.sleeper;
    if (sleeper == Sleeper.SYSTEM) {
      return schedule(task, delay.toNanos());
    }
    return schedule(() -> {
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      task.run();
    }, 0);
  }

  private Future<?> schedule(Runnable task, long nanos) {
    try {
      return pipeline.timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      fail(new ClientClosedIOException(pipeline.api));
      return null;
    }
  }

  private static void cancelQuietly(Future<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
