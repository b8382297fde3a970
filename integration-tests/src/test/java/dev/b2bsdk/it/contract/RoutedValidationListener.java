package dev.b2bsdk.it.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.wiremock.WireMockRequest;
import com.atlassian.oai.validator.wiremock.WireMockResponse;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A WireMock listener that validates every request it sees and the response served to it against
 * the spec, with the validator of the request's route: a route is a path prefix on the mock
 * (e.g. {@code /webservice/rest-api/customer-interface/v1.0}) and the spec's server base path
 * there. One WireMock can so serve several base paths (CareCloud's two interfaces, ITCare's API
 * and its token endpoint on another host root).
 *
 * <p>It does the job of the library's {@code OpenApiValidationListener} (same request/response
 * adapters, same validator) with two differences that matter for a contract suite: a validator
 * that throws is a failure here (the library logs it and passes), and each exchange keeps its own
 * report, so a failure names the request it belongs to.
 */
public final class RoutedValidationListener implements RequestListener {

  /**
   * One validated request/response pair.
   *
   * @param url the request's path and query, as received
   */
  public record Exchange(String method, String path, String url, int status,
      ValidationReport report) {
    boolean failed() {
      return report.hasErrors();
    }

    String describe() {
      return method + " " + url + " -> " + status + "\n"
          + SimpleValidationReportFormat.getInstance().apply(report).indent(4);
    }
  }

  private record Route(String prefix, OpenApiInteractionValidator validator) {
  }

  /**
   * The library's defaults, except that a query parameter the spec does not declare is an error
   * (the library ignores it by default): a client that sends one has drifted.
   */
  private static final LevelResolver LEVELS = LevelResolver.create()
      .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
      .build();

  private final List<Route> routes;
  private final List<Exchange> exchanges = new ArrayList<>();

  /**
   * @param spec the spec every route validates against
   * @param basePathsByPrefix for each path prefix on the mock, the server base path the validator
   *     strips before matching spec paths (often the prefix itself; {@code "/"} for a token
   *     endpoint at a host root)
   */
  public RoutedValidationListener(ApiSpec spec, Map<String, String> basePathsByPrefix) {
    List<Route> list = new ArrayList<>();
    basePathsByPrefix.forEach((prefix, basePath) -> list.add(new Route(prefix,
        OpenApiInteractionValidator.createForInlineApiSpecification(spec.text())
            .withBasePathOverride(basePath)
            // allOf merged into one schema: with it, a property no part declares is an error
            // (without it, every allOf composite rejects the properties of its other parts)
            .withResolveCombinators(true)
            .withLevelResolver(LEVELS)
            .build())));
    // longest prefix first, so /itcare wins over / for /itcare/...
    list.sort(Comparator.comparingInt((Route r) -> r.prefix.length()).reversed());
    this.routes = List.copyOf(list);
  }

  @Override
  public void requestReceived(Request request, Response response) {
    String path = URI.create(request.getUrl()).getPath();
    String method = request.getMethod().getName();
    ValidationReport report;
    Route route = routes.stream().filter(r -> path.startsWith(r.prefix)).findFirst().orElse(null);
    if (route == null) {
      report = error("contract.route.unknown", "no route on the mock for " + path);
    } else {
      try {
        report = route.validator.validate(WireMockRequest.of(request), WireMockResponse.of(response));
      } catch (RuntimeException e) {
        report = error("contract.validator.exception", "the validator threw " + e);
      }
    }
    synchronized (exchanges) {
      exchanges.add(new Exchange(method, path, request.getUrl(), response.getStatus(), report));
    }
  }

  /** The exchanges seen since the last {@link #reset()}, in arrival order. */
  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  public void reset() {
    synchronized (exchanges) {
      exchanges.clear();
    }
  }

  /**
   * Fails, listing every exchange with a validation error and its messages, unless every exchange
   * since the last reset validated.
   */
  public void assertValidationPassed() {
    String failures = failures();
    if (failures != null) {
      throw new AssertionError(failures);
    }
  }

  /** A description of every exchange that failed validation, or null if none did. */
  public String failures() {
    List<Exchange> failed = exchanges().stream().filter(Exchange::failed).toList();
    return failed.isEmpty() ? null : "spec validation failed:\n"
        + failed.stream().map(Exchange::describe).collect(Collectors.joining("\n"));
  }

  private static ValidationReport error(String key, String message) {
    return ValidationReport.singleton(ValidationReport.Message.create(key, message).build());
  }
}
