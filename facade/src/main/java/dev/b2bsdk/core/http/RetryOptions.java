package dev.b2bsdk.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How {@link RetryInterceptor} retries. Immutable.
 *
 * <p>Defaults: 3 attempts (the first included), full-jitter exponential backoff from 200 ms
 * (after a 429 without {@code Retry-After}: equal jitter, half to all of a backoff from 1 s)
 * capped at 20 s per wait, a per-client retry quota of 500 tokens (a retry costs 5, a success
 * refunds 1), at most 60 s spent on one call, a server's
 * {@code Retry-After} honoured up to 60 s, retryable statuses 429, 502, 503, 504. API packages
 * adjust these (CareCloud adds 500, as its vendor asks clients to retry it).
 */
public final class RetryOptions {

  private static final RetryOptions DEFAULTS = builder().build();
  private static final RetryOptions NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration throttledBaseDelay;
  private final Duration maxDelay;
  private final Duration budget;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryableStatuses;
  private final int retryQuota;
  private final int retryCost;

  private RetryOptions(Builder b) {
    this.retryQuota = b.retryQuota;
    this.retryCost = b.retryCost;
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.throttledBaseDelay = b.throttledBaseDelay;
    this.maxDelay = b.maxDelay;
    this.budget = b.budget;
    this.maxRetryAfter = b.maxRetryAfter;
    this.retryableStatuses = Set.copyOf(b.retryableStatuses);
  }

  public static RetryOptions defaults() {
    return DEFAULTS;
  }

  /** One attempt, never a retry. */
  public static RetryOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.baseDelay = baseDelay;
    b.throttledBaseDelay = throttledBaseDelay;
    b.maxDelay = maxDelay;
    b.budget = budget;
    b.maxRetryAfter = maxRetryAfter;
    b.retryableStatuses = new TreeSet<>(retryableStatuses);
    b.retryQuota = retryQuota;
    b.retryCost = retryCost;
    return b;
  }

  /** Attempts per call, the first included; 1 disables retries. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Base of the exponential backoff after an I/O error or a retryable 5xx. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** Base of the exponential backoff after a 429 without {@code Retry-After}. */
  public Duration throttledBaseDelay() {
    return throttledBaseDelay;
  }

  /** Cap on one computed wait (before jitter). */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Total time one call may spend, waits included; no retry starts that would exceed it. */
  public Duration budget() {
    return budget;
  }

  /** The longest {@code Retry-After} honoured; longer requests are capped to this. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** HTTP statuses that are retried (for requests that may be retried at all). */
  public Set<Integer> retryableStatuses() {
    return retryableStatuses;
  }

  /**
   * Tokens in the client's retry quota (a token bucket shared by all its calls; 0 = no quota).
   * Every retry takes {@link #retryCost()} tokens, every successful attempt gives one back (up
   * to this many); with too few tokens a call gets no retry and fails with its last error. A
   * sustained outage therefore costs at most {@code retryQuota / retryCost} retries in all
   * (default 500 / 5 = 100), and full retries return once successes refill the bucket.
   */
  public int retryQuota() {
    return retryQuota;
  }

  /** Tokens one retry takes from the quota (default 5). */
  public int retryCost() {
    return retryCost;
  }

  @Override
  public String toString() {
    return "RetryOptions{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay
        + ", throttledBaseDelay=" + throttledBaseDelay + ", maxDelay=" + maxDelay
        + ", budget=" + budget + ", maxRetryAfter=" + maxRetryAfter
        + ", retryableStatuses=" + new TreeSet<>(retryableStatuses)
        + ", retryQuota=" + retryQuota + ", retryCost=" + retryCost + '}';
  }

  /** Builds {@link RetryOptions}; every setting has a default. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration throttledBaseDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(20);
    private Duration budget = Duration.ofSeconds(60);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Set<Integer> retryableStatuses = new TreeSet<>(Set.of(429, 502, 503, 504));
    private int retryQuota = 500;
    private int retryCost = 5;

    private Builder() {
    }

    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder baseDelay(Duration delay) {
      this.baseDelay = positive(delay, "baseDelay");
      return this;
    }

    public Builder throttledBaseDelay(Duration delay) {
      this.throttledBaseDelay = positive(delay, "throttledBaseDelay");
      return this;
    }

    public Builder maxDelay(Duration delay) {
      this.maxDelay = positive(delay, "maxDelay");
      return this;
    }

    public Builder budget(Duration budget) {
      this.budget = positive(budget, "budget");
      return this;
    }

    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** Replaces the retryable statuses. */
    public Builder retryableStatuses(Set<Integer> statuses) {
      this.retryableStatuses = new TreeSet<>(Objects.requireNonNull(statuses, "statuses"));
      return this;
    }

    /** Adds retryable statuses to the current set (e.g. 500 for CareCloud). */
    public Builder addRetryableStatus(int... statuses) {
      for (int s : statuses) {
        retryableStatuses.add(s);
      }
      return this;
    }

    /** Tokens of the client's retry quota (default 500); 0 turns the quota off. */
    public Builder retryQuota(int tokens) {
      if (tokens < 0) {
        throw new IllegalArgumentException("retryQuota must not be negative");
      }
      this.retryQuota = tokens;
      return this;
    }

    /** Tokens one retry takes from the quota (default 5); at least 1. */
    public Builder retryCost(int tokens) {
      if (tokens < 1) {
        throw new IllegalArgumentException("retryCost must be at least 1");
      }
      this.retryCost = tokens;
      return this;
    }

    public RetryOptions build() {
      return new RetryOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
