package dev.b2bsdk.testkit.core;

/**
 * Checks a request before its handler runs (authentication, interface restrictions). Returns a
 * possibly enriched request (e.g. with the authenticated principal attached) or throws
 * {@link MockFailure}.
 */
@FunctionalInterface
public interface Guard {

  /** A guard that lets everything through. */
  Guard NONE = request -> request;

  /** The request to hand to the handler, or a {@link MockFailure}. */
  MockRequest check(MockRequest request);

  /** This guard, then {@code next}. */
  default Guard then(Guard next) {
    return request -> next.check(check(request));
  }
}
