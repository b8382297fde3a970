package dev.b2bsdk.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The service's rate limit was hit (429) and the retry policy gave up (or was not allowed to
 * retry, e.g. for a POST). {@link #retryAfter()} is the wait the service asked for, if any.
 */
public class ThrottledException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public ThrottledException(Builder builder) {
    super(builder);
    this.retryAfter = builder.retryAfter;
  }

  /** The wait the service asked for in {@code Retry-After}, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public Builder toBuilder() {
    return super.toBuilder().retryAfter(retryAfter);
  }
}
