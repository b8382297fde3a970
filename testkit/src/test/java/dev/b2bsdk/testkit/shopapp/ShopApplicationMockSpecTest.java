package dev.b2bsdk.testkit.shopapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.SpecValidator;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import dev.b2bsdk.testkit.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A realistic Shop Application flow through plain OkHttp, checked against {@code specs/shopapp.yaml}:
 * token (good, wrong, expired), interfaces and details, services per interface with every
 * occurrence, catalogue, ordering a new interface (statut 3 then 1), add-on sale, cancellation by
 * reference and by code, deletion and reactivation, and the 400/401 error bodies.
 */
class ShopApplicationMockSpecTest {

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2025-03-03T08:00:00Z"));
  private final TestHttp http = new TestHttp();
  private ShopApplicationMock mock;
  private SpecValidator validation;
  private String base;

  @BeforeEach
  void start() {
    mock = ShopApplicationMock.builder().clock(clock).start();
    validation = SpecValidator.forApi("shopapp");
    mock.server().addMockServiceRequestListener(validation);
    base = mock.baseUrl();
  }

  @AfterEach
  void stop() {
    mock.stop();
  }

  @Test
  void fullFlowValidatesAgainstTheSpec() {
    Reply wrong = http.get(base + "/token?client_id=demo-client&client_secret=nope");
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(obj(wrong).get("error").getAsBoolean()).isTrue();
    JsonObject token = obj(http.get(base + "/token?client_id=demo-client&client_secret=demo-secret"));
    assertThat(token.get("expires_in").getAsInt()).isEqualTo(3600);
    TestHttp authed = http.with("Authorization", "Bearer " + token.get("access_token").getAsString());

    assertThat(http.get(base + "/interfaces", SpecValidator.INVALID_ON_PURPOSE, "no token").code())
        .isEqualTo(401);

    // every interface, its detail, its services and every occurrence of each
    List<String> keys = strings(authed.get(base + "/interfaces").json().getAsJsonArray());
    assertThat(keys).containsExactly("e831c78b-a576-4aad-8d5f-d594b0ccadbe",
        "902dcbe4-04dd-4150-8436-2757fd53ce51");
    int occurrences = 0;
    for (String key : keys) {
      assertThat(obj(authed.get(base + "/interfaces/" + key)).get("statut").getAsInt()).isEqualTo(1);
      for (String code : strings(authed.get(base + "/interfaces/" + key + "/prestations").json()
          .getAsJsonArray())) {
        occurrences += authed.get(base + "/interfaces/" + key + "/prestations/" + code).json()
            .getAsJsonArray().size();
      }
    }
    assertThat(occurrences).isEqualTo(5);

    List<String> catalogue = strings(authed.get(base + "/prestations").json().getAsJsonArray());
    assertThat(catalogue).startsWith("IN-BTQST-S", "IN-BTQZ-AMM", "MO-ARTCRITERES-S").hasSize(7);
    for (String code : catalogue) {
      assertThat(obj(authed.get(base + "/prestation/" + code)).get("code").getAsString()).isEqualTo(code);
    }
    Reply unknown = authed.get(base + "/prestation/XX-NOPE");
    assertThat(unknown.code()).isEqualTo(400);
    assertThat(authed.get(base + "/no/such/route", SpecValidator.INVALID_ON_PURPOSE, "no route").code())
        .isEqualTo(400);

    // order a new interface: rules first
    Reply twoSetups = authed.post(base + "/interfaces", order("IN-BTQST-S\",\"IN-CAISSE-S\",\"IN-BTQZ-AMM\",\"IN-CAISSE-AMM"));
    assertThat(twoSetups.code()).isEqualTo(400);
    Reply alone = authed.post(base + "/interfaces", order("IN-BTQST-S"));
    assertThat(obj(alone).get("message").getAsString()).contains("associées");
    String key = obj(authed.post(base + "/interfaces", order("IN-BTQST-S\",\"IN-BTQZ-AMM")))
        .get("sa_key").getAsString();
    JsonObject installing = obj(authed.get(base + "/interfaces/" + key));
    assertThat(installing.get("statut").getAsInt()).isEqualTo(3);
    assertThat(installing.has("url_formulaire")).isTrue();
    JsonObject installed = obj(authed.get(base + "/interfaces/" + key));
    assertThat(installed.get("statut").getAsInt()).isEqualTo(1);
    assertThat(installed.get("url").getAsString()).isEqualTo("https://jolieschoses.shop-application.com");
    assertThat(strings(authed.get(base + "/interfaces").json().getAsJsonArray())).contains(key);

    // add-on sale twice, cancel one occurrence by reference, then every one by code
    String prestations = base + "/interfaces/" + key + "/prestations";
    assertThat(authed.post(prestations, "[\"IN-BTQST-S\"]").code()).isEqualTo(400);
    String ref = obj(authed.post(prestations, "[\"MO-ARTCRITERES-S\"]").json().getAsJsonArray().get(0))
        .get("reference_unique").getAsString();
    authed.post(prestations, "[\"MO-ARTCRITERES-S\"]");
    JsonArray twice = authed.get(prestations + "/MO-ARTCRITERES-S").json().getAsJsonArray();
    assertThat(twice).hasSize(2);
    JsonArray byRef = authed.delete(prestations + "/" + ref).json().getAsJsonArray();
    assertThat(obj(byRef.get(0)).get("reference_unique").getAsString()).isEqualTo(ref);
    assertThat(authed.delete(prestations + "/MO-ARTCRITERES-S").json().getAsJsonArray()).hasSize(1);
    JsonArray cancelled = authed.get(prestations + "/MO-ARTCRITERES-S").json().getAsJsonArray();
    cancelled.forEach(o -> assertThat(obj(o).get("resilie").getAsBoolean()).isTrue());
    assertThat(authed.delete(prestations + "/" + ref).code()).isEqualTo(400);

    // delete, reactivate
    JsonObject deletion = obj(authed.delete(base + "/interfaces/" + key));
    assertThat(deletion.get("date_suppression").getAsString()).isEqualTo("2025-06-01 09:00:00");
    assertThat(obj(authed.get(base + "/interfaces/" + key)).get("statut").getAsInt()).isEqualTo(2);
    assertThat(obj(authed.send("POST", base + "/interfaces/" + key, null)).has("date_reactivation")).isTrue();
    assertThat(authed.send("POST", base + "/interfaces/" + key, null).code()).isEqualTo(400);

    // the token expires on the mock's clock
    clock.advance(Duration.ofSeconds(3601));
    Reply expired = authed.get(base + "/interfaces");
    assertThat(expired.code()).isEqualTo(401);
    assertThat(obj(expired).get("message").getAsString()).contains("expiré");

    validation.assertValidationPassed();
  }

  private static String order(String codes) {
    return "{\"guid\":\"CRM-2025-000912\",\"prestations\":[\"" + codes + "\"],\"client\":{"
        + "\"nom\":\"Martin\",\"prenom\":\"Claire\",\"societe\":\"Les Jolies Choses SARL\","
        + "\"adresse\":\"12 rue de la République\",\"code_postal\":\"69002\",\"ville\":\"Lyon\","
        + "\"pays\":\"France\",\"telephone\":\"04 78 42 17 35\","
        + "\"email\":\"claire.martin@jolieschoses.fr\",\"rcs\":\"RCS Lyon 812 345 678\","
        + "\"ape\":\"4771Z\"},\"sous_domaine\":\"jolieschoses\"}";
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : array) {
      out.add(e.getAsString());
    }
    return out;
  }

  private static JsonObject obj(Reply reply) {
    return reply.json().getAsJsonObject();
  }

  private static JsonObject obj(JsonElement element) {
    return element.getAsJsonObject();
  }
}
