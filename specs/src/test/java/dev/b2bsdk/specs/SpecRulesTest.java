package dev.b2bsdk.specs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * House rules every spec must follow, beyond OpenAPI validity (which the generator's
 * {@code validate} goal checks in the {@code validate} phase): each operation has an
 * operationId, a summary, one tag, an explicit security requirement, an error response and
 * an example on every success response with a body.
 */
class SpecRulesTest {

  private static OpenAPI load(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toString(), null, options);
    assertThat(result.getMessages()).as(file + " parser messages").isEmpty();
    assertThat(result.getOpenAPI()).as(file.toString()).isNotNull();
    return result.getOpenAPI();
  }

  @ParameterizedTest
  @ValueSource(strings = {"itcare", "carecloud", "shopapp", "intouch"})
  void everyOperationFollowsTheHouseRules(String api) {
    OpenAPI spec = load(Path.of(api + ".yaml"));
    List<String> violations = violations(spec);
    int operations = spec.getPaths().values().stream().mapToInt(p -> p.readOperations().size()).sum();
    System.out.printf("spec %-9s: %d operations, %d paths, %d schemas%n", api, operations,
        spec.getPaths().size(), spec.getComponents() == null || spec.getComponents().getSchemas() == null
            ? 0 : spec.getComponents().getSchemas().size());
    assertThat(violations).as(api + ".yaml house-rule violations").isEmpty();
    assertThat(operations).as(api + ".yaml operations").isGreaterThan(0);
  }

  @Test
  void theRulesCatchAnOperationWithoutIdExampleOrErrorResponse() {
    List<String> violations = violations(load(Path.of("src/test/resources/fixtures/rule-breaker.yaml")));
    assertThat(violations).containsExactlyInAnyOrder(
        "GET /things: no operationId",
        "GET /things: response 200 application/json has no example",
        "GET /things: no error response",
        "POST /things: no summary",
        "POST /things: needs exactly one tag, has null",
        "POST /things: no security requirement (use security: [] for public operations)");
  }

  static List<String> violations(OpenAPI spec) {
    List<String> violations = new ArrayList<>();
    Set<String> operationIds = new HashSet<>();
    for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
        Operation op = entry.getValue();
        String where = entry.getKey() + " " + path.getKey();
        if (op.getOperationId() == null || op.getOperationId().isBlank()) {
          violations.add(where + ": no operationId");
        } else if (!operationIds.add(op.getOperationId())) {
          violations.add(where + ": duplicate operationId " + op.getOperationId());
        }
        if (op.getSummary() == null || op.getSummary().isBlank()) {
          violations.add(where + ": no summary");
        }
        if (op.getTags() == null || op.getTags().size() != 1) {
          violations.add(where + ": needs exactly one tag, has " + op.getTags());
        }
        if (op.getSecurity() == null && spec.getSecurity() == null) {
          violations.add(where + ": no security requirement (use security: [] for public operations)");
        }
        boolean hasError = false;
        boolean hasSuccess = false;
        for (Map.Entry<String, ApiResponse> response : op.getResponses().entrySet()) {
          String code = response.getKey();
          if (code.startsWith("2")) {
            hasSuccess = true;
            if (response.getValue().getContent() != null) {
              for (Map.Entry<String, MediaType> media : response.getValue().getContent().entrySet()) {
                MediaType type = media.getValue();
                boolean example = type.getExample() != null
                    || (type.getExamples() != null && !type.getExamples().isEmpty());
                if (!example) {
                  violations.add(where + ": response " + code + " " + media.getKey() + " has no example");
                }
                if (type.getSchema() == null) {
                  violations.add(where + ": response " + code + " " + media.getKey() + " has no schema");
                }
              }
            }
          } else if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
            hasError = true;
          }
        }
        if (!hasSuccess) {
          violations.add(where + ": no success response");
        }
        if (!hasError) {
          violations.add(where + ": no error response");
        }
      }
    }
    return violations;
  }
}
