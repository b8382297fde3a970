package dev.b2bsdk.shopapp;

import dev.b2bsdk.core.auth.BearerAuthInterceptor;
import dev.b2bsdk.core.auth.TokenCache;
import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.core.client.ServiceClient;
import dev.b2bsdk.core.client.ClientSettings;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.ClientRuntime;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.generated.shopapp.api.CatalogueApi;
import dev.b2bsdk.generated.shopapp.api.InterfacePrestationsApi;
import dev.b2bsdk.generated.shopapp.api.InterfacesApi;
import dev.b2bsdk.generated.shopapp.invoker.JSON;
import dev.b2bsdk.generated.shopapp.model.InterfaceDetails;
import dev.b2bsdk.generated.shopapp.model.InterfacePrestation;
import dev.b2bsdk.generated.shopapp.model.Prestation;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Client of the Shop Application API (Cegid): the service catalogue ("prestations") and the
 * shops ("interfaces") built from them. Thread-safe; build once, share, {@link #close()} at the
 * end.
 *
 * <pre>{@code
 * try (ShopApplicationClient shop = ShopApplicationClient.builder()
 *     .clientId("my-client-id")
 *     .clientSecret(System.getenv("SHOPAPP_SECRET"))
 *     .build()) {
 *   for (UUID key : shop.listInterfaces()) {
 *     InterfaceDetails details = shop.getInterface(key);
 *   }
 *   NewInterfaceResponse created = shop.execute(shop.interfacesApi().createInterface(order));
 * }
 * }</pre>
 *
 * <p><b>Tokens.</b> The client obtains its token with {@code GET /token} (the vendor's design puts
 * {@code client_id} and {@code client_secret} in that URL's query; the SDK never logs that URL's
 * query nor puts it in an exception) and sends it only as {@code Authorization: Bearer}, never in
 * a URL or body, although the API would accept both. One token request serves every call until
 * the token goes stale (lifetime {@code expires_in}, one hour by default: refreshed in the
 * background from 5 minutes before expiry, never sent in its last minute; see
 * {@link ClientBuilder#tokenRefreshMargin}); a 401 causes one new token and one replay.
 *
 * <p><b>Errors.</b> The API's {@code {"error": true, "message"}} becomes the exception's message.
 * It has no 404: an unknown route or an unknown key is a 400, i.e. a
 * {@code ValidationException}; {@code NotFoundException} never occurs for this API. Defaults:
 * {@link RetryOptions#defaults()}, no politeness limits. Nothing is paged: lists are plain
 * {@link List}s.
 */
public final class ShopApplicationClient extends ServiceClient {

  /** The API's name in exceptions, logs and the user agent. */
  public static final String API = "Shop Application";

  /** The vendor's documented base URL, used unless {@link Builder#baseUrl} says otherwise. */
  public static final String DEFAULT_BASE_URL = "https://api.cegid.shop-application.io";

  private final String clientId;
  private final InterfacesApi interfaces;
  private final InterfacePrestationsApi interfacePrestations;
  private final CatalogueApi catalogue;

  private ShopApplicationClient(ClientRuntime runtime, String clientId) {
    super(runtime);
    this.clientId = clientId;
    this.interfaces = runtime.create(InterfacesApi.class);
    this.interfacePrestations = runtime.create(InterfacePrestationsApi.class);
    this.catalogue = runtime.create(CatalogueApi.class);
  }

  /** A builder; {@code clientId} and {@code clientSecret} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Shops: list, detail, order, request deletion, reactivate (authenticated). */
  public InterfacesApi interfacesApi() {
    return interfaces;
  }

  /** Services of one shop: list, detail, add-on sales, cancellation (authenticated). */
  public InterfacePrestationsApi interfacePrestationsApi() {
    return interfacePrestations;
  }

  /** The catalogue of services available for ordering (authenticated). */
  public CatalogueApi catalogueApi() {
    return catalogue;
  }

  /** The keys of the account's shops ({@code GET /interfaces}); never null. */
  public List<UUID> listInterfaces() {
    return orEmpty(execute(interfaces.listInterfaces()));
  }

  /** One shop ({@code GET /interfaces/{key}}); an unknown key is a {@code ValidationException}. */
  public InterfaceDetails getInterface(UUID key) {
    return execute(interfaces.getInterface(Objects.requireNonNull(key, "key")));
  }

  /** The service codes of one shop ({@code GET /interfaces/{key}/prestations}); never null. */
  public List<String> listInterfacePrestations(UUID key) {
    return orEmpty(execute(
        interfacePrestations.listInterfacePrestations(Objects.requireNonNull(key, "key"))));
  }

  /**
   * Every occurrence of one service in one shop ({@code GET
   * /interfaces/{key}/prestations/{code}}): a service may have been added several times, each
   * occurrence with its own {@code reference_unique}; never null.
   */
  public List<InterfacePrestation> getInterfacePrestation(UUID key, String code) {
    return orEmpty(execute(interfacePrestations.getInterfacePrestation(
        Objects.requireNonNull(key, "key"), Objects.requireNonNull(code, "code"))));
  }

  /** The codes of the services available for ordering ({@code GET /prestations}); never null. */
  public List<String> listCatalogue() {
    return orEmpty(execute(catalogue.listPrestations()));
  }

  /** One catalogue service with its price and associated services ({@code GET /prestation/{code}}). */
  public Prestation getPrestation(String code) {
    return execute(catalogue.getPrestation(Objects.requireNonNull(code, "code")));
  }

  /**
   * A view of this client whose calls carry {@code options} (extra headers, retry mode), sharing
   * its connections and token. Use the view's own API accessors; its {@code close()} does nothing.
   */
  public ShopApplicationClient withOptions(CallOptions options) {
    return new ShopApplicationClient(runtime.withOptions(options), clientId);
  }


  @Override
  public String toString() {
    return "ShopApplicationClient{baseUrl=" + runtime.baseUrl() + ", clientId=" + clientId + '}';
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * Builds a {@link ShopApplicationClient}: {@link #clientId} and {@link #clientSecret} are
   * required, every common setting of {@link ClientBuilder} is optional (base URL default
   * {@value ShopApplicationClient#DEFAULT_BASE_URL}). Not thread-safe.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String clientId;
    private String clientSecret;

    private Builder() {
    }

    /** The API client id (required). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The API client secret (required); never logged nor shown by {@code toString()}. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or invalid (for
     *     example a plain-http base URL to a non-loopback host)
     */
    public ShopApplicationClient build() {
      String id = requireText(clientId, "clientId");
      String secret = requireText(clientSecret, "clientSecret");
      ClientSettings settings = settings(DEFAULT_BASE_URL, RetryOptions.defaults());
      // the token endpoint uses this runtime as is: it must not carry the bearer interceptor
      ClientRuntime unauthenticated = settings
          .runtime(API, JSON.createGson().create(), new ShopApplicationErrorParser())
          .build();
      try {
        TokenCache.Builder tokens = TokenCache
            .builder(new ShopApplicationTokenSource(unauthenticated, id, secret, settings.clock()))
            .name(API)
            .clock(settings.clock());
        settings.executor().ifPresent(tokens::executor);
        settings.tokenRefreshMargin().ifPresent(tokens::refreshMargin);
        settings.tokenExpiryMargin().ifPresent(tokens::expiryMargin);
        ClientRuntime runtime =
            unauthenticated.withAuthentication(new BearerAuthInterceptor(tokens.build()));
        return new ShopApplicationClient(runtime, id);
      } catch (RuntimeException e) {
        unauthenticated.close();
        throw e;
      }
    }

    @Override
    public String toString() {
      String url = configuredBaseUrl();
      return "ShopApplicationClient.Builder{baseUrl=" + (url != null ? url : DEFAULT_BASE_URL)
          + ", clientId=" + clientId + '}';
    }
  }
}
