package dev.b2bsdk.testkit.carecloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.SpecValidator;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import dev.b2bsdk.testkit.core.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The point-of-sale flow of the CareCloud mock, over HTTP, every request and response checked
 * against {@code specs/carecloud.yaml}: a purchase assigns points by the rule and consumes its
 * voucher, a voucher cannot be used twice, points and credits paid with are redeemed,
 * reservations lower the available balance until freed.
 */
class CareCloudPointOfSaleTest {

  private static final String PREFIX = CareCloudMock.BASE_PATH + "/";
  private static final String STORE = "86e05affc7a7abefcd513ab400";
  private static final String CZK = "86e05affc7a7abefcd513ab400";
  private static final String JOHN_CARD = "1000000000016";

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2025-03-03T08:00:00Z"));
  private final TestHttp http = new TestHttp();
  private CareCloudMock mock;
  private SpecValidator validation;

  private TestHttp start(CareCloudMock.Builder builder) {
    mock = builder.clock(clock).customers(20).start();
    validation = SpecValidator.byPrefix("carecloud", List.of(
        PREFIX + CareCloudMock.ENTERPRISE + "/v1.0", PREFIX + CareCloudMock.CUSTOMER + "/v1.0"));
    mock.server().addMockServiceRequestListener(validation);
    String bearer = data(http.post(mock.enterpriseUrl() + "/users/actions/login",
        "{\"user_external_application_id\":\"demo-app\",\"login\":\"demo\",\"password\":\"demo-password\"}"))
        .get("bearer_token").getAsString();
    return http.with("Authorization", "Bearer " + bearer);
  }

  @AfterEach
  void stop() {
    if (mock != null) {
      mock.stop();
    }
  }

  @Test
  void aPurchaseAssignsPointsAndConsumesItsVoucherWhichCannotBeUsedTwice() {
    TestHttp pos = start(CareCloudMock.builder());
    String ent = mock.enterpriseUrl();
    String john = mock.johnSmithId();
    assertThat(available(pos, john)).isEqualByComparingTo("150");

    String reward = data(pos.get(ent + "/rewards")).getAsJsonArray("rewards").get(0).getAsJsonObject()
        .get("reward_id").getAsString();
    String voucher = data(pos.post(ent + "/rewards/" + reward + "/actions/create-voucher",
        "{\"customer_id\":\"" + john + "\",\"code\":\"POS-10\"}")).get("voucher_id").getAsString();

    // 199.90 earns points (19 at 1 per whole 10), the 50.00 item is loyalty_off
    Reply sent = pos.post(ent + "/purchases/actions/send-purchase",
        purchase("card_number", JOHN_CARD, "BILL-1", false, "POS-10", "199.90", "50.00"));
    assertThat(sent.code()).isEqualTo(201);
    String purchase = data(sent).get("purchase_id").getAsString();

    JsonObject stored = data(pos.get(ent + "/purchases/" + purchase));
    assertThat(stored.get("customer_id").getAsString()).isEqualTo(john);
    assertThat(stored.get("external_purchase_id").getAsString()).isEqualTo("BILL-1");
    assertThat(stored.get("items_count").getAsInt()).isEqualTo(2);
    JsonObject used = data(pos.get(ent + "/vouchers/" + voucher));
    assertThat(used.get("applied_date").getAsString()).isEqualTo("2025-03-03 09:15:00");
    assertThat(used.get("store_id").getAsString()).isEqualTo(STORE);
    assertThat(available(pos, john)).isEqualByComparingTo("169");
    JsonArray points = data(pos.get(ent + "/customers/" + john + "/points")).getAsJsonArray("points");
    assertThat(points).hasSize(2);
    assertThat(points.get(1).getAsJsonObject().get("assigned_points").getAsBigDecimal()).isEqualByComparingTo("19");
    JsonObject overview = data(pos.get(ent + "/wallet/actions/points-overview?customer_id=" + john));
    assertThat(overview.get("earned_points").getAsBigDecimal()).isEqualByComparingTo("169");

    // the same voucher on another bill: 400, and nothing changes
    Reply twice = pos.post(ent + "/purchases/actions/send-purchase",
        purchase("customer_id", john, "BILL-2", false, "POS-10", "80.00"));
    assertThat(twice.code()).isEqualTo(400);
    JsonObject param = invalidParam(twice);
    assertThat(param.get("name").getAsString()).isEqualTo("bill.payment_recap.vouchers.code");
    assertThat(param.get("reason").getAsString()).isEqualTo("voucher_already_used");
    assertThat(param.get("value").getAsString()).isEqualTo("POS-10");
    assertThat(available(pos, john)).isEqualByComparingTo("169");
    assertThat(data(pos.get(ent + "/points?customer_id=" + john)).get("total_items").getAsInt()).isEqualTo(2);
    // the apply action refuses it too
    Reply apply = pos.post(ent + "/vouchers/" + voucher + "/actions/apply-voucher",
        "{\"store_id\":\"" + STORE + "\",\"date_applied\":\"2025-03-03 10:00:00\"}");
    assertThat(apply.code()).isEqualTo(400);
    assertThat(invalidParam(apply).get("reason").getAsString()).isEqualTo("not_allowed_value");

    // a bill is accepted once; an unknown voucher is refused
    assertThat(invalidParam(pos.post(ent + "/purchases/actions/send-purchase",
        purchase("customer_id", john, "BILL-1", false, null, "10.00"))).get("reason").getAsString())
        .isEqualTo("already_exists");
    assertThat(invalidParam(pos.post(ent + "/purchases/actions/send-purchase",
        purchase("customer_id", john, "BILL-3", false, "NO-SUCH", "10.00"))).get("reason").getAsString())
        .isEqualTo("not_found");
    assertThat(available(pos, john)).isEqualByComparingTo("169");

    validation.assertValidationPassed();
  }

