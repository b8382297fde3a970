package dev.b2bsdk.core.client;

import dev.b2bsdk.core.observe.SdkListener;
import dev.b2bsdk.internal.ClientSettings;

import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.core.http.PolitenessOptions;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.internal.Sleeper;
import dev.b2bsdk.core.http.TransportOptions;
import dev.b2bsdk.core.polling.PollOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * The settings every client builder of this SDK has, in one place so that the four API
 * builders read alike. An API builder extends it, adds its credentials and API-specific
 * settings, and calls {@link #settings(String, RetryOptions)} in its {@code build()}.
 *
 * <p>Builders are mutable and not thread-safe; the clients they build are immutable and
 * thread-safe. Every setting is validated at {@code build()} with a message naming it.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  String baseUrl;
  final TransportOptions.Builder transport = TransportOptions.builder();
  RetryOptions retry;
  PolitenessOptions politeness;
  HttpLogLevel logLevel = HttpLogLevel.NONE;
  boolean logPersonalData;
  Clock clock = Clock.systemUTC();
  Executor executor;
  ScheduledExecutorService scheduler;
  Sleeper sleeper = Sleeper.SYSTEM;
  PollOptions pollOptions = PollOptions.defaults();
  Duration tokenRefreshMargin;
  Duration tokenExpiryMargin;
  final java.util.List<SdkListener> listeners = new java.util.ArrayList<>();

  protected ClientBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The API's base URL; {@code https} is required unless the host is loopback. */
  public B baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
    return self();
  }

  /**
   * An OkHttpClient of yours: its connection pool, dispatcher, proxy, TLS settings and
   * interceptors are kept (the SDK derives its client with {@code newBuilder()}), and closing
   * the SDK client leaves them alone.
   */
  public B okHttpClient(OkHttpClient client) {
    transport.client(Objects.requireNonNull(client, "okHttpClient"));
    return self();
  }

  /** Connect timeout (default 10 s). */
  public B connectTimeout(Duration timeout) {
    transport.connectTimeout(timeout);
    return self();
  }

  /** Read timeout between two bytes (default 30 s). */
  public B readTimeout(Duration timeout) {
    transport.readTimeout(timeout);
    return self();
  }

  /** Write timeout (default 30 s). */
  public B writeTimeout(Duration timeout) {
    transport.writeTimeout(timeout);
    return self();
  }

  /** Bound on one whole HTTP exchange, body included (default 60 s); a slow-drip body cannot exceed it. */
  public B callTimeout(Duration timeout) {
    transport.callTimeout(timeout);
    return self();
  }

  /**
   * Requests the SDK's own HTTP dispatcher runs at once per host (default 64; asynchronous calls
   * beyond it wait in the dispatcher's queue, holding no thread). With {@link #okHttpClient} the
   * caller's dispatcher decides instead (OkHttp's default: 5 per host, 64 in total); size it
   * with {@code Dispatcher.setMaxRequestsPerHost}. {@link #politeness} limits a client further.
   */
  public B maxConcurrentRequests(int max) {
    transport.maxConcurrentRequests(max);
    return self();
  }

  /** Replaces the default {@code User-Agent}. */
  public B userAgent(String userAgent) {
    transport.userAgent(userAgent);
    return self();
  }

  /** Retry policy; defaults are per API (see the API's client Javadoc). */
  public B retry(RetryOptions retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return self();
  }

  /**
   * Client-side limits: max concurrent requests and requests per second. Default: per API (none
   * unless the API's client Javadoc says otherwise); {@link PolitenessOptions#none()} lifts them.
   */
  public B politeness(PolitenessOptions politeness) {
    this.politeness = Objects.requireNonNull(politeness, "politeness");
    return self();
  }

  /** HTTP logging through SLF4J logger {@code dev.b2bsdk.http} (off by default); secrets are redacted. */
  public B logging(HttpLogLevel level) {
    this.logLevel = Objects.requireNonNull(level, "logging");
    return self();
  }

  /**
   * At {@link HttpLogLevel#BODY}, whether bodies are logged with personal data (names, e-mail
   * addresses, phone numbers, birthdates, addresses). Default false: those values are masked.
   * Credentials and tokens are masked either way.
   */
  public B logPersonalData(boolean logPersonalData) {
    this.logPersonalData = logPersonalData;
    return self();
  }

  /** The clock for token expiry, retry budgets and polling (default: system UTC). */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /** Runs background token refreshes (default: a short-lived daemon thread per refresh). */
  public B executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return self();
  }

  /** Schedules polls of long operations (default: a shared 2-thread daemon scheduler). */
  public B scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return self();
  }

  /** How retries wait; for tests that must not sleep (default: {@code Thread.sleep}). */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * Receives every HTTP attempt, retry, token request and poll of this client and its views
   * (metrics, traces: {@code MicrometerSdkListener}, {@code OpenTelemetrySdkListener}). May be
   * called more than once: every listener gets every event, in order.
   */
  public B listener(SdkListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return self();
  }

  /** Poll schedule and timeouts of long operations. */
  public B pollOptions(PollOptions pollOptions) {
    this.pollOptions = Objects.requireNonNull(pollOptions, "pollOptions");
    return self();
  }

  /** Refresh a token in the background when less than this remains (default: derived from its lifetime). */
  public B tokenRefreshMargin(Duration margin) {
    this.tokenRefreshMargin = requirePositive(margin, "tokenRefreshMargin");
    return self();
  }

  /** Treat a token as expired when less than this remains (default: derived from its lifetime). */
  public B tokenExpiryMargin(Duration margin) {
    this.tokenExpiryMargin = requirePositive(margin, "tokenExpiryMargin");
    return self();
  }

  /**
   * Freezes the common settings.
   *
   * @param defaultBaseUrl the vendor's documented URL, or null when the caller must give one
   * @param defaultRetry the API's retry defaults, used unless {@link #retry} was called
   * @throws IllegalArgumentException naming the setting that is missing or invalid
   */
  protected final ClientSettings settings(String defaultBaseUrl, RetryOptions defaultRetry) {
    return settings(defaultBaseUrl, defaultRetry, PolitenessOptions.none());
  }

  /**
   * Like {@link #settings(String, RetryOptions)} for an API that asks for client-side limits by
   * default (InTouch).
   *
   * @param defaultPoliteness used unless {@link #politeness} was called
   */
  protected final ClientSettings settings(String defaultBaseUrl, RetryOptions defaultRetry,
      PolitenessOptions defaultPoliteness) {
    String url = baseUrl != null ? baseUrl : defaultBaseUrl;
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("baseUrl is required");
    }
    return new ClientSettings(url, transport.build(), retry != null ? retry : defaultRetry,
        politeness != null ? politeness
            : Objects.requireNonNull(defaultPoliteness, "defaultPoliteness"),
        logLevel, logPersonalData, clock, executor, scheduler, sleeper, pollOptions,
        tokenRefreshMargin, tokenExpiryMargin,
        listeners.isEmpty() ? SdkListener.NONE : SdkListener.composite(listeners));
  }

  /** The base URL set so far, or null; for the {@code toString()} of API builders. */
  protected final String configuredBaseUrl() {
    return baseUrl;
  }

  /** Fails with a message naming {@code setting} when {@code value} is null or blank. */
  protected static String requireText(String value, String setting) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(setting + " is required");
    }
    return value;
  }

  private static Duration requirePositive(Duration value, String setting) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be a positive duration, was " + value);
    }
    return value;
  }
}
