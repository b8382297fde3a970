package dev.b2bsdk.itcare;


import com.google.gson.Gson;
import dev.b2bsdk.internal.BasicCredentials;
import dev.b2bsdk.internal.BearerAuthInterceptor;
import dev.b2bsdk.internal.TokenCache;
import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.internal.OperationInvoker;
import dev.b2bsdk.generated.itcare.model.ActionTracking;
import retrofit2.Call;
import dev.b2bsdk.internal.ClientSettings;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.internal.HttpsGuard;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.polling.AsyncOperation;
import dev.b2bsdk.core.polling.ProgressListener;
import dev.b2bsdk.generated.itcare.invoker.JSON;
import dev.b2bsdk.generated.itcare.model.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.Interceptor;

/**
 * Client of the ITCare API (Cegedim Cloud): the generated Retrofit interfaces, already
 * authenticated, plus lazy paged lists and pollers for the asynchronous (202) operations.
 *
 * <pre>{@code
 * try (ItCareClient itcare = ItCareClient.builder()
 *     .clientId("my-client").clientSecret(secret)
 *     .build()) {
 *   InstanceQuery production = InstanceQuery.builder().environments("PRODUCTION").build();
 *   for (Instance i : itcare.listInstances(production)) {
 *     System.out.println(i.getName());
 *   }
 *   Action done = itcare.beginStopInstance(1204571L).waitForCompletion().value();
 * }
 * }</pre>
 *
 * <p><b>Tokens.</b> OAuth 2.0 client credentials against Keycloak with Basic client
 * authentication; the token (20 min) is renewed in the background before it expires, with the
 * refresh token while it is valid, else with a new grant. Any number of threads share one token
 * and cause at most one token request at a time; a 401 triggers one renewal and one retry.
 *
 * <p><b>Asynchronous operations.</b> Each {@code begin…} method sends the request and returns an
 * {@link AsyncOperation}: {@code waitForCompletion()} polls {@code GET /actions/{id}} until
 * SUCCESS (the final {@link Action}) or ERROR ({@code ActionFailedException} with the action id,
 * message and last action), within the total budget of {@code pollOptions}
 * ({@code PollTimeoutException}). A 202 without a body is reported as accepted without tracking.
 * The status in the 202 body is the initial state, not a poll: "polls" are {@code GET
 * /actions/{id}} requests only. Cancelling stops the waiting; the action goes on at ITCare.
 *
 * <p><b>Dry run.</b> {@code builder().dryRun(true)} marks every mutating request of the client
 * with {@code ITCare-DryRun: true} (reads are left alone); {@code
 * withOptions(ItCareClient.DRY_RUN)} sends it on the calls of one view. A {@code begin…} dry run
 * never polls; its result tells whether the server echoed the header (confirming it did not
 * act).
 *
 * <p><b>Defaults.</b> Base URL {@value #DEFAULT_BASE_URL}, token URL {@value #DEFAULT_TOKEN_URL},
 * retries of {@link RetryOptions#defaults()} (429, 502, 503, 504; POST/PATCH only when the request
 * never reached the server; token requests always, as they change nothing). Thread-safe;
 * {@link #close()} releases the connection pool unless you supplied the {@code OkHttpClient}.
 */
public final class ItCareClient extends ItCareOperations {

  /** The API name in exceptions and the user agent. */
  public static final String API = "ITCare";
  /** The vendor's documented base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.cegedim.cloud/itcare";
  /** Keycloak realm {@code cloud}'s token endpoint. */
  public static final String DEFAULT_TOKEN_URL =
      "https://accounts.cegedim.cloud/auth/realms/cloud/protocol/openid-connect/token";
  /**
   * Per-call options for {@link #withOptions}: the view sends {@code ITCare-DryRun: true} on each
   * of its requests, so use it for the mutating call, e.g. {@code
   * client.withOptions(DRY_RUN).beginDeleteInstance(id)}.
   */
  public static final CallOptions DRY_RUN =
      CallOptions.builder().header(DryRunInterceptor.HEADER, "true").build();

  private final ActionTracker tracker;
  private final boolean clientDryRun;
  private final boolean dryRun;
  private final String clientId;
  private final String tokenUrl;

  private ItCareClient(ClientRuntime runtime, ActionTracker tracker, boolean clientDryRun,
      String clientId, String tokenUrl) {
    super(invoker(runtime, tracker, isDryRun(runtime, clientDryRun)));
    this.tracker = tracker;
    this.clientDryRun = clientDryRun;
    this.dryRun = isDryRun(runtime, clientDryRun);
    this.clientId = clientId;
    this.tokenUrl = tokenUrl;
  }

