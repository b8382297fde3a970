package dev.b2bsdk.core.http;

import dev.b2bsdk.internal.Redactor;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * Per-call settings that travel with a request as an OkHttp tag: the retry mode and extra
 * headers (e.g. {@code ITCare-DryRun: true}). Immutable. Installed by
 * {@link ClientRuntime#withOptions(CallOptions)}; read by {@link RetryInterceptor}.
 */
public final class CallOptions {

  /** No extra headers, {@link RetryMode#SAFE}. */
  public static final CallOptions NONE = new CallOptions(null, Headers.of());

  private final RetryMode retryMode;
  private final Headers headers;

  private CallOptions(RetryMode retryMode, Headers headers) {
    this.retryMode = retryMode;
    this.headers = headers;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand for options that only set the retry mode. */
  public static CallOptions retry(RetryMode mode) {
    return builder().retryMode(mode).build();
  }

  /** The options a request carries, or {@link #NONE}. */
  public static CallOptions of(Request request) {
    CallOptions options = request.tag(CallOptions.class);
    return options == null ? NONE : options;
  }

  /** The retry mode; {@link RetryMode#SAFE} unless set. */
  public RetryMode retryMode() {
    return retryMode == null ? RetryMode.SAFE : retryMode;
  }

  /** Extra headers set on every request (replacing a header of the same name). */
  public Headers headers() {
    return headers;
  }

  /** These options with {@code override}'s settings on top (its headers replace same-named ones). */
  public CallOptions mergedWith(CallOptions override) {
    Headers.Builder merged = headers.newBuilder();
    for (String name : override.headers.names()) {
      merged.removeAll(name);
    }
    merged.addAll(override.headers);
    return new CallOptions(override.retryMode != null ? override.retryMode : retryMode,
        merged.build());
  }

  /** {@code request} with these headers set and this object as its {@code CallOptions} tag. */
  public Request applyTo(Request request) {
    Request.Builder b = request.newBuilder();
    for (String name : headers.names()) {
      b.removeHeader(name);
    }
    for (int i = 0; i < headers.size(); i++) {
      b.addHeader(headers.name(i), headers.value(i));
    }
    CallOptions existing = request.tag(CallOptions.class);
    return b.tag(CallOptions.class, existing == null ? this : existing.mergedWith(this)).build();
  }

  @Override
  public String toString() {
    return "CallOptions{retryMode=" + retryMode() + ", headers=" + Redactor.headers(headers) + '}';
  }

  /** Builds {@link CallOptions}. */
  public static final class Builder {
    private RetryMode retryMode;
    private final Headers.Builder headers = new Headers.Builder();

    private Builder() {
    }

    public Builder retryMode(RetryMode retryMode) {
      this.retryMode = Objects.requireNonNull(retryMode, "retryMode");
      return this;
    }

    /** Sets a header on every request made with these options. */
    public Builder header(String name, String value) {
      headers.set(name, value);
      return this;
    }

    public CallOptions build() {
      return new CallOptions(retryMode, headers.build());
    }
  }
}
