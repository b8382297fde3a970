package dev.b2bsdk.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler in virtual time: {@code schedule} only queues, {@link #advance(Duration)} runs the
 * due tasks in time order on the calling thread and moves the clock. A 30-minute wait takes
 * milliseconds and nothing sleeps. Shared by the core polling tests and the API packages' polling
 * tests.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final MutableClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  public VirtualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  public MutableClock clock() {
    return clock;
  }

  /** Runs every task due within {@code d}, in order, then sets the clock to now + d. */
  public void advance(Duration d) {
    Instant end = clock.instant().plus(d);
    while (true) {
      Task<?> task;
      synchronized (this) {
        task = queue.peek();
        if (task == null || task.time.isAfter(end)) break;
        queue.poll();
      }
      if (task.time.isAfter(clock.instant())) clock.set(task.time);
      task.run();
    }
    clock.set(end);
  }

  /** Runs the tasks due now. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** Tasks queued and not cancelled. */
  public synchronized int pending() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  /** Blocks (wait/notify, no sleep) until at least {@code n} tasks are queued or time is up. */
  public synchronized boolean awaitPending(int n, Duration realTimeout) throws InterruptedException {
    long deadline = System.nanoTime() + realTimeout.toNanos();
    while (pending() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return false;
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(Executors.callable(command, null), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(callable, delay, unit);
  }

  private synchronized <V> ScheduledFuture<V> enqueue(Callable<V> c, long delay, TimeUnit unit) {
    if (shutdown) throw new java.util.concurrent.RejectedExecutionException("shut down");
    Instant at = clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)));
    Task<V> task = new Task<>(c, at, sequence++);
    queue.add(task);
    notifyAll();
    return task;
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable r, long i, long p, TimeUnit u) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable r, long i, long d, TimeUnit u) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    final Instant time;
    final long seq;

    Task(Callable<V> callable, Instant time, long seq) {
      super(callable);
      this.time = time;
      this.seq = seq;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), time));
    }

    @Override
    public int compareTo(Delayed o) {
      Task<?> other = (Task<?>) o;
      int c = time.compareTo(other.time);
      return c != 0 ? c : Long.compare(seq, other.seq);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      synchronized (VirtualScheduler.this) {
        queue.remove(this);
      }
      return cancelled;
    }
  }
}
