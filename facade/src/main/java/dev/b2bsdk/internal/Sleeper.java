package dev.b2bsdk.internal;

import java.time.Duration;

/** Waits between attempts. Injectable so that tests record delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {

  /** The real thing: {@link Thread#sleep}. */
  Sleeper SYSTEM = duration -> {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  };

  /** Blocks for {@code duration}; interruptible. */
  void sleep(Duration duration) throws InterruptedException;
}
