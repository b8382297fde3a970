package dev.b2bsdk.carecloud;

import dev.b2bsdk.internal.AccessToken;
import dev.b2bsdk.internal.TokenSource;
import dev.b2bsdk.internal.SecretValues;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.carecloud.api.UsersApi;
import dev.b2bsdk.generated.carecloud.model.PostUserLoginResponse;
import dev.b2bsdk.generated.carecloud.model.PostUserLoginResponseData;
import dev.b2bsdk.generated.carecloud.model.PostUserLoginRequest;
import dev.b2bsdk.generated.carecloud.model.PostUserLogoutRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enterprise-interface tokens: {@code POST /users/actions/login} (200 or 201) for each token, as
 * there is no refresh endpoint; {@code POST /users/actions/logout} on {@link #revoke}.
 *
 * <p>{@code valid_to} is the project's local time without an offset: it is converted with the
 * configured project zone (in a daylight-saving overlap the earlier instant, so the token is
 * never trusted longer than it lives). A missing {@code valid_to}, or one that is not in the
 * future (a wrong project zone would do that), falls back to the assumed lifetime (7 h, the
 * vendor's default) instead of making every call log in again; a token that dies earlier is
 * caught by the 401 path.
 *
 * <p>The login is retried like an idempotent call (on 429, 500, 502-504 and I/O errors): a
 * repeated login creates nothing visible, it only issues another token.
 */
final class EnterpriseLoginSource implements TokenSource {

  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.auth");

  private final ClientRuntime runtime;
  private final UsersApi loginApi;
  private final String externalApplicationId;
  private final String login;
  private final String password;
  private final String acceptLanguage;
  private final ZoneId zone;
  private final Clock clock;
  private final Duration assumedLifetime;

  /** @param runtime the unauthenticated runtime of the enterprise interface */
  EnterpriseLoginSource(ClientRuntime runtime, String externalApplicationId, String login,
      String password, String acceptLanguage, ZoneId zone, Clock clock,
      Duration assumedLifetime) {
    this.runtime = runtime;
    this.loginApi = runtime.withOptions(CallOptions.retry(RetryMode.ALWAYS)).create(UsersApi.class);
    this.externalApplicationId = externalApplicationId;
    this.login = login;
    this.password = password;
    SecretValues.registerCredential(password);
    this.acceptLanguage = acceptLanguage;
    this.zone = zone;
    this.clock = clock;
    this.assumedLifetime = assumedLifetime;
  }

  @Override
  public AccessToken fetch(AccessToken previous) {
    PostUserLoginResponse response = runtime.execute(loginApi.postUserLogin(new PostUserLoginRequest()
        .userExternalApplicationId(externalApplicationId).login(login).password(password),
        acceptLanguage));
    PostUserLoginResponseData data = response == null ? null : response.getData();
    if (data == null || data.getBearerToken() == null || data.getBearerToken().isBlank()) {
      throw new MalformedResponseException(ApiException.builder(CareCloudClients.API)
          .operation("postUserLogin").detail("the login response carries no data.bearer_token"));
    }
    return AccessToken.of(data.getBearerToken(), expiry(data.getValidTo()));
  }

  /** The instant {@code validTo} (project local time) stands for; see the class comment. */
  Instant expiry(LocalDateTime validTo) {
    Instant now = clock.instant();
    if (validTo == null) {
      return now.plus(assumedLifetime);
    }
    Instant expiry = validTo.atZone(zone).toInstant();
    if (!expiry.isAfter(now)) {
      LOG.warn("{}: login valid_to {} is not in the future in project zone {}; assuming {} "
          + "(check the client's projectZone)", CareCloudClients.API, validTo, zone,
          assumedLifetime);
      return now.plus(assumedLifetime);
    }
    return expiry;
  }

  /** Ends the session: {@code POST /users/actions/logout} with the token in body and header. */
  @Override
  public void revoke(AccessToken token) {
    UsersApi api = runtime.withOptions(CallOptions.builder()
        .header("Authorization", "Bearer " + token.value())
        .retryMode(RetryMode.NEVER)
        .build()).create(UsersApi.class);
    runtime.execute(api.postUserLogout(new PostUserLogoutRequest()
        .userExternalApplicationId(externalApplicationId).bearerToken(token.value()),
        acceptLanguage));
  }

  @Override
  public String toString() {
    return "EnterpriseLoginSource{login=" + login + ", password=REDACTED}";
  }
}