  @Test
  void aCancelledBillEarnsNothingAndKeepsItsVoucher() {
    TestHttp pos = start(CareCloudMock.builder());
    String ent = mock.enterpriseUrl();
    String john = mock.johnSmithId();
    String reward = data(pos.get(ent + "/rewards")).getAsJsonArray("rewards").get(0).getAsJsonObject()
        .get("reward_id").getAsString();
    String voucher = data(pos.post(ent + "/rewards/" + reward + "/actions/create-voucher",
        "{\"customer_id\":\"" + john + "\",\"code\":\"KEEP-ME\"}")).get("voucher_id").getAsString();

    assertThat(pos.post(ent + "/purchases/actions/send-purchase",
        purchase("customer_id", john, "BILL-C", true, "KEEP-ME", "500.00")).code()).isEqualTo(201);

    assertThat(available(pos, john)).isEqualByComparingTo("150");
    assertThat(data(pos.get(ent + "/vouchers/" + voucher)).has("applied_date")).isFalse();
    validation.assertValidationPassed();
  }

  @Test
  void pointsAndCreditsPaidWithAreRedeemed() {
    TestHttp pos = start(CareCloudMock.builder());
    String ent = mock.enterpriseUrl();
    String john = mock.johnSmithId();
    JsonObject credits = data(pos.get(ent + "/wallet/actions/credits-overview?customer_id=" + john));
    assertThat(credits.get("available_credits").getAsBigDecimal()).isEqualByComparingTo("200");

    String paid = purchase("customer_id", john, "BILL-P", false, null, "100.00")
        .replace("\"bill_items\"", "\"payment_recap\":{\"credit_points\":50,\"amount_for_credit\":30.5},\"bill_items\"");
    assertThat(pos.post(ent + "/purchases/actions/send-purchase", paid).code()).isEqualTo(201);

    JsonObject points = data(pos.get(ent + "/wallet/actions/points-overview?customer_id=" + john));
    assertThat(points.get("available_points").getAsBigDecimal()).isEqualByComparingTo("110"); // 150 - 50 + 10
    assertThat(points.get("redeemed_points").getAsBigDecimal()).isEqualByComparingTo("50");
    credits = data(pos.get(ent + "/wallet/actions/credits-overview?customer_id=" + john));
    assertThat(credits.get("available_credits").getAsBigDecimal()).isEqualByComparingTo("169.5");
    assertThat(credits.get("redeemed_credits").getAsBigDecimal()).isEqualByComparingTo("30.5");
    assertThat(data(pos.get(ent + "/credits?customer_id=" + john)).getAsJsonArray("credits").get(0)
        .getAsJsonObject().get("available_credits").getAsBigDecimal()).isEqualByComparingTo("169.5");

    // more credits than are left: 400, nothing changes
    String tooMuch = purchase("customer_id", john, "BILL-Q", false, null, "10.00")
        .replace("\"bill_items\"", "\"payment_recap\":{\"amount_for_credit\":170},\"bill_items\"");
    JsonObject param = invalidParam(pos.post(ent + "/purchases/actions/send-purchase", tooMuch));
    assertThat(param.get("name").getAsString()).isEqualTo("bill.payment_recap.amount_for_credit");
    assertThat(data(pos.get(ent + "/wallet/actions/credits-overview?customer_id=" + john))
        .get("available_credits").getAsBigDecimal()).isEqualByComparingTo("169.5");
    validation.assertValidationPassed();
  }

