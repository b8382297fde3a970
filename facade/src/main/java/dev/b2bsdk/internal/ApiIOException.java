package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ApiException;

import java.io.IOException;

/**
 * Carries an {@link ApiException} through OkHttp's interceptor chain, which may only throw
 * {@link IOException} without crashing asynchronous calls. The SDK's call executor unwraps it, so
 * callers only ever see the inner exception; code using the raw {@code OkHttpClient} finds it as
 * {@link #apiException()} (also the cause).
 */
public final class ApiIOException extends IOException {
  private static final long serialVersionUID = 1L;

  public ApiIOException(ApiException exception) {
    super(exception.getMessage(), exception);
  }

  /** The exception to throw to the caller. */
  public ApiException apiException() {
    return (ApiException) getCause();
  }
}
