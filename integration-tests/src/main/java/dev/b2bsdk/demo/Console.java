package dev.b2bsdk.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The human-readable output of the tour: one line per step, {@code api  step  detail  duration},
 * columns aligned, ASCII only (so any terminal encoding shows it). A {@link ProgressLine} is a
 * step line written in pieces while the step runs. Thread-safe.
 */
final class Console {

  private static final int API_WIDTH = 10;
  private static final int STEP_WIDTH = 24;
  private static final int DETAIL_END = 96;

  private final PrintStream out;

  Console(PrintStream out) {
    this.out = out;
  }

  /** A free-form line (banner, footer). */
  synchronized void print(String text) {
    out.println(text);
    out.flush();
  }

  /** A finished step. */
  synchronized void step(Api api, String step, String detail, long nanos) {
    out.println(pad(prefix(api, step) + detail) + duration(nanos));
    out.flush();
  }

  /** A step without a duration (a choice, a skipped step). */
  synchronized void note(Api api, String step, String detail) {
    out.println(prefix(api, step) + detail);
    out.flush();
  }

  /** Starts a step line that the caller completes with {@link ProgressLine#end}. */
  synchronized ProgressLine open(Api api, String step, String text) {
    String start = prefix(api, step) + text;
    out.print(start);
    out.flush();
    return new ProgressLine(start.length());
  }

  /** A step line being written while its step runs: one line, however long the wait. */
  final class ProgressLine {
    private int column;
    private boolean ended;

    private ProgressLine(int column) {
      this.column = column;
    }

    /** Appends to the line (a dot per poll, a new status). */
    void append(String text) {
      synchronized (Console.this) {
        if (ended) {
          return;
        }
        out.print(text);
        out.flush();
        column += text.length();
      }
    }

    /** Ends the line with {@code detail} and the duration. */
    void end(String detail, long nanos) {
      synchronized (Console.this) {
        if (ended) {
          return;
        }
        ended = true;
        String text = detail.isEmpty() ? "" : " " + detail;
        column += text.length();
        out.println(text + " ".repeat(Math.max(1, DETAIL_END - column)) + duration(nanos));
        out.flush();
      }
    }
  }

  private static String prefix(Api api, String step) {
    return String.format(Locale.ROOT, "%-" + API_WIDTH + "s %-" + STEP_WIDTH + "s ",
        api.key(), step);
  }

  private static String pad(String text) {
    return text + " ".repeat(Math.max(1, DETAIL_END - text.length()));
  }

  /** {@code 42 ms}, or {@code 12.3 s} from ten seconds on. */
  static String duration(long nanos) {
    long ms = Math.max(0, nanos / 1_000_000);
    return ms < 10_000 ? String.format(Locale.ROOT, "%5d ms", ms)
        : String.format(Locale.ROOT, "%5.1f s", ms / 1000.0);
  }
}
