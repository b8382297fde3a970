package dev.b2bsdk.testkit.core;

/** Turns a {@link MockFailure} into one API's own error answer (status, headers and body). */
@FunctionalInterface
public interface ErrorRenderer {

  /**
   * The response for {@code failure} raised while serving {@code request}; its status may differ
   * (Shop Application has no 404), and its body may depend on the endpoint (ITCare's token endpoint
   * speaks OAuth).
   */
  MockResponse render(MockRequest request, MockFailure failure);
}
