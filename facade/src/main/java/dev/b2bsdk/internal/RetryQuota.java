package dev.b2bsdk.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry quota of one client (AWS SDK v2's retry quota, gRPC's retry throttling): a token
 * bucket that every retry draws from and every successful attempt refills by one token. While
 * the service is down nothing refills it, so an outage costs at most {@code capacity / cost}
 * retries in all; once calls succeed again the bucket fills up and full retries come back.
 * Logs one DEBUG line on {@code dev.b2bsdk.retry} when it trips and one when it recovers.
 * Thread-safe, lock-free.
 */
final class RetryQuota {

  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.retry");

  private final int capacity;
  private final int cost;
  private final AtomicInteger tokens;
  private volatile boolean tripped;

  /** @param capacity tokens when full; 0 = unlimited (every retry is allowed) */
  RetryQuota(int capacity, int cost) {
    this.capacity = capacity;
    this.cost = cost;
    this.tokens = new AtomicInteger(capacity);
  }

  /** Takes a retry's cost; false (and nothing taken) when the bucket holds too few tokens. */
  boolean tryAcquireRetry() {
    if (capacity == 0) {
      return true;
    }
    while (true) {
      int now = tokens.get();
      if (now < cost) {
        if (!tripped) {
          tripped = true;
          LOG.debug("retry quota exhausted: {} of {} tokens left, a retry costs {}; "
              + "calls fail without retrying until successes refill it", now, capacity, cost);
        }
        return false;
      }
      if (tokens.compareAndSet(now, now - cost)) {
        return true;
      }
    }
  }

  /** A successful attempt gives one token back, up to the capacity. */
  void onSuccess() {
    if (capacity == 0) {
      return;
    }
    int now = tokens.get();
    // the common case (a full bucket) costs one volatile read and no write
    while (now < capacity && !tokens.compareAndSet(now, now + 1)) {
      now = tokens.get();
    }
    if (tripped && now + 1 >= cost) {
      tripped = false;
      LOG.debug("retry quota recovered: {} of {} tokens", Math.min(capacity, now + 1), capacity);
    }
  }

  /** Tokens left (for tests and the log). */
  int available() {
    return capacity == 0 ? Integer.MAX_VALUE : tokens.get();
  }
}
