package dev.b2bsdk.testkit.core;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One registered fault: which requests it hits (method and path suffix, both optional) and how many
 * more times it fires (1 unless changed with {@link #times(int)} or {@link #always()}). Returned by
 * {@link Faults} so the registration reads fluently.
 */
public final class FaultRule {

  private static final int FOREVER = Integer.MAX_VALUE;

  private final String method;
  private final PathTemplate path;
  private final Fault fault;
  private final AtomicInteger remaining = new AtomicInteger(1);
  private final AtomicInteger fired = new AtomicInteger();

  FaultRule(String method, String path, Fault fault) {
    this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
    this.path = path == null ? null : PathTemplate.of(path);
    this.fault = fault;
  }

  /** Fire for the next {@code n} matching requests instead of one. */
  public FaultRule times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be >= 1");
    }
    remaining.set(n);
    return this;
  }

  /** Fire for every matching request until {@link #cancel()} or {@link Faults#clear()}. */
  public FaultRule always() {
    remaining.set(FOREVER);
    return this;
  }

  /** Stop firing. */
  public void cancel() {
    remaining.set(0);
  }

  /** How many times the rule fired so far. */
  public int fired() {
    return fired.get();
  }

  /** How many more times it will fire ({@link Integer#MAX_VALUE}: always). */
  public int remaining() {
    return remaining.get();
  }

  /** The fault injected. */
  public Fault fault() {
    return fault;
  }

  /** Consumes one firing if the rule matches {@code request}. */
  boolean tryFire(MockRequest request) {
    if (method != null && !method.equals(request.method())) {
      return false;
    }
    if (path != null && !path.matchesSuffix(request.path())) {
      return false;
    }
    int left = remaining.getAndUpdate(n -> n == FOREVER ? n : Math.max(0, n - 1));
    if (left <= 0) {
      return false;
    }
    fired.incrementAndGet();
    return true;
  }

  @Override
  public String toString() {
    return "FaultRule{" + (method == null ? "*" : method) + " " + (path == null ? "*" : path)
        + " -> " + fault + ", remaining=" + remaining + "}";
  }
}
