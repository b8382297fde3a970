package dev.b2bsdk.core.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(PollOptions.defaults());

  @Test
  void jitterExtremesAreMinusAndPlusTwentyPercent() {
    assertThat(backoff.interval(0, 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.interval(0, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.interval(0, 0.999999999)).isBetween(Duration.ofMillis(1199),
        Duration.ofMillis(1200));
    assertThat(backoff.interval(2, 0.5)).isEqualTo(Duration.ofMillis(2250));
  }

  @Test
  void capHoldsAfterJitterAndForHugeAttemptNumbers() {
    assertThat(backoff.interval(50, 0.999)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.interval(50, 0.0)).isEqualTo(Duration.ofSeconds(24));
    assertThat(backoff.interval(Integer.MAX_VALUE, 0.5)).isEqualTo(Duration.ofSeconds(30));
  }
}
