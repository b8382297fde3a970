package dev.b2bsdk.testkit.core;

import com.github.tomakehurst.wiremock.http.Request;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of one request as a handler needs it: method, decoded path, multi-valued query,
 * headers, body (raw, JSON or form), path parameters of the matched route and attributes set by
 * {@link Guard}s (e.g. the authenticated principal).
 */
public final class MockRequest {

  private final Request raw;
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, String> pathParams;
  private final Map<String, Object> attributes;

  private MockRequest(Request raw, String method, String path, Map<String, List<String>> query,
      Map<String, String> pathParams, Map<String, Object> attributes) {
    this.raw = raw;
    this.method = method;
    this.path = path;
    this.query = query;
    this.pathParams = pathParams;
    this.attributes = attributes;
  }

  /** Wraps a WireMock request. */
  public static MockRequest of(Request raw) {
    String url = raw.getUrl();
    int q = url.indexOf('?');
    String rawPath = q < 0 ? url : url.substring(0, q);
    String rawQuery = q < 0 ? "" : url.substring(q + 1);
    return new MockRequest(raw, raw.getMethod().getName().toUpperCase(), decodePath(rawPath),
        parseForm(rawQuery), Map.of(), Map.of());
  }

  /** HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** Decoded path without query, e.g. {@code /api/parties/31}. */
  public String path() {
    return path;
  }

  /** First value of a query parameter. */
  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a (repeatable) query parameter, in order; empty when absent. */
  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** Whether the query holds the parameter (with or without a value). */
  public boolean hasQuery(String name) {
    return query.containsKey(name);
  }

  /**
   * Integer query parameter, or {@code fallback} when absent; a value that is not an integer is a
   * 400 naming the parameter.
   */
  public long queryLong(String name, long fallback) {
    Optional<String> value = query(name);
    if (value.isEmpty() || value.get().isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.get().trim());
    } catch (NumberFormatException e) {
      throw MockFailure.invalidField(name, "invalid_value_format", "Parameter '" + name
          + "' must be an integer").withValue(value.get());
    }
  }

  /** A header value, or null. */
  public String header(String name) {
    return raw.getHeader(name);
  }

  /** Path parameter of the matched route template, e.g. {@code id} of {@code /parties/{id}}. */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no path parameter " + name);
    }
    return value;
  }

  /** Path parameter parsed as a long; a non-number is a 404 (no such record). */
  public long pathLong(String name, String resource) {
    String value = pathParam(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw MockFailure.notFound(resource, value);
    }
  }

  /** Raw body as a string (empty when none). */
  public String body() {
    String body = raw.getBodyAsString();
    return body == null ? "" : body;
  }

  /** Whether a body was sent. */
  public boolean hasBody() {
    return !body().isBlank();
  }

  /** Body parsed as JSON; a malformed body is a 400. */
  public JsonElement json() {
    try {
      JsonElement element = Json.parse(body());
      if (element == null || element.isJsonNull()) {
        throw MockFailure.of(400, "malformed_body", "The request body is empty");
      }
      return element;
    } catch (JsonParseException e) {
      throw MockFailure.of(400, "malformed_body", "The request body is not valid JSON");
    }
  }

  /** Body parsed as {@code application/x-www-form-urlencoded}. */
  public Map<String, List<String>> form() {
    return parseForm(body());
  }

  /** An attribute set by a guard, or null. */
  @SuppressWarnings("unchecked")
  public <T> T attribute(String name) {
    return (T) attributes.get(name);
  }

  /** A copy with one more attribute. */
  public MockRequest withAttribute(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(attributes);
    copy.put(name, value);
    return new MockRequest(raw, method, path, query, pathParams, Collections.unmodifiableMap(copy));
  }

  /** A copy bound to the path parameters of a matched route. */
  MockRequest withPathParams(Map<String, String> params) {
    return new MockRequest(raw, method, path, query, Map.copyOf(params), attributes);
  }

  /** The underlying WireMock request. */
  public Request raw() {
    return raw;
  }

  private static String decodePath(String rawPath) {
    // decode segment by segment so an encoded slash cannot create a new segment
    String[] parts = rawPath.split("/", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8)
          .replace("/", "%2F"));
    }
    return out.toString();
  }

  private static Map<String, List<String>> parseForm(String encoded) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }
}
