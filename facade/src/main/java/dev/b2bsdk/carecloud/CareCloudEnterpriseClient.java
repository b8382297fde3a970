package dev.b2bsdk.carecloud;

import dev.b2bsdk.internal.TokenCache;
import dev.b2bsdk.internal.ClientSettings;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.internal.ClientRuntime;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the CareCloud <b>enterprise interface</b> (back-office systems: POS, e-shop, BI),
 * logged in as a CareCloud user. Thread-safe; build one per application and share it.
 *
 * <pre>{@code
 * try (CareCloudEnterpriseClient carecloud = CareCloudEnterpriseClient.builder()
 *     .baseUrl("https://myproject.crmcarecloud.com/webservice/rest-api")
 *     .externalApplicationId("82de12eb8b138791e678fd11c3")
 *     .login("pos-integration").password(secret)
 *     .acceptLanguage("cs, en-gb;q=0.8")
 *     .build()) {
 *   Customer c = carecloud.execute(carecloud.customersApi().getCustomer(id, null)).getData();
 *   carecloud.listCustomers(CustomerQuery.builder().lastName("Smith").build())
 *       .stream().limit(500).forEach(this::sync);
 * }
 * }</pre>
 *
 * <p><b>Token.</b> The client logs in ({@code POST /users/actions/login}) at the first call and
 * again before the token's {@code valid_to} (project local time, converted with
 * {@link Builder#projectZone}); calls meanwhile keep the current token (one background login
 * when less than 5 min remain, callers wait only once less than 1 min remains). A 401 causes one
 * new login and one replay of the call. Concurrent callers share one login. {@link #close()}
 * logs out if the client logged in.
 *
 * <p><b>Retries.</b> 429, 500, 502, 503 and 504 and I/O errors are retried with full-jitter
 * exponential backoff for GET, PUT and DELETE (3 attempts, at most 60 s per call); a POST only
 * when it provably never reached the server. Change with {@link Builder#retry}, or per call
 * with {@link #withOptions}.
 *
 * <p>The base URL is the project URL up to {@code /webservice/rest-api}; the client appends
 * {@code /enterprise-interface/v1.0/}. An operation this interface does not serve fails with
 * {@link InterfaceNotAllowedException}. There is no {@code usersApi()}: login and logout are the
 * client's job.
 */
public final class CareCloudEnterpriseClient extends AbstractCareCloudClient {

  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.auth");

  private final TokenCache tokens;
  private final String login;
  private final boolean view;
  private final AtomicBoolean closed;

  private CareCloudEnterpriseClient(ClientRuntime runtime, ZoneId zone, String acceptLanguage,
      TokenCache tokens, String login, boolean view, AtomicBoolean closed) {
    super(runtime, "enterprise", zone, acceptLanguage);
    this.tokens = tokens;
    this.login = login;
    this.view = view;
    this.closed = closed;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view of this client whose calls carry {@code options} (extra headers, a retry mode): same
   * connections, same token. Its {@code close()} does nothing.
   *
   * <pre>{@code
   * carecloud.withOptions(CallOptions.retry(RetryMode.ALWAYS)).execute(...)
   * }</pre>
   */
  public CareCloudEnterpriseClient withOptions(CallOptions options) {
    return new CareCloudEnterpriseClient(runtime.withOptions(Objects.requireNonNull(options,
        "options")), zone, acceptLanguage, tokens, login, true, closed);
  }

  /**
   * Logs out ({@code POST /users/actions/logout} with the bearer token) if this client logged
   * in, then releases connections and threads the SDK created. A failed logout is logged, not
   * thrown. Idempotent; does nothing on a view.
   */
  @Override
  public void close() {
    if (view || !closed.compareAndSet(false, true)) {
      return;
    }
    try {
      tokens.revoke();
    } catch (Exception e) {
      LOG.warn("{}: logout at close failed: {}", CareCloudClients.API, e.getMessage());
    } finally {
      runtime.close();
    }
  }

  /** The token cache (tests). */
  TokenCache tokenCache() {
    return tokens;
  }

  @Override
  public String toString() {
    return "CareCloudEnterpriseClient{baseUrl=" + baseUrl() + ", login=" + login + '}';
  }

  /**
   * Builds a {@link CareCloudEnterpriseClient}. Required: {@link #baseUrl},
   * {@link #externalApplicationId}, {@link #login}, {@link #password}. Missing or invalid
   * settings fail at {@link #build()} with a message naming the setting.
   */
  public static final class Builder extends CareCloudBuilder<Builder> {
    private String login;
    private String password;
    private Duration assumedTokenLifetime = CareCloudClients.DEFAULT_TOKEN_LIFETIME;

    private Builder() {
    }

    /** The CareCloud user's login. Required. */
    public Builder login(String login) {
      this.login = login;
      return this;
    }

    /** The CareCloud user's password. Required; never logged or printed. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * The token lifetime assumed when a login answer carries no usable {@code valid_to}
     * (default 7 h, the vendor's default).
     */
    public Builder assumedTokenLifetime(Duration lifetime) {
      if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("assumedTokenLifetime must be a positive duration");
      }
      this.assumedTokenLifetime = lifetime;
      return this;
    }

    /**
     * The client; nothing is sent until the first call.
     *
     * @throws IllegalArgumentException naming the first missing or invalid setting (a plain
     *     {@code http://} base URL to a non-loopback host is refused)
     */
    public CareCloudEnterpriseClient build() {
      ClientSettings settings = settings(null, CareCloudClients.DEFAULT_RETRY);
      checkShared();
      requireText(login, "login");
      requireText(password, "password");
      return ClientSettings.buildOrClose(runtime(settings, InterfaceUrl.ENTERPRISE), base -> {
        EnterpriseLoginSource source = new EnterpriseLoginSource(base, externalApplicationId,
            login, password, acceptLanguage, projectZone, settings.clock(),
            assumedTokenLifetime);
        TokenCache tokens = tokenCache(settings, source);
        AtomicBoolean closed = new AtomicBoolean();
        ClientRuntime authenticated = base.withAuthentication(
            new CareCloudAuthInterceptor(tokens, acceptLanguage, closed));
        return new CareCloudEnterpriseClient(authenticated, projectZone, acceptLanguage, tokens,
            login, false, closed);
      });
    }

    @Override
    public String toString() {
      return "CareCloudEnterpriseClient.Builder{baseUrl=" + projectUrl + ", externalApplicationId="
          + externalApplicationId + ", login=" + login + ", password="
          + (password == null ? "null" : "REDACTED") + '}';
    }
  }
}
