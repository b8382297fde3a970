package dev.b2bsdk.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread that asynchronous calls of every SDK client share for their waits
 * (retry backoff, rate-limit spacing, call timeouts): a scheduled task re-enqueues the call, so
 * no thread waits for it. Reference-counted: each client {@link #acquire()}s it when built and
 * {@link #release}s it when closed; the last release shuts the thread down, and the next client
 * starts a new one. While clients are open the thread also ends after a second with nothing
 * scheduled. Daemon: never keeps the JVM alive.
 */
final class SdkTimer {

  /** Name of the timer's thread. */
  static final String THREAD_NAME = "b2bsdk-timer";

  private static ScheduledThreadPoolExecutor executor; // guarded by SdkTimer.class
  private static int users; // guarded by SdkTimer.class

  private SdkTimer() {}

  /** The shared timer, counted as used until {@link #release} is called with it. */
  static synchronized ScheduledExecutorService acquire() {
    if (executor == null) {
      ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        return t;
      });
      e.setRemoveOnCancelPolicy(true); // cancelled waits must not pile up
      e.setKeepAliveTime(1, TimeUnit.SECONDS);
      e.allowCoreThreadTimeOut(true);
      executor = e;
    }
    users++;
    return executor;
  }

  /** One user fewer; the last one shuts the timer down (pending waits were failed before). */
  static synchronized void release(ScheduledExecutorService timer) {
    if (timer != executor) {
      return;
    }
    if (--users == 0) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
