package dev.b2bsdk.core.polling;

import dev.b2bsdk.internal.PollFunction;

import dev.b2bsdk.testsupport.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A fake status endpoint: answers from a script (the last entry repeats) and records when each
 * poll happened, in virtual time.
 */
final class ScriptedPoll implements PollFunction<String> {
  /** One scripted answer: a response, or an exception to throw. */
  interface Step {
    PollResponse<String> answer() throws IOException;
  }

  private final MutableClock clock;
  private final Instant start;
  private final Deque<Step> script = new ArrayDeque<>();
  private Step last;
  private final List<Duration> callTimes = new ArrayList<>();

  ScriptedPoll(MutableClock clock) {
    this.clock = clock;
    this.start = clock.instant();
  }

  ScriptedPoll then(PollStatus status, String value) {
    return then(PollResponse.<String>builder(status).value(value).rawStatus(status.name()).build());
  }

  ScriptedPoll then(PollResponse<String> response) {
    script.add(() -> response);
    return this;
  }

  ScriptedPoll thenThrow(IOException e) {
    script.add(() -> {
      throw e;
    });
    return this;
  }

  ScriptedPoll times(int n, PollStatus status, String value) {
    for (int i = 0; i < n; i++) then(status, value);
    return this;
  }

  @Override
  public synchronized PollResponse<String> poll() throws IOException {
    callTimes.add(Duration.between(start, clock.instant()));
    Step step = script.isEmpty() ? last : script.poll();
    last = step;
    return step.answer();
  }

  synchronized int calls() {
    return callTimes.size();
  }

  /** Virtual time of each poll since the script was made. */
  synchronized List<Duration> callTimes() {
    return new ArrayList<>(callTimes);
  }

  /** Intervals between consecutive polls (the first measured from the start). */
  synchronized List<Duration> intervals() {
    List<Duration> out = new ArrayList<>();
    Duration prev = Duration.ZERO;
    for (Duration t : callTimes) {
      out.add(t.minus(prev));
      prev = t;
    }
    return out;
  }
}
