package dev.b2bsdk.it.contract;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A spec as published in the specs jar ({@code specs/<api>.yaml} on the class path), parsed once
 * with every {@code $ref} resolved, and listed as {@link SpecOperation}s in document order.
 */
public final class ApiSpec {
  private final String api;
  private final String text;
  private final OpenAPI openApi;
  private final List<SpecOperation> operations;

  private ApiSpec(String api, String text, OpenAPI openApi) {
    this.api = api;
    this.text = text;
    this.openApi = openApi;
    resolveExampleRefs();
    this.operations = Collections.unmodifiableList(listOperations());
  }

  /** The parser inlines schemas, responses and parameters but leaves {@code #/components/examples} refs. */
  private void resolveExampleRefs() {
    Map<String, Example> components = openApi.getComponents() == null
        || openApi.getComponents().getExamples() == null ? Map.of()
        : openApi.getComponents().getExamples();
    openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      List<Content> contents = new ArrayList<>();
      if (op.getRequestBody() != null) {
        contents.add(op.getRequestBody().getContent());
      }
      op.getResponses().values().forEach(r -> contents.add(r.getContent()));
      contents.stream().filter(Objects::nonNull).flatMap(c -> c.values().stream())
          .filter(m -> m.getExamples() != null)
          .forEach(m -> m.getExamples().replaceAll((name, ex) -> {
            if (ex.get$ref() == null) {
              return ex;
            }
            String key = ex.get$ref().substring(ex.get$ref().lastIndexOf('/') + 1);
            Example target = components.get(key);
            if (target == null) {
              throw new IllegalStateException(api + ": unresolved example " + ex.get$ref());
            }
            return target;
          }));
    }));
  }

  /** Loads {@code specs/<api>.yaml} from the class path (the {@code b2bsdk-specs} jar). */
  public static ApiSpec load(String api) {
    return load(api, "specs/" + api + ".yaml");
  }

  /** Loads the spec of {@code api} from a class-path {@code resource}. */
  public static ApiSpec load(String api, String resource) {
    String text;
    try (InputStream in = ApiSpec.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException(resource + " does not parse: " + result.getMessages());
    }
    return new ApiSpec(api, text, result.getOpenAPI());
  }

  /** The API's short name, as in {@code specs/<api>.yaml}. */
  public String api() {
    return api;
  }

  /** The spec's YAML text, for validators that parse it themselves. */
  public String text() {
    return text;
  }

  public OpenAPI openApi() {
    return openApi;
  }

  /** Every operation, in document order. */
  public List<SpecOperation> operations() {
    return operations;
  }

  private List<SpecOperation> listOperations() {
    List<SpecOperation> result = new ArrayList<>();
    openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
        (method, operation) -> result.add(operation(path, item, method, operation))));
    return result;
  }

  private SpecOperation operation(String path, PathItem item, PathItem.HttpMethod method,
      Operation op) {
    Map<String, Parameter> params = new LinkedHashMap<>();
    for (List<Parameter> level : List.of(nonNull(item.getParameters()), nonNull(op.getParameters()))) {
      for (Parameter p : level) {
        params.put(p.getIn() + ":" + p.getName(), p); // operation level overrides path level
      }
    }
    Map<String, ApiResponse> success = new TreeMap<>();
    op.getResponses().forEach((status, response) -> {
      if (status.startsWith("2")) {
        success.put(status, response);
      }
    });
    Set<String> interfaces = new LinkedHashSet<>();
    Object x = op.getExtensions() == null ? null : op.getExtensions().get("x-interfaces");
    if (x instanceof Collection<?>) {
      ((Collection<?>) x).forEach(v -> interfaces.add(String.valueOf(v)));
    }
    return new SpecOperation(api, op.getOperationId(), method.name(), path,
        new ArrayList<>(params.values()), op.getRequestBody(), success, interfaces, security(op),
        op.getExtensions());
  }

  private List<SecurityScheme> security(Operation op) {
    List<SecurityRequirement> requirements = op.getSecurity() != null ? op.getSecurity()
        : nonNull(openApi.getSecurity());
    if (requirements.isEmpty()) {
      return List.of();
    }
    List<SecurityScheme> schemes = new ArrayList<>();
    for (String name : requirements.get(0).keySet()) {
      SecurityScheme scheme = openApi.getComponents().getSecuritySchemes().get(name);
      if (scheme == null) {
        throw new IllegalStateException(api + ": unknown security scheme " + name);
      }
      schemes.add(scheme);
    }
    return schemes;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
