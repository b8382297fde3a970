package dev.b2bsdk.testkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, to expire tokens without waiting: give it to a mock's builder, then
 * {@link #advance(Duration)}. Thread-safe.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.startingAt(Instant.parse("2025-01-06T08:00:00Z"));
 * ItCareMock mock = ItCareMock.builder().clock(clock).start();
 * clock.advance(Duration.ofMinutes(21));   // every 20-minute access token is now expired
 * }</pre>
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@code start}, zone UTC. */
  public static MutableClock startingAt(Instant start) {
    return new MutableClock(new AtomicReference<>(start), ZoneId.of("UTC"));
  }

  /** A clock at the current instant, zone UTC. */
  public static MutableClock startingNow() {
    return startingAt(Instant.now());
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public MutableClock advance(Duration duration) {
    now.updateAndGet(i -> i.plus(duration));
    return this;
  }

  /** Sets the clock. */
  public MutableClock set(Instant instant) {
    now.set(instant);
    return this;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone sharing the same instant (moving one moves both). */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
