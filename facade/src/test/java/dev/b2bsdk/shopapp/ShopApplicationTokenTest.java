package dev.b2bsdk.shopapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.core.error.AuthenticationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token lifecycle of {@link ShopApplicationClient}, end to end against WireMock. */
class ShopApplicationTokenTest {

  private static final String KEY = "1b7e4b5c-2f7a-4c8e-9f00-0a1b2c3d4e5f";

  private ShopAppServer server;
  private final Queue<Runnable> background = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() {
    server = new ShopAppServer();
    server.wm.stubFor(get(urlPathEqualTo("/interfaces")).willReturn(okJson("[\"" + KEY + "\"]")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ShopApplicationClient client() {
    return server.builder().executor(background::add).build();
  }

  private static List<String> bearers(List<LoggedRequest> requests) {
    return requests.stream().map(r -> r.getHeader("Authorization")).collect(Collectors.toList());
  }

  @Test
  void oneTokenServesManyCallsAndExpiryFetchesExactlyOneNewToken() {
    server.stubTokens("tok-1", "tok-2");
    try (ShopApplicationClient shop = client()) {
      for (int i = 0; i < 20; i++) {
        assertThat(shop.interfaces().list()).containsExactly(UUID.fromString(KEY));
      }
      assertThat(server.tokenRequests()).hasSize(1);

      server.clock.advance(Duration.ofMinutes(61));
      for (int i = 0; i < 5; i++) {
        shop.interfaces().list();
      }
    }
    assertThat(server.tokenRequests()).hasSize(2);
    assertThat(bearers(server.apiRequests()))
        .hasSize(25)
        .containsOnly("Bearer tok-1", "Bearer tok-2")
        .endsWith("Bearer tok-2", "Bearer tok-2", "Bearer tok-2", "Bearer tok-2", "Bearer tok-2");
    assertThat(background).isEmpty(); // the expired token was replaced in the foreground
  }

  @Test
  void expiredTokenAnd256ConcurrentCallsCauseExactlyOneTokenRequest() throws Exception {
    server.stubTokens("tok-1", "tok-2");
    try (ShopApplicationClient shop = client()) {
      shop.interfaces().list();
      server.clock.advance(Duration.ofHours(2));
      // a slow token endpoint: all callers pile up behind the one fetch in flight
      server.wm.stubFor(get(urlPathEqualTo("/token")).inScenario("tokens")
          .whenScenarioStateIs("issued-1").willSetStateTo("issued-2")
          .willReturn(okJson(ShopAppServer.tokenJson("tok-2", 3600)).withFixedDelay(300)));

      int callers = 256;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<UUID>>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          results.add(pool.submit(() -> {
            go.await();
            return shop.interfaces().list();
          }));
        }
        go.countDown();
        for (Future<List<UUID>> result : results) {
          assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly(UUID.fromString(KEY));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(server.tokenRequests()).hasSize(2); // the first token, then exactly one refresh
    List<String> after = bearers(server.apiRequests()).subList(1, 257);
    assertThat(after).hasSize(256).containsOnly("Bearer tok-2");
  }

  @Test
  void staleTokenIsServedWhileExactlyOneBackgroundRefreshRuns() {
    server.stubTokens("tok-1", "tok-2");
    try (ShopApplicationClient shop = client()) {
      shop.interfaces().list();
      server.clock.advance(Duration.ofMinutes(56)); // 4 min left of 60: STALE (margin 5 min)
      for (int i = 0; i < 3; i++) {
        shop.interfaces().list();
      }
      assertThat(background).hasSize(1);
      assertThat(server.tokenRequests()).hasSize(1);
      assertThat(bearers(server.apiRequests())).containsOnly("Bearer tok-1");

      background.poll().run();
      assertThat(server.tokenRequests()).hasSize(2);
      shop.interfaces().list();
    }
    assertThat(bearers(server.apiRequests()))
        .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-1", "Bearer tok-1",
            "Bearer tok-2");
    assertThat(background).isEmpty();
  }

  @Test
  void failedRefreshKeepsTheValidTokenThenFailsTypedOnceExpired() {
    server.stubTokens("tok-1");
    server.wm.stubFor(get(urlPathEqualTo("/token")).inScenario("tokens")
        .whenScenarioStateIs("issued-1")
        .willReturn(aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":true,\"message\":\"Erreur interne\"}")));
    try (ShopApplicationClient shop = client()) {
      shop.interfaces().list();
      server.clock.advance(Duration.ofMinutes(56));
      shop.interfaces().list();
      background.poll().run(); // the background refresh fails with a 500
      assertThat(server.tokenRequests()).hasSize(2);

      shop.interfaces().list();
      shop.interfaces().list();
      assertThat(bearers(server.apiRequests())).hasSize(4).containsOnly("Bearer tok-1");

      server.clock.advance(Duration.ofMinutes(4)); // 0 min left: EXPIRED
      assertThatThrownBy(() -> shop.interfaces().list())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("Shop Application")
          .hasMessageContaining("Erreur interne");
    }
    assertThat(server.apiRequests()).hasSize(4); // nothing sent without a valid token
    assertThat(server.tokenRequests()).hasSize(3);
  }

  @Test
  void a401WithTheCurrentTokenCausesOneReauthenticationAndOneReplay() {
    server.stubTokens("tok-1", "tok-2");
    server.wm.stubFor(get(urlPathEqualTo("/interfaces")).inScenario("revoked")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("replayed")
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":true,\"message\":\"Token invalide\"}")));
    server.wm.stubFor(get(urlPathEqualTo("/interfaces")).inScenario("revoked")
        .whenScenarioStateIs("replayed").willReturn(okJson("[\"" + KEY + "\"]")));
    try (ShopApplicationClient shop = client()) {
      assertThat(shop.interfaces().list()).containsExactly(UUID.fromString(KEY));
    }
    assertThat(server.tokenRequests()).hasSize(2);
    assertThat(bearers(server.apiRequests())).containsExactly("Bearer tok-1", "Bearer tok-2");
  }

