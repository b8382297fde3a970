package dev.b2bsdk.core.polling;

import java.time.Duration;
import java.util.Objects;

/**
 * Poll schedule and time budgets. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults: first poll after 1 s, each interval 1.5 times the previous, at most 30 s, each
 * interval randomised by &plusmn;20 % (and never above the maximum), a total budget of 30 min,
 * 30 s per poll, 3 failed poll attempts in a row tolerated.
 */
public final class PollOptions {
  private static final PollOptions DEFAULTS = builder().build();
  private static final PollOptions FOR_TESTS = builder()
      .initialInterval(Duration.ofMillis(10))
      .multiplier(1.5)
      .maxInterval(Duration.ofMillis(100))
      .jitter(0.0)
      .totalTimeout(Duration.ofSeconds(30))
      .perPollTimeout(Duration.ofSeconds(5))
      .build();

  private final Duration initialInterval;
  private final double multiplier;
  private final Duration maxInterval;
  private final double jitter;
  private final Duration totalTimeout;
  private final Duration perPollTimeout;
  private final int maxConsecutiveFailures;

  private PollOptions(Builder b) {
    this.initialInterval = b.initialInterval;
    this.multiplier = b.multiplier;
    this.maxInterval = b.maxInterval;
    this.jitter = b.jitter;
    this.totalTimeout = b.totalTimeout;
    this.perPollTimeout = b.perPollTimeout;
    this.maxConsecutiveFailures = b.maxConsecutiveFailures;
    if (maxInterval.compareTo(initialInterval) < 0) {
      throw new IllegalArgumentException("maxInterval < initialInterval");
    }
  }

  public static PollOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A fast schedule for tests against mocks (the testkit's {@code ItCareMock} finishes an action
   * after a few polls): first poll after 10 ms, &times;1.5 up to 100 ms, no jitter, 30 s in total,
   * 5 s per poll. A server's {@code Retry-After} is still honoured. Never use it against a real
   * server: it polls up to ten times a second.
   *
   * <pre>{@code ItCareClient.builder().baseUrl(mock.baseUrl()).pollOptions(PollOptions.forTests())}</pre>
   */
  public static PollOptions forTests() {
    return FOR_TESTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .initialInterval(initialInterval)
        .multiplier(multiplier)
        .maxInterval(maxInterval)
        .jitter(jitter)
        .totalTimeout(totalTimeout)
        .perPollTimeout(perPollTimeout)
        .maxConsecutiveFailures(maxConsecutiveFailures);
  }

  /** Delay before the first poll, and the base of the backoff. */
  public Duration initialInterval() {
    return initialInterval;
  }

  /** Growth factor of the interval after each poll (&ge; 1). */
  public double multiplier() {
    return multiplier;
  }

  /** Upper bound of any interval (a server's Retry-After may exceed it). */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** Relative jitter in [0, 1): 0.2 spreads each interval over &plusmn;20 %. */
  public double jitter() {
    return jitter;
  }

  /** Budget of the whole wait, from the start of polling. */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /** Budget of one poll; a slower poll counts as a failed attempt. */
  public Duration perPollTimeout() {
    return perPollTimeout;
  }

  /** Failed poll attempts in a row (exceptions or per-poll timeouts) before the wait fails. */
  public int maxConsecutiveFailures() {
    return maxConsecutiveFailures;
  }

  @Override
  public String toString() {
    return "PollOptions{initialInterval=" + initialInterval + ", multiplier=" + multiplier
        + ", maxInterval=" + maxInterval + ", jitter=" + jitter + ", totalTimeout="
        + totalTimeout + ", perPollTimeout=" + perPollTimeout + ", maxConsecutiveFailures="
        + maxConsecutiveFailures + '}';
  }

  /** Builder of {@link PollOptions}. */
  public static final class Builder {
    private Duration initialInterval = Duration.ofSeconds(1);
    private double multiplier = 1.5;
    private Duration maxInterval = Duration.ofSeconds(30);
    private double jitter = 0.2;
    private Duration totalTimeout = Duration.ofMinutes(30);
    private Duration perPollTimeout = Duration.ofSeconds(30);
    private int maxConsecutiveFailures = 3;

    private Builder() {}

    public Builder initialInterval(Duration d) {
      this.initialInterval = positive(d, "initialInterval");
      return this;
    }

    public Builder multiplier(double m) {
      if (!(m >= 1.0) || Double.isInfinite(m)) {
        throw new IllegalArgumentException("multiplier must be >= 1: " + m);
      }
      this.multiplier = m;
      return this;
    }

    public Builder maxInterval(Duration d) {
      this.maxInterval = positive(d, "maxInterval");
      return this;
    }

    public Builder jitter(double j) {
      if (!(j >= 0.0 && j < 1.0)) throw new IllegalArgumentException("jitter not in [0,1): " + j);
      this.jitter = j;
      return this;
    }

    public Builder totalTimeout(Duration d) {
      this.totalTimeout = positive(d, "totalTimeout");
      return this;
    }

    public Builder perPollTimeout(Duration d) {
      this.perPollTimeout = positive(d, "perPollTimeout");
      return this;
    }

    public Builder maxConsecutiveFailures(int n) {
      if (n < 1) throw new IllegalArgumentException("maxConsecutiveFailures must be >= 1: " + n);
      this.maxConsecutiveFailures = n;
      return this;
    }

    public PollOptions build() {
      return new PollOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0");
      return d;
    }
  }
}
