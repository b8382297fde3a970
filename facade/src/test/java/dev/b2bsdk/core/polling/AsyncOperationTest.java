package dev.b2bsdk.core.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.testsupport.MutableClock;
import dev.b2bsdk.testsupport.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncOperationTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final VirtualScheduler scheduler = new VirtualScheduler(clock);

  @Test
  void untrackedAcceptanceReturnsAtOnceAndSaysSo() {
    AsyncOperation<String> op = AsyncOperation.untracked(null);

    OperationResult<String> result = op.waitForCompletion();

    assertThat(result.tracked()).isFalse();
    assertThat(result.dryRun()).isFalse();
    assertThat(result.value()).isNull();
    assertThat(result.operationId()).isNull();
    assertThat(op.poller()).isEmpty();
    assertThat(op.toFuture()).isCompleted();
    assertThat(op.cancel()).isFalse();
  }

  @Test
  void dryRunNeverPollsAndReportsTheEcho() {
    AsyncOperation<String> echoed = AsyncOperation.dryRun(true, "validated");
    AsyncOperation<String> ignored = AsyncOperation.dryRun(false, null);

    OperationResult<String> r1 = echoed.waitForCompletion(Duration.ofSeconds(1));
    OperationResult<String> r2 = ignored.toFuture().join();

    assertThat(r1.dryRun()).isTrue();
    assertThat(r1.dryRunEchoed()).isTrue();
    assertThat(r1.tracked()).isFalse();
    assertThat(r1.value()).isEqualTo("validated");
    assertThat(r2.dryRun()).isTrue();
    assertThat(r2.dryRunEchoed()).isFalse();
    assertThat(echoed.tracked()).isFalse();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void trackedOperationPollsToTheEnd() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null)
        .then(PollStatus.SUCCESS, "created");
    Poller<String> poller = Poller.builder(fn).operationId("7").scheduler(scheduler).clock(clock)
        .build();
    AsyncOperation<String> op = AsyncOperation.tracked(poller);

    CompletableFuture<OperationResult<String>> future = op.toFuture();
    scheduler.advance(Duration.ofSeconds(30));

    OperationResult<String> result = future.join();
    assertThat(result.tracked()).isTrue();
    assertThat(result.dryRun()).isFalse();
    assertThat(result.operationId()).isEqualTo("7");
    assertThat(result.value()).isEqualTo("created");
    assertThat(op.waitForCompletion().value()).isEqualTo("created");
    assertThat(fn.calls()).isEqualTo(2);
  }
}
