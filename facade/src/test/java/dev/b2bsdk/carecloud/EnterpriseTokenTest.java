package dev.b2bsdk.carecloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.b2bsdk.carecloud.CareCloudMock.ENTERPRISE;
import static dev.b2bsdk.carecloud.CareCloudMock.LOGIN;
import static dev.b2bsdk.carecloud.CareCloudMock.LOGOUT;
import static dev.b2bsdk.carecloud.CareCloudMock.error;
import static dev.b2bsdk.carecloud.CareCloudMock.loginOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.internal.TokenCache;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The enterprise login lifecycle end to end; the WireMock journal is the evidence. */
class EnterpriseTokenTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final String STORE = ENTERPRISE + "stores/s1";

  private CareCloudMock mock;

  @BeforeEach
  void start() {
    mock = new CareCloudMock();
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  private Instant now() {
    return mock.clock.instant();
  }

  private static void getStore(CareCloudEnterpriseClient client) {
    assertThat(client.stores().get("s1").getStoreId())
        .isEqualTo("s1");
  }

  private List<String> storeTokens() {
    List<String> tokens = new ArrayList<>();
    for (LoggedRequest r : mock.gets(STORE)) {
      tokens.add(r.getHeader("Authorization"));
    }
    return tokens;
  }

  @Test
  void logsInOnceAndSendsTheCredentialsAndTheToken() {
    mock.stubLogins(loginOk("tok-A", now().plus(Duration.ofHours(7)), PRAGUE));
    mock.stubStore(ENTERPRISE);
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      getStore(client);
      getStore(client);
    }
    assertThat(mock.posts(LOGIN)).hasSize(1);
    assertThat(mock.posts(LOGIN).get(0).getBodyAsString()).isEqualToIgnoringWhitespace(
        "{\"user_external_application_id\":\"" + CareCloudMock.APP_ID + "\",\"login\":\""
            + CareCloudMock.LOGIN_NAME + "\",\"password\":\"" + CareCloudMock.PASSWORD + "\"}");
    assertThat(storeTokens()).containsExactly("Bearer tok-A", "Bearer tok-A");
  }

  @Test
  void acceptsA201Login() {
    mock.stubLogins(loginOk("tok-A", now().plus(Duration.ofHours(7)), PRAGUE).withStatus(201));
    mock.stubStore(ENTERPRISE);
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      getStore(client);
    }
    assertThat(storeTokens()).containsExactly("Bearer tok-A");
  }

  /**
   * {@code valid_to} is project local time: with the project in Auckland (UTC+13 in January)
   * and the JVM elsewhere, "2026-01-01 20:00:00" is 07:00 UTC, and the cache uses exactly that.
   */
  @Test
  void validToIsReadInTheProjectZoneNotTheJvmZone() {
    ZoneId project = ZoneId.of("Pacific/Auckland");
    if (ZoneId.systemDefault().getRules().equals(project.getRules())) {
      project = ZoneId.of("America/Los_Angeles"); // keep the zones different on any machine
    }
    Instant expected = Instant.parse("2026-01-01T07:00:00Z");
    String validTo = java.time.LocalDateTime.ofInstant(expected, project)
        .format(CareCloudMock.LOCAL);
    if (project.getId().equals("Pacific/Auckland")) {
      assertThat(validTo).isEqualTo("2026-01-01 20:00:00");
    }
    mock.stubLogins(loginOk("tok-A", validTo), loginOk("tok-B", "2026-01-02 20:00:00"));
    mock.stubStore(ENTERPRISE);
    // equal margins: no STALE window, the token is used until exactly expiry - 1 min
    try (CareCloudEnterpriseClient client = mock.enterprise().projectZone(project)
        .tokenRefreshMargin(Duration.ofMinutes(1)).tokenExpiryMargin(Duration.ofMinutes(1))
        .build()) {
      getStore(client);
      assertThat(client.tokenCache().get().expiresAt()).contains(expected);

      mock.clock.set(expected.minus(Duration.ofMinutes(1)).minusMillis(1));
      getStore(client);
      assertThat(mock.posts(LOGIN)).hasSize(1);

      mock.clock.set(expected.minus(Duration.ofMinutes(1)));
      getStore(client);
      assertThat(mock.posts(LOGIN)).hasSize(2);
    }
    assertThat(storeTokens()).containsExactly("Bearer tok-A", "Bearer tok-A", "Bearer tok-B");
  }

  @Test
  void aValidToInThePastFallsBackToTheAssumedLifetimeInsteadOfLoggingInOnEveryCall() {
    mock.stubLogins(loginOk("tok-A", "2020-01-01 00:00:00"));
    mock.stubStore(ENTERPRISE);
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      getStore(client);
      getStore(client);
      assertThat(client.tokenCache().get().expiresAt()).contains(now().plus(Duration.ofHours(7)));
    }
    assertThat(mock.posts(LOGIN)).hasSize(1);
  }

  @Test
  void expiredTokenWith256ConcurrentCallsCausesExactlyOneLogin() throws Exception {
    Instant firstExpiry = now().plus(Duration.ofHours(7));
    mock.stubLogins(loginOk("tok-A", firstExpiry, PRAGUE),
        loginOk("tok-B", firstExpiry.plus(Duration.ofHours(7)), PRAGUE)
            .withFixedDelay(200)); // keep the login in flight while the callers pile up
    mock.stubStore(ENTERPRISE);
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      getStore(client);
      mock.clock.set(firstExpiry.plusSeconds(1));
      assertThat(client.tokenCache().state()).isEqualTo(TokenCache.State.EXPIRED);

      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 256; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return client.stores().get("s1").getStoreId();
        }));
      }
      go.countDown();
      for (Future<String> r : results) {
        assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo("s1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(mock.posts(LOGIN)).hasSize(2);
    List<String> tokens = storeTokens();
    assertThat(tokens).hasSize(257);
    assertThat(tokens.subList(1, 257)).containsOnly("Bearer tok-B");
  }

  @Test
  void staleTokenStartsOneBackgroundLoginWhileCallsKeepTheCurrentToken() {
    Instant expiry = now().plus(Duration.ofHours(7));
    mock.stubLogins(loginOk("tok-A", expiry, PRAGUE),
        loginOk("tok-B", expiry.plus(Duration.ofHours(7)), PRAGUE));
    mock.stubStore(ENTERPRISE);
    ConcurrentLinkedQueue<Runnable> background = new ConcurrentLinkedQueue<>();
    try (CareCloudEnterpriseClient client = mock.enterprise().executor(background::add).build()) {
      getStore(client);
      mock.clock.set(expiry.minus(Duration.ofMinutes(4))); // within the 5-min refresh margin
      assertThat(client.tokenCache().state()).isEqualTo(TokenCache.State.STALE);
      getStore(client);
      getStore(client);
      getStore(client);
      assertThat(background).hasSize(1);
      assertThat(mock.posts(LOGIN)).hasSize(1);

      background.poll().run();
      assertThat(mock.posts(LOGIN)).hasSize(2);
      getStore(client);
    }
    assertThat(storeTokens()).containsExactly(
        "Bearer tok-A", "Bearer tok-A", "Bearer tok-A", "Bearer tok-A", "Bearer tok-B");
  }

  @Test
  void failedRefreshKeepsTheValidTokenAndFailsTypedOnceItExpires() {
    Instant expiry = now().plus(Duration.ofHours(7));
    mock.stubLogins(loginOk("tok-A", expiry, PRAGUE),
        error(400, "invalid_credentials", "Password expired"));
    mock.stubStore(ENTERPRISE);
    ConcurrentLinkedQueue<Runnable> background = new ConcurrentLinkedQueue<>();
    try (CareCloudEnterpriseClient client = mock.enterprise().executor(background::add).build()) {
      getStore(client);
      mock.clock.set(expiry.minus(Duration.ofMinutes(4)));
      getStore(client);
      background.poll().run(); // the refresh fails
      assertThat(mock.posts(LOGIN)).hasSize(2);
      getStore(client); // still the valid token, no new attempt before the backoff ends
      assertThat(mock.posts(LOGIN)).hasSize(2);
      assertThat(background).isEmpty();

      mock.clock.set(expiry);
      AuthenticationException e = catchThrowableOfType(() -> getStore(client),
          AuthenticationException.class);
      assertThat(e.api()).isEqualTo("CareCloud");
      assertThat(e.getMessage()).contains("CareCloud").contains("Password expired")
          .doesNotContain(CareCloudMock.PASSWORD);
    }
    assertThat(storeTokens()).containsExactly("Bearer tok-A", "Bearer tok-A", "Bearer tok-A");
  }

  @Test
  void a401WithTheCurrentTokenCausesOneLoginAndOneRetry() {
    Instant expiry = now().plus(Duration.ofHours(7));
    mock.stubLogins(loginOk("tok-A", expiry, PRAGUE), loginOk("tok-B", expiry, PRAGUE));
    mock.wm.stubFor(get(urlPathEqualTo(STORE)).withHeader("Authorization", equalTo("Bearer tok-A"))
        .willReturn(error(401, "unauthorized_exception", "Token expired")));
    mock.wm.stubFor(get(urlPathEqualTo(STORE)).withHeader("Authorization", equalTo("Bearer tok-B"))
        .willReturn(CareCloudMock.store("s1")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      getStore(client);
    }
    assertThat(mock.posts(LOGIN)).hasSize(2);
    assertThat(storeTokens()).containsExactly("Bearer tok-A", "Bearer tok-B");
  }

  @Test
  void aPersistent401FailsTypedAfterExactlyTwoAttempts() {
    Instant expiry = now().plus(Duration.ofHours(7));
    mock.stubLogins(loginOk("tok-A", expiry, PRAGUE), loginOk("tok-B", expiry, PRAGUE));
    mock.wm.stubFor(get(urlPathEqualTo(STORE))
        .willReturn(error(401, "unauthorized_exception", "Token not valid")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      AuthenticationException e = catchThrowableOfType(() -> getStore(client),
          AuthenticationException.class);
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.getMessage()).contains("CareCloud getStore").contains("Token not valid");
    }
    assertThat(storeTokens()).containsExactly("Bearer tok-A", "Bearer tok-B");
    assertThat(mock.posts(LOGIN)).hasSize(2);
  }

  @Test
  void wrongCredentialsFailTypedNamingTheApiWithoutALoop() {
    mock.stubLogins(error(401, "invalid_credentials_exception", "Invalid login or password"));
    mock.stubStore(ENTERPRISE);
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      AuthenticationException e = catchThrowableOfType(() -> getStore(client),
          AuthenticationException.class);
      assertThat(e.getMessage()).startsWith("CareCloud").contains("Invalid login or password")
          .doesNotContain(CareCloudMock.PASSWORD);
    }
    assertThat(mock.posts(LOGIN)).hasSize(1);
    assertThat(mock.gets(STORE)).isEmpty();
    assertThat(mock.posts(LOGOUT)).isEmpty(); // never logged in: nothing to log out
  }

  @Test
  void closeLogsOutOnceWithTheBearerTokenInTheBody() {
    mock.stubLogins(loginOk("tok-A", now().plus(Duration.ofHours(7)), PRAGUE));
    mock.stubStore(ENTERPRISE);
    mock.stubLogout();
    CareCloudEnterpriseClient client = mock.enterprise().build();
    getStore(client);
    client.withOptions(dev.b2bsdk.core.http.CallOptions.NONE).close(); // a view: no logout
    assertThat(mock.posts(LOGOUT)).isEmpty();
    client.close();
    client.close();
    List<LoggedRequest> logouts = mock.posts(LOGOUT);
    assertThat(logouts).hasSize(1);
    assertThat(logouts.get(0).getBodyAsString()).isEqualToIgnoringWhitespace(
        "{\"user_external_application_id\":\"" + CareCloudMock.APP_ID
            + "\",\"bearer_token\":\"tok-A\"}");
    assertThat(logouts.get(0).getHeader("Authorization")).isEqualTo("Bearer tok-A");
  }

  @Test
  void closeWithoutLoginSendsNothing() {
    mock.enterprise().build().close();
    assertThat(mock.all()).isEmpty();
  }

  @Test
  void aFailedLogoutAtCloseIsLoggedNotThrown() {
    mock.stubLogins(loginOk("tok-A", now().plus(Duration.ofHours(7)), PRAGUE));
    mock.stubStore(ENTERPRISE);
    mock.wm.stubFor(post(urlPathEqualTo(LOGOUT)).willReturn(aResponse().withStatus(500)));
    CareCloudEnterpriseClient client = mock.enterprise().build();
    getStore(client);
    client.close();
    assertThat(mock.posts(LOGOUT)).hasSize(1); // a POST: not retried
    assertThatThrownBy(() -> getStore(client)).isInstanceOf(ApiException.class)
        .hasMessageContaining("closed");
    assertThat(mock.posts(LOGIN)).hasSize(1); // a closed client never logs in again
  }

  @Test
  void loginIsRetriedOnA503ThenSucceeds() {
    mock.stubLogins(error(503, "service_unavailable", "busy"),
        loginOk("tok-A", now().plus(Duration.ofHours(7)), PRAGUE));
    mock.stubStore(ENTERPRISE);
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      getStore(client);
    }
    assertThat(mock.posts(LOGIN)).hasSize(2);
    assertThat(mock.sleeper.delays()).hasSize(1);
    assertThat(mock.posts(LOGIN).get(1).getBodyAsString())
        .isEqualTo(mock.posts(LOGIN).get(0).getBodyAsString());
  }

  @Test
  void loginBodyMatchesTheSpecShape() {
    mock.wm.stubFor(post(urlPathEqualTo(LOGIN)).withRequestBody(equalToJson(
        "{\"user_external_application_id\":\"" + CareCloudMock.APP_ID + "\",\"login\":\""
            + CareCloudMock.LOGIN_NAME + "\",\"password\":\"" + CareCloudMock.PASSWORD + "\"}"))
        .withHeader("Content-Type", containing("application/json"))
        .willReturn(loginOk("tok-A", now().plus(Duration.ofHours(7)), PRAGUE)));
    mock.stubStore(ENTERPRISE);
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      getStore(client);
    }
    assertThat(storeTokens()).containsExactly("Bearer tok-A");
  }
}
