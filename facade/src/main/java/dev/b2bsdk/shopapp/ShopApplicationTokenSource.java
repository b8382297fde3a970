package dev.b2bsdk.shopapp;

import dev.b2bsdk.internal.AccessToken;
import dev.b2bsdk.internal.TokenSource;
import dev.b2bsdk.internal.SecretValues;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.generated.shopapp.api.AuthenticationApi;
import dev.b2bsdk.generated.shopapp.model.TokenResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Obtains Shop Application tokens with {@code GET /token?client_id=…&client_secret=…}.
 *
 * <p>The vendor puts the secret in the query string; the SDK's {@code Redactor} drops the whole
 * query of URLs ending in {@code /token}, so neither the HTTP log nor an exception shows it. The
 * call runs on the unauthenticated runtime (same pool, timeouts, retry and logging). Each fetch
 * is a new grant: the API has no refresh token. A missing or non-positive {@code expires_in} is
 * read as the documented one hour. {@code token_type} is not checked: the token is always sent
 * as {@code Authorization: Bearer}.
 */
final class ShopApplicationTokenSource implements TokenSource {

  /** The lifetime the vendor documents ({@code expires_in: 3600}). */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private final ClientRuntime runtime;
  private final AuthenticationApi api;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;

  ShopApplicationTokenSource(ClientRuntime runtime, String clientId, String clientSecret,
      Clock clock) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.api = runtime.create(AuthenticationApi.class);
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    SecretValues.registerCredential(clientSecret);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AccessToken fetch(AccessToken previous) {
    TokenResponse response = runtime.execute(api.getToken(clientId, clientSecret));
    String value = response == null ? null : response.getAccessToken();
    if (value == null || value.isBlank()) {
      throw new MalformedResponseException(ApiException.builder(runtime.api())
          .status(200)
          .operation("getToken")
          .detail("token response without access_token"));
    }
    Integer expiresIn = response.getExpiresIn();
    Duration lifetime = expiresIn != null && expiresIn > 0
        ? Duration.ofSeconds(expiresIn)
        : DEFAULT_LIFETIME;
    return AccessToken.expiringIn(value, lifetime, clock);
  }

  @Override
  public String toString() {
    return "ShopApplicationTokenSource{clientId=" + clientId + ", clientSecret=REDACTED}";
  }
}
