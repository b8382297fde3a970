package dev.b2bsdk.itcare;

import dev.b2bsdk.internal.AccessToken;
import dev.b2bsdk.internal.BasicCredentials;
import dev.b2bsdk.internal.TokenSource;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.generated.itcare.model.TokenResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Url;

/**
 * OAuth 2.0 client credentials against ITCare's Keycloak, with Basic client authentication.
 *
 * <p>While the previous token's refresh token is valid (its {@code refresh_expires_in}, with a
 * small margin), a renewal uses {@code grant_type=refresh_token}; if Keycloak rejects it (400 or
 * 401, typically {@code invalid_grant} after a session ended), one new client-credentials grant
 * follows. A rejected client-credentials grant (wrong id or secret) is an
 * {@link AuthenticationException} carrying the OAuth {@code error_description}.
 *
 * <p>The token URL is the full endpoint URL and is called exactly as given (Retrofit
 * {@code @Url}), on the client's unauthenticated runtime: same pool, timeouts and redacting
 * logger, never the bearer interceptor.
 */
final class ItCareTokenSource implements TokenSource {

  /** Lifetime assumed when the response has no {@code expires_in} (the documented 20 min). */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(20);
  /** A refresh token this close to its expiry could lapse in transit: use a new grant instead. */
  static final Duration REFRESH_TOKEN_MARGIN = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ItCareTokenSource.class);

  /** The token endpoint, addressed by its full URL. */
  interface TokenEndpoint {
    @FormUrlEncoded
    @POST
    Call<TokenResponse> getToken(
        @Url String tokenUrl,
        @Header("Authorization") String authorization,
        @Field("grant_type") String grantType,
        @Field("refresh_token") String refreshToken,
        @Field("scope") String scope);
  }

  private final ClientRuntime runtime;
  private final TokenEndpoint endpoint;
  private final String tokenUrl;
  private final BasicCredentials client;
  private final String scope;
  private final Clock clock;

  /**
   * @param runtime an unauthenticated runtime (token requests must not carry a bearer token)
   * @param scope the {@code scope} form field, or null to send none
   */
  ItCareTokenSource(ClientRuntime runtime, String tokenUrl, BasicCredentials client, String scope) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.endpoint = runtime.create(TokenEndpoint.class);
    this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
    this.client = Objects.requireNonNull(client, "client");
    this.scope = scope;
    this.clock = runtime.clock();
  }

  @Override
  public AccessToken fetch(AccessToken previous) {
    if (previous != null
        && previous.hasRefreshTokenValidFor(clock.instant(), REFRESH_TOKEN_MARGIN)) {
      try {
        return grant("refresh_token", previous.refreshToken().orElseThrow());
      } catch (ApiException e) {
        if (!rejected(e)) {
          throw e; // 5xx, transport: the cache keeps the old token and retries later
        }
        LOG.debug("{}: refresh token rejected ({} {}), requesting a new token",
            runtime.api(), e.status(), e.errorCode());
      }
    }
    try {
      return grant("client_credentials", null);
    } catch (ApiException e) {
      if (rejected(e) && !(e instanceof AuthenticationException)) {
        throw new AuthenticationException(e.toBuilder().cause(e));
      }
      throw e;
    }
  }

  private AccessToken grant(String grantType, String refreshToken) {
    Instant requestedAt = clock.instant();
    TokenResponse response = runtime.execute(endpoint.getToken(
        tokenUrl, client.authorizationHeader(), grantType, refreshToken, scope));
    if (response == null || response.getAccessToken() == null
        || response.getAccessToken().isEmpty()) {
      throw new MalformedResponseException(ApiException.builder(runtime.api())
          .operation("getToken").status(200).detail("token response without access_token"));
    }
    // measured from the request, so that a slow answer cannot stretch the lifetime
    Long expiresIn = response.getExpiresIn();
    Duration lifetime = expiresIn != null && expiresIn > 0
        ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME;
    AccessToken token = AccessToken.of(response.getAccessToken(), requestedAt.plus(lifetime));
    if (response.getRefreshToken() == null || response.getRefreshToken().isEmpty()) {
      return token;
    }
    // Keycloak sends refresh_expires_in 0 for a refresh token without its own expiry
    Long refreshIn = response.getRefreshExpiresIn();
    Instant refreshExpiresAt = refreshIn != null && refreshIn > 0
        ? requestedAt.plusSeconds(refreshIn) : null;
    return token.withRefreshToken(response.getRefreshToken(), refreshExpiresAt);
  }

  /** Keycloak answers 400 ({@code invalid_grant}, ...) or 401 ({@code invalid_client}). */
  private static boolean rejected(ApiException e) {
    return e.status() == 400 || e.status() == 401;
  }

  @Override
  public String toString() {
    return "ItCareTokenSource{clientId=" + client.username() + ", tokenUrl=" + tokenUrl + '}';
  }
}
