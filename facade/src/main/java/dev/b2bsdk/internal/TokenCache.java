package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current token of one client and decides when to get a new one. Thread-safe.
 *
 * <p>The token's state, from the clock and two margins before its expiry:
 * <ul>
 *   <li><b>FRESH</b> (more than the refresh margin left): returned as is. One volatile read and
 *       one clock read: no lock, no allocation.</li>
 *   <li><b>STALE</b> (less than the refresh margin left, more than the expiry margin): still
 *       returned; one background refresh is started on the executor. If it fails, the token keeps
 *       being served and the next attempt waits a backoff (30 s by default, doubling up to 5 min)
 *       instead of retrying on every call.</li>
 *   <li><b>EXPIRED</b> (less than the expiry margin left, rejected by the server, or no token
 *       yet): callers block until one fetch completes. A token is never handed out when it could
 *       expire while the request is on its way.</li>
 * </ul>
 * At most one {@link TokenSource#fetch} runs at a time, however many threads ask: the fetch in
 * flight is a {@link CompletableFuture} installed by compare-and-set, which other callers join.
 * A failure while no valid token remains reaches every waiting caller as an
 * {@link AuthenticationException} whose cause is the source's exception.
 *
 * <p>Margins: refresh margin = min(5 min, 25 % of the token's lifetime), expiry margin =
 * min(1 min, 5 % of the lifetime); the builder sets the caps. The percentages keep short-lived
 * tokens usable (a 20-minute token goes STALE after 15 min and EXPIRED after 19 min).
 */
public final class TokenCache {

  /** Where a token stands; see the class comment. */
  public enum State {
    FRESH, STALE, EXPIRED
  }

  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.auth");

  private final String name;
  private final TokenSource source;
  private final Clock clock;
  private final Executor executor;
  private final long refreshMarginCap;
  private final long expiryMarginCap;
  private final long retryDelay;
  private final long maxRetryDelay;

  private final AtomicReference<Snapshot> current = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<Snapshot>> inFlight = new AtomicReference<>();

  private TokenCache(Builder b) {
    this.name = b.name;
    this.source = b.source;
    this.clock = b.clock;
    this.executor = b.executor;
    this.refreshMarginCap = b.refreshMargin.toMillis();
    this.expiryMarginCap = b.expiryMargin.toMillis();
    this.retryDelay = b.retryDelay.toMillis();
    this.maxRetryDelay = b.maxRetryDelay.toMillis();
  }

  public static Builder builder(TokenSource source) {
    return new Builder(source);
  }

  /** The API name used in exceptions ({@code "ITCare"}). */
  public String name() {
    return name;
  }

  /**
   * A token that stays valid for at least the expiry margin.
   *
   * @throws AuthenticationException if no valid token exists and fetching one failed (or the
   *     thread was interrupted while waiting; its interrupt flag is then set again)
   */
  public AccessToken get() {
    Snapshot s = current.get();
    long now = clock.millis();
    if (s != null) {
      if (now < s.staleAt) {
        return s.token;
      }
      if (now < s.expiredAt) {
        if (now >= s.retryAt) {
          refreshInBackground();
        }
        return s.token;
      }
    }
    return awaitFetch();
  }

  /** The state of the current token now. */
  public State state() {
    Snapshot s = current.get();
    long now = clock.millis();
    if (s == null || now >= s.expiredAt) {
      return State.EXPIRED;
    }
    return now < s.staleAt ? State.FRESH : State.STALE;
  }

  /**
   * Marks {@code seen} as rejected (the server answered 401 to it), so that the next
   * {@link #get()} fetches a new one. Does nothing if another token has replaced it already,
   * so a 401 that arrives after a concurrent refresh does not cause a second one.
   *
   * @return true if {@code seen} was the current token and is now invalid
   */
  public boolean invalidate(AccessToken seen) {
    Snapshot s = current.get();
    if (s == null || seen == null || s.expiredAt == Long.MIN_VALUE
        || (s.token != seen && !s.token.value().equals(seen.value()))) {
      return false;
    }
    // Keep the token (its refresh token may still serve the next fetch), mark it expired.
    return current.compareAndSet(s, new Snapshot(s.token, Long.MIN_VALUE, Long.MIN_VALUE, 0, 0));
  }

  /**
   * Forgets the current token and asks the source to revoke it (logout). Call when the client
   * stops making calls.
   *
   * @throws IOException if the source could not revoke it
   */
  public void revoke() throws IOException {
    Snapshot s = current.getAndSet(null);
    if (s != null) {
      source.revoke(s.token);
    }
  }

  private void refreshInBackground() {
    if (inFlight.get() != null) {
      return; // the common STALE case while a refresh runs: no allocation
    }
    CompletableFuture<Snapshot> mine = new CompletableFuture<>();
    if (!inFlight.compareAndSet(null, mine)) {
      return;
    }
    try {
      executor.execute(() -> fetch(mine));
    } catch (RejectedExecutionException e) {
      fetchFailed(mine, current.get(), e);
    }
  }

  private AccessToken awaitFetch() {
    while (true) {
      CompletableFuture<Snapshot> pending = inFlight.get();
      if (pending == null) {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, mine)) {
          continue;
        }
        fetch(mine);
        pending = mine;
      }
      try {
        return pending.get().token;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("interrupted while waiting for an access token", e);
      } catch (ExecutionException e) {
        throw failure("access token unavailable", e.getCause());
      }
    }
  }

  /** Runs one fetch and completes {@code mine}; the caller installed {@code mine} as in flight. */
  private void fetch(CompletableFuture<Snapshot> mine) {
    Snapshot before = current.get();
    if (before != null && clock.millis() < before.staleAt) {
      // Another fetch finished between our caller's read and its compare-and-set.
      inFlight.set(null);
      mine.complete(before);
      return;
    }
    try {
      AccessToken token = source.fetch(before == null ? null : before.token);
      if (token == null) {
        throw new IOException("token source returned no token");
      }
      Snapshot next = snapshot(token, clock.millis());
      current.set(next);
      inFlight.set(null);
      mine.complete(next);
    } catch (Exception | Error e) {
      fetchFailed(mine, before, e);
      if (e instanceof Error) {
        throw (Error) e;
      }
    }
  }

  private void fetchFailed(CompletableFuture<Snapshot> mine, Snapshot before, Throwable e) {
    long now = clock.millis();
    if (before != null && now < before.expiredAt) {
      // Still valid: keep serving it, and try again only after a backoff.
      int failures = before.failures + 1;
      long delay = Math.min(maxRetryDelay, retryDelay << Math.min(failures - 1, 20));
      current.compareAndSet(before,
          new Snapshot(before.token, before.staleAt, before.expiredAt, now + delay, failures));
      LOG.debug("{}: token refresh failed ({}), keeping the current token, next try in {} ms",
          name, e.getClass().getSimpleName(), delay);
    }
    inFlight.set(null);
    mine.completeExceptionally(e);
  }

  private Snapshot snapshot(AccessToken token, long now) {
    Instant expiresAt = token.expiresAt().orElse(null);
    if (expiresAt == null) {
      return new Snapshot(token, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0);
    }
    long expiry = expiresAt.toEpochMilli();
    long lifetime = Math.max(0, expiry - now);
    long refreshMargin = Math.min(refreshMarginCap, lifetime / 4);
    long expiryMargin = Math.min(expiryMarginCap, lifetime / 20);
    return new Snapshot(token, expiry - refreshMargin, expiry - expiryMargin, 0, 0);
  }

  private AuthenticationException failure(String what, Throwable cause) {
    ApiException.Builder b = ApiException.builder(name).cause(cause);
    String reason = cause instanceof ApiException
        ? cause.getMessage()
        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return new AuthenticationException(b.detail(what + " (" + reason + ")"));
  }

  /** The token with its precomputed state boundaries (epoch millis). Immutable. */
  private static final class Snapshot {
    final AccessToken token;
    final long staleAt;
    final long expiredAt;
    final long retryAt;
    final int failures;

    Snapshot(AccessToken token, long staleAt, long expiredAt, long retryAt, int failures) {
      this.token = token;
      this.staleAt = staleAt;
      this.expiredAt = expiredAt;
      this.retryAt = retryAt;
      this.failures = failures;
    }
  }

  /** Builds a {@link TokenCache}. */
  public static final class Builder {
    private final TokenSource source;
    private String name = "token";
    private Clock clock = Clock.systemUTC();
    private Executor executor = Builder::daemonThread;
    private Duration refreshMargin = Duration.ofMinutes(5);
    private Duration expiryMargin = Duration.ofMinutes(1);
    private Duration retryDelay = Duration.ofSeconds(30);
    private Duration maxRetryDelay = Duration.ofMinutes(5);

    private Builder(TokenSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /** The API name for exception messages. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where background refreshes run. Default: a new daemon thread per refresh (refreshes are
     * minutes apart, so no pool to manage or close).
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Cap of the refresh margin (default 5 min; the margin is at most 25 % of the lifetime). */
    public Builder refreshMargin(Duration margin) {
      this.refreshMargin = nonNegative(margin, "refreshMargin");
      return this;
    }

    /** Cap of the expiry margin (default 1 min; the margin is at most 5 % of the lifetime). */
    public Builder expiryMargin(Duration margin) {
      this.expiryMargin = nonNegative(margin, "expiryMargin");
      return this;
    }

    /** Wait after a failed background refresh (default 30 s), doubled per further failure. */
    public Builder retryDelay(Duration delay) {
      this.retryDelay = nonNegative(delay, "retryDelay");
      return this;
    }

    /** Longest wait between failed background refreshes (default 5 min). */
    public Builder maxRetryDelay(Duration delay) {
      this.maxRetryDelay = nonNegative(delay, "maxRetryDelay");
      return this;
    }

    public TokenCache build() {
      if (expiryMargin.compareTo(refreshMargin) > 0) {
        throw new IllegalArgumentException("expiryMargin must not exceed refreshMargin");
      }
      return new TokenCache(this);
    }

    private static void daemonThread(Runnable task) {
      Thread thread = new Thread(task, "b2bsdk-token-refresh");
      thread.setDaemon(true);
      thread.start();
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
