package dev.b2bsdk.internal;



import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.core.error.AuthenticationException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  private static final Duration TWENTY_MINUTES = Duration.ofMinutes(20);

  private final MutableClock clock = MutableClock.atEpoch();

  /** Runs background refreshes only when the test says so. */
  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    synchronized int pending() {
      return tasks.size();
    }

    void runAll() {
      Runnable task;
      while ((task = next()) != null) {
        task.run();
      }
    }

    private synchronized Runnable next() {
      return tasks.poll();
    }
  }

  private TokenCache cache(TokenSource source, Executor executor) {
    return TokenCache.builder(source).name("ITCare").clock(clock).executor(executor).build();
  }

  @Test
  void manyConcurrentCallersWithAnExpiredTokenCauseExactlyOneFetch() throws Exception {
    int callers = 256;
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    TokenCache cache = cache(source, Runnable::run);
    assertThat(cache.get().value()).isEqualTo("token-1");
    clock.advance(Duration.ofMinutes(19)); // within the 1-minute expiry margin: EXPIRED
    assertThat(cache.state()).isEqualTo(TokenCache.State.EXPIRED);

    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch arrived = new CountDownLatch(callers);
    List<Thread> threads = new ArrayList<>();
    AtomicReference<Thread> fetcher = new AtomicReference<>();
    source.hook = n -> {
      fetcher.set(Thread.currentThread());
      arrived.await(10, TimeUnit.SECONDS);
      // Hold the fetch until every other caller is parked on it (WAITING, not spinning).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (threads.stream().anyMatch(t -> t != fetcher.get() && t.getState() != Thread.State.WAITING)
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    };
    List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < callers; i++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
          arrived.countDown();
          results.add(cache.get().value());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      threads.add(t);
      t.start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(20));
    }

    assertThat(source.fetches).hasValue(2); // the initial one + exactly one for 256 callers
    assertThat(source.maxConcurrent).hasValue(1);
    assertThat(results).hasSize(callers).containsOnly("token-2");
  }

  @Test
  void freshTokenIsServedWithoutFetching() {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    TokenCache cache = cache(source, Runnable::run);
    AccessToken first = cache.get();
    clock.advance(Duration.ofMinutes(14));
    for (int i = 0; i < 100; i++) {
      assertThat(cache.get()).isSameAs(first);
    }
    assertThat(source.fetches).hasValue(1);
  }

  @Test
  void staleTokenIsServedWhileOneBackgroundRefreshRuns() {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    ManualExecutor executor = new ManualExecutor();
    TokenCache cache = cache(source, executor);
    cache.get();
    clock.advance(Duration.ofMinutes(16));
    assertThat(cache.state()).isEqualTo(TokenCache.State.STALE);

    for (int i = 0; i < 50; i++) {
      assertThat(cache.get().value()).isEqualTo("token-1");
    }
    assertThat(executor.pending()).isEqualTo(1);
    assertThat(source.fetches).hasValue(1);

    executor.runAll();

    assertThat(source.fetches).hasValue(2);
    assertThat(cache.get().value()).isEqualTo("token-2");
    assertThat(cache.state()).isEqualTo(TokenCache.State.FRESH);
    assertThat(source.previous.get(1).value()).isEqualTo("token-1");
  }

  @Test
  void failedRefreshKeepsTheValidTokenAndBacksOffThenFailsTypedOnceExpired() {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    ManualExecutor executor = new ManualExecutor();
    TokenCache cache = cache(source, executor);
    cache.get();
    clock.advance(Duration.ofMinutes(15));
    source.failWith = new IOException("token endpoint down");

    assertThat(cache.get().value()).isEqualTo("token-1");
    executor.runAll(); // fails
    assertThat(source.fetches).hasValue(2);

    clock.advance(Duration.ofSeconds(29));
    assertThat(cache.get().value()).isEqualTo("token-1");
    assertThat(executor.pending()).isZero(); // no new attempt inside the 30 s backoff

    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get().value()).isEqualTo("token-1");
    assertThat(executor.pending()).isEqualTo(1);
    executor.runAll(); // fails again: the backoff doubles to 60 s
    assertThat(source.fetches).hasValue(3);

    clock.advance(Duration.ofSeconds(59));
    cache.get();
    assertThat(executor.pending()).isZero();
    clock.advance(Duration.ofSeconds(1));
    cache.get();
    assertThat(executor.pending()).isEqualTo(1);
    executor.runAll();

    clock.advance(Duration.ofMinutes(3)); // 19:30: within the expiry margin
    assertThatThrownBy(cache::get)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.getCause()).isSameAs(source.failWith);
          assertThat(e.api()).isEqualTo("ITCare");
          assertThat(e.getMessage()).contains("access token unavailable", "token endpoint down");
        });

    source.failWith = null;
    assertThat(cache.get().value()).startsWith("token-");
    assertThat(cache.state()).isEqualTo(TokenCache.State.FRESH);
  }

  @Test
  void invalidateDropsOnlyTheCurrentToken() {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    TokenCache cache = cache(source, Runnable::run);
    AccessToken first = cache.get();

    assertThat(cache.invalidate(AccessToken.neverExpiring("someone-elses"))).isFalse();
    assertThat(cache.get()).isSameAs(first);

    // equal value, other instance (e.g. read back from a request header) still counts
    assertThat(cache.invalidate(AccessToken.neverExpiring(first.value()))).isTrue();
    assertThat(cache.invalidate(first)).isFalse(); // already invalid: no double refresh
    AccessToken second = cache.get();
    assertThat(second.value()).isEqualTo("token-2");
    // the rejected token (with its refresh token) is handed to the source
    assertThat(source.previous.get(1)).isSameAs(first);
    assertThat(source.previous.get(1).refreshToken()).contains("refresh-1");

    assertThat(cache.invalidate(first)).isFalse();
    assertThat(cache.get()).isSameAs(second);
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void marginsDeriveFromTheLifetime() {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    TokenCache cache = cache(source, task -> { });
    cache.get();
    clock.advance(Duration.ofMinutes(15).minusMillis(1));
    assertThat(cache.state()).isEqualTo(TokenCache.State.FRESH);
    clock.advance(Duration.ofMillis(1));
    assertThat(cache.state()).isEqualTo(TokenCache.State.STALE);
    clock.advance(Duration.ofMinutes(4).minusMillis(1));
    assertThat(cache.state()).isEqualTo(TokenCache.State.STALE);
    clock.advance(Duration.ofMillis(1));
    assertThat(cache.state()).isEqualTo(TokenCache.State.EXPIRED);
  }

  @Test
  void shortLivedTokensUsePercentagesAndLongOnesTheCaps() {
    FakeTokenSource shortLived = new FakeTokenSource(clock, Duration.ofMinutes(4));
    TokenCache shortCache = cache(shortLived, task -> { });
    shortCache.get();
    clock.advance(Duration.ofMinutes(3)); // 25 % of 4 min left: STALE, not EXPIRED
    assertThat(shortCache.state()).isEqualTo(TokenCache.State.STALE);

    FakeTokenSource longLived = new FakeTokenSource(clock, Duration.ofHours(7));
    TokenCache longCache = TokenCache.builder(longLived).clock(clock).executor(task -> { })
        .refreshMargin(Duration.ofMinutes(10)).expiryMargin(Duration.ofMinutes(2)).build();
    longCache.get();
    clock.advance(Duration.ofHours(7).minusMinutes(10).minusMillis(1));
    assertThat(longCache.state()).isEqualTo(TokenCache.State.FRESH);
    clock.advance(Duration.ofMillis(1));
    assertThat(longCache.state()).isEqualTo(TokenCache.State.STALE);
    clock.advance(Duration.ofMinutes(8));
    assertThat(longCache.state()).isEqualTo(TokenCache.State.EXPIRED);
  }

  @Test
  void neverExpiringTokenIsFetchedOnce() {
    FakeTokenSource source = new FakeTokenSource(clock, null);
    TokenCache cache = cache(source, Runnable::run);
    cache.get();
    clock.advance(Duration.ofDays(3650));
    assertThat(cache.get().value()).isEqualTo("token-1");
    assertThat(cache.state()).isEqualTo(TokenCache.State.FRESH);
    assertThat(source.fetches).hasValue(1);
  }

  @Test
  void firstFetchFailureIsTypedAndTheNextCallTriesAgain() {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    TokenCache cache = cache(source, Runnable::run);
    source.failWith = new IOException("refused");
    assertThatThrownBy(cache::get).isInstanceOf(AuthenticationException.class)
        .hasCauseInstanceOf(IOException.class);
    source.failWith = null;
    assertThat(cache.get().value()).isEqualTo("token-2");
  }

  @Test
  void interruptedWaiterGetsATypedExceptionAndKeepsItsInterruptFlag() throws Exception {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    TokenCache cache = cache(source, Runnable::run);
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    source.hook = n -> {
      fetching.countDown();
      release.await(10, TimeUnit.SECONDS);
    };
    Thread fetcher = new Thread(cache::get);
    fetcher.start();
    assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();

    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        cache.get();
      } catch (AuthenticationException e) {
        failure.set(e);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    waiter.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (waiter.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    waiter.interrupt();
    waiter.join(5000);
    release.countDown();
    fetcher.join(5000);

    assertThat(failure.get()).isInstanceOf(AuthenticationException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(flag.get()).isTrue();
    assertThat(source.fetches).hasValue(1);
  }

  @Test
  void revokeForgetsTheTokenAndTellsTheSource() throws IOException {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    TokenCache cache = cache(source, Runnable::run);
    AccessToken token = cache.get();
    cache.revoke();
    assertThat(source.revoked).containsExactly(token);
    assertThat(cache.state()).isEqualTo(TokenCache.State.EXPIRED);
  }

  @Test
  void rejectedBackgroundRefreshKeepsServingAndBacksOff() {
    FakeTokenSource source = new FakeTokenSource(clock, TWENTY_MINUTES);
    TokenCache cache = cache(source, task -> {
      throw new java.util.concurrent.RejectedExecutionException("full");
    });
    cache.get();
    clock.advance(Duration.ofMinutes(16));
    assertThat(cache.get().value()).isEqualTo("token-1");
    assertThat(cache.get().value()).isEqualTo("token-1");
    assertThat(source.fetches).hasValue(1);
  }
}
