package dev.b2bsdk.shopapp;

import dev.b2bsdk.internal.BearerAuthInterceptor;
import dev.b2bsdk.internal.TokenCache;
import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.internal.OperationInvoker;
import dev.b2bsdk.internal.ClientSettings;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.internal.ClientRuntime;
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
public final class ShopApplicationClient extends ShopApplicationOperations {

  /** The API's name in exceptions, logs and the user agent. */
  public static final String API = "Shop Application";

  /** The vendor's documented base URL, used unless {@link Builder#baseUrl} says otherwise. */
  public static final String DEFAULT_BASE_URL = "https://api.cegid.shop-application.io";

  private final String clientId;

  private ShopApplicationClient(ClientRuntime runtime, String clientId) {
    super(new OperationInvoker(runtime, null, null));
    this.clientId = clientId;
  }

  /** A builder; {@code clientId} and {@code clientSecret} are required. */
  public static Builder builder() {
    return new Builder();
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
            .builder(settings.observe(API,
                new ShopApplicationTokenSource(unauthenticated, id, secret, settings.clock())))
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
