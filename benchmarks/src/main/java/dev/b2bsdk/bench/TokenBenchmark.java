package dev.b2bsdk.bench;

import dev.b2bsdk.internal.AccessToken;
import dev.b2bsdk.internal.TokenCache;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link TokenCache#get()} with a FRESH token, two threads calling at once (the cost every
 * authenticated request pays).
 *
 * <p>No lock is taken on this path, by reading {@code TokenCache.get()}: one volatile read
 * ({@code AtomicReference.get()} of the immutable snapshot), one {@code Clock.millis()} (the
 * system UTC clock: {@code System.currentTimeMillis()}), one comparison with the precomputed
 * {@code staleAt}, return. No {@code synchronized}, no {@code java.util.concurrent.locks}, no
 * compare-and-set, no allocation; the CAS and the {@code CompletableFuture} appear only once the
 * token is STALE or EXPIRED. {@link BenchMain} also checks it at run time: two threads make
 * millions of calls and neither may ever block on a monitor or park, nor allocate.
 *
 * <p>{@link #floor_volatileReadAndClock()} is the same work written inline: the floor the cache
 * is measured against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class TokenBenchmark {

  private TokenCache tokens;
  private final AtomicReference<AccessToken> floor = new AtomicReference<>();
  private final Clock clock = Clock.systemUTC();
  private long floorStaleAt;

  @Setup
  public void setUp() {
    tokens = freshCache();
    AccessToken t = tokens.get();
    CareCloudFixture.check(tokens.state() == TokenCache.State.FRESH, "token is not FRESH");
    floor.set(t);
    floorStaleAt = Long.MAX_VALUE;
  }

  /** A cache whose token (7 h lifetime) stays FRESH for hours. */
  static TokenCache freshCache() {
    return TokenCache
        .builder(previous -> AccessToken.expiringIn(CareCloudFixture.TOKEN, Duration.ofHours(7),
            Clock.systemUTC()))
        .name("bench")
        .build();
  }

  @Benchmark
  public AccessToken tokenFastPath() {
    return tokens.get();
  }

  @Benchmark
  public AccessToken floor_volatileReadAndClock() {
    AccessToken t = floor.get();
    return clock.millis() < floorStaleAt ? t : null;
  }
}
