package dev.b2bsdk.core.error;

/**
 * The service rejected the request's content: 400 (malformed or invalid), 409 (conflicts with
 * the current state, e.g. deleting an active ITCare instance) or 422 (inconsistent data).
 * {@link #problems()} lists per-field problems when the service named them. Sending the same
 * request again gives the same answer.
 */
public class ValidationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ValidationException(Builder builder) {
    super(builder);
  }
}
