package dev.b2bsdk.testkit.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a request to the handler of the most specific matching {@code method + path template}.
 * No template matches → 404 {@code route_not_found}; a template matches with another method → 405
 * {@code method_not_allowed}. Each API renders those with its own error body (Shop Application turns
 * them into 400, as it has no 404).
 */
public final class Router {

  private final List<Route> routes = new ArrayList<>();

  private record Route(String method, PathTemplate template, Guard guard, Handler handler) {
  }

  /** Adds a route whose requests first pass {@code guard}. */
  public Router add(String method, String template, Guard guard, Handler handler) {
    routes.add(new Route(method.toUpperCase(), PathTemplate.of(template), guard, handler));
    routes.sort(Comparator.comparingInt((Route r) -> -r.template().specificity()));
    return this;
  }

  /** Adds an unguarded route. */
  public Router add(String method, String template, Handler handler) {
    return add(method, template, Guard.NONE, handler);
  }

  /** Serves {@code request}, or throws a {@link MockFailure}. */
  public MockResponse route(MockRequest request) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.template().match(request.path());
      if (params.isEmpty()) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(request.method())) {
        MockRequest bound = route.guard().check(request.withPathParams(params.get()));
        return route.handler().handle(bound);
      }
    }
    if (pathKnown) {
      throw MockFailure.of(405, "method_not_allowed", "Method " + request.method()
          + " is not allowed on " + request.path()).withValue(request.method());
    }
    throw MockFailure.of(404, "route_not_found", "No route " + request.method() + " "
        + request.path());
  }
}
