package dev.b2bsdk.it.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Counts the matrix's cases and prints the summary as the suite's last line:
 * {@code fault matrix: N cases, P passed}. A case that does not apply to an API (aborted with
 * its reason) is listed above the line and not counted as a case.
 */
final class MatrixTally implements TestWatcher, AfterAllCallback {

  private final List<String> failed = new ArrayList<>();
  private final List<String> notApplicable = new ArrayList<>();
  private int passed;
  private final long started = System.nanoTime();

  @Override
  public synchronized void testSuccessful(ExtensionContext context) {
    passed++;
  }

  @Override
  public synchronized void testFailed(ExtensionContext context, Throwable cause) {
    failed.add(context.getDisplayName() + ": " + cause);
  }

  @Override
  public synchronized void testAborted(ExtensionContext context, Throwable cause) {
    notApplicable.add(context.getDisplayName() + " (" + cause.getMessage() + ")");
  }

  @Override
  public synchronized void testDisabled(ExtensionContext context, Optional<String> reason) {
    notApplicable.add(context.getDisplayName() + " (" + reason.orElse("disabled") + ")");
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    StringBuilder out = new StringBuilder();
    for (String n : notApplicable) {
      out.append("fault matrix: not applicable: ").append(n).append('\n');
    }
    for (String f : failed) {
      out.append("fault matrix: FAILED ").append(f).append('\n');
    }
    out.append("fault matrix: ").append(passed + failed.size()).append(" cases in ")
        .append(seconds).append(" s\n");
    out.append("fault matrix: ").append(passed + failed.size()).append(" cases, ")
        .append(passed).append(" passed");
    System.out.println(out);
    System.out.flush();
  }
}
