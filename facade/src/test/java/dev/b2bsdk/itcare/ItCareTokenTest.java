package dev.b2bsdk.itcare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.generated.itcare.model.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token lifecycle of {@link ItCareClient}, end to end, with the WireMock journals as evidence. */
class ItCareTokenTest extends ItCareWireMockTest {

  private static final String INSTANCE_PATH = "/itcare/compute/instances/1204571";
  private static final String INSTANCE = "{\"id\":1204571,\"name\":\"pdebwebsrv01\","
      + "\"creationTime\":\"2016-06-01T12:27:19.000+0200\"}";

  @BeforeEach
  void stubInstance() {
    api.stubFor(get(urlPathEqualTo(INSTANCE_PATH)).willReturn(okJson(INSTANCE)));
  }

  private Instance getInstance() {
    return client.instances().get(1204571L);
  }

  private List<String> bearers() {
    return apiRequests().stream().map(r -> r.getHeader("Authorization")).collect(Collectors.toList());
  }

  private static String form(LoggedRequest r) {
    return r.getBodyAsString();
  }

  @Test
  void clientCredentialsGrantUsesBasicClientAuthAndAFormBody() {
    stubTokens("tok1");
    client = builder().build();

    Instance instance = getInstance();

    assertThat(instance.getName()).isEqualTo("pdebwebsrv01");
    assertThat(instance.getCreationTime())
        .isEqualTo(OffsetDateTime.of(2016, 6, 1, 12, 27, 19, 0, ZoneOffset.ofHours(2)));
    List<LoggedRequest> tokens = tokenRequests();
    assertThat(tokens).hasSize(1);
    LoggedRequest token = tokens.get(0);
    assertThat(token.getUrl()).isEqualTo(TOKEN_PATH); // the configured URL, exactly
    assertThat(token.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form(token)).isEqualTo("grant_type=client_credentials");
    assertThat(bearers()).containsExactly("Bearer tok1");
  }

  @Test
  void scopeIsSentWhenConfigured() {
    stubTokens("tok1");
    client = builder().scope("openid").build();
    getInstance();
    assertThat(form(tokenRequests().get(0))).isEqualTo("grant_type=client_credentials&scope=openid");
  }

  @Test
  void freshTokenIsReusedWithoutTokenRequests() {
    stubTokens("tok1");
    client = builder().build();
    for (int i = 0; i < 5; i++) {
      getInstance();
      clock.advance(Duration.ofMinutes(2)); // 10 min in all: still FRESH (stale after 15)
    }
    assertThat(tokenRequests()).hasSize(1);
    assertThat(refreshes.pending()).isZero();
  }

