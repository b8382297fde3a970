package dev.b2bsdk.shopapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.error.ThrottledException;
import dev.b2bsdk.core.error.ValidationException;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.generated.shopapp.model.InterfaceDetails;
import dev.b2bsdk.generated.shopapp.model.InterfacePrestation;
import dev.b2bsdk.generated.shopapp.model.InterfaceStatus;
import dev.b2bsdk.generated.shopapp.model.Prestation;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Builder validation, the read helpers, and error mapping of {@link ShopApplicationClient}. */
class ShopApplicationClientTest {

  private static final UUID KEY = UUID.fromString("1b7e4b5c-2f7a-4c8e-9f00-0a1b2c3d4e5f");

  private ShopAppServer server;

  @BeforeEach
  void start() {
    server = new ShopAppServer();
    server.stubTokens("tok-1");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void credentialsAreRequiredAndNamed() {
    assertThatThrownBy(() -> ShopApplicationClient.builder().clientSecret("s").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("clientId is required");
    assertThatThrownBy(() -> ShopApplicationClient.builder().clientId("id").clientSecret(" ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("clientSecret is required");
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefusedAtBuild() {
    assertThatThrownBy(() -> ShopApplicationClient.builder().clientId("id").clientSecret("s")
        .baseUrl("http://api.cegid.shop-application.io").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl")
        .hasMessageContaining("https");
  }

  @Test
  void defaultBaseUrlIsTheVendors() {
    try (ShopApplicationClient shop =
        ShopApplicationClient.builder().clientId("id").clientSecret("s").build()) {
      assertThat(shop.toString()).contains("https://api.cegid.shop-application.io/");
    }
  }

  @Test
  void readHelpersReturnTheTypedModels() {
    server.wm.stubFor(get(urlPathEqualTo("/interfaces")).willReturn(okJson("[\"" + KEY + "\"]")));
    server.wm.stubFor(get(urlPathEqualTo("/interfaces/" + KEY)).willReturn(okJson(
        "{\"date_creation\":\"2018-07-03 16:03:04\",\"statut\":2,\"url\":\"https://shop.example\","
            + "\"url_administration\":\"https://shop.example/admin\","
            + "\"date_suppression\":\"\"}")));
    server.wm.stubFor(get(urlPathEqualTo("/interfaces/" + KEY + "/prestations"))
        .willReturn(okJson("[\"IN-BTQST-S\",\"IN-BTQZ-AMM\",\"IN-BTQZ-AMM\"]")));
    server.wm.stubFor(get(urlPathEqualTo("/interfaces/" + KEY + "/prestations/IN-BTQZ-AMM"))
        .willReturn(okJson("[{\"code\":\"IN-BTQZ-AMM\",\"date_creation\":\"2019-01-02 10:00:00\","
            + "\"resilie\":false,\"date_resiliation\":\"\",\"reference_unique\":\"R1\"},"
            + "{\"code\":\"IN-BTQZ-AMM\",\"date_creation\":\"2019-02-03 11:00:00\","
            + "\"resilie\":true,\"date_resiliation\":\"2019-03-01 00:00:00\","
            + "\"reference_unique\":\"R2\"}]")));
    server.wm.stubFor(get(urlPathEqualTo("/prestations"))
        .willReturn(okJson("[\"IN-BTQST-S\",\"MO-ARTCRITERES-S\"]")));
    server.wm.stubFor(get(urlPathEqualTo("/prestation/IN-BTQST-S")).willReturn(okJson(
        "{\"code\":\"IN-BTQST-S\",\"nom\":\"Boutique\",\"descriptif_court\":\"Court\","
            + "\"descriptif_long\":\"<p>Long</p>\",\"prix\":490.5,"
            + "\"prestations_associees\":[\"IN-BTQZ-AMM\"]}")));

    try (ShopApplicationClient shop = server.builder().build()) {
      assertThat(shop.interfaces().list()).containsExactly(KEY);

      InterfaceDetails details = shop.interfaces().get(KEY);
      assertThat(details.getDateCreation()).isEqualTo(LocalDateTime.of(2018, 7, 3, 16, 3, 4));
      assertThat(details.getStatut()).isEqualTo(InterfaceStatus.DEACTIVATED);
      assertThat(details.getDateSuppression()).isNull();

      assertThat(shop.interfacePrestations().list(KEY))
          .containsExactly("IN-BTQST-S", "IN-BTQZ-AMM", "IN-BTQZ-AMM");

      List<InterfacePrestation> occurrences = shop.interfacePrestations().get(KEY, "IN-BTQZ-AMM");
      assertThat(occurrences).extracting(InterfacePrestation::getReferenceUnique)
          .containsExactly("R1", "R2");
      assertThat(occurrences.get(0).getDateResiliation()).isNull();
      assertThat(occurrences.get(1).getResilie()).isTrue();

      assertThat(shop.catalogue().list()).containsExactly("IN-BTQST-S", "MO-ARTCRITERES-S");

      Prestation prestation = shop.catalogue().get("IN-BTQST-S");
      assertThat(prestation.getPrix()).isEqualByComparingTo("490.5");
      assertThat(prestation.getPrestationsAssociees()).containsExactly("IN-BTQZ-AMM");
    }
    assertThat(server.tokenRequests()).hasSize(1);
  }

  @Test
  void unknownRouteIsA400ValidationExceptionWithTheServiceMessage() {
    server.wm.stubFor(get(urlPathEqualTo("/prestation/NOPE"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":true,\"message\":\"Route inconnue\"}")));
    try (ShopApplicationClient shop = server.builder().build()) {
      assertThatThrownBy(() -> shop.catalogue().get("NOPE"))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.serviceMessage()).isEqualTo("Route inconnue");
            assertThat(e.operation()).isEqualTo("getPrestation");
          })
          .hasMessage("Shop Application getPrestation → 400: Route inconnue");
    }
  }

  @Test
  void htmlErrorPageStillYieldsATypedException() {
    server.wm.stubFor(get(urlPathEqualTo("/interfaces"))
        .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
            .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
    try (ShopApplicationClient shop = server.builder().build()) {
      assertThatThrownBy(() -> shop.interfaces().list())
          .isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.serviceMessage()).isNull();
            assertThat(e.bodySnippet()).contains("502 Bad Gateway");
          });
    }
  }

  @Test
  void htmlWithStatus200IsAMalformedResponse() {
    server.wm.stubFor(get(urlPathEqualTo("/prestations"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
            .withBody("<html>maintenance</html>")));
    try (ShopApplicationClient shop = server.builder().build()) {
      assertThatThrownBy(() -> shop.catalogue().list()).isInstanceOf(MalformedResponseException.class);
    }
  }

  @Test
  void throttledGetIsRetriedWithTheDefaultPolicyHonouringRetryAfter() {
    server.wm.stubFor(get(urlPathEqualTo("/prestations")).inScenario("busy")
        .whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("free")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    server.wm.stubFor(get(urlPathEqualTo("/prestations")).inScenario("busy")
        .whenScenarioStateIs("free").willReturn(okJson("[\"IN-BTQST-S\"]")));
    try (ShopApplicationClient shop = server.builder().retry(RetryOptions.defaults()).build()) {
      assertThat(shop.catalogue().list()).containsExactly("IN-BTQST-S");
    }
    assertThat(server.sleeper.delays()).containsExactly(Duration.ofSeconds(7));
    server.wm.verify(2, getRequestedFor(urlPathEqualTo("/prestations")));
  }

  @Test
  void persistentThrottlingWithoutRetriesIsAThrottledException() {
    server.wm.stubFor(get(urlPathEqualTo("/prestations"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    try (ShopApplicationClient shop = server.builder().build()) {
      assertThatThrownBy(() -> shop.catalogue().list()).isInstanceOfSatisfying(ThrottledException.class,
          e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }
  }

  @Test
  void optionsViewAddsHeadersAndSharesTheToken() throws Exception {
    server.wm.stubFor(get(urlPathEqualTo("/prestations")).willReturn(okJson("[]")));
    try (ShopApplicationClient shop = server.builder().build()) {
      ShopApplicationClient traced = shop.withOptions(
          CallOptions.builder().header("X-Request-Id", "abc-123").build());
      assertThat(traced.catalogue().list()).isEmpty();
      assertThat(shop.catalogue().listAsync()
          .get(10, TimeUnit.SECONDS)).isEmpty();
      traced.close(); // a view's close leaves the client working
      assertThat(shop.catalogue().list()).isEmpty();
    }
    server.wm.verify(1, getRequestedFor(urlPathEqualTo("/prestations"))
        .withHeader("X-Request-Id", equalTo("abc-123")));
    server.wm.verify(3, getRequestedFor(urlPathEqualTo("/prestations"))
        .withHeader("Authorization", equalTo("Bearer tok-1")));
    assertThat(server.tokenRequests()).hasSize(1);
  }
}