  @Test
  void persistent401FailsTypedAfterExactlyTwoAttempts() {
    server.stubTokens("tok-1", "tok-2", "tok-3");
    server.wm.stubFor(get(urlPathEqualTo("/interfaces"))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":true,\"message\":\"Token invalide\"}")));
    try (ShopApplicationClient shop = client()) {
      assertThatThrownBy(() -> shop.interfaces().list())
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.api()).isEqualTo("Shop Application");
            assertThat(e.operation()).isEqualTo("listInterfaces");
            assertThat(e.serviceMessage()).isEqualTo("Token invalide");
          })
          .hasMessageNotContaining("tok-");
    }
    assertThat(bearers(server.apiRequests())).containsExactly("Bearer tok-1", "Bearer tok-2");
    assertThat(server.tokenRequests()).hasSize(2);
  }

  @Test
  void wrongCredentialsFailTypedNamingTheApiWithoutALoop() {
    server.wm.stubFor(get(urlPathEqualTo("/token"))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":true,\"message\":\"Identifiants invalides\"}")));
    try (ShopApplicationClient shop = client()) {
      assertThatThrownBy(() -> shop.interfaces().list())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("Shop Application")
          .hasMessageContaining("Identifiants invalides")
          .hasRootCauseInstanceOf(AuthenticationException.class);
    }
    assertThat(server.tokenRequests()).hasSize(1);
    assertThat(server.apiRequests()).isEmpty();
  }

  @Test
  void tokenWithoutExpiresInLivesTheDocumentedHour() {
    server.wm.stubFor(get(urlPathEqualTo("/token"))
        .willReturn(okJson("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\"}")));
    try (ShopApplicationClient shop = client()) {
      shop.interfaces().list();
      server.clock.advance(Duration.ofMinutes(54)); // still FRESH under a one-hour lifetime
      shop.interfaces().list();
      assertThat(background).isEmpty();
      server.clock.advance(Duration.ofMinutes(2)); // STALE
      shop.interfaces().list();
      assertThat(background).hasSize(1);
    }
    assertThat(server.tokenRequests()).hasSize(1);
  }
}
