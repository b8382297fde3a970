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
 * them into 400, as it has no 404). Behind the routes, the mock's spec answers every operation no
 * route serves ({@link SpecResponder}); a spec operation more specific than the matching route wins.
 */
public final class Router {

  private final List<Route> routes = new ArrayList<>();
  private SpecResponder fallback;

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
    Route best = null;
    Map<String, String> bestParams = null;
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.template().match(request.path());
      if (params.isEmpty()) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(request.method())) {
        best = route;
        bestParams = params.get();
        break;
      }
    }
    if (fallback != null) {
      // the spec's operation wins when it names the path more exactly than the stateful route
      boolean exact = best != null && best.template().specificity() == best.template().length();
      Optional<SpecResponder.Match> spec = exact ? Optional.empty() : fallback.match(request);
      if (spec.isPresent() && (best == null
          || spec.get().specificity() > best.template().specificity())) {
        return fallback.serve(spec.get(), request);
      }
      pathKnown = pathKnown || (best == null && fallback.knowsPath(request));
    }
    if (best != null) {
      MockRequest bound = best.guard().check(request.withPathParams(bestParams));
      return best.handler().handle(bound);
    }
    if (pathKnown) {
      throw MockFailure.of(405, "method_not_allowed", "Method " + request.method()
          + " is not allowed on " + request.path()).withValue(request.method());
    }
    throw MockFailure.of(404, "route_not_found", "No route " + request.method() + " "
        + request.path());
  }

  /** Operations no route serves go to {@code responder} (the mock's spec). */
  void fallback(SpecResponder responder) {
    this.fallback = responder;
  }

  /** The spec-driven default responder, or null. */
  SpecResponder fallback() {
    return fallback;
  }
}
