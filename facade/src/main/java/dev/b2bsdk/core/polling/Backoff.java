package dev.b2bsdk.core.polling;

import java.time.Duration;

/** The poll schedule: exponential intervals with a cap and symmetric jitter. */
final class Backoff {
  private final PollOptions options;

  Backoff(PollOptions options) {
    this.options = options;
  }

  /**
   * Interval before poll number {@code attempt + 1} (attempt 0 is the first poll).
   *
   * @param random a uniform sample in [0, 1)
   */
  Duration interval(int attempt, double random) {
    double initial = options.initialInterval().toNanos();
    double max = options.maxInterval().toNanos();
    double base = Math.min(max, initial * Math.pow(options.multiplier(), attempt));
    double jittered = base * (1.0 + options.jitter() * (2.0 * random - 1.0));
    return Duration.ofNanos((long) Math.max(1.0, Math.min(max, jittered)));
  }
}