  @Test
  void thePointsRuleIsConfigurable() {
    TestHttp pos = start(CareCloudMock.builder().pointsRule(PointsRule.perAmount(new BigDecimal(2), BigDecimal.ONE)));
    String john = mock.johnSmithId();

    assertThat(pos.post(mock.enterpriseUrl() + "/purchases/actions/send-purchase",
        purchase("customer_id", john, "BILL-R", false, null, "12.50")).code()).isEqualTo(201);

    assertThat(available(pos, john)).isEqualByComparingTo("174"); // 150 + 2 x 12
    assertThat(mock.availablePoints(john)).isEqualByComparingTo("174");
    validation.assertValidationPassed();
  }

  @Test
  void aReservationLowersTheAvailableBalanceUntilFreed() {
    TestHttp pos = start(CareCloudMock.builder());
    String ent = mock.enterpriseUrl();
    String john = mock.johnSmithId();

    assertThat(pos.post(ent + "/point-reservations/actions/reserve-points",
        "{\"external_id\":\"R-1\",\"customer_id\":\"" + john + "\",\"amount\":100,"
            + "\"expiration_time\":\"2025-03-04T08:00:00\"}").code()).isEqualTo(204);
    assertThat(available(pos, john)).isEqualByComparingTo("50");
    JsonObject reservation = data(pos.get(ent + "/point-reservations?customer_id=" + john))
        .getAsJsonArray("point_reservations").get(0).getAsJsonObject();
    assertThat(reservation.get("quantity").getAsBigDecimal()).isEqualByComparingTo("100");
    assertThat(reservation.get("state").getAsInt()).isEqualTo(1);
    assertThat(reservation.get("expiration").getAsString()).isEqualTo("2025-03-04 08:00:00");
    String reservationId = reservation.get("points_reservation_id").getAsString();

    // more than is left, and the same external id again
    Reply tooMuch = pos.post(ent + "/point-reservations/actions/reserve-points",
        "{\"external_id\":\"R-2\",\"customer_id\":\"" + john + "\",\"amount\":51}");
    assertThat(tooMuch.code()).isEqualTo(400);
    assertThat(invalidParam(tooMuch).get("name").getAsString()).isEqualTo("amount");
    assertThat(invalidParam(pos.post(ent + "/point-reservations/actions/reserve-points",
        "{\"external_id\":\"R-1\",\"customer_id\":\"" + john + "\",\"amount\":1}")).get("reason").getAsString())
        .isEqualTo("already_exists");

    assertThat(pos.post(ent + "/point-reservations/actions/free-points", "{\"external_id\":\"R-1\"}").code())
        .isEqualTo(204);
    assertThat(available(pos, john)).isEqualByComparingTo("150");
    assertThat(data(pos.get(ent + "/point-reservations/" + reservationId)).get("state").getAsInt()).isZero();
    assertThat(invalidParam(pos.post(ent + "/point-reservations/actions/free-points",
        "{\"external_id\":\"R-1\"}")).get("reason").getAsString()).isEqualTo("not_found");
    validation.assertValidationPassed();
  }

