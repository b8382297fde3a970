package dev.b2bsdk.internal;


import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records requested waits instead of waiting, and moves a {@link MutableClock} by them. */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final MutableClock clock;

  public RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    delays.add(duration);
    if (clock != null) {
      clock.advance(duration);
    }
  }

  public List<Duration> delays() {
    return delays;
  }
}