  private static boolean isDryRun(ClientRuntime runtime, boolean clientDryRun) {
    return clientDryRun
        || "true".equalsIgnoreCase(runtime.callOptions().headers().get(DryRunInterceptor.HEADER));
  }

  /** Every {@code begin…} method's poller comes from the action tracker. */
  @SuppressWarnings("unchecked")
  private static OperationInvoker invoker(ClientRuntime runtime, ActionTracker tracker,
      boolean dryRun) {
    return new OperationInvoker(runtime, null,
        (operationId, call) -> tracker.begin(operationId, (Call<ActionTracking>) call, dryRun));
  }

  /** A builder; {@code clientId} and {@code clientSecret} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view of this client whose requests carry {@code options} (extra headers, retry mode),
   * sharing its connection pool and tokens; e.g. {@code withOptions(DRY_RUN)}. Its {@code close()}
   * does nothing.
   */
  public ItCareClient withOptions(CallOptions options) {
    Objects.requireNonNull(options, "options");
    ClientRuntime view = runtime.withOptions(options);
    return new ItCareClient(view, tracker.on(view), clientDryRun, clientId, tokenUrl);
  }

  /** True if this client (or view) sends its mutating requests as dry runs. */
  public boolean dryRun() {
    return dryRun;
  }

  // ---------------------------------------------------------------- lifecycle


  @Override
  public String toString() {
    return "ItCareClient{baseUrl=" + runtime.baseUrl() + ", tokenUrl=" + tokenUrl
        + ", clientId=" + clientId + (dryRun ? ", dryRun" : "") + '}';
  }

  /**
   * Builds an {@link ItCareClient}. Required: {@link #clientId}, {@link #clientSecret}; the rest
   * (see {@link ClientBuilder}) has defaults. Not thread-safe.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String clientId;
    private String clientSecret;
    private String tokenUrl = DEFAULT_TOKEN_URL;
    private String scope;
    private boolean dryRun;
    private final List<ProgressListener<Action>> listeners = new ArrayList<>();

    private Builder() {}

    /** The OAuth client id (shown by {@code toString()}). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The OAuth client secret (never shown, logged or put in an exception message). */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * The full URL of the token endpoint, called exactly as given (default {@value
     * ItCareClient#DEFAULT_TOKEN_URL}); {@code https} unless loopback.
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    /** The {@code scope} of token requests (public clients send {@code openid}); default none. */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /** Sends every mutating request with {@code ITCare-DryRun: true} (default false). */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Told about every status change of every action this client polls (logs, progress bars). */
    public Builder progressListener(ProgressListener<Action> listener) {
      listeners.add(Objects.requireNonNull(listener, "progressListener"));
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or invalid (e.g. a
     *     plain {@code http} base or token URL to a non-loopback host)
     */
    public ItCareClient build() {
      String id = requireText(clientId, "clientId");
      String secret = requireText(clientSecret, "clientSecret");
      String tokenEndpoint = HttpsGuard.requireHttps("tokenUrl", tokenUrl).toString();
      ClientSettings settings = settings(DEFAULT_BASE_URL, RetryOptions.defaults());
      Gson gson = JSON.createGson().create();
      ClientRuntime base = settings.runtime(API, gson, new ItCareErrorParser()).build();
      try {
        // a token request changes nothing server-side: safe to retry like a GET
        ItCareTokenSource source = new ItCareTokenSource(
            base.withOptions(CallOptions.retry(RetryMode.ALWAYS)), tokenEndpoint,
            BasicCredentials.of(id, secret), scope);
        TokenCache.Builder cache = TokenCache.builder(settings.observe(API, source)).name(API).clock(settings.clock());
        settings.executor().ifPresent(cache::executor);
        settings.tokenRefreshMargin().ifPresent(cache::refreshMargin);
        settings.tokenExpiryMargin().ifPresent(cache::expiryMargin);
        Interceptor auth = new BearerAuthInterceptor(cache.build());
        ClientRuntime runtime =
            base.withAuthentication(dryRun ? new DryRunInterceptor(auth) : auth);
        ActionTracker tracker = new ActionTracker(runtime, gson, settings.pollOptions(),
            settings.scheduler().orElse(null), listeners, settings.transport().callTimeout());
        return new ItCareClient(runtime, tracker, dryRun, id, tokenEndpoint);
      } catch (RuntimeException e) {
        base.close();
        throw e;
      }
    }

    @Override
    public String toString() {
      String baseUrl = configuredBaseUrl();
      return "ItCareClient.Builder{baseUrl=" + (baseUrl == null ? DEFAULT_BASE_URL : baseUrl)
          + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + '}';
    }
  }
}
