package dev.b2bsdk.testkit.core;

import wiremock.com.fasterxml.jackson.databind.JsonNode;
import wiremock.com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One operation of a mock's spec under one of its server base paths, as the spec-driven default
 * responder serves it. A mock's {@link MockServer#specGuard} sees it to decide how a request to
 * the operation is authenticated.
 */
public final class SpecOperation {

  private final String operationId;
  private final String method;
  private final String path;
  private final String basePath;
  private final Map<String, String> serverVariables;
  private final List<String> securitySchemes;
  private final ObjectNode node;
  private final List<JsonNode> parameters;

  SpecOperation(String operationId, String method, String path, String basePath,
      Map<String, String> serverVariables, List<String> securitySchemes, ObjectNode node,
      List<JsonNode> parameters) {
    this.operationId = operationId;
    this.method = method;
    this.path = path;
    this.basePath = basePath;
    this.serverVariables = Map.copyOf(serverVariables);
    this.securitySchemes = securitySchemes;
    this.node = node;
    this.parameters = parameters;
  }

  /** The spec's {@code operationId} (or {@code METHOD path} when it has none). */
  public String operationId() {
    return operationId;
  }

  /** HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The spec's path template, without the server base path, e.g. {@code /parties/{id}}. */
  public String path() {
    return path;
  }

  /** The server base path this instance is served under, e.g. {@code /api} (may be empty). */
  public String basePath() {
    return basePath;
  }

  /** Values of the server variables the base path was expanded with (e.g. {@code interface}). */
  public Map<String, String> serverVariables() {
    return serverVariables;
  }

  /** Whether the operation requires credentials (its effective {@code security} is not empty). */
  public boolean secured() {
    return !securitySchemes.isEmpty();
  }

  /**
   * The kinds of the security schemes the operation accepts: {@code basic} or {@code bearer} for
   * HTTP schemes, else the scheme's type ({@code oauth2}, {@code apiKey}, {@code openIdConnect}).
   */
  public List<String> securitySchemes() {
    return securitySchemes;
  }

  /**
   * The string values of a vendor extension, e.g. {@code x-interfaces: [enterprise, customer]};
   * a scalar gives one value; absent gives an empty list.
   */
  public List<String> extensionValues(String name) {
    JsonNode value = node.get(name);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> out.add(v.asText()));
    } else if (value.isValueNode()) {
      out.add(value.asText());
    }
    return out;
  }

  /** Whether the extension is declared. */
  public boolean hasExtension(String name) {
    return node.has(name);
  }

  @Override
  public String toString() {
    return method + " " + basePath + path + " (" + operationId + ")";
  }

  JsonNode node() {
    return node;
  }

  List<JsonNode> parameters() {
    return parameters;
  }
}
