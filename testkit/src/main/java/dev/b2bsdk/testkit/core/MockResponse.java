package dev.b2bsdk.testkit.core;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable answer of a mock: status, headers, body bytes (or none), an optional transport fault
 * and an optional delay. Converted once into a WireMock {@link ResponseDefinition}.
 */
public final class MockResponse {

  /** Content type of every JSON answer. */
  public static final String JSON_TYPE = "application/json; charset=utf-8";

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Fault fault;
  private final Duration delay;

  private MockResponse(int status, Map<String, List<String>> headers, byte[] body, Fault fault,
      Duration delay) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.fault = fault;
    this.delay = delay;
  }

  /** A JSON answer. */
  public static MockResponse json(int status, JsonElement body) {
    return new MockResponse(status, Map.of(), Json.write(body).getBytes(StandardCharsets.UTF_8),
        null, Duration.ZERO).withHeader("Content-Type", JSON_TYPE);
  }

  /** A 200 JSON answer. */
  public static MockResponse ok(JsonElement body) {
    return json(200, body);
  }

  /** An answer without body (e.g. 204). */
  public static MockResponse empty(int status) {
    return new MockResponse(status, Map.of(), null, null, Duration.ZERO);
  }

  /** An answer with a raw body and content type (used for deliberately malformed bodies). */
  public static MockResponse raw(int status, String contentType, String body) {
    return new MockResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), null,
        Duration.ZERO).withHeader("Content-Type", contentType);
  }

  /** A transport-level fault instead of an HTTP answer (connection reset, empty response...). */
  public static MockResponse fault(Fault fault) {
    return new MockResponse(0, Map.of(), null, fault, Duration.ZERO);
  }

  /** A copy with one more header value. */
  public MockResponse withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
    values.add(value);
    copy.put(name, List.copyOf(values));
    return new MockResponse(status, Map.copyOf(copy), body, fault, delay);
  }

  /** A copy answered after {@code extra} more delay. */
  public MockResponse withDelay(Duration extra) {
    return new MockResponse(status, headers, body, fault, delay.plus(extra));
  }

  /** HTTP status (0 for a transport fault). */
  public int status() {
    return status;
  }

  /** First value of a header, or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** Body as text, or null when there is none. */
  public String bodyText() {
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }

  /** The WireMock response definition. */
  ResponseDefinition toDefinition() {
    ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
    if (!delay.isZero()) {
      builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, delay.toMillis()));
    }
    if (fault != null) {
      return builder.withFault(fault).build();
    }
    builder.withStatus(status);
    headers.forEach((name, values) -> builder.withHeader(name, values.toArray(new String[0])));
    if (body != null) {
      builder.withBody(body);
    }
    return builder.build();
  }
}
