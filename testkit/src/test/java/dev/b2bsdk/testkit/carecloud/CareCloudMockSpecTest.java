package dev.b2bsdk.testkit.carecloud;

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
 * Realistic CareCloud flows on both interfaces through plain OkHttp, checked against
 * {@code specs/carecloud.yaml} (one validator per interface base path): user login (good, wrong,
 * expired, logged out), every page of customers, filters, create + read back, replace, segments,
 * cards, vouchers, rewards, reference data and 403 for the wrong interface; device tokens,
 * customer login by email and card, customer-scoped reads, token replacement and autologin.
 */
class CareCloudMockSpecTest {

  private static final String PREFIX = CareCloudMock.BASE_PATH + "/";

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2025-03-03T08:00:00Z"));
  private final TestHttp http = new TestHttp();
  private CareCloudMock mock;
  private SpecValidator validation;
  private String ent;
  private String cust;

  @BeforeEach
  void start() {
    mock = CareCloudMock.builder().clock(clock).customers(120).start();
    validation = SpecValidator.byPrefix("carecloud", List.of(
        PREFIX + CareCloudMock.ENTERPRISE + "/v1.0", PREFIX + CareCloudMock.CUSTOMER + "/v1.0"));
    mock.server().addMockServiceRequestListener(validation);
    ent = mock.enterpriseUrl();
    cust = mock.customerUrl();
  }

  @AfterEach
  void stop() {
    mock.stop();
  }

