package dev.b2bsdk.carecloud;

import dev.b2bsdk.internal.TokenCache;
import dev.b2bsdk.internal.TokenSource;
import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.internal.ClientSettings;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.generated.carecloud.invoker.JSON;
import java.time.ZoneId;
import java.util.Objects;
import okhttp3.Headers;

/**
 * The settings both CareCloud builders share, on top of the core's common settings.
 *
 * @param <B> the concrete builder
 */
abstract class CareCloudBuilder<B extends CareCloudBuilder<B>> extends ClientBuilder<B> {

  String projectUrl;
  String externalApplicationId;
  String acceptLanguage;
  ZoneId projectZone = CareCloudClients.DEFAULT_ZONE;

  CareCloudBuilder() {
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The project URL up to and including {@code /webservice/rest-api}, e.g.
   * {@code https://myproject.crmcarecloud.com/webservice/rest-api}. Required (each project has its
   * own host). The client appends its interface path; a URL that already ends with this client's
   * interface path ({@code .../enterprise-interface/v1.0}) is used as is, one that ends with the
   * other interface's path is refused. {@code https} is required unless the host is loopback.
   */
  @Override
  public B baseUrl(String baseUrl) {
    this.projectUrl = baseUrl;
    return super.baseUrl(baseUrl);
  }

  /**
   * The encoded id of your external application (CareCloud administration: System configuration
   * → External applications). Required.
   */
  public B externalApplicationId(String externalApplicationId) {
    this.externalApplicationId = externalApplicationId;
    return self();
  }

  /**
   * The {@code Accept-Language} sent with every call, e.g. {@code cs, en-gb;q=0.8}: the language
   * of names and descriptions in the answers. Default: none (the project's default language).
   * The generated methods take the header as their last parameter: pass null there to use this
   * value, or a value to override it for that call.
   */
  public B acceptLanguage(String acceptLanguage) {
    this.acceptLanguage = acceptLanguage;
    return self();
  }

  /**
   * The time zone of the CareCloud project (default {@code Europe/Prague}). CareCloud writes
   * date-times in project local time without an offset: the zone converts the enterprise
   * token's {@code valid_to} and is used by the client's {@code toInstant} /
   * {@code toLocalDateTime} helpers.
   */
  public B projectZone(ZoneId projectZone) {
    this.projectZone = Objects.requireNonNull(projectZone, "projectZone");
    return self();
  }

  /** Checks the shared settings; call before any resource is created. */
  final void checkShared() {
    requireText(externalApplicationId, "externalApplicationId");
    if (acceptLanguage != null) {
      try {
        Headers.of(CareCloudAuthInterceptor.ACCEPT_LANGUAGE, acceptLanguage);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("acceptLanguage is not a valid header value");
      }
      if (acceptLanguage.isBlank()) {
        throw new IllegalArgumentException("acceptLanguage must not be blank");
      }
    }
  }

  /** The unauthenticated runtime of {@code iface}, for the token source. */
  static ClientRuntime runtime(ClientSettings settings, InterfaceUrl iface) {
    return settings.runtime(CareCloudClients.API, JSON.createGson().create(),
            new CareCloudErrorParser())
        .exceptionRefiner(InterfaceNotAllowedException::refine)
        .baseUrl(iface.resolve(settings.baseUrl()))
        .build();
  }

  /** The token cache over {@code source}, with the common settings applied. */
  static TokenCache tokenCache(ClientSettings settings, TokenSource source) {
    TokenCache.Builder b = TokenCache.builder(settings.observe(CareCloudClients.API, source))
        .name(CareCloudClients.API)
        .clock(settings.clock());
    settings.executor().ifPresent(b::executor);
    settings.tokenRefreshMargin().ifPresent(b::refreshMargin);
    settings.tokenExpiryMargin().ifPresent(b::expiryMargin);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tokenExpiryMargin must not exceed tokenRefreshMargin (default 5 min)", e);
    }
  }
}
