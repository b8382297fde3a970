package dev.b2bsdk.testkit.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection of one mock. Rules fire in registration order: the first rule that matches a
 * request and has firings left decides its answer. Paths are matched on their last segments, so
 * {@code "/parties"} means the InTouch parties list whatever the base URL, and {@code "/parties/{id}"}
 * any one party. Token endpoints are requests like any other.
 */
public final class Faults {

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

  /** The next request (any method, any path) gets {@code fault}. */
  public FaultRule next(Fault fault) {
    return add(new FaultRule(null, null, Objects.requireNonNull(fault)));
  }

  /** The next request with {@code method} whose path ends with {@code path} gets {@code fault}. */
  public FaultRule nextFor(String method, String path, Fault fault) {
    return add(new FaultRule(Objects.requireNonNull(method), Objects.requireNonNull(path),
        Objects.requireNonNull(fault)));
  }

  /** The next request whose path ends with {@code path} (any method) gets {@code fault}. */
  public FaultRule nextForPath(String path, Fault fault) {
    return add(new FaultRule(null, Objects.requireNonNull(path), Objects.requireNonNull(fault)));
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  /** Rules that can still fire. */
  public List<FaultRule> pending() {
    return rules.stream().filter(r -> r.remaining() > 0).toList();
  }

  /** The fault for {@code request}, consuming one firing of the rule that matched. */
  Optional<Fault> take(MockRequest request) {
    for (FaultRule rule : rules) {
      if (rule.tryFire(request)) {
        return Optional.of(rule.fault());
      }
    }
    return Optional.empty();
  }

  private FaultRule add(FaultRule rule) {
    rules.add(rule);
    return rule;
  }
}
