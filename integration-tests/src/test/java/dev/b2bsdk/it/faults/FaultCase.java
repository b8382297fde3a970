package dev.b2bsdk.it.faults;

import java.util.Optional;
import java.util.function.Function;

/**
 * One row of the fault matrix: a fault, how to provoke it and what every client must make of
 * it. {@link #notApplicable} names the APIs a fault cannot hit, with the reason.
 *
 * @param name what the row provokes, e.g. {@code connection reset (POST)}
 * @param scenario provokes the fault and asserts the outcome
 * @param notApplicable the reason the row does not apply to an API, or empty
 */
record FaultCase(String name, Scenario scenario,
    Function<ClientUnderTest, Optional<String>> notApplicable) {

  /** Provokes the fault on one API and asserts the outcome. */
  @FunctionalInterface
  interface Scenario {
    void run(ClientUnderTest api, CaseContext ctx) throws Exception;
  }

  /** A row every API goes through. */
  static FaultCase of(String name, Scenario scenario) {
    return new FaultCase(name, scenario, api -> Optional.empty());
  }

  /** A row for the APIs with a token endpoint. */
  static FaultCase withToken(String name, Scenario scenario) {
    return new FaultCase(name, scenario, api -> api.token().isPresent() ? Optional.empty()
        : Optional.of(api.name() + " has no token endpoint (HTTP Basic on every request)"));
  }

  /** A row for the APIs with a read-modify-write (a full-replace update of a record they read). */
  static FaultCase withUpdate(String name, Scenario scenario) {
    return new FaultCase(name, scenario, api -> api.update().isPresent() ? Optional.empty()
        : Optional.of(api.name() + " has no operation that writes a record back"));
  }

  @Override
  public String toString() {
    return name;
  }
}
