package dev.b2bsdk.carecloud;

import dev.b2bsdk.internal.TokenCache;
import dev.b2bsdk.internal.ClientSettings;
import dev.b2bsdk.internal.SecretValues;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.carecloud.api.TokensApi;
import dev.b2bsdk.generated.carecloud.model.PostTokenLoginRequest;
import dev.b2bsdk.generated.carecloud.model.PostTokenLoginResponse;
import dev.b2bsdk.generated.carecloud.model.PutTokenRequest;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the CareCloud <b>customer interface</b> (end-user apps: mobile, microsite, kiosk),
 * authenticated by a device token and optionally logged in as one customer. Thread-safe; build
 * one per installation and share it.
 *
 * <pre>{@code
 * CareCloudCustomerClient carecloud = CareCloudCustomerClient.builder()
 *     .baseUrl("https://myproject.crmcarecloud.com/webservice/rest-api")
 *     .externalApplicationId("82de12eb8b138791e678fd11c3")
 *     .device(Device.builder().id(installationId).system("Android 14").name("Pixel 8")
 *         .type("phone").build())
 *     .setup(DeviceSetup.of("en", false, true))
 *     .tokenStore(myKeychainStore)
 *     .build();
 * String customerId = carecloud.loginCustomer(LoginType.EMAIL, email, password);
 * carecloud.listCustomerVouchers(customerId).forEach(this::show);
 * }</pre>
 *
 * <p><b>Device token.</b> CareCloud issues one token per device and application; it never
 * expires, and creating another one for the same device invalidates it. The client therefore
 * takes the token from the {@link DeviceTokenStore} (default: one in-memory store per JVM) and
 * creates one ({@code POST /tokens}) only when the store has none, saving it; concurrent first
 * calls share one creation. When the server answers 401 to the stored token, the client creates
 * one new token (saved in place of the old one) and replays the call once.
 *
 * <p><b>Customer login.</b> {@link #loginCustomer} binds the device token to a customer: then
 * the customer interface shows only that customer's data. The binding belongs to the token; if
 * the token is replaced after a 401, log the customer in again. {@link #close()} logs the
 * customer out if this client logged them in; the device token stays valid and stored.
 *
 * <p>The base URL is the project URL up to {@code /webservice/rest-api}; the client appends
 * {@code /customer-interface/v1.0/}. Enterprise-only operations fail with
 * {@link InterfaceNotAllowedException}. Retries as for {@link CareCloudEnterpriseClient}.
 */
public final class CareCloudCustomerClient extends AbstractCareCloudClient {

  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.auth");

  /** The customer logged in and the device token they were logged in with. */
  private static final class Login {
    final String customerId;
    final String token;

    Login(String customerId, String token) {
      this.customerId = customerId;
      this.token = token;
    }
  }

  private final TokenCache tokens;
  private final DeviceTokenSource source;
  private final TokensApi tokensApi;
  private final Device device;
  private final AtomicReference<Login> login;
  private final boolean view;
  private final AtomicBoolean closed;

  private CareCloudCustomerClient(ClientRuntime runtime, ZoneId zone, String acceptLanguage,
      TokenCache tokens, DeviceTokenSource source, Device device, AtomicReference<Login> login,
      boolean view, AtomicBoolean closed) {
    super(runtime, "customer", zone, acceptLanguage);
    this.tokens = tokens;
    this.source = source;
    this.tokensApi = runtime.create(TokensApi.class);
    this.device = device;
    this.login = login;
    this.view = view;
    this.closed = closed;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The device token's operations ({@code /tokens/{token_id}}, customer interface only). The
   * token id the path needs is this client's device token; prefer {@link #loginCustomer},
   * {@link #logoutCustomer} and {@link #updateDevice}, which fill it in.
   */
  public TokensApi tokensApi() {
    return tokensApi;
  }

  /**
   * Logs a customer in on this device token ({@code POST /tokens/{token_id}/actions/login}).
   *
   * @param type what {@code value} is: e-mail, phone or card number
   * @param password the customer's password; never logged
   * @return the customer's id
   * @throws ApiException e.g. {@code ValidationException} or {@code AuthenticationException} for
   *     wrong credentials
   */
  public String loginCustomer(LoginType type, String value, String password) {
    Objects.requireNonNull(type, "type");
    requireId(value, "value");
    Objects.requireNonNull(password, "password");
    SecretValues.registerCredential(password);
    PostTokenLoginResponse response = execute(tokensApi.postTokenLogin(deviceToken(),
        new PostTokenLoginRequest().loginType(type.wire()).loginValue(value).password(password),
        null));
    String customerId = response == null || response.getData() == null
        ? null : response.getData().getCustomerId();
    if (customerId == null || customerId.isBlank()) {
      throw new MalformedResponseException(ApiException.builder(CareCloudClients.API)
          .operation("postTokenLogin").detail("the login response carries no data.customer_id"));
    }
    // the token that is current now: a 401 during the call may have replaced the first one
    login.set(new Login(customerId, source.current()));
    return customerId;
  }

  /** Logs the customer out of this device token ({@code POST /tokens/{token_id}/actions/logout}). */
  public void logoutCustomer() {
    execute(tokensApi.postTokenLogout(deviceToken(), null));
    login.set(null);
  }

  /** The id of the customer this client logged in, if any. */
  public Optional<String> customerId() {
    Login current = login.get();
    return current == null ? Optional.empty() : Optional.of(current.customerId);
  }

  /**
   * Updates the device token's setup and push token ({@code PUT /tokens/{token_id}}); PUT
   * replaces both, so pass the current push token (or null for none).
   */
  public void updateDevice(DeviceSetup setup, String pushToken) {
    Objects.requireNonNull(setup, "setup");
    execute(tokensApi.putToken(deviceToken(),
        new PutTokenRequest().setup(setup.toModel()).pushToken(pushToken), null));
  }

  /** The device this client speaks for. */
  public Device device() {
    return device;
  }

  /**
   * A view of this client whose calls carry {@code options} (extra headers, a retry mode): same
   * connections, token and customer login. Its {@code close()} does nothing.
   */
  public CareCloudCustomerClient withOptions(CallOptions options) {
    return new CareCloudCustomerClient(runtime.withOptions(Objects.requireNonNull(options,
        "options")), zone, acceptLanguage, tokens, source, device, login, true, closed);
  }

  /**
   * Logs the customer out if this client logged them in (and the token they were logged in with
   * is still the current one), then releases connections and threads the SDK created. A failed
   * logout is logged, not thrown. The device token stays valid and stored. Idempotent; does
   * nothing on a view.
   */
  @Override
  public void close() {
    if (view || !closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Login current = login.getAndSet(null);
      if (current != null && current.token != null && current.token.equals(source.current())) {
        // the token explicitly, not through the cache: closing must never create a token
        TokensApi api = runtime.withoutAuthentication().withOptions(CallOptions.builder()
            .header("Authorization", "Bearer " + current.token)
            .retryMode(RetryMode.NEVER).build()).create(TokensApi.class);
        runtime.execute(api.postTokenLogout(current.token, acceptLanguage));
      }
    } catch (Exception e) {
      LOG.warn("{}: customer logout at close failed: {}", CareCloudClients.API, e.getMessage());
    } finally {
      runtime.close();
    }
  }

  private String deviceToken() {
    return tokens.get().value();
  }

  @Override
  public String toString() {
    return "CareCloudCustomerClient{baseUrl=" + baseUrl() + ", device=" + device.id() + '}';
  }

  /**
   * Builds a {@link CareCloudCustomerClient}. Required: {@link #baseUrl},
   * {@link #externalApplicationId}, {@link #device}, {@link #setup}. Missing or invalid settings
   * fail at {@link #build()} with a message naming the setting.
   */
  public static final class Builder extends CareCloudBuilder<Builder> {
    private Device device;
    private DeviceSetup setup;
    private String pushToken;
    private DeviceTokenStore tokenStore = InMemoryDeviceTokenStore.SHARED;

    private Builder() {
    }

    /** The installation; its id must be stable per installation. Required. */
    public Builder device(Device device) {
      this.device = device;
      return this;
    }

    /** The setup sent when a device token is created. Required. */
    public Builder setup(DeviceSetup setup) {
      this.setup = setup;
      return this;
    }

    /** The push token sent when a device token is created (optional). */
    public Builder pushToken(String pushToken) {
      this.pushToken = pushToken;
      return this;
    }

    /**
     * Where the device token is kept between client instances and restarts. Default: one
     * in-memory store shared by the JVM's customer clients (lost at exit).
     */
    public Builder tokenStore(DeviceTokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /**
     * The client; nothing is sent until the first call.
     *
     * @throws IllegalArgumentException naming the first missing or invalid setting (a plain
     *     {@code http://} base URL to a non-loopback host is refused)
     */
    public CareCloudCustomerClient build() {
      ClientSettings settings = settings(null, CareCloudClients.DEFAULT_RETRY);
      checkShared();
      if (device == null) {
        throw new IllegalArgumentException("device is required");
      }
      if (setup == null) {
        throw new IllegalArgumentException("setup is required");
      }
      return ClientSettings.buildOrClose(runtime(settings, InterfaceUrl.CUSTOMER), base -> {
        DeviceTokenSource source = new DeviceTokenSource(base, tokenStore, externalApplicationId,
            device, setup, pushToken, acceptLanguage);
        TokenCache tokens = tokenCache(settings, source);
        AtomicBoolean closed = new AtomicBoolean();
        ClientRuntime authenticated = base.withAuthentication(
            new CareCloudAuthInterceptor(tokens, acceptLanguage, closed));
        return new CareCloudCustomerClient(authenticated, projectZone, acceptLanguage, tokens,
            source, device, new AtomicReference<>(), false, closed);
      });
    }

    @Override
    public String toString() {
      return "CareCloudCustomerClient.Builder{baseUrl=" + projectUrl + ", externalApplicationId="
          + externalApplicationId + ", device=" + (device == null ? null : device.id()) + '}';
    }
  }
}