  @Test
  void enterpriseFlowValidatesAgainstTheSpec() {
    assertThat(data(http.get(ent + "/tests/connection?test_string=Hello")).get("test_string")
        .getAsString()).isEqualTo("olleH");

    Reply wrong = http.post(ent + "/users/actions/login", login("demo-app", "nope"));
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(error(wrong).get("type").getAsString()).isEqualTo("unauthorized_exception");
    Reply wrongApp = http.post(ent + "/users/actions/login", login("other-app", "demo-password"));
    assertThat(wrongApp.code()).isEqualTo(400);
    JsonObject session = data(http.post(ent + "/users/actions/login", login("demo-app", "demo-password")));
    assertThat(session.get("valid_to").getAsString()).isEqualTo("2025-03-03 16:00:00");
    String bearer = session.get("bearer_token").getAsString();
    TestHttp authed = http.with("Authorization", "Bearer " + bearer);

    // every page of customers, 50 per page
    List<JsonObject> all = new ArrayList<>();
    int pages = 0;
    for (int offset = 0; ; offset += 50) {
      JsonObject page = data(authed.get(ent + "/customers?count=50&offset=" + offset));
      pages++;
      page.getAsJsonArray("customers").forEach(e -> all.add(e.getAsJsonObject()));
      if (offset + 50 >= page.get("total_items").getAsInt()) {
        break;
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(120);
    assertThat(all.get(0).get("customer_id").getAsString()).isEqualTo(mock.johnSmithId());
    assertThat(data(authed.get(ent + "/customers")).getAsJsonArray("customers")).hasSize(100);

    JsonObject byEmail = data(authed.get(ent + "/customers?email=john.smith@example.com"));
    assertThat(byEmail.get("total_items").getAsInt()).isEqualTo(1);
    String other = all.get(7).get("customer_id").getAsString();
    JsonObject byIds = data(authed.get(ent + "/customers?customer_ids%5B%5D=" + mock.johnSmithId()
        + "&customer_ids%5B%5D=" + other + "&sort_field=last_change&sort_direction=DESC"));
    assertThat(byIds.get("total_items").getAsInt()).isEqualTo(2);
    JsonObject john = data(authed.get(ent + "/customers/" + mock.johnSmithId()));
    assertThat(john.getAsJsonObject("personal_information").get("last_name").getAsString()).isEqualTo("Smith");
    Reply unknown = authed.get(ent + "/customers/8000000000000000000000000f");
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(error(unknown).getAsJsonObject("error_data").get("resource_name").getAsString())
        .isEqualTo("customers");

    // create a customer from the first source, read it back, replace it
    String source = data(authed.get(ent + "/customer-sources")).getAsJsonArray("customer_sources")
        .get(0).getAsJsonObject().get("customer_source_id").getAsString();
    Reply created = authed.post(ent + "/customers", newCustomer(source, "jana.novakova@example.cz", false));
    assertThat(created.code()).isEqualTo(201);
    String id = data(created).get("customer_id").getAsString();
    assertThat(data(authed.get(ent + "/customers/" + id)).getAsJsonObject("personal_information")
        .get("email").getAsString()).isEqualTo("jana.novakova@example.cz");
    Reply duplicate = authed.post(ent + "/customers", newCustomer(source, "jana.novakova@example.cz", false));
    assertThat(duplicate.code()).isEqualTo(400);
    assertThat(error(duplicate).getAsJsonObject("error_data").getAsJsonArray("invalid_params").get(0)
        .getAsJsonObject().get("reason").getAsString()).isEqualTo("already_exists");
    assertThat(authed.send("PUT", ent + "/customers/" + id, "{\"customer\":{\"personal_information\":{"
        + "\"gender\":2,\"first_name\":\"Jana\",\"last_name\":\"Dvorakova\",\"language_id\":\"cs\"}}}").code())
        .isEqualTo(204);
    JsonObject replaced = data(authed.get(ent + "/customers/" + id)).getAsJsonObject("personal_information");
    assertThat(replaced.get("last_name").getAsString()).isEqualTo("Dvorakova");
    assertThat(replaced.has("email")).isFalse();

    // segments
    String segment = data(authed.get(ent + "/segments")).getAsJsonArray("segments").get(0)
        .getAsJsonObject().get("segment_id").getAsString();
    String member = "{\"customer_id\":\"" + id + "\"}";
    assertThat(authed.post(ent + "/segments/" + segment + "/actions/add-customer", member).code()).isEqualTo(204);
    assertThat(authed.post(ent + "/segments/" + segment + "/actions/add-customer", member).code()).isEqualTo(400);
    assertThat(mock.segmentMembers(segment)).contains(id);
    JsonArray records = data(authed.get(ent + "/segments/" + segment + "/segment-records"))
        .getAsJsonArray("segment_records");
    assertThat(records.toString()).contains(id);
    assertThat(authed.post(ent + "/segments/" + segment + "/actions/remove-customer", member).code()).isEqualTo(204);
    String newSegment = data(authed.post(ent + "/segments", "{\"name\":\"newsletter-2025\","
        + "\"note\":\"Signed up in 2025\",\"priority\":2}")).get("segment_id").getAsString();
    assertThat(data(authed.get(ent + "/segments/" + newSegment)).get("name").getAsString()).isEqualTo("newsletter-2025");
    assertThat(data(authed.get(ent + "/segments?segment_group_ids%5B%5D=83d1d11ea3884a5d33253fe215"))
        .get("total_items").getAsInt()).isEqualTo(2);
    assertThat(data(authed.get(ent + "/segment-groups")).get("total_items").getAsInt()).isEqualTo(2);

    // cards and card types
    assertThat(data(authed.get(ent + "/cards?customer_id=" + mock.johnSmithId() + "&is_valid=true"))
        .get("total_items").getAsInt()).isEqualTo(1);
    String type = data(authed.get(ent + "/card-types")).getAsJsonArray("card_types").get(0)
        .getAsJsonObject().get("card_type_id").getAsString();
    assertThat(data(authed.get(ent + "/card-types/" + type)).get("prefix").getAsString()).isEqualTo("20");
    String card = "{\"card\":{\"customer_id\":\"" + id + "\",\"card_type_id\":\"" + type + "\","
        + "\"card_number\":\"200120009999\",\"valid_from\":\"2025-03-01\",\"valid_to\":\"2035-02-28\",\"state\":1}}";
    String cardId = data(authed.post(ent + "/cards", card)).get("card_id").getAsString();
    assertThat(authed.post(ent + "/cards", card).code()).isEqualTo(400);
    assertThat(authed.send("PUT", ent + "/cards/" + cardId, card.replace("\"state\":1", "\"state\":0")).code())
        .isEqualTo(204);
    assertThat(data(authed.get(ent + "/cards/" + cardId)).get("state").getAsInt()).isZero();
    assertThat(data(authed.get(ent + "/customers/" + id + "/cards")).get("total_items").getAsInt()).isEqualTo(1);

    // rewards and vouchers
    JsonObject rewards = data(authed.get(ent + "/rewards?reward_group=1"));
    String reward = rewards.getAsJsonArray("rewards").get(0).getAsJsonObject().get("reward_id").getAsString();
    assertThat(data(authed.get(ent + "/rewards/" + reward)).get("code").getAsString()).isEqualTo("DESSERT200");
    String voucher = data(authed.post(ent + "/rewards/" + reward + "/actions/create-voucher",
        "{\"customer_id\":\"" + id + "\",\"code\":\"WELCOME25\",\"note\":\"Welcome\"}")).get("voucher_id").getAsString();
    assertThat(data(authed.get(ent + "/vouchers/" + voucher)).get("code").getAsString()).isEqualTo("WELCOME25");
    assertThat(data(authed.get(ent + "/vouchers?customer_id=" + id + "&is_applied=false"))
        .get("total_items").getAsInt()).isEqualTo(1);
    assertThat(authed.send("PUT", ent + "/vouchers/" + voucher, "{\"voucher\":{\"customer_id\":\"" + id
        + "\",\"code\":\"WELCOME25\",\"value\":5.0,\"valid_from\":\"2025-03-01 00:00:00\","
        + "\"valid_to\":\"2025-09-30T23:59:59\",\"note\":\"Extended\"}}").code()).isEqualTo(204);
    assertThat(data(authed.get(ent + "/vouchers/" + voucher)).get("valid_to").getAsString())
        .isEqualTo("2025-09-30 23:59:59");
    assertThat(authed.post(ent + "/vouchers/" + voucher + "/actions/apply-voucher",
        "{\"store_id\":\"86e05affc7a7abefcd513ab400\",\"date_applied\":\"2025-03-03 10:00:00\"}").code())
        .isEqualTo(204);
    assertThat(authed.delete(ent + "/vouchers/" + voucher).code()).isEqualTo(400);
    String fresh = data(authed.post(ent + "/rewards/" + reward + "/actions/create-voucher",
        "{\"customer_id\":\"" + id + "\"}")).get("voucher_id").getAsString();
    assertThat(authed.delete(ent + "/vouchers/" + fresh).code()).isEqualTo(204);
    assertThat(authed.get(ent + "/vouchers/" + fresh).code()).isEqualTo(404);

    // John's sub-lists and search
    String johnUrl = ent + "/customers/" + mock.johnSmithId();
    assertThat(data(authed.get(johnUrl + "/cards")).get("total_items").getAsInt()).isEqualTo(1);
    assertThat(data(authed.get(johnUrl + "/vouchers")).get("total_items").getAsInt()).isEqualTo(1);
    assertThat(data(authed.get(johnUrl + "/rewards")).get("total_items").getAsInt()).isEqualTo(3);
    assertThat(data(authed.get(johnUrl + "/status-records")).get("total_items").getAsInt()).isEqualTo(1);
    JsonArray strict = data(authed.get(ent + "/customers/actions/search-customers?first_name=John"
        + "&last_name=Smith&birthdate=12.02.1985")).getAsJsonArray("strict");
    assertThat(strict.get(0).getAsJsonObject().get("customer_id").getAsString()).isEqualTo(mock.johnSmithId());

    // stores and reference data
    JsonObject stores = data(authed.get(ent + "/stores?count=2"));
    assertThat(stores.get("total_items").getAsInt()).isEqualTo(4);
    assertThat(data(authed.get(ent + "/stores/86e05affc7a7abefcd513ab400")).get("store_code").getAsString())
        .isEqualTo("PRG01");
    JsonObject countries = data(authed.get(ent + "/countries", "Accept-Language", "cs, en-gb;q=0.8"));
    assertThat(countries.getAsJsonArray("countries").get(0).getAsJsonObject().get("name").getAsString())
        .isEqualTo("Česko");
    assertThat(data(authed.get(ent + "/languages")).get("total_items").getAsInt()).isEqualTo(4);
    assertThat(data(authed.get(ent + "/currencies")).get("total_items").getAsInt()).isEqualTo(2);
    assertThat(data(authed.get(ent + "/customer-types")).get("total_items").getAsInt()).isEqualTo(2);
    assertThat(data(authed.get(ent + "/statuses")).get("total_items").getAsInt()).isEqualTo(3);

    // the wrong interface
    Reply forbidden = authed.post(ent + "/tokens", deviceToken("ent-device"));
    assertThat(forbidden.code()).isEqualTo(403);
    assertThat(error(forbidden).get("type").getAsString()).isEqualTo("interface_not_allowed_exception");

    // logout, then expiry of a fresh session on the mock's clock
    assertThat(authed.post(ent + "/users/actions/logout", "{\"user_external_application_id\":\"demo-app\","
        + "\"bearer_token\":\"" + bearer + "\"}").code()).isEqualTo(204);
    assertThat(authed.get(ent + "/customers").code()).isEqualTo(401);
    String again = data(http.post(ent + "/users/actions/login", login("demo-app", "demo-password")))
        .get("bearer_token").getAsString();
    clock.advance(Duration.ofHours(7).plusSeconds(1));
    Reply expired = http.get(ent + "/customers", "Authorization", "Bearer " + again);
    assertThat(expired.code()).isEqualTo(401);

    validation.assertValidationPassed();
  }

  @Test
  void customerFlowValidatesAgainstTheSpec() {
    Reply created = http.post(cust + "/tokens", deviceToken("device-1"));
    assertThat(created.code()).isEqualTo(201);
    String token = data(created).get("token_id").getAsString();
    assertThat(token).hasSize(72);
    TestHttp device = http.with("Authorization", "Bearer " + token);

    // not logged in: no customer visible, reference data is
    assertThat(data(device.get(cust + "/customers")).get("total_items").getAsInt()).isZero();
    assertThat(data(device.get(cust + "/stores")).get("total_items").getAsInt()).isEqualTo(4);

    Reply wrong = device.post(cust + "/tokens/" + token + "/actions/login",
        "{\"login_type\":\"email\",\"login_value\":\"john.smith@example.com\",\"password\":\"nope\"}");
    assertThat(wrong.code()).isEqualTo(401);
    JsonObject login = data(device.post(cust + "/tokens/" + token + "/actions/login",
        "{\"login_type\":\"email\",\"login_value\":\"john.smith@example.com\",\"password\":\"customer-password\"}"));
    assertThat(login.get("customer_id").getAsString()).isEqualTo(mock.johnSmithId());

    JsonObject mine = data(device.get(cust + "/customers"));
    assertThat(mine.get("total_items").getAsInt()).isEqualTo(1);
    assertThat(mine.getAsJsonArray("customers").get(0).getAsJsonObject().get("customer_id").getAsString())
        .isEqualTo(mock.johnSmithId());
    String someoneElse = mock.customers().get(5).get("customer_id").getAsString();
    assertThat(device.get(cust + "/customers/" + someoneElse).code()).isEqualTo(404);
    assertThat(data(device.get(cust + "/cards")).get("total_items").getAsInt()).isEqualTo(1);
    assertThat(data(device.get(cust + "/vouchers")).get("total_items").getAsInt()).isEqualTo(1);
    assertThat(device.send("PUT", cust + "/tokens/" + token, "{\"setup\":{\"language_id\":\"cs\","
        + "\"allowed_gps\":false,\"allowed_notifications\":true},\"push_token\":\"321e5d02605d46c18936912\"}")
        .code()).isEqualTo(204);
    Reply enterpriseOnly = device.get(cust + "/customers/actions/search-customers?first_name=John");
    assertThat(enterpriseOnly.code()).isEqualTo(403);

    // logout, login by card number
    assertThat(device.send("POST", cust + "/tokens/" + token + "/actions/logout", null).code()).isEqualTo(204);
    assertThat(data(device.get(cust + "/customers")).get("total_items").getAsInt()).isZero();
    assertThat(data(device.post(cust + "/tokens/" + token + "/actions/login",
        "{\"login_type\":\"card\",\"login_value\":\"1000000000016\",\"password\":\"customer-password\"}"))
        .get("customer_id").getAsString()).isEqualTo(mock.johnSmithId());

    // a new token for the same device replaces the old one
    String replacement = data(http.post(cust + "/tokens", deviceToken("device-1"))).get("token_id").getAsString();
    assertThat(device.get(cust + "/customers").code()).isEqualTo(401);

    // registration with autologin binds the new customer to the token
    TestHttp fresh = http.with("Authorization", "Bearer " + replacement);
    String source = data(fresh.get(cust + "/customer-sources")).getAsJsonArray("customer_sources").get(0)
        .getAsJsonObject().get("customer_source_id").getAsString();
    String id = data(fresh.post(cust + "/customers", newCustomer(source, "petr.svoboda@example.cz", true)))
        .get("customer_id").getAsString();
    JsonObject self = data(fresh.get(cust + "/customers"));
    assertThat(self.getAsJsonArray("customers").get(0).getAsJsonObject().get("customer_id").getAsString())
        .isEqualTo(id);

    validation.assertValidationPassed();
  }

  @Test
  void everyStatefulRouteServesTheInterfacesTheSpecNames() {
    io.swagger.v3.oas.models.OpenAPI spec = new io.swagger.v3.parser.OpenAPIV3Parser().read("specs/carecloud.yaml");
    java.util.Map<String, java.util.Set<String>> expected = new java.util.TreeMap<>();
    spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      @SuppressWarnings("unchecked")
      List<String> interfaces = (List<String>) op.getExtensions().get("x-interfaces");
      expected.put(method + " " + path, new java.util.TreeSet<>(interfaces));
    }));
    assertThat(mock.routeInterfaces()).isNotEmpty();
    mock.routeInterfaces().forEach((route, served) ->
        assertThat(served).as(route).isEqualTo(expected.get(route)));
  }

  private static String login(String app, String password) {
    return "{\"user_external_application_id\":\"" + app + "\",\"login\":\"demo\",\"password\":\""
        + password + "\"}";
  }

  private static String deviceToken(String deviceId) {
    return "{\"device\":{\"device_id\":\"" + deviceId + "\",\"device_system\":\"Android 14\","
        + "\"device_name\":\"Pixel 8\",\"device_type\":\"phone\"},\"setup\":{\"language_id\":\"en\","
        + "\"allowed_gps\":true,\"allowed_notifications\":false},"
        + "\"external_application_id\":\"demo-customer-app\",\"push_token\":\"4f7f658bfa7a5959e093590\"}";
  }

  private static String newCustomer(String source, String email, boolean autologin) {
    return "{\"customer\":{\"personal_information\":{\"gender\":2,\"first_name\":\"Jana\","
        + "\"last_name\":\"Novakova\",\"birthdate\":\"1990-04-18\",\"email\":\"" + email + "\","
        + "\"phone\":\"420602123456\",\"language_id\":\"cs\",\"address\":{\"address1\":\"Vinohradska\","
        + "\"address2\":\"112\",\"zip\":\"13000\",\"city\":\"Prague 3\",\"country_code\":\"cz\"},"
        + "\"agreement\":{\"agreement_gtc\":1,\"agreement_profiling\":2,\"agreement_marketing_communication\":0}}},"
        + "\"customer_source\":{\"customer_source_id\":\"" + source + "\",\"external_id\":\"ESHOP-104522\"},"
        + "\"autologin\":" + autologin + (autologin ? ",\"password\":\"Secret-123\"" : "") + "}";
  }

  private static JsonObject data(Reply reply) {
    JsonElement json = reply.json();
    if (json == null || !json.getAsJsonObject().has("data")) {
      throw new AssertionError("no data envelope, HTTP " + reply.code() + ": " + reply.text());
    }
    return json.getAsJsonObject().getAsJsonObject("data");
  }

  private static JsonObject error(Reply reply) {
    return reply.json().getAsJsonObject().getAsJsonObject("error");
  }
}
