package dev.b2bsdk.it.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stubs operations on the suite's WireMock with the spec's own examples, and remembers which
 * operation each stub stands for so that the journal can be checked per operation afterwards.
 * A stub matches the method and the path template (one segment per path parameter), nothing more:
 * what the client sent is judged by the validator, not by the stub.
 */
public final class ContractStubs {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}/]+}");

  private final WireMockServer wireMock;
  private final Function<String, List<ContractCase>> casesOf;
  private final Map<UUID, SpecOperation> operationsByStub = new HashMap<>();

  ContractStubs(WireMockServer wireMock, Function<String, List<ContractCase>> casesOf) {
    this.wireMock = wireMock;
    this.casesOf = casesOf;
  }

  /** The WireMock this suite runs on. */
  public WireMockServer wireMock() {
    return wireMock;
  }

  /** The mock's root URL, {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String rootUrl() {
    return "http://127.0.0.1:" + wireMock.port();
  }

  /** Stubs the first case of {@code operationId} under {@code basePath} (e.g. a token endpoint). */
  public StubMapping stubOperation(String operationId, String basePath) {
    List<ContractCase> cases = casesOf.apply(operationId);
    return stub(cases.get(0), basePath);
  }

  /** Stubs the case's success response for its operation's method and path under {@code basePath}. */
  public StubMapping stub(ContractCase c, String basePath) {
    ResponseDefinitionBuilder response = aResponse().withStatus(c.status());
    c.responseHeaders().forEach(response::withHeader);
    if (c.responseBody() != null) {
      response.withHeader("Content-Type", c.responseMediaType()).withBody(c.responseBody().toString());
    }
    SpecOperation op = c.operation();
    StubMapping stub = wireMock.stubFor(
        request(op.method(), urlPathMatching(pathRegex(basePath, op.path()))).willReturn(response));
    operationsByStub.put(stub.getId(), op);
    return stub;
  }

  /** The operation whose stub served the event, or null if no contract stub matched. */
  SpecOperation operationOf(ServeEvent event) {
    StubMapping mapping = event.getStubMapping();
    return mapping == null || mapping.getId() == null ? null : operationsByStub.get(mapping.getId());
  }

  void reset() {
    wireMock.resetAll();
    operationsByStub.clear();
  }

  /** {@code basePath + path} as a regex, each {@code {param}} one non-empty path segment. */
  static String pathRegex(String basePath, String path) {
    String full = (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath)
        + path;
    StringBuilder regex = new StringBuilder();
    Matcher m = PATH_PARAM.matcher(full);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(full.substring(last, m.start()))).append("[^/]+");
      last = m.end();
    }
    return regex.append(Pattern.quote(full.substring(last))).toString();
  }
}