  @Test
  void expiredTokenAnd256ConcurrentCallsCauseExactlyOneTokenRequest() throws Exception {
    stubTokens("tok1", "tok2");
    // 256 connections at once on a loaded machine: generous (real-time) socket timeouts
    client = builder().connectTimeout(Duration.ofSeconds(20)).readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60)).build();
    getInstance();
    clock.advance(Duration.ofMinutes(21)); // past expires_in (1200 s)

    int callers = 256;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch ready = new CountDownLatch(callers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Instance>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return getInstance();
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      for (Future<Instance> result : results) {
        assertThat(result.get(90, TimeUnit.SECONDS).getId()).isEqualTo(1204571L);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(tokenRequests()).hasSize(2); // the first token, then exactly one for 256 callers
    List<String> bearers = bearers();
    // a loaded loopback server may reset a connection: every extra request is a recorded retry
    assertThat(bearers).hasSize(1 + callers + sleeps.size());
    assertThat(bearers.subList(1, bearers.size())).containsOnly("Bearer tok2");
  }

  @Test
  void staleTokenIsServedWhileOneBackgroundRefreshRuns() {
    stubTokens("tok1", "tok2");
    client = builder().build();
    getInstance();
    clock.advance(Duration.ofMinutes(16)); // STALE: less than 5 min before the 1-min expiry margin

    for (int i = 0; i < 10; i++) {
      getInstance();
    }
    assertThat(bearers()).hasSize(11).containsOnly("Bearer tok1");
    assertThat(refreshes.pending()).isEqualTo(1); // one refresh for ten STALE calls
    assertThat(tokenRequests()).hasSize(1); // ...and it has not run yet: nobody waited for it

    refreshes.runAll();
    assertThat(tokenRequests()).hasSize(2);
    getInstance();
    assertThat(bearers().get(11)).isEqualTo("Bearer tok2");
  }

  @Test
  void failedRefreshKeepsTheValidTokenThenFailsTypedAfterExpiry() {
    stubTokens("tok1");
    client = builder().build();
    getInstance();
    stubTokenFailure(500, "");
    clock.advance(Duration.ofMinutes(16));

    getInstance(); // STALE: queues a refresh
    refreshes.runAll(); // ...which fails
    assertThat(tokenRequests()).hasSize(2);
    getInstance();
    getInstance();
    assertThat(bearers()).hasSize(4).containsOnly("Bearer tok1");
    assertThat(refreshes.pending()).isZero(); // backoff: no refresh storm after the failure

    clock.advance(Duration.ofMinutes(4)); // 20 min: expired
    assertThatThrownBy(this::getInstance)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.api()).isEqualTo("ITCare");
          assertThat(e.getMessage()).contains("ITCare").contains("500");
        });
    assertThat(apiRequests()).hasSize(4); // the failing call never reached the API
  }

  @Test
  void unauthorizedWithTheCurrentTokenReauthenticatesOnceAndRetriesOnce() {
    stubTokens("tok1", "tok2");
    api.stubFor(get(urlPathEqualTo(INSTANCE_PATH)).withHeader("Authorization", equalTo("Bearer tok1"))
        .atPriority(1).willReturn(aResponse().withStatus(401)));
    client = builder().build();

    assertThat(getInstance().getName()).isEqualTo("pdebwebsrv01");

    assertThat(tokenRequests()).hasSize(2);
    assertThat(bearers()).containsExactly("Bearer tok1", "Bearer tok2");
  }

  @Test
  void persistentUnauthorizedFailsTypedAfterExactlyTwoAttempts() {
    stubTokens("tok1", "tok2", "tok3");
    api.stubFor(get(urlPathEqualTo(INSTANCE_PATH)).atPriority(1)
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"status\":\"UNAUTHORIZED\",\"errorCode\":\"TOKEN_REVOKED\","
                + "\"errorMessage\":\"Token revoked\"}")));
    client = builder().build();

    assertThatThrownBy(this::getInstance)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.api()).isEqualTo("ITCare");
          assertThat(e.errorCode()).isEqualTo("TOKEN_REVOKED");
          assertThat(e.getMessage()).contains("ITCare getInstance → 401 TOKEN_REVOKED: Token revoked");
        });
    assertThat(bearers()).containsExactly("Bearer tok1", "Bearer tok2");
    assertThat(tokenRequests()).hasSize(2);
  }

  @Test
  void wrongCredentialsFailTypedNamingTheApiWithoutALoop() {
    stubTokenFailure(401,
        "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");
    client = builder().build();

    assertThatThrownBy(this::getInstance)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.api()).isEqualTo("ITCare");
          assertThat(e.getMessage()).contains("ITCare")
              .contains("invalid_client")
              .contains("Invalid client or Invalid client credentials")
              .doesNotContain(CLIENT_SECRET);
        });
    assertThat(tokenRequests()).hasSize(1);
    assertThat(apiRequests()).isEmpty();

    assertThatThrownBy(this::getInstance).isInstanceOf(AuthenticationException.class);
    assertThat(tokenRequests()).hasSize(2); // one per call, never a loop
  }

  @Test
  void clientCredentialsRejectedWith400IsAnAuthenticationFailureToo() {
    stubTokenFailure(400, "{\"error\":\"unauthorized_client\","
        + "\"error_description\":\"Client not enabled to retrieve service account\"}");
    client = builder().build();

    assertThatThrownBy(this::getInstance)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getMessage())
            .contains("Client not enabled to retrieve service account"));
    assertThat(tokenRequests()).hasSize(1);
  }

  @Test
  void refreshTokenGrantIsUsedWhileTheRefreshTokenIsValid() {
    stubTokens("tok1", "tok2");
    client = builder().build();
    getInstance();
    clock.advance(Duration.ofMinutes(21)); // access token expired, refresh token (2 h) valid

    getInstance();

    List<LoggedRequest> tokens = tokenRequests();
    assertThat(tokens).hasSize(2);
    assertThat(form(tokens.get(1))).isEqualTo("grant_type=refresh_token&refresh_token=rt-tok1");
    assertThat(tokens.get(1).getHeader("Authorization")).startsWith("Basic ");
    assertThat(bearers()).containsExactly("Bearer tok1", "Bearer tok2");
  }

  @Test
  void clientCredentialsGrantOnceTheRefreshTokenExpired() {
    stubTokens("tok1", "tok2");
    client = builder().build();
    getInstance();
    clock.advance(Duration.ofHours(2).plusMinutes(1)); // refresh_expires_in 7200 s is over

    getInstance();

    List<LoggedRequest> tokens = tokenRequests();
    assertThat(tokens).hasSize(2);
    assertThat(form(tokens.get(1))).isEqualTo("grant_type=client_credentials");
    assertThat(bearers()).containsExactly("Bearer tok1", "Bearer tok2");
  }

  @Test
  void rejectedRefreshTokenFallsBackToOneClientCredentialsGrant() {
    stubTokens("tok1", "tok2");
    keycloak.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
        .withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}")));
    client = builder().build();
    getInstance();
    clock.advance(Duration.ofMinutes(21));

    getInstance();

    assertThat(tokenRequests()).extracting(ItCareTokenTest::form).containsExactly(
        "grant_type=client_credentials",
        "grant_type=refresh_token&refresh_token=rt-tok1",
        "grant_type=client_credentials");
    assertThat(bearers()).containsExactly("Bearer tok1", "Bearer tok2");
  }

  @Test
  void expiresInFromTheResponseDecidesTheLifetime() {
    keycloak.stubFor(post(urlPathEqualTo(TOKEN_PATH))
        .willReturn(okJson(tokenJson("short", 120, "rt", 7200))));
    client = builder().build();
    getInstance();
    clock.advance(Duration.ofSeconds(115)); // within the 5 % expiry margin of 120 s

    getInstance();

    assertThat(tokenRequests()).hasSize(2);
  }

  @Test
  void missingExpiresInMeansTheDocumentedTwentyMinutes() {
    keycloak.stubFor(post(urlPathEqualTo(TOKEN_PATH))
        .willReturn(okJson("{\"access_token\":\"tok\",\"token_type\":\"bearer\"}")));
    client = builder().build();
    getInstance();
    clock.advance(Duration.ofMinutes(14));
    getInstance();
    assertThat(refreshes.pending()).isZero(); // still FRESH: stale after 15 min
    clock.advance(Duration.ofSeconds(5 * 60 + 30)); // 19.5 min: within the 1-min expiry margin

    getInstance();

    assertThat(tokenRequests()).extracting(ItCareTokenTest::form)
        .containsExactly("grant_type=client_credentials", "grant_type=client_credentials");
  }

  @Test
  void unauthenticatedHealthProbeNeedsNoToken() {
    api.stubFor(get(urlPathEqualTo("/itcare/health")).willReturn(okJson("{\"status\":\"UP\"}")));
    client = builder().build();

    assertThat(client.health().get().getStatus()).isEqualTo("UP");
    assertThat(tokenRequests()).isEmpty();
    assertThat(apiRequests().get(0).containsHeader("Authorization")).isFalse();
  }
}
