package dev.b2bsdk.demo;

/**
 * A step the SDK performs on its own inside another call - fetching a token, logging in,
 * creating a device token - recognised in the {@link HttpTrace} by method and path suffix, so
 * that the tour can show it as a step of its own. Immutable.
 *
 * @param name the step's name on its line, e.g. {@code enterprise login}
 * @param method the request's HTTP method
 * @param pathSuffix how the request's path ends
 * @param label the request on the step's line, e.g. {@code POST /users/actions/login}
 */
record ImplicitStep(String name, String method, String pathSuffix, String label) {

  /** A step labelled with its method and path suffix. */
  ImplicitStep(String name, String method, String pathSuffix) {
    this(name, method, pathSuffix, method + " " + pathSuffix);
  }

  /** True if {@code exchange} is this step's request. */
  boolean matches(HttpTrace.Exchange exchange) {
    return exchange.method().equals(method)
        && exchange.url().encodedPath().endsWith(pathSuffix);
  }

  /** E.g. {@code POST /users/actions/login -> 200}. */
  String describe(HttpTrace.Exchange exchange) {
    return label + " -> " + (exchange.status() < 0 ? "no response" : exchange.status());
  }
}
