package dev.b2bsdk.core.http;

/**
 * Limits that keep one client from overwhelming a service. Both off by default. Immutable.
 *
 * <ul>
 *   <li>{@code maxConcurrentRequests}: requests of this client in flight at once
 *       ({@link ConcurrencyLimitInterceptor}); a call waiting for a slot counts against its
 *       call timeout.</li>
 *   <li>{@code requestsPerSecond}: attempts sent per second, retries included, smoothed
 *       ({@link RateLimitInterceptor}).</li>
 * </ul>
 */
public final class PolitenessOptions {

  private static final PolitenessOptions NONE = new PolitenessOptions(0, 0);

  private final int maxConcurrentRequests;
  private final double requestsPerSecond;

  private PolitenessOptions(int maxConcurrentRequests, double requestsPerSecond) {
    this.maxConcurrentRequests = maxConcurrentRequests;
    this.requestsPerSecond = requestsPerSecond;
  }

  /** No limits. */
  public static PolitenessOptions none() {
    return NONE;
  }

  /**
   * @param maxConcurrentRequests at most this many requests in flight; 0 = unlimited
   * @param requestsPerSecond at most this many attempts per second; 0 = unlimited
   */
  public static PolitenessOptions of(int maxConcurrentRequests, double requestsPerSecond) {
    if (maxConcurrentRequests < 0 || requestsPerSecond < 0 || Double.isNaN(requestsPerSecond)) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    return new PolitenessOptions(maxConcurrentRequests, requestsPerSecond);
  }

  /** 0 = unlimited. */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** 0 = unlimited. */
  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  @Override
  public String toString() {
    return "PolitenessOptions{maxConcurrentRequests=" + maxConcurrentRequests
        + ", requestsPerSecond=" + requestsPerSecond + '}';
  }
}
