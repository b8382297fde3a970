package dev.b2bsdk.testkit.core;

import java.util.Objects;

/**
 * A request a mock refuses: thrown by handlers, turned by the API's {@link ErrorRenderer} into that
 * API's own error body. Carries only what the four error formats need between them.
 */
public final class MockFailure extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;
  private final String value;
  private final String resource;
  private final String resourceId;

  private MockFailure(int status, String code, String message, String field, String value,
      String resource, String resourceId) {
    super(message, null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.field = field;
    this.value = value;
    this.resource = resource;
    this.resourceId = resourceId;
  }

  /** A failure with a status, a machine code (API flavoured, e.g. {@code not_found}) and a message. */
  public static MockFailure of(int status, String code, String message) {
    return new MockFailure(status, code, message, null, null, null, null);
  }

  /** 400: the field {@code field} is invalid ({@code code} e.g. {@code required}, {@code invalid_value_format}). */
  public static MockFailure invalidField(String field, String code, String message) {
    return new MockFailure(400, code, message, field, null, null, null);
  }

  /** 404: no {@code resource} with id {@code id}. */
  public static MockFailure notFound(String resource, String id) {
    return new MockFailure(404, "not_found", "No " + resource + " with id " + id, null, null,
        resource, id);
  }

  /** 401 with a message. */
  public static MockFailure unauthorized(String message) {
    return of(401, "unauthorized", message);
  }

  /** A copy that also names the offending value. */
  public MockFailure withValue(String offendingValue) {
    return new MockFailure(status, code, getMessage(), field, offendingValue, resource, resourceId);
  }

  /** A copy that names the resource concerned (for 403/404 bodies). */
  public MockFailure withResource(String resourceName, String id) {
    return new MockFailure(status, code, getMessage(), field, value, resourceName, id);
  }

  /** HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** Machine-readable code, in the vocabulary of the API that threw it. */
  public String code() {
    return code;
  }

  /** Offending field, or null. */
  public String field() {
    return field;
  }

  /** Offending value, or null. */
  public String value() {
    return value;
  }

  /** Resource name (e.g. {@code customers}), or null. */
  public String resource() {
    return resource;
  }

  /** Resource id, or null. */
  public String resourceId() {
    return resourceId;
  }
}
