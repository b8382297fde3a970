package dev.b2bsdk.testkit.core;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** The WireMock extension behind a mock's catch-all stub: hands each request to the mock. */
final class Dispatcher implements ResponseDefinitionTransformerV2 {

  static final String NAME = "b2bsdk-mock-dispatcher";

  private final MockServer<?> mock;

  Dispatcher(MockServer<?> mock) {
    this.mock = mock;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    return mock.serve(MockRequest.of(serveEvent.getRequest())).toDefinition();
  }

  /** Only the catch-all stub names this transformer: users' own stubs are served as written. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
