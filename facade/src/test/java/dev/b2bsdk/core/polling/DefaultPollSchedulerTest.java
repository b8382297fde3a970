package dev.b2bsdk.core.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The default poll scheduler's threads end when idle: no SDK thread lingers after polling. */
class DefaultPollSchedulerTest {

  @Test
  void itsThreadEndsWhenNothingIsScheduledAndComesBackOnDemand() throws Exception {
    AtomicReference<Thread> ran = new AtomicReference<>();
    DefaultPollScheduler.get().schedule(() -> ran.set(Thread.currentThread()), 0,
        TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    Thread first = ran.get();
    assertThat(first.getName()).startsWith("b2bsdk-poller-");
    assertThat(first.isDaemon()).isTrue();

    first.join(10_000); // ends by itself after its idle keep-alive: joined, not timed
    assertThat(first.isAlive()).isFalse();

    DefaultPollScheduler.get().schedule(() -> ran.set(Thread.currentThread()), 0,
        TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    assertThat(ran.get()).isNotSameAs(first);
  }
}
