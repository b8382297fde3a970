package dev.b2bsdk.internal;

import dev.b2bsdk.core.observe.SdkListener;
import dev.b2bsdk.core.client.ClientBuilder;

import com.google.gson.Gson;
import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.core.http.PolitenessOptions;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;
import dev.b2bsdk.core.polling.PollOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The settings common to every API client, frozen at {@code build()}. API packages read them to
 * assemble their {@link ClientRuntime}, token cache and helpers; users never construct one.
 */
public final class ClientSettings {
  private final String baseUrl;
  private final TransportOptions transport;
  private final RetryOptions retry;
  private final PolitenessOptions politeness;
  private final HttpLogLevel logLevel;
  private final boolean logPersonalData;
  private final Clock clock;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final Sleeper sleeper;
  private final PollOptions pollOptions;
  private final Duration tokenRefreshMargin;
  private final Duration tokenExpiryMargin;
  private final SdkListener listener;

  /** The settings of one client, as its builder collected them. */
  public ClientSettings(String baseUrl, TransportOptions transport, RetryOptions retry,
      PolitenessOptions politeness, HttpLogLevel logLevel, boolean logPersonalData, Clock clock, Executor executor,
      ScheduledExecutorService scheduler, Sleeper sleeper, PollOptions pollOptions,
      Duration tokenRefreshMargin, Duration tokenExpiryMargin, SdkListener listener) {
    this.baseUrl = baseUrl;
    this.transport = transport;
    this.retry = retry;
    this.politeness = politeness;
    this.logLevel = logLevel;
    this.logPersonalData = logPersonalData;
    this.clock = clock;
    this.executor = executor;
    this.scheduler = scheduler;
    this.sleeper = sleeper;
    this.pollOptions = pollOptions;
    this.tokenRefreshMargin = tokenRefreshMargin;
    this.tokenExpiryMargin = tokenExpiryMargin;
    this.listener = listener;
  }

  /**
   * The token cache over {@code source} (observed by the client's listener), with the builder's
   * clock, executor and margins.
   */
  public TokenCache tokenCache(String api, TokenSource source) {
    TokenCache.Builder b = TokenCache.builder(observe(api, source)).name(api).clock(clock);
    executor().ifPresent(b::executor);
    tokenRefreshMargin().ifPresent(b::refreshMargin);
    tokenExpiryMargin().ifPresent(b::expiryMargin);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tokenExpiryMargin must not exceed tokenRefreshMargin (default 5 min)", e);
    }
  }

  /**
   * {@code build} applied to {@code base}; if it fails, {@code base} is closed (it owns the
   * connection pool) and the failure rethrown. Every client builder ends this way.
   */
  public static <C> C buildOrClose(ClientRuntime base, java.util.function.Function<ClientRuntime, C> build) {
    try {
      return build.apply(base);
    } catch (RuntimeException e) {
      base.close();
      throw e;
    }
  }

  /** A {@link ClientRuntime} builder with every common setting applied. */
  public ClientRuntime.Builder runtime(String api, Gson gson, ErrorBodyParser errorParser) {
    return ClientRuntime.builder(api)
        .baseUrl(baseUrl)
        .transport(transport)
        .retry(retry)
        .politeness(politeness)
        .logging(logLevel)
        .logPersonalData(logPersonalData)
        .gson(gson)
        .errorParser(errorParser)
        .clock(clock)
        .sleeper(sleeper)
        .listener(listener);
  }

  /** {@code source}, reporting each token fetch to the client's listener (as is without one). */
  public TokenSource observe(String api, TokenSource source) {
    Observation observation = Observation.of(api, listener);
    return observation == null ? source : observation.observe(source);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public TransportOptions transport() {
    return transport;
  }

  public RetryOptions retry() {
    return retry;
  }

  public PolitenessOptions politeness() {
    return politeness;
  }

  public Clock clock() {
    return clock;
  }

  /** The caller's executor for background token refreshes, if one was given. */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /** The caller's scheduler for pollers, if one was given. */
  public Optional<ScheduledExecutorService> scheduler() {
    return Optional.ofNullable(scheduler);
  }

  public PollOptions pollOptions() {
    return pollOptions;
  }

  public Optional<Duration> tokenRefreshMargin() {
    return Optional.ofNullable(tokenRefreshMargin);
  }

  public Optional<Duration> tokenExpiryMargin() {
    return Optional.ofNullable(tokenExpiryMargin);
  }

  @Override
  public String toString() {
    return "ClientSettings{baseUrl=" + baseUrl + ", transport=" + transport + ", retry=" + retry
        + ", politeness=" + politeness + ", logLevel=" + logLevel + "}";
  }
}
