package dev.b2bsdk.internal;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The request slots of one client ({@code politeness} max concurrent requests), shared by both
 * paths. Fair: slots are granted in arrival order. An asynchronous call waiting for a slot is a
 * queued callback, not a parked thread: {@link #acquire(Runnable)} runs the callback at once when
 * a slot is free, otherwise on the thread whose {@link #release()} frees one. A synchronous call
 * blocks only its own thread ({@link #acquireBlocking}). Thread-safe.
 */
final class RequestSlots {

  /** A place in the queue; cancel it to give up waiting. */
  interface Waiter {
    /** Leaves the queue; false when the slot was already granted (release it then). */
    boolean cancel();
  }

  private final int limit;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private int inUse;

  RequestSlots(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.limit = limit;
  }

  /** Slots in use right now. */
  synchronized int inFlight() {
    return inUse;
  }

  /** Callers waiting for a slot right now. */
  synchronized int waiting() {
    return queue.size();
  }

  /** Runs {@code granted} once a slot is this caller's (maybe at once, on this thread). */
  Waiter acquire(Runnable granted) {
    Pending pending = new Pending(granted);
    synchronized (this) {
      if (inUse < limit && queue.isEmpty()) {
        inUse++;
        pending.granted = true;
      } else {
        queue.add(pending);
      }
    }
    if (pending.granted) {
      granted.run();
    }
    return pending;
  }

  /**
   * Blocks the calling thread until a slot is free, at most {@code timeoutNanos} (0 = no bound).
   *
   * @throws InterruptedIOException on timeout (message starts with "timeout") or interrupt
   */
  void acquireBlocking(long timeoutNanos) throws InterruptedIOException {
    CompletableFuture<Void> slot = new CompletableFuture<>();
    Waiter waiter = acquire(() -> slot.complete(null));
    try {
      if (timeoutNanos == 0) {
        slot.get();
      } else {
        slot.get(timeoutNanos, TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      giveUp(waiter);
      throw new InterruptedIOException(
          "timeout: all " + limit + " request slots stayed busy for the call timeout");
    } catch (InterruptedException e) {
      giveUp(waiter);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a request slot");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private void giveUp(Waiter waiter) {
    if (!waiter.cancel()) {
      release(); // granted in the meantime
    }
  }

  /** Frees a slot, handing it to the first waiter if any (whose callback runs on this thread). */
  void release() {
    Pending next;
    synchronized (this) {
      next = queue.poll();
      if (next == null) {
        inUse--;
        return;
      }
      next.granted = true; // the slot passes on: inUse unchanged
    }
    next.callback.run();
  }

  private final class Pending implements Waiter {
    final Runnable callback;
    boolean granted; // guarded by RequestSlots.this

    Pending(Runnable callback) {
      this.callback = callback;
    }

    @Override
    public boolean cancel() {
      synchronized (RequestSlots.this) {
        return !granted && queue.remove(this);
      }
    }
  }
}
