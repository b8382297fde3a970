package dev.b2bsdk.it.contract;

import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One operation of a spec with what a contract case needs: its route, its parameters (path-level
 * and operation-level merged), its request body, its 2xx responses in status order, the CareCloud
 * {@code x-interfaces} it belongs to, and the security schemes it requires. Values are fully
 * resolved (no {@code $ref}).
 */
public final class SpecOperation {
  private final String api;
  private final String operationId;
  private final String method;
  private final String path;
  private final List<Parameter> parameters;
  private final RequestBody requestBody;
  private final Map<String, ApiResponse> successResponses;
  private final Set<String> interfaces;
  private final List<SecurityScheme> security;
  private final Map<String, Object> extensions;

  SpecOperation(String api, String operationId, String method, String path,
      List<Parameter> parameters, RequestBody requestBody,
      Map<String, ApiResponse> successResponses, Set<String> interfaces,
      List<SecurityScheme> security, Map<String, Object> extensions) {
    this.api = api;
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.method = method;
    this.path = path;
    this.parameters = List.copyOf(parameters);
    this.requestBody = requestBody;
    this.successResponses = successResponses;
    this.interfaces = Set.copyOf(interfaces);
    this.security = List.copyOf(security);
    this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  /** The operation's {@code x-} extensions ({@code x-paging}, {@code x-async-action}, ...). */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** The {@code x-paging} extension's {@code key} ({@code style}, {@code items}), or null. */
  public String paging(String key) {
    Object paging = extensions.get("x-paging");
    Object v = paging instanceof Map<?, ?> m ? m.get(key) : null;
    return v == null ? null : v.toString();
  }

  /** The API's short name ({@code itcare}, ...). */
  public String api() {
    return api;
  }

  public String operationId() {
    return operationId;
  }

  /** Upper-case HTTP method. */
  public String method() {
    return method;
  }

  /** The spec's path template, relative to the server base path ({@code /compute/instances/{id}}). */
  public String path() {
    return path;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /** The parameter {@code name} located {@code in} (path, query, header), or null. */
  public Parameter parameter(String in, String name) {
    for (Parameter p : parameters) {
      if (p.getIn().equals(in)
          && ("header".equals(in) ? p.getName().equalsIgnoreCase(name) : p.getName().equals(name))) {
        return p;
      }
    }
    return null;
  }

  /** The request body, or null when the operation takes none. */
  public RequestBody requestBody() {
    return requestBody;
  }

  /** The 2xx responses by status code, in ascending order. */
  public Map<String, ApiResponse> successResponses() {
    return successResponses;
  }

  /** The {@code x-interfaces} values (CareCloud); empty when the spec does not say. */
  public Set<String> interfaces() {
    return interfaces;
  }

  /** The security schemes of the first requirement that applies; empty for a public operation. */
  public List<SecurityScheme> security() {
    return security;
  }

  @Override
  public String toString() {
    return api + ":" + operationId + " (" + method + " " + path + ")";
  }
}
