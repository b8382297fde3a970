package dev.b2bsdk.core.polling;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler pollers share when the caller supplies none: up to two daemon threads, made on
 * demand and ended after a second idle, so none remains once nothing is polled.
 */
final class DefaultPollScheduler {
  private DefaultPollScheduler() {}

  static ScheduledExecutorService get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    // two threads so that a per-poll timeout can fire while a poll blocks the other thread
    static final ScheduledExecutorService INSTANCE = create();

    private static ScheduledExecutorService create() {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory factory = r -> {
        Thread t = new Thread(r, "b2bsdk-poller-" + n.incrementAndGet());
        t.setDaemon(true); // never keeps the JVM alive
        return t;
      };
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, factory);
      executor.setRemoveOnCancelPolicy(true); // cancelled timeouts must not pile up
      // the threads end after a second with nothing scheduled and come back on demand
      executor.setKeepAliveTime(1, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }
  }
}
