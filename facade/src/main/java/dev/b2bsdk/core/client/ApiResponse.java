package dev.b2bsdk.core.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A successful answer with what the body does not carry: the status and the headers (for
 * example {@code Location} of a created record, or ITCare's echoed {@code ITCare-DryRun}).
 * Immutable; header names are case-insensitive.
 *
 * @param <T> the value, as the plain method returns it
 */
public final class ApiResponse<T> {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T value;

  /** A response; {@code headers} is copied. */
  public ApiResponse(int statusCode, Map<String, List<String>> headers, T value) {
    this.statusCode = statusCode;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.value = value;
  }

  /** The HTTP status, e.g. 200, 201, 202, 204. */
  public int statusCode() {
    return statusCode;
  }

  /** Every header, by case-insensitive name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The value the plain method returns (null for an empty body). */
  public T value() {
    return value;
  }

  @Override
  public String toString() {
    return "ApiResponse{status=" + statusCode + ", value=" + value + '}';
  }
}
