package dev.b2bsdk.testkit.shopapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shop Application options beyond the validated flow. */
class ShopApplicationMockBehaviourTest {

  private final TestHttp http = new TestHttp();

  @Test
  void seedsTheFiveDocumentedInterfacesInTheirStatuses() {
    try (ShopApplicationMock mock = ShopApplicationMock.builder().interfaces(7).start()) {
      List<String> keys = mock.interfaceKeys();
      assertThat(keys).hasSize(7).startsWith("e831c78b-a576-4aad-8d5f-d594b0ccadbe",
          "902dcbe4-04dd-4150-8436-2757fd53ce51", "87267e0f-d56e-4ade-abee-00a13e9675cd",
          "8a0aeaec-c851-499c-928c-f6253ceeeb9d", "8bc3398b-6ff1-4182-b3c2-4165812314e9");
      assertThat(keys.stream().map(k -> mock.statusOf(k).orElseThrow()).toList())
          .containsExactly(1, 1, 2, 3, 1, 1, 1);
    }
  }

  @Test
  void tokenWorksInTheQueryAndInstallationLastsTheConfiguredReads() {
    try (ShopApplicationMock mock = ShopApplicationMock.builder().catalogue(3).installationReads(2)
        .start()) {
      String token = http.get(mock.baseUrl() + "/token?client_id=demo-client&client_secret=demo-secret")
          .json().getAsJsonObject().get("access_token").getAsString();
      assertThat(http.get(mock.baseUrl() + "/prestations?token=" + token).json().getAsJsonArray())
          .hasSize(3);
      JsonObject setup = http.get(mock.baseUrl() + "/prestation/IN-BTQST-S?token=" + token).json()
          .getAsJsonObject();
      // IN-BTQZ-AMA is not in a 3-service catalogue, so it is not offered as associated service
      assertThat(setup.getAsJsonArray("prestations_associees").toString()).isEqualTo("[\"IN-BTQZ-AMM\"]");
      TestHttp authed = http.with("Authorization", "Bearer " + token);
      String key = authed.post(mock.baseUrl() + "/interfaces", "{\"guid\":\"G-1\",\"prestations\":"
          + "[\"IN-BTQST-S\",\"IN-BTQZ-AMM\"],\"client\":{\"nom\":\"Moreau\",\"societe\":\"Atelier Moreau SAS\"}}")
          .json().getAsJsonObject().get("sa_key").getAsString();
      for (int expected : new int[] {3, 3, 1}) {
        assertThat(authed.get(mock.baseUrl() + "/interfaces/" + key).json().getAsJsonObject()
            .get("statut").getAsInt()).isEqualTo(expected);
      }
      assertThat(authed.get(mock.baseUrl() + "/interfaces/" + key).json().getAsJsonObject()
          .get("url").getAsString()).isEqualTo("https://atelier-moreau-sas.shop-application.com");
      mock.revokeTokens();
      assertThat(authed.get(mock.baseUrl() + "/interfaces").code()).isEqualTo(401);
    }
  }
}
