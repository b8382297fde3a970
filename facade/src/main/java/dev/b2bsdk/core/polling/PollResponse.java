package dev.b2bsdk.core.polling;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one poll: a status classification, the value read (for example the action
 * object), the service's own status label and message, and an optional Retry-After. Immutable.
 *
 * @param <T> the value type
 */
public final class PollResponse<T> {
  private final PollStatus status;
  private final T value;
  private final String rawStatus;
  private final String message;
  private final Duration retryAfter;

  private PollResponse(Builder<T> b) {
    this.status = b.status;
    this.value = b.value;
    this.rawStatus = b.rawStatus;
    this.message = b.message;
    this.retryAfter = b.retryAfter;
  }

  /** A response with only a status and a value. */
  public static <T> PollResponse<T> of(PollStatus status, T value) {
    return PollResponse.<T>builder(status).value(value).build();
  }

  public static <T> Builder<T> builder(PollStatus status) {
    return new Builder<>(status);
  }

  /** The classification of the status. */
  public PollStatus status() {
    return status;
  }

  /** The value read by this poll, or null. */
  public T value() {
    return value;
  }

  /** The status label as the service sent it, or null. */
  public String rawStatus() {
    return rawStatus;
  }

  /** The service's human-readable message, or null. */
  public String message() {
    return message;
  }

  /** How long the service asked to wait before the next poll, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** True if the status or the raw label differs from {@code other}'s (null differs). */
  boolean statusDiffers(PollResponse<?> other) {
    return other == null
        || other.status != status
        || !Objects.equals(other.rawStatus, rawStatus);
  }

  @Override
  public String toString() {
    // the value may hold customer data: name its type only
    return "PollResponse{status=" + status + ", rawStatus=" + rawStatus
        + ", value=" + (value == null ? "null" : value.getClass().getSimpleName())
        + ", retryAfter=" + retryAfter + '}';
  }

  /** Builder of {@link PollResponse}. */
  public static final class Builder<T> {
    private final PollStatus status;
    private T value;
    private String rawStatus;
    private String message;
    private Duration retryAfter;

    private Builder(PollStatus status) {
      this.status = Objects.requireNonNull(status, "status");
    }

    public Builder<T> value(T value) {
      this.value = value;
      return this;
    }

    public Builder<T> rawStatus(String rawStatus) {
      this.rawStatus = rawStatus;
      return this;
    }

    public Builder<T> message(String message) {
      this.message = message;
      return this;
    }

    /** The server's Retry-After; null, zero or negative means none. */
    public Builder<T> retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()
          ? null : retryAfter;
      return this;
    }

    public PollResponse<T> build() {
      return new PollResponse<>(this);
    }
  }
}