  @Test
  void aLoggedInCustomerSeesOnlyTheirOwnBalance() {
    start(CareCloudMock.builder());
    String cust = mock.customerUrl();
    String token = data(http.post(cust + "/tokens", "{\"device\":{\"device_id\":\"pos-1\",\"device_system\":\"iOS\","
        + "\"device_name\":\"Kiosk\",\"device_type\":\"tablet\"},\"setup\":{\"language_id\":\"cs\","
        + "\"allowed_gps\":false,\"allowed_notifications\":false},\"external_application_id\":\"demo-customer-app\"}"))
        .get("token_id").getAsString();
    TestHttp device = http.with("Authorization", "Bearer " + token);
    assertThat(device.post(cust + "/tokens/" + token + "/actions/login", "{\"login_type\":\"card\","
        + "\"login_value\":\"" + JOHN_CARD + "\",\"password\":\"customer-password\"}").code()).isEqualTo(200);

    String john = mock.johnSmithId();
    assertThat(data(device.get(cust + "/wallet/actions/points-overview?customer_id=" + john))
        .get("available_points").getAsBigDecimal()).isEqualByComparingTo("150");
    String other = mock.customers().get(3).get("customer_id").getAsString();
    assertThat(device.get(cust + "/wallet/actions/points-overview?customer_id=" + other).code()).isEqualTo(400);
    assertThat(device.get(cust + "/customers/" + other + "/points").code()).isEqualTo(404);
    validation.assertValidationPassed();
  }

  // ------------------------------------------------------------------ helpers

  private BigDecimal available(TestHttp pos, String customer) {
    return data(pos.get(mock.enterpriseUrl() + "/wallet/actions/points-overview?customer_id=" + customer))
        .get("available_points").getAsBigDecimal();
  }

  /** A send-purchase body; one bill item per paid amount, the second and later ones loyalty_off. */
  private static String purchase(String idField, String idValue, String billId, boolean canceled,
      String voucherCode, String... paid) {
    StringBuilder items = new StringBuilder();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < paid.length; i++) {
      total = total.add(new BigDecimal(paid[i]));
      items.append(i == 0 ? "" : ",").append("{\"bill_item_id\":\"").append(billId).append("-").append(i + 1)
          .append("\",\"plu_ids\":[{\"list_code\":\"EAN\",\"code\":\"859000000000").append(i).append("\"}],")
          .append("\"plu_name\":\"Item ").append(i + 1).append("\",\"vat_rate\":21,\"quantity\":1,")
          .append("\"paid_amount\":").append(paid[i]).append(",\"price\":").append(paid[i])
          .append(",\"loyalty_off\":").append(i > 0).append(",\"purchase_item_type_id\":\"8a1b2c3d4e5f60718293a4b5c6\"}");
    }
    String recap = voucherCode == null ? ""
        : ",\"payment_recap\":{\"vouchers\":[{\"code\":\"" + voucherCode + "\",\"discount_value\":10}]}";
    return "{\"store_id\":\"" + STORE + "\",\"cashdesk_number\":3,\"" + idField + "\":\"" + idValue + "\","
        + "\"bill\":{\"bill_id\":\"" + billId + "\",\"purchase_type_id\":\"8370b7b17691a4d4cf8ad35722\","
        + "\"canceled\":" + canceled + ",\"payment_type\":\"S\",\"payment_time\":\"2025-03-03 09:15:00\","
        + "\"currency_id\":\"" + CZK + "\",\"total_price\":" + total.toPlainString() + ","
        + "\"bill_items\":[" + items + "]" + recap + "}}";
  }

  private static JsonObject invalidParam(Reply reply) {
    assertThat(reply.code()).as(reply.text()).isEqualTo(400);
    return reply.json().getAsJsonObject().getAsJsonObject("error").getAsJsonObject("error_data")
        .getAsJsonArray("invalid_params").get(0).getAsJsonObject();
  }

  private static JsonObject data(Reply reply) {
    JsonElement json = reply.json();
    if (json == null || !json.isJsonObject() || !json.getAsJsonObject().has("data")) {
      throw new AssertionError("no data envelope, HTTP " + reply.code() + ": " + reply.text());
    }
    return json.getAsJsonObject().getAsJsonObject("data");
  }
}
