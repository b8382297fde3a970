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

  /** Parsed with internal $refs kept, so that the rules can see which shared component is used. */
  private static OpenAPI loadUnresolved(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toString(), null, options);
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

  @Test
  void careCloudFollowsItsOwnConventions() {
    List<String> violations = careCloudViolations(loadUnresolved(Path.of("carecloud.yaml")));
    assertThat(violations).as("carecloud.yaml convention violations").isEmpty();
  }

  @Test
  void theCareCloudRulesCatchMissingInterfacesPagingAndLanguageHeader() {
    List<String> violations = careCloudViolations(
        loadUnresolved(Path.of("src/test/resources/fixtures/carecloud-rule-breaker.yaml")));
    assertThat(violations).containsExactlyInAnyOrder(
        "AcceptLanguage: must carry x-client-managed: true",
        "GET /things: x-interfaces must be a non-empty subset of [enterprise, customer], is null",
        "GET /things: must use the shared AcceptLanguage parameter",
        "GET /things: declares its own Accept-Language (use the shared component)",
        "GET /things: takes count but has no x-paging",
        "GET /gadgets: x-interfaces must be a non-empty subset of [enterprise, customer], is [enterprise, shop]",
        "GET /gadgets: x-paging items 'gadgets' is not an array in the 200 envelope's data",
        "GET /gadgets: paged list without the shared Offset parameter",
        "Thing.price: number with format double (numbers carry no format: BigDecimal)",
        "POST /things request example: sends readOnly thing.thing_id");
  }

  /**
   * CareCloud conventions: {@code x-interfaces} on every operation; one shared, client-managed
   * {@code Accept-Language} used by every operation; {@code x-paging} (offset style) on every list
   * that takes {@code count}, naming an array of the 200 envelope's {@code data} beside
   * {@code total_items}, with the shared paging parameters; numbers without a format.
   */
  @SuppressWarnings("unchecked")
  static List<String> careCloudViolations(OpenAPI spec) {
    List<String> violations = new ArrayList<>();
    var params = spec.getComponents().getParameters();
    var language = params.get("AcceptLanguage");
    if (language == null || !Boolean.TRUE.equals(language.getExtensions() == null ? null
        : language.getExtensions().get("x-client-managed"))) {
      violations.add("AcceptLanguage: must carry x-client-managed: true");
    }
    Set<String> allowed = Set.of("enterprise", "customer");
    for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
        Operation op = entry.getValue();
        String where = entry.getKey() + " " + path.getKey();
        Map<String, Object> ext = op.getExtensions() == null ? Map.of() : op.getExtensions();
        Object interfaces = ext.get("x-interfaces");
        if (!(interfaces instanceof List<?> list) || list.isEmpty() || !allowed.containsAll(list)) {
          violations.add(where + ": x-interfaces must be a non-empty subset of [enterprise, customer], is " + interfaces);
        }
        List<String> refs = new ArrayList<>();
        boolean ownLanguage = false;
        boolean count = false;
        for (var p : op.getParameters() == null ? List.<io.swagger.v3.oas.models.parameters.Parameter>of() : op.getParameters()) {
          if (p.get$ref() != null) {
            String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
            refs.add(name);
            count |= "count".equals(params.get(name).getName());
          } else {
            ownLanguage |= "Accept-Language".equalsIgnoreCase(p.getName());
            count |= "count".equals(p.getName());
          }
        }
        if (!refs.contains("AcceptLanguage")) {
          violations.add(where + ": must use the shared AcceptLanguage parameter");
        }
        if (ownLanguage) {
          violations.add(where + ": declares its own Accept-Language (use the shared component)");
        }
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
          var media = op.getRequestBody().getContent().get("application/json");
          if (media != null && media.getExample() != null) {
            readOnlyInExample(spec, where + " request example", "", media.getSchema(), media.getExample(), violations);
          }
        }
        Object paging = ext.get("x-paging");
        if (paging == null) {
          if (count) {
            violations.add(where + ": takes count but has no x-paging");
          }
          continue;
        }
        Map<String, Object> xp = (Map<String, Object>) paging;
        String items = String.valueOf(xp.get("items"));
        if (!"offset".equals(xp.get("style"))) {
          violations.add(where + ": x-paging style must be offset");
        }
        var data = envelopeData(spec, op);
        var itemsSchema = data == null || data.getProperties() == null ? null : data.getProperties().get(items);
        if (itemsSchema == null || !"array".equals(itemsSchema.getType())) {
          violations.add(where + ": x-paging items '" + items + "' is not an array in the 200 envelope's data");
        }
        if (data == null || data.getProperties() == null || !data.getProperties().containsKey("total_items")) {
          violations.add(where + ": paged list without data.total_items");
        }
        // sorting is offered where the vendor offers it (not on reward recommendations)
        for (String shared : List.of("Count", "Offset")) {
          if (!refs.contains(shared)) {
            violations.add(where + ": paged list without the shared " + shared + " parameter");
          }
        }
      }
    }
    spec.getComponents().getSchemas().forEach((name, schema) -> {
      if (schema.getProperties() != null) {
        ((Map<String, io.swagger.v3.oas.models.media.Schema<?>>) (Map<?, ?>) schema.getProperties()).forEach((field, s) -> {
          if ("number".equals(s.getType()) && s.getFormat() != null) {
            violations.add(name + "." + field + ": number with format " + s.getFormat()
                + " (numbers carry no format: BigDecimal)");
          }
        });
      }
    });
    return violations;
  }

  /** A request example must not carry a readOnly field: requests never send them. */
  @SuppressWarnings("unchecked")
  private static void readOnlyInExample(OpenAPI spec, String where, String at,
      io.swagger.v3.oas.models.media.Schema<?> schema, Object example, List<String> violations) {
    schema = deref(spec, schema);
    if (schema == null || example == null) {
      return;
    }
    if (example instanceof com.fasterxml.jackson.databind.JsonNode node) {
      example = io.swagger.v3.core.util.Json.mapper().convertValue(node, Object.class);
    }
    if (example instanceof Map<?, ?> map && schema.getProperties() != null) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        var property = schema.getProperties().get(String.valueOf(e.getKey()));
        if (property == null) {
          continue;
        }
        String path = at.isEmpty() ? String.valueOf(e.getKey()) : at + "." + e.getKey();
        if (Boolean.TRUE.equals(property.getReadOnly())) {
          violations.add(where + ": sends readOnly " + path);
        }
        readOnlyInExample(spec, where, path, property, e.getValue(), violations);
      }
    } else if (example instanceof List<?> list && schema.getItems() != null) {
      for (Object item : list) {
        readOnlyInExample(spec, where, at + "[]", schema.getItems(), item, violations);
      }
    }
  }

  private static io.swagger.v3.oas.models.media.Schema<?> envelopeData(OpenAPI spec, Operation op) {
    ApiResponse ok = op.getResponses().get("200");
    if (ok == null || ok.getContent() == null || ok.getContent().get("application/json") == null) {
      return null;
    }
    var schema = deref(spec, ok.getContent().get("application/json").getSchema());
    var data = schema == null || schema.getProperties() == null ? null : schema.getProperties().get("data");
    return deref(spec, data);
  }

  private static io.swagger.v3.oas.models.media.Schema<?> deref(OpenAPI spec, io.swagger.v3.oas.models.media.Schema<?> s) {
    if (s != null && s.get$ref() != null) {
      return spec.getComponents().getSchemas().get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
    }
    return s;
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
