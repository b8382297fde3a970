package dev.b2bsdk.core.http;

import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Connection-level settings: timeouts, user agent, and optionally the caller's own
 * {@link OkHttpClient}. Immutable.
 *
 * <p>When a client is supplied, the SDK derives its own with {@link OkHttpClient#newBuilder()}:
 * the caller's connection pool, dispatcher, proxy, TLS settings and interceptors are kept (and
 * the caller's interceptors run before the SDK's), while the timeouts below replace the caller's
 * and {@code retryOnConnectionFailure} is turned off. The SDK never closes a supplied client's
 * pool or dispatcher.
 *
 * <p>Why {@code retryOnConnectionFailure(false)}: OkHttp would otherwise silently resend a
 * request, including a POST whose bytes may already have reached the server, after some
 * connection failures. The SDK's {@link RetryInterceptor} owns every retry so that a
 * non-idempotent request is repeated only when that is provably safe or explicitly allowed.
 */
public final class TransportOptions {

  private static final TransportOptions DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final String userAgent;
  private final OkHttpClient client;
  private final int maxConcurrentRequests;

  private TransportOptions(Builder b) {
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.callTimeout = b.callTimeout;
    this.userAgent = b.userAgent;
    this.client = b.client;
  }

  /** Connect 10 s, read 30 s, write 30 s, call 60 s, SDK user agent, SDK-owned client. */
  public static TransportOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.writeTimeout = writeTimeout;
    b.callTimeout = callTimeout;
    b.userAgent = userAgent;
    b.client = client;
    b.maxConcurrentRequests = maxConcurrentRequests;
    return b;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** The bound on a whole call, including retries and their waits. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** The user agent, or null for the default {@code b2bsdk-java/<version> (<api>)}. */
  public String userAgent() {
    return userAgent;
  }

  /** The caller's client to derive from, or null when the SDK creates (and owns) one. */
  public OkHttpClient client() {
    return client;
  }

  /**
   * Requests the SDK's own dispatcher runs at once per host (and at least 64 in total); default
   * {@value Builder#DEFAULT_MAX_CONCURRENT_REQUESTS}. Not applied to a caller's client, whose
   * dispatcher keeps its own limits (OkHttp's default: 5 per host, 64 in total).
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** The effective user agent for the named API. */
  public String userAgentFor(String api) {
    return userAgent != null ? userAgent : "b2bsdk-java/" + SdkVersion.VERSION + " (" + api + ")";
  }

  @Override
  public String toString() {
    return "TransportOptions{connect=" + connectTimeout + ", read=" + readTimeout
        + ", write=" + writeTimeout + ", call=" + callTimeout
        + ", userAgent=" + userAgent + ", callerClient=" + (client != null)
        + ", maxConcurrentRequests=" + maxConcurrentRequests + '}';
  }

  /** Builds {@link TransportOptions}; every setting has a default. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private String userAgent;
    /** The default of {@link #maxConcurrentRequests(int)}. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

    private OkHttpClient client;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;

    private Builder() {
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      return this;
    }

    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = nonNegative(timeout, "writeTimeout");
      return this;
    }

    /** Bound on the whole call, retries included; {@link Duration#ZERO} means none. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout, "callTimeout");
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /** The caller's client; see the class comment for what is kept and what is replaced. */
    public Builder client(OkHttpClient client) {
      this.client = client;
      return this;
    }

    /** Requests the SDK's dispatcher runs at once per host; at least 1 (default 64). */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, was " + max);
      }
      this.maxConcurrentRequests = max;
      return this;
    }

    public TransportOptions build() {
      return new TransportOptions(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
