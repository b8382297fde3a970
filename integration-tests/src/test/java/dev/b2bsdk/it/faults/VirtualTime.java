package dev.b2bsdk.it.faults;

import dev.b2bsdk.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock and sleeper of one client under test: real time plus every wait the client asked
 * for. A retry backoff is recorded instead of slept, and the clock jumps by it, so retry budgets
 * and HTTP-date {@code Retry-After} values behave as they would in real time while the matrix
 * stays fast.
 */
final class VirtualTime implements Sleeper {

  private final AtomicLong skippedNanos = new AtomicLong();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
      return Instant.now().plusNanos(skippedNanos.get());
    }
  };

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    skippedNanos.addAndGet(duration.toNanos());
  }

  /** The client's clock. */
  Clock clock() {
    return clock;
  }

  /** Every wait the client asked for (retry backoffs, rate-limit pauses), in order. */
  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
