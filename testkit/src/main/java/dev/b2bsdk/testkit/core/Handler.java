package dev.b2bsdk.testkit.core;

/** Serves one route. Throws {@link MockFailure} to refuse the request with the API's error body. */
@FunctionalInterface
public interface Handler {

  /** The answer to {@code request}. */
  MockResponse handle(MockRequest request);
}
