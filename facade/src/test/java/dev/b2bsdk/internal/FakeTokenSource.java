package dev.b2bsdk.internal;


import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Issues {@code token-1}, {@code token-2}, ... valid for a fixed lifetime; counts fetches. */
final class FakeTokenSource implements TokenSource {
  interface Hook {
    void beforeIssue(int fetchNumber) throws IOException, InterruptedException;
  }

  final AtomicInteger fetches = new AtomicInteger();
  final AtomicInteger concurrent = new AtomicInteger();
  final AtomicInteger maxConcurrent = new AtomicInteger();
  final List<AccessToken> previous = new CopyOnWriteArrayList<>();
  final List<AccessToken> revoked = new CopyOnWriteArrayList<>();
  private final MutableClock clock;
  private final Duration lifetime;
  volatile IOException failWith;
  volatile Hook hook;

  FakeTokenSource(MutableClock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  @Override
  public AccessToken fetch(AccessToken previousToken) throws IOException {
    int n = fetches.incrementAndGet();
    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
    try {
      previous.add(previousToken == null ? AccessToken.neverExpiring("none") : previousToken);
      if (hook != null) {
        try {
          hook.beforeIssue(n);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
      }
      if (failWith != null) {
        throw failWith;
      }
      AccessToken token = lifetime == null ? AccessToken.neverExpiring("token-" + n)
          : AccessToken.of("token-" + n, clock.instant().plus(lifetime));
      return token.withRefreshToken("refresh-" + n, clock.instant().plus(Duration.ofHours(2)));
    } finally {
      concurrent.decrementAndGet();
    }
  }

  @Override
  public void revoke(AccessToken token) {
    revoked.add(token);
  }
}
