package dev.b2bsdk.demo;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the steps of one API and prints a line for each, with its duration: first a line for
 * each {@link ImplicitStep} the SDK performed inside the step (with that request's own time,
 * which the step's line then leaves out), then the step's line. A step that throws prints a
 * FAILED line and is remembered as the failing step, the implicit one if that is what failed.
 * Not thread-safe: one API's steps run one after the other.
 */
final class Steps {

  /** The failure of a step, named. */
  static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String step;

    StepFailed(String step, RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
      this.step = step;
    }

    /** The step that failed. */
    String step() {
      return step;
    }

    /** What the step threw. */
    RuntimeException failure() {
      return (RuntimeException) getCause();
    }
  }

  private final Api api;
  private final Console console;
  private final HttpTrace trace;
  private final List<ImplicitStep> implicit;

  Steps(Api api, Console console, HttpTrace trace, List<ImplicitStep> implicit) {
    this.api = api;
    this.console = console;
    this.trace = trace;
    this.implicit = List.copyOf(implicit);
  }

  /** The trace of this API's exchanges. */
  HttpTrace trace() {
    return trace;
  }

  /**
   * Runs {@code action} as step {@code name} and prints its line with {@code describe} of the
   * result.
   *
   * @throws StepFailed wrapping what {@code action} threw
   */
  <T> T run(String name, Supplier<T> action, Function<? super T, String> describe) {
    int mark = trace.mark();
    long start = System.nanoTime();
    T value;
    try {
      value = action.get();
    } catch (RuntimeException e) {
      long took = System.nanoTime() - start;
      String failed = printImplicit(mark, name, e);
      if (failed.equals(name)) {
        console.step(api, name, "FAILED: " + summary(e), took - implicitNanos(mark));
      }
      throw new StepFailed(failed, e);
    }
    long took = System.nanoTime() - start;
    printImplicit(mark, name, null);
    console.step(api, name, describe.apply(value), took - implicitNanos(mark));
    return value;
  }

  /**
   * Runs {@code action} as step {@code name} on a {@link Console.ProgressLine} that {@code
   * action} extends while it runs (dots, statuses), then ends it with {@code describe}.
   *
   * @throws StepFailed wrapping what {@code action} threw
   */
  <T> T progress(String name, String text,
      Function<Console.ProgressLine, T> action, Function<? super T, String> describe) {
    Console.ProgressLine line = console.open(api, name, text);
    long start = System.nanoTime();
    T value;
    try {
      value = action.apply(line);
    } catch (RuntimeException e) {
      line.end("FAILED: " + summary(e), System.nanoTime() - start);
      throw new StepFailed(name, e);
    }
    line.end(describe.apply(value), System.nanoTime() - start);
    return value;
  }

  /** A line without duration: a choice made, or a step skipped and why. */
  void note(String name, String detail) {
    console.note(api, name, detail);
  }

  /**
   * Prints the implicit steps found since {@code mark}; returns the name of the step that
   * failed: the first implicit one without a 2xx answer when the step failed, else {@code name}.
   */
  private String printImplicit(int mark, String name, RuntimeException failure) {
    String failed = name;
    for (HttpTrace.Exchange exchange : trace.since(mark)) {
      for (ImplicitStep step : implicit) {
        if (!step.matches(exchange)) {
          continue;
        }
        if (exchange.ok()) {
          console.step(api, step.name(), step.describe(exchange), exchange.nanos());
        } else if (failure != null && failed.equals(name)) {
          failed = step.name();
          console.step(api, step.name(), "FAILED: " + step.describe(exchange) + ": "
              + summary(failure), exchange.nanos());
        }
      }
    }
    return failed;
  }

  private long implicitNanos(int mark) {
    long sum = 0;
    for (HttpTrace.Exchange exchange : trace.since(mark)) {
      if (implicit.stream().anyMatch(step -> step.matches(exchange))) {
        sum += exchange.nanos();
      }
    }
    return sum;
  }

  /** The exception in one short line: its type and the first line of its message. */
  static String summary(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return e.getClass().getSimpleName() + ": "
        + (newline < 0 ? message : message.substring(0, newline));
  }
}
