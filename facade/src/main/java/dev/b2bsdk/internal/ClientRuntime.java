package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.core.http.PolitenessOptions;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;

import com.google.gson.Gson;
import dev.b2bsdk.core.error.ApiException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import dev.failsafe.RateLimiter;
import okhttp3.Dispatcher;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import dev.b2bsdk.core.observe.SdkListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * Everything one API client needs at run time, assembled once: the derived {@link OkHttpClient},
 * the {@link Retrofit} for its base URL, and the {@link CallExecutor} that maps results to the
 * SDK's exceptions. API packages build one per client; users of the SDK never see it.
 *
 * <p>Interceptor order, outermost first (application interceptors, then network):
 * <pre>
 *   caller's interceptors (from a supplied client)
 *   → call options (views only: tag + headers)
 *   → user agent → status recorder
 *   → concurrency limit   one slot per call, held across its retries
 *   → retry               re-runs everything below, so...
 *   → rate limit          ...every attempt is paced, and
 *   → authentication      ...every attempt gets the current token (a token refreshed during a
 *                         backoff is used by the next attempt); the 401-refresh-replay happens
 *                         inside one attempt and is never multiplied by the retry policy
 *   → [OkHttp: redirects, connection] → logging (network: sees each attempt's real headers)
 * </pre>
 *
 * <p>Those three limits block the caller's thread on the synchronous path only. Retrofit's calls
 * come from a {@link CallPipeline}: an asynchronous call is driven by {@link AsyncAttempts},
 * which applies the same slots, quota, retry strategy and rate limiter with scheduled
 * re-enqueues on the shared {@link SdkTimer}, and its attempts pass through the three
 * interceptors. No dispatcher thread ever sleeps or parks for a wait.
 *
 * <p><b>Token endpoints.</b> A token source must not go through the authentication interceptor.
 * Build the runtime without authentication, give the token source {@link #retrofit(String,
 * String)} (same client, pool, timeouts, retry, logging; another base URL) or {@link #create},
 * then call {@link #withAuthentication(Interceptor)} for the API's own calls. Both runtimes share
 * one connection pool and one lifecycle.
 *
 * <p><b>Lifecycle.</b> {@link #close()} on the runtime from {@link Builder#build()} or from
 * {@link #withAuthentication} releases what the SDK created (dispatcher threads, pooled
 * connections) and the shared timer, once, after failing every pending call (waiting for a
 * slot, a backoff or a response) with a {@code ClientClosedException}; a later call fails the
 * same way. A caller-supplied client is left untouched. Views from
 * {@link #withOptions} share their parent's resources and their {@code close()} does nothing.
 */
public final class ClientRuntime implements Closeable {

  private final Shared shared;
  private final Interceptor authentication;
  private final CallOptions options;
  private final OkHttpClient client;
  private final Retrofit retrofit;

  private ClientRuntime(Shared shared, Interceptor authentication, CallOptions options) {
    this.shared = shared;
    this.authentication = authentication;
    this.options = options;
    if (authentication == null && options == CallOptions.NONE) {
      this.client = shared.baseClient;
    } else {
      OkHttpClient.Builder b = shared.baseClient.newBuilder();
      if (options != CallOptions.NONE) {
        b.interceptors().add(0, new CallOptionsInterceptor(options));
      }
      if (authentication != null) {
        b.addInterceptor(authentication);
      }
      this.client = b.build();
    }
    this.retrofit = shared.retrofit(shared.baseUrl, client, options);
  }

  /** A builder for the named API ({@code "ITCare"}, ...), used in exceptions and the user agent. */
  public static Builder builder(String api) {
    return new Builder(api);
  }

  /** The client's listener ({@link SdkListener#NONE} unless one was set); failures are swallowed. */
  public SdkListener listener() {
    return shared.listener;
  }

  /** The API's name. */
  public String api() {
    return shared.api;
  }

  /** The base URL, ending with {@code /}. */
  public HttpUrl baseUrl() {
    return shared.baseUrl;
  }

  /** The client this runtime's calls use (derived, authenticated if configured). */
  public OkHttpClient okHttpClient() {
    return client;
  }

  /** The Retrofit instance for the base URL. */
  public Retrofit retrofit() {
    return retrofit;
  }

  /** An implementation of a generated API interface. */
  public <S> S create(Class<S> service) {
    return retrofit.create(service);
  }

  /**
   * A Retrofit for another base URL (e.g. a token server on another host), on this runtime's
   * client and converters. The URL must pass {@link HttpsGuard}; {@code setting} names it in the
   * error message.
   */
  public Retrofit retrofit(String baseUrl, String setting) {
    return shared.retrofit(normalize(setting, baseUrl), client, options);
  }

  /**
   * A runtime whose calls carry {@code authentication} (innermost application interceptor,
   * replacing any this runtime has), sharing this one's client resources and lifecycle. This
   * runtime stays as it is: without authentication, it is the right one for token requests.
   */
  public ClientRuntime withAuthentication(Interceptor authentication) {
    return new ClientRuntime(shared, Objects.requireNonNull(authentication, "authentication"),
        options);
  }

  /** A runtime like this one without authentication (for token endpoints). */
  public ClientRuntime withoutAuthentication() {
    return authentication == null ? this : new ClientRuntime(shared, null, options);
  }

  /**
   * A view whose requests carry {@code callOptions} (merged over this runtime's): extra headers
   * such as {@code ITCare-DryRun: true}, or {@link RetryMode#ALWAYS} for a POST the caller knows
   * is safe to repeat. Cheap to create, shares everything; its {@link #close()} does nothing.
   */
  public ClientRuntime withOptions(CallOptions callOptions) {
    return new ClientRuntime(shared.asView(), authentication,
        options.mergedWith(Objects.requireNonNull(callOptions, "callOptions")));
  }

  /** The options every request of this runtime carries. */
  public CallOptions callOptions() {
    return options;
  }

  /** Maps responses and failures to exceptions for this API. */
  public ErrorMapper errors() {
    return shared.errors;
  }

  /** Executes Retrofit calls with this API's exception mapping. */
  public CallExecutor calls() {
    return shared.calls;
  }

  /** The clock given to the builder (token caches and pollers should use the same). */
  public Clock clock() {
    return shared.clock;
  }

  /** See {@link CallExecutor#execute}. */
  public <T> T execute(Call<T> call) {
    return shared.calls.execute(call);
  }

  /** See {@link CallExecutor#executeForResponse}. */
  public <T> Response<T> executeForResponse(Call<T> call) {
    return shared.calls.executeForResponse(call);
  }

  /** See {@link CallExecutor#executeAsync}. */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    return shared.calls.executeAsync(call);
  }

  /** The call pipeline (tests). */
  CallPipeline pipeline() {
    return shared.pipeline;
  }

  /** Releases SDK-created resources (once); see the class comment. */
  @Override
  public void close() {
    shared.close();
  }

  private static HttpUrl normalize(String setting, String url) {
    HttpUrl parsed = HttpsGuard.requireHttps(setting, url);
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new IllegalArgumentException(setting + " must not have a query or fragment");
    }
    return parsed.encodedPath().endsWith("/") ? parsed : parsed.newBuilder().addPathSegment("").build();
  }

  /** State common to a runtime, its authenticated sibling and its views. */
  private static final class Shared {
    final String api;
    final HttpUrl baseUrl;
    final OkHttpClient baseClient;
    final Gson gson;
    final ErrorMapper errors;
    final CallExecutor calls;
    final Clock clock;
    final boolean ownsClient;
    final AtomicBoolean closed;
    final boolean view;
    final CallPipeline pipeline;
    Observation observation;
    SdkListener listener = SdkListener.NONE;

    Shared(String api, HttpUrl baseUrl, OkHttpClient baseClient, Gson gson, ErrorMapper errors,
        Clock clock, boolean ownsClient, AtomicBoolean closed, boolean view, CallPipeline pipeline) {
      this.pipeline = pipeline;
      this.api = api;
      this.baseUrl = baseUrl;
      this.baseClient = baseClient;
      this.gson = gson;
      this.errors = errors;
      this.calls = new CallExecutor(errors);
      this.clock = clock;
      this.ownsClient = ownsClient;
      this.closed = closed;
      this.view = view;
    }

    Shared asView() {
      if (view) {
        return this;
      }
      Shared v = new Shared(api, baseUrl, baseClient, gson, errors, clock, ownsClient, closed, true,
          pipeline);
      v.observation = observation;
      v.listener = listener;
      return v;
    }

    Retrofit retrofit(HttpUrl url, OkHttpClient client, CallOptions options) {
      return new Retrofit.Builder()
          .baseUrl(url)
          .callFactory(pipeline.factory(client, options))
          .addConverterFactory(SnippetCapturingConverterFactory.create(api))
          .addConverterFactory(ScalarsConverterFactory.create())
          .addConverterFactory(GsonConverterFactory.create(gson))
          .build();
    }

    void close() {
      // a closed runtime refuses further calls (see the guard in build()); only what the SDK
      // created is released
      if (view || !closed.compareAndSet(false, true)) {
        return;
      }
      pipeline.close(); // pending calls fail with "client closed"; the shared timer is given back
      if (!ownsClient) {
        return;
      }
      baseClient.dispatcher().executorService().shutdown();
      baseClient.connectionPool().evictAll();
    }
  }

  /** Builds a {@link ClientRuntime}. {@code baseUrl} is required; the rest has defaults. */
  public static final class Builder {
    private final String api;
    private String baseUrl;
    private TransportOptions transport = TransportOptions.defaults();
    private RetryOptions retry = RetryOptions.defaults();
    private PolitenessOptions politeness = PolitenessOptions.none();
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private boolean logPersonalData;
    private Interceptor authentication;
    private Gson gson;
    private ErrorBodyParser errorParser = ErrorBodyParser.none();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private UnaryOperator<ApiException> exceptionRefiner = UnaryOperator.identity();
    private SdkListener listener = SdkListener.NONE;

    private Builder(String api) {
      this.api = Objects.requireNonNull(api, "api");
    }

    /** The API's base URL; https unless loopback; a trailing {@code /} is added if missing. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder transport(TransportOptions transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    public Builder retry(RetryOptions retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder politeness(PolitenessOptions politeness) {
      this.politeness = Objects.requireNonNull(politeness, "politeness");
      return this;
    }

    /** HTTP logging; also needs logger {@code dev.b2bsdk.http} at DEBUG. */
    public Builder logging(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /** At BODY level, log personal data unmasked (default false: masked). */
    public Builder logPersonalData(boolean logPersonalData) {
      this.logPersonalData = logPersonalData;
      return this;
    }

    /**
     * Authentication for every call (e.g. a static Basic header). For token flows prefer
     * {@link ClientRuntime#withAuthentication} so the token source can use the unauthenticated
     * runtime.
     */
    public Builder authentication(Interceptor authentication) {
      this.authentication = authentication;
      return this;
    }

    /** The Gson of the generated client ({@code JSON.createGson().create()}). */
    public Builder gson(Gson gson) {
      this.gson = gson;
      return this;
    }

    public Builder errorParser(ErrorBodyParser errorParser) {
      this.errorParser = Objects.requireNonNull(errorParser, "errorParser");
      return this;
    }

    /** The clock for retry budgets and {@code Retry-After} dates. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Turns a mapped error-status exception into an API-specific subtype (default: identity). */
    public Builder exceptionRefiner(UnaryOperator<ApiException> refiner) {
      this.exceptionRefiner = Objects.requireNonNull(refiner, "exceptionRefiner");
      return this;
    }

    /** How retries and rate limits wait; tests record instead of sleeping. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Receives every attempt, retry, token request and poll (default: none). */
    public Builder listener(SdkListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @throws IllegalArgumentException if {@code baseUrl} is missing, not http(s), or plain
     *     http to a non-loopback host
     */
    public ClientRuntime build() {
      HttpUrl url = normalize("baseUrl", baseUrl);
      OkHttpClient supplied = transport.client();
      OkHttpClient.Builder b = supplied != null ? supplied.newBuilder() : new OkHttpClient.Builder();
      b.connectTimeout(transport.connectTimeout())
          .readTimeout(transport.readTimeout())
          .writeTimeout(transport.writeTimeout())
          .callTimeout(transport.callTimeout())
          .retryOnConnectionFailure(false)
          // an https → http redirect would downgrade the channel
          .followSslRedirects(false);
      if (supplied == null) {
        // OkHttp's default is 5 per host: far too few for asynchronous calls at any scale
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, transport.maxConcurrentRequests()));
        dispatcher.setMaxRequestsPerHost(transport.maxConcurrentRequests());
        b.dispatcher(dispatcher);
      }
      AtomicBoolean closed = new AtomicBoolean();
      b.addInterceptor(chain -> {
        if (closed.get()) {
          throw new ClientClosedIOException(api);
        }
        return chain.proceed(chain.request());
      });
      b.addInterceptor(new UserAgentInterceptor(transport.userAgentFor(api)));
      b.addInterceptor(SnippetCapturingConverterFactory.statusRecorder());
      RequestSlots slots = politeness.maxConcurrentRequests() > 0
          ? new RequestSlots(politeness.maxConcurrentRequests()) : null;
      RetryStrategy strategy = retry.maxAttempts() > 1
          ? new RetryStrategy(retry, clock, () -> ThreadLocalRandom.current().nextDouble(),
              new RetryQuota(retry.retryQuota(), retry.retryCost()))
          : null;
      RateLimiter<Object> limiter = politeness.requestsPerSecond() > 0
          ? RateLimitInterceptor.limiter(politeness.requestsPerSecond()) : null;
      // the synchronous path: these interceptors block the caller's thread; asynchronous calls
      // pass through them and wait on the timer instead (AsyncAttempts), sharing the same state
      if (slots != null) {
        b.addInterceptor(new ConcurrencyLimitInterceptor(slots));
      }
      Observation observation = Observation.of(api, listener);
      if (observation != null) {
        b.addInterceptor(observation.callInterceptor());
      }
      if (strategy != null) {
        b.addInterceptor(new RetryInterceptor(strategy, sleeper));
      }
      if (limiter != null) {
        b.addInterceptor(new RateLimitInterceptor(limiter, sleeper));
      }
      if (observation != null) {
        // after the retry policy (each attempt), before authentication (a 401 replay is no retry)
        b.addInterceptor(observation.attemptInterceptor());
      }
      if (logLevel != HttpLogLevel.NONE) {
        b.addNetworkInterceptor(new RedactingHttpLogger(logLevel, logPersonalData));
      }
      Shared shared = new Shared(api, url, b.build(), gson != null ? gson : new Gson(),
          new ErrorMapper(api, errorParser, clock, exceptionRefiner), clock, supplied == null,
          closed, false, new CallPipeline(api, strategy, slots, limiter,
              transport.callTimeout().toNanos(), sleeper, transport.userAgentFor(api)));
      if (observation != null) {
        shared.observation = observation;
        shared.listener = observation.listener();
      }
      return new ClientRuntime(shared, authentication, CallOptions.NONE);
    }
  }
}
