package dev.b2bsdk.core.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.testsupport.MutableClock;
import dev.b2bsdk.testsupport.VirtualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollerTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final PollOptions NO_JITTER = PollOptions.builder().jitter(0).build();

  private final MutableClock clock = new MutableClock(T0);
  private final VirtualScheduler scheduler = new VirtualScheduler(clock);
  private final ExecutorService waiters = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWaiters() {
    waiters.shutdownNow();
  }

  private Poller.Builder<String> builder(ScriptedPoll fn, PollOptions options) {
    return Poller.builder(fn)
        .operationId("42")
        .api("TestAPI")
        .operation("createThing")
        .options(options)
        .scheduler(scheduler)
        .clock(clock);
  }

  private static Duration secs(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }

  private Duration elapsed() {
    return Duration.between(T0, clock.instant());
  }

  @Test
  void inProgressThenSuccessPollsExactlyNPlusOneTimes() {
    ScriptedPoll fn = new ScriptedPoll(clock).times(3, PollStatus.IN_PROGRESS, null)
        .then(PollStatus.SUCCESS, "done");
    Poller<String> poller = builder(fn, NO_JITTER).build();

    CompletableFuture<String> future = poller.toFuture();
    assertThat(fn.calls()).isZero(); // the first poll waits for the initial interval
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(future).isCompletedWithValue("done");
    assertThat(fn.calls()).isEqualTo(4);
    assertThat(poller.pollCount()).isEqualTo(4);
    assertThat(fn.intervals()).containsExactly(secs(1), secs(1.5), secs(2.25), secs(3.375));
    assertThat(poller.lastValue()).contains("done");
    assertThat(poller.waitForCompletion()).isEqualTo("done");

    scheduler.advance(Duration.ofHours(1));
    assertThat(fn.calls()).isEqualTo(4);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void failedStatusThrowsActionFailedWithIdMessageAndLastValue() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, "running")
        .then(PollResponse.<String>builder(PollStatus.FAILED).rawStatus("ERROR")
            .message("Disk quota exceeded").value("action#42").build());
    Poller<String> poller = builder(fn, NO_JITTER).build();

    CompletableFuture<String> future = poller.toFuture();
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(future).isCompletedExceptionally();
    Throwable thrown = catchThrowable(poller::waitForCompletion);
    assertThat(thrown).isInstanceOf(ActionFailedException.class).isInstanceOf(ApiException.class);
    ActionFailedException e = (ActionFailedException) thrown;
    assertThat(e.operationId()).isEqualTo("42");
    assertThat(e.serviceMessage()).isEqualTo("Disk quota exceeded");
    assertThat(e.rawStatus()).isEqualTo("ERROR");
    assertThat(e.errorCode()).isEqualTo("ERROR");
    assertThat(e.lastValue()).isEqualTo("action#42");
    assertThat(e.lastValue(String.class)).isEqualTo("action#42");
    assertThat(e.api()).isEqualTo("TestAPI");
    assertThat(e.operation()).isEqualTo("createThing");
    assertThat(e.getMessage()).isEqualTo(
        "TestAPI createThing → operation 42 failed with status ERROR: Disk quota exceeded");
    // memoised: neither a manual poll nor a new wait reaches the server again
    assertThat(poller.poll().status()).isEqualTo(PollStatus.FAILED);
    assertThatThrownBy(poller::waitForCompletion).isSameAs(thrown);
    assertThat(fn.calls()).isEqualTo(2);
  }

  @Test
  void totalTimeoutEndsAtTheDeadlineWithLastStatusAndPollCount() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollResponse.<String>builder(
        PollStatus.IN_PROGRESS).rawStatus("IN_PROGRESS").value("still running").build());
    Poller<String> poller = builder(fn, NO_JITTER).build(); // total 30 min
    AtomicReference<Duration> failedAt = new AtomicReference<>();
    poller.toFuture().whenComplete((v, e) -> failedAt.set(elapsed()));

    scheduler.advance(Duration.ofMinutes(31));

    assertThat(failedAt.get()).isEqualTo(Duration.ofMinutes(30));
    Throwable thrown = catchThrowable(poller::waitForCompletion);
    assertThat(thrown).isInstanceOf(PollTimeoutException.class);
    PollTimeoutException e = (PollTimeoutException) thrown;
    assertThat(e.lastStatus()).isEqualTo(PollStatus.IN_PROGRESS);
    assertThat(e.lastRawStatus()).isEqualTo("IN_PROGRESS");
    assertThat(e.lastValue()).isEqualTo("still running");
    assertThat(e.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(e.operationId()).isEqualTo("42");
    // 1 + 1.5 + ... grows to 30 s: 9 growing intervals (~74.4 s), then 30 s steps, the last one
    // cut to end exactly at the deadline
    int expectedPolls = 0;
    double t = 0;
    for (int n = 0; t < 1800; n++) {
      t = Math.min(1800, t + Math.min(30, Math.pow(1.5, n)));
      expectedPolls++;
    }
    assertThat(e.pollCount()).isEqualTo(expectedPolls).isEqualTo(fn.calls());
    assertThat(fn.callTimes().get(fn.calls() - 1)).isEqualTo(Duration.ofMinutes(30));
    assertThat(e.getMessage()).contains("operation 42", "PT30M", expectedPolls + " poll(s)");
  }

  @Test
  void retryAfterSetsTheNextPollExactly() {
    ScriptedPoll fn = new ScriptedPoll(clock)
        .then(PollResponse.<String>builder(PollStatus.IN_PROGRESS)
            .retryAfter(Duration.ofSeconds(7)).build())
        .then(PollStatus.SUCCESS, "done");
    Poller<String> poller = builder(fn, PollOptions.defaults()).build(); // with jitter

    CompletableFuture<String> future = poller.toFuture();
    scheduler.advance(Duration.ofSeconds(20));

    assertThat(future).isCompletedWithValue("done");
    assertThat(fn.intervals().get(0)).isBetween(secs(0.8), secs(1.2));
    assertThat(fn.intervals().get(1)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterIsCappedByTheRemainingBudget() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollResponse.<String>builder(
        PollStatus.IN_PROGRESS).retryAfter(Duration.ofSeconds(60)).build());
    Poller<String> poller =
        builder(fn, NO_JITTER.toBuilder().totalTimeout(Duration.ofSeconds(5)).build()).build();

    CompletableFuture<String> future = poller.toFuture();
    scheduler.advance(Duration.ofMinutes(2));

    assertThat(fn.callTimes()).containsExactly(secs(1), secs(5));
    assertThat(catchThrowable(future::join)).hasCauseInstanceOf(PollTimeoutException.class);
  }

  @Test
  void backoffGrowsByTheMultiplierAndStopsAtTheCap() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null);
    builder(fn, NO_JITTER).build().toFuture();

    scheduler.advance(Duration.ofMinutes(10));

    List<Duration> intervals = fn.intervals();
    assertThat(intervals.subList(0, 10)).containsExactly(secs(1), secs(1.5), secs(2.25),
        secs(3.375), secs(5.0625), secs(7.59375), secs(11.390625), secs(17.0859375),
        secs(25.62890625), secs(30));
    assertThat(intervals.subList(10, intervals.size())).isNotEmpty()
        .allMatch(d -> d.equals(Duration.ofSeconds(30)));
  }

  @Test
  void jitterStaysWithinTwentyPercentAndNeverPassesTheCap() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null);
    builder(fn, PollOptions.defaults()).random(new Random(7)::nextDouble).build().toFuture();

    scheduler.advance(Duration.ofMinutes(10));

    List<Duration> intervals = fn.intervals();
    assertThat(intervals).hasSizeGreaterThan(20);
    int differing = 0;
    for (int n = 0; n < intervals.size(); n++) {
      double base = Math.min(30, Math.pow(1.5, n));
      double actual = intervals.get(n).toNanos() / 1e9;
      assertThat(actual).as("interval %d", n)
          .isBetween(base * 0.8 - 1e-9, Math.min(30, base * 1.2));
      if (Math.abs(actual - base) > 1e-6) differing++;
    }
    assertThat(differing).as("jitter applied").isGreaterThan(intervals.size() / 2);
  }

  @Test
  void cancelCompletesTheFutureAndStopsPolling() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null);
    Poller<String> poller = builder(fn, NO_JITTER).build();
    CompletableFuture<String> future = poller.toFuture();
    scheduler.advance(Duration.ofSeconds(3)); // polls at 1 s and 2.5 s

    assertThat(poller.cancel()).isTrue();

    assertThat(future).isCancelled();
    assertThat(poller.isDone()).isTrue();
    assertThat(scheduler.pending()).isZero();
    scheduler.advance(Duration.ofHours(1));
    assertThat(fn.calls()).isEqualTo(2);
    assertThatThrownBy(poller::waitForCompletion).isInstanceOf(CancellationException.class);
    assertThat(poller.cancel()).isFalse();
    // the server-side action goes on; a manual poll still works
    assertThat(poller.poll().status()).isEqualTo(PollStatus.IN_PROGRESS);
    assertThat(fn.calls()).isEqualTo(3);
  }

  @Test
  void cancellingTheReturnedFutureAlsoStopsPolling() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null);
    Poller<String> poller = builder(fn, NO_JITTER).build();
    poller.toFuture();
    scheduler.advance(Duration.ofSeconds(1));

    poller.toFuture().cancel(true);

    scheduler.advance(Duration.ofHours(1));
    assertThat(fn.calls()).isEqualTo(1);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void unknownStatusKeepsPollingAndReachesTheListener() {
    PollResponse<String> waiting =
        PollResponse.<String>builder(PollStatus.UNKNOWN).rawStatus("WAITING_APPROVAL").build();
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null)
        .then(waiting).then(waiting)
        .then(PollStatus.SUCCESS, "done");
    List<String> changes = new ArrayList<>();
    Poller<String> poller = builder(fn, NO_JITTER).build();
    poller.addListener((prev, cur) -> changes.add(
        (prev == null ? "null" : prev.rawStatus()) + "->" + cur.rawStatus() + ":" + cur.status()));

    CompletableFuture<String> future = poller.toFuture();
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(future).isCompletedWithValue("done");
    assertThat(fn.calls()).isEqualTo(4);
    assertThat(changes).containsExactly("null->IN_PROGRESS:IN_PROGRESS",
        "IN_PROGRESS->WAITING_APPROVAL:UNKNOWN", "WAITING_APPROVAL->SUCCESS:SUCCESS");
  }

  @Test
  void listenerSeesEachStatusChangeOnceWithTheValue() {
    ScriptedPoll fn = new ScriptedPoll(clock).times(5, PollStatus.IN_PROGRESS, "v1")
        .then(PollStatus.SUCCESS, "v2");
    List<String> changes = new ArrayList<>();
    AtomicInteger failingListenerCalls = new AtomicInteger();
    Poller<String> poller = builder(fn, NO_JITTER)
        .listener((prev, cur) -> {
          failingListenerCalls.incrementAndGet();
          throw new IllegalStateException("a broken listener must not stop polling");
        })
        .build();
    poller.addListener((prev, cur) -> changes.add(
        (prev == null ? null : prev.status()) + "->" + cur.status() + "=" + cur.value()));

    CompletableFuture<String> future = poller.toFuture();
    scheduler.advance(Duration.ofMinutes(2));

    assertThat(future).isCompletedWithValue("v2");
    assertThat(changes).containsExactly("null->IN_PROGRESS=v1", "IN_PROGRESS->SUCCESS=v2");
    assertThat(failingListenerCalls).hasValue(2);
  }

  @Test
  void manualPollReturnsTheLatestStatusAndMemoisesTheTerminalOne() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, "a")
        .then(PollStatus.SUCCESS, "b");
    Poller<String> poller = builder(fn, NO_JITTER).build();

    assertThat(poller.poll().status()).isEqualTo(PollStatus.IN_PROGRESS);
    assertThat(poller.lastValue()).contains("a");
    assertThat(poller.poll().value()).isEqualTo("b");
    assertThat(poller.poll().value()).isEqualTo("b");

    assertThat(fn.calls()).isEqualTo(2);
    assertThat(poller.pollCount()).isEqualTo(2);
    assertThat(poller.toFuture()).isCompletedWithValue("b");
    assertThat(poller.waitForCompletion()).isEqualTo("b");
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void terminalInitialResponseNeverPolls() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null);
    Poller<String> poller = builder(fn, NO_JITTER)
        .initialResponse(PollResponse.of(PollStatus.SUCCESS, "immediate")).build();

    assertThat(poller.waitForCompletion()).isEqualTo("immediate");
    assertThat(poller.toFuture()).isCompletedWithValue("immediate");
    assertThat(fn.calls()).isZero();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void pollSlowerThanThePerPollTimeoutIsAFailedAttemptAndIsRetried() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.SUCCESS, "ok");
    List<Runnable> hung = new ArrayList<>();
    Poller<String> poller = builder(fn, NO_JITTER)
        .pollExecutor(r -> {
          if (hung.isEmpty()) hung.add(r); // the first call never answers
          else r.run();
        })
        .build();

    CompletableFuture<String> future = poller.toFuture();
    scheduler.advance(secs(30.9)); // first attempt at 1 s, still hanging
    assertThat(future).isNotDone();
    assertThat(poller.pollCount()).isEqualTo(1);
    scheduler.advance(secs(5));

    assertThat(future).isCompletedWithValue("ok");
    // timed out at 1 + 30 s, retried 1.5 s later
    assertThat(fn.callTimes()).containsExactly(secs(32.5));
    assertThat(poller.pollCount()).isEqualTo(2);
    hung.get(0).run(); // the late answer changes nothing
    assertThat(future).isCompletedWithValue("ok");
  }

  @Test
  void repeatedPerPollTimeoutsEndWithPollTimeoutException() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.SUCCESS, "never");
    Poller<String> poller = builder(fn, NO_JITTER).pollExecutor(r -> { }).build();
    AtomicReference<Duration> failedAt = new AtomicReference<>();
    poller.toFuture().whenComplete((v, e) -> failedAt.set(elapsed()));

    scheduler.advance(Duration.ofMinutes(5));

    // attempts at 1, 32.5, 64.75 s, each abandoned 30 s later
    assertThat(failedAt.get()).isEqualTo(secs(94.75));
    Throwable thrown = catchThrowable(poller::waitForCompletion);
    assertThat(thrown).isInstanceOf(PollTimeoutException.class)
        .hasMessageContaining("per-poll timeout");
    assertThat(((PollTimeoutException) thrown).timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(((PollTimeoutException) thrown).pollCount()).isEqualTo(3);
    assertThat(fn.calls()).isZero();
  }

  @Test
  void transportErrorsAreRetriedThenReported() {
    ScriptedPoll recovering = new ScriptedPoll(clock).thenThrow(new IOException("reset"))
        .thenThrow(new IOException("reset")).then(PollStatus.SUCCESS, "ok");
    CompletableFuture<String> ok = builder(recovering, NO_JITTER).build().toFuture();
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(ok).isCompletedWithValue("ok");
    assertThat(recovering.calls()).isEqualTo(3);

    IOException cause = new IOException("down");
    ScriptedPoll failing = new ScriptedPoll(clock).thenThrow(cause);
    Poller<String> poller = builder(failing, NO_JITTER).build();
    poller.toFuture();
    scheduler.advance(Duration.ofMinutes(1));
    assertThatThrownBy(poller::waitForCompletion).isInstanceOf(UncheckedIOException.class)
        .hasCause(cause);
    assertThat(failing.calls()).isEqualTo(3);
  }

  @Test
  void waitForCompletionBlocksUntilTheSchedulerCompletes() throws Exception {
    ScriptedPoll fn = new ScriptedPoll(clock).times(2, PollStatus.IN_PROGRESS, null)
        .then(PollStatus.SUCCESS, "done");
    Poller<String> poller = builder(fn, NO_JITTER).build();
    poller.toFuture();
    CompletableFuture<String> waiter = CompletableFuture.supplyAsync(poller::waitForCompletion,
        waiters);

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("done");
  }

  @Test
  void waitForCompletionWithABudgetStartsPollingWithThatBudget() throws Exception {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null);
    Poller<String> poller = builder(fn, NO_JITTER).build();
    CompletableFuture<String> waiter = CompletableFuture.supplyAsync(
        () -> poller.waitForCompletion(Duration.ofSeconds(10)), waiters);
    assertThat(scheduler.awaitPending(1, Duration.ofSeconds(10))).isTrue();

    scheduler.advance(Duration.ofMinutes(1));

    Throwable thrown = catchThrowable(() -> waiter.get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(PollTimeoutException.class);
    assertThat(((PollTimeoutException) thrown.getCause()).timeout())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(fn.callTimes()).containsExactly(secs(1), secs(2.5), secs(4.75), secs(8.125),
        secs(10));
    assertThat(poller.isDone()).isTrue();
  }

  @Test
  void aShortWaitOnRunningPollingGivesUpWithoutStoppingIt() throws Exception {
    ScriptedPoll fn = new ScriptedPoll(clock).times(6, PollStatus.IN_PROGRESS, null)
        .then(PollStatus.SUCCESS, "done");
    Poller<String> poller = builder(fn, NO_JITTER).build();
    CompletableFuture<String> future = poller.toFuture(); // 30 min budget
    int before = scheduler.pending();
    CompletableFuture<String> waiter = CompletableFuture.supplyAsync(
        () -> poller.waitForCompletion(Duration.ofSeconds(5)), waiters);
    assertThat(scheduler.awaitPending(before + 1, Duration.ofSeconds(10))).isTrue();

    scheduler.advance(Duration.ofSeconds(6));
    Throwable thrown = catchThrowable(() -> waiter.get(10, TimeUnit.SECONDS));
    assertThat(thrown.getCause()).isInstanceOf(PollTimeoutException.class);
    assertThat(future).isNotDone();

    scheduler.advance(Duration.ofMinutes(5));
    assertThat(future).isCompletedWithValue("done");
  }

  @Test
  void realSchedulerCompletesWithoutTheTestDrivingTime() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Poller<String> poller = Poller.<String>builder(() -> calls.incrementAndGet() < 3
            ? PollResponse.of(PollStatus.IN_PROGRESS, null)
            : PollResponse.of(PollStatus.SUCCESS, "done"))
        .options(PollOptions.builder().initialInterval(Duration.ofMillis(5))
            .maxInterval(Duration.ofMillis(20)).build())
        .build();

    assertThat(poller.toFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void futureCompletionExceptionWrapsTheTypedFailure() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.FAILED, "x");
    Poller<String> poller = builder(fn, NO_JITTER).build();
    CompletableFuture<String> future = poller.toFuture();
    scheduler.advance(Duration.ofSeconds(2));
    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ActionFailedException.class);
  }

  @Test
  void aShutDownSchedulerEndsTheWaitInsteadOfHanging() {
    ScriptedPoll fn = new ScriptedPoll(clock).then(PollStatus.IN_PROGRESS, null);
    Poller<String> poller = builder(fn, NO_JITTER).build();
    scheduler.shutdown();

    assertThat(poller.toFuture()).isCompletedExceptionally();
    assertThatThrownBy(poller::waitForCompletion)
        .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    assertThat(fn.calls()).isZero();
  }
}
