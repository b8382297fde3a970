package dev.b2bsdk.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.wiremock.OpenApiValidationListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import java.util.List;

/**
 * Checks every request and response a mock serves against {@code specs/<api>.yaml} (from the specs
 * jar) with swagger-request-validator's WireMock listener. Register it with
 * {@code mock.server().addMockServiceRequestListener(validator)} and end the test with
 * {@link #assertValidationPassed()}.
 *
 * <p>A test that sends a request the spec forbids on purpose (to see the mock's 400) marks it with
 * the header {@value #INVALID_ON_PURPOSE}: only the response of such a request is validated.
 *
 * <p>For CareCloud, whose one spec is served under two interface prefixes, {@link #byPrefix} builds
 * one validator per prefix (the validator's {@code withBasePathOverride}).
 */
public final class SpecValidator implements RequestListener {

  /** Marker header of a request that breaks the spec on purpose. */
  public static final String INVALID_ON_PURPOSE = "X-Test-Invalid-Request";

  private final List<String> prefixes;
  private final List<OpenApiValidationListener> full;
  private final List<OpenApiValidationListener> responsesOnly;

  private SpecValidator(List<String> prefixes, List<OpenApiValidationListener> full,
      List<OpenApiValidationListener> responsesOnly) {
    this.prefixes = prefixes;
    this.full = full;
    this.responsesOnly = responsesOnly;
  }

  /** Validates against the spec with its own server base path. */
  public static SpecValidator forApi(String api) {
    return new SpecValidator(List.of(""), List.of(listener("specs/" + api + ".yaml", null, false)),
        List.of(listener("specs/" + api + ".yaml", null, true)));
  }

  /** One validator per base path; a request goes to the one whose prefix starts its path. */
  public static SpecValidator byPrefix(String api, List<String> basePaths) {
    return forSpec("specs/" + api + ".yaml", basePaths);
  }

  /**
   * One validator of the spec at {@code location} (classpath resource, file path or URL) per base
   * path; a request goes to the first whose prefix starts its path (list the longest first).
   */
  public static SpecValidator forSpec(String location, List<String> basePaths) {
    return new SpecValidator(List.copyOf(basePaths),
        basePaths.stream().map(p -> listener(location, p, false)).toList(),
        basePaths.stream().map(p -> listener(location, p, true)).toList());
  }

  @Override
  public void requestReceived(Request request, Response response) {
    int index = 0;
    for (int i = 0; i < prefixes.size(); i++) {
      if (!prefixes.get(i).isEmpty() && request.getUrl().startsWith(prefixes.get(i) + "/")) {
        index = i;
        break;
      }
    }
    boolean invalidOnPurpose = request.containsHeader(INVALID_ON_PURPOSE);
    (invalidOnPurpose ? responsesOnly : full).get(index).requestReceived(request, response);
  }

  /** Fails with the validator's report when any request or response broke the spec. */
  public void assertValidationPassed() {
    full.forEach(OpenApiValidationListener::assertValidationPassed);
    responsesOnly.forEach(OpenApiValidationListener::assertValidationPassed);
  }

  private static OpenApiValidationListener listener(String location, String basePath,
      boolean responsesOnly) {
    OpenApiInteractionValidator.Builder builder = OpenApiInteractionValidator
        .createForSpecificationUrl(location)
        // the specs compose pages and records with allOf: merge the branches, else each branch's
        // additionalProperties check rejects the other branch's properties
        .withResolveCombinators(true);
    if (basePath != null) {
      builder.withBasePathOverride(basePath);
    }
    if (responsesOnly) {
      builder.withLevelResolver(LevelResolver.create()
          .withLevel("validation.request", ValidationReport.Level.IGNORE).build());
    }
    return new OpenApiValidationListener(builder.build());
  }
}
