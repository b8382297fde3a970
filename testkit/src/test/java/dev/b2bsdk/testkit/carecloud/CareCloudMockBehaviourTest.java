package dev.b2bsdk.testkit.carecloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** CareCloud options beyond the validated flows. */
class CareCloudMockBehaviourTest {

  private final TestHttp http = new TestHttp();

  @Test
  void loginHonoursZoneValidityAndStatusSettings() {
    MutableClock clock = MutableClock.startingAt(Instant.parse("2025-07-01T10:00:00Z"));
    try (CareCloudMock mock = CareCloudMock.builder().clock(clock).projectZone(ZoneId.of("UTC"))
        .userTokenValidity(Duration.ofHours(1)).loginStatus(201)
        .userCredentials("pos", "pos-secret").externalAppId("pos-app").start()) {
      var reply = http.post(mock.enterpriseUrl() + "/users/actions/login",
          "{\"user_external_application_id\":\"pos-app\",\"login\":\"pos\",\"password\":\"pos-secret\"}");
      assertThat(reply.code()).isEqualTo(201);
      JsonObject data = reply.json().getAsJsonObject().getAsJsonObject("data");
      assertThat(data.get("valid_to").getAsString()).isEqualTo("2025-07-01 11:00:00");
      TestHttp authed = http.with("Authorization", "Bearer " + data.get("bearer_token").getAsString());
      assertThat(authed.get(mock.enterpriseUrl() + "/stores").code()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(61));
      assertThat(authed.get(mock.enterpriseUrl() + "/stores").code()).isEqualTo(401);
    }
  }

  @Test
  void pagesAreCappedAndDeviceTokensCanBeExpiredByTheTest() {
    try (CareCloudMock mock = CareCloudMock.builder().customers(45).maxPageSize(20).start()) {
      String token = http.post(mock.customerUrl() + "/tokens", "{\"device\":{\"device_id\":\"d\","
          + "\"device_system\":\"iOS\",\"device_name\":\"iPhone\",\"device_type\":\"phone\"},"
          + "\"setup\":{\"language_id\":\"cs\",\"allowed_gps\":false,\"allowed_notifications\":false},"
          + "\"external_application_id\":\"demo-customer-app\"}").json().getAsJsonObject()
          .getAsJsonObject("data").get("token_id").getAsString();
      TestHttp device = http.with("Authorization", "Bearer " + token);
      JsonObject countries = device.get(mock.customerUrl() + "/countries?count=100").json()
          .getAsJsonObject().getAsJsonObject("data");
      assertThat(countries.get("total_items").getAsInt()).isEqualTo(6);
      mock.expireAllTokens();
      assertThat(device.get(mock.customerUrl() + "/countries").code()).isEqualTo(401);

      String login = "{\"user_external_application_id\":\"demo-app\",\"login\":\"demo\",\"password\":\"demo-password\"}";
      String bearer = http.post(mock.enterpriseUrl() + "/users/actions/login", login).json()
          .getAsJsonObject().getAsJsonObject("data").get("bearer_token").getAsString();
      JsonObject page = http.get(mock.enterpriseUrl() + "/customers?count=100", "Authorization",
          "Bearer " + bearer).json().getAsJsonObject().getAsJsonObject("data");
      assertThat(page.getAsJsonArray("customers")).hasSize(20);
      assertThat(page.get("total_items").getAsInt()).isEqualTo(45);
      assertThat(mock.customers()).hasSize(45);
      assertThat(mock.customer(mock.johnSmithId()).orElseThrow().getAsJsonObject("personal_information")
          .get("email").getAsString()).isEqualTo("john.smith@example.com");
    }
  }
}
