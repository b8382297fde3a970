package dev.b2bsdk.testkit.carecloud;

import static dev.b2bsdk.testkit.carecloud.CareCloudCustomers.viewer;
import static dev.b2bsdk.testkit.carecloud.CcSupport.invalid;
import static dev.b2bsdk.testkit.carecloud.CcSupport.notFound;
import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.MockResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The point-of-sale flow of the CareCloud mock, stateful:
 *
 * <ul>
 *   <li>{@code POST /purchases/actions/send-purchase} stores the purchase (a {@code bill_id} is
 *       accepted once), consumes the vouchers applied in {@code bill.payment_recap.vouchers[]}
 *       (found by code; one already applied, unknown or applied twice in the bill is 400 with
 *       {@code invalid_params} and nothing changes) and assigns the customer (by
 *       {@code customer_id} or {@code card_number}) a point record of {@link PointsRule} points
 *       for the paid amount of the items not marked {@code loyalty_off}; a cancelled bill earns
 *       nothing and consumes nothing;</li>
 *   <li>{@code POST /point-reservations/actions/reserve-points} reserves points (at most the
 *       available balance; an {@code external_id} once while active), {@code .../free-points}
 *       frees them (state 0);</li>
 *   <li>points and credits paid with ({@code bill.payment_recap.credit_points} and
 *       {@code amount_for_credit}) are redeemed from the customer's records, soonest expiring
 *       first (more than is available is 400);</li>
 *   <li>balances: {@code GET /wallet/actions/credits-overview}, {@code /credits},
 *       {@code /credits/{credit_id}}, {@code GET /wallet/actions/points-overview} (available = unexpired points minus
 *       active reservations), {@code GET /points}, {@code /points/{point_id}},
 *       {@code /customers/{customer_id}/points}, {@code GET /point-reservations} and one
 *       reservation, {@code GET /purchases/{purchase_id}}.</li>
 * </ul>
 */
final class CareCloudPointOfSale {

  /** Point type and partner of the points the mock assigns. */
  static final String POINT_TYPE = "8d0c2f2f4a2e4ba3b21f5c1e01";
  static final String PARTNER = "8d0c2f2f4a2e4ba3b21f5c1e02";

  private static final DateTimeFormatter REQUEST_DATE_TIME = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd")
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter(Locale.ROOT);

  private final Supplier<CareCloudData> data;
  private final Clock clock;
  private final ZoneId zone;
  private final int maxPageSize;
  private final PointsRule rule;

  CareCloudPointOfSale(Supplier<CareCloudData> data, Clock clock, ZoneId zone, int maxPageSize,
      PointsRule rule) {
    this.data = data;
    this.clock = clock;
    this.zone = zone;
    this.maxPageSize = maxPageSize;
    this.rule = rule;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(zone));
  }

  // ------------------------------------------------------------------ purchases

  MockResponse sendPurchase(MockRequest r) {
    CareCloudData d = data.get();
    JsonObject in = CcSupport.object(r);
    String store = CcSupport.requiredString(in, "store_id", "store_id");
    if (!d.stores.containsKey(store)) {
      throw invalid("store_id", "not_found", "Store " + store + " does not exist", store);
    }
    String cashdesk = CcSupport.requiredString(in, "cashdesk_number", "cashdesk_number");
    JsonObject bill = CcSupport.requiredObject(in, "bill", "bill");
    String billId = CcSupport.requiredString(bill, "bill_id", "bill.bill_id");
    if (d.purchases.values().stream().anyMatch(p -> billId.equals(Json.str(p, "external_purchase_id")))) {
      throw invalid("bill.bill_id", "already_exists", "Bill " + billId + " was already sent", billId);
    }
    LocalDateTime paymentTime = dateTime("bill.payment_time",
        CcSupport.requiredString(bill, "payment_time", "bill.payment_time"));
    String currency = CcSupport.requiredString(bill, "currency_id", "bill.currency_id");
    BigDecimal total = number(bill, "total_price", "bill.total_price");
    boolean canceled = CcSupport.requiredBoolean(bill, "canceled", "bill.canceled");
    JsonArray items = arrayOrNull(bill, "bill_items");
    if (items == null) {
      throw invalid("bill.bill_items", "required", "Parameter bill.bill_items is required", null);
    }
    String customer = customerOf(r, in);

    // every applied voucher is checked before anything changes
    List<JsonObject> vouchers = new ArrayList<>();
    JsonObject recap = Json.objOrNull(bill, "payment_recap");
    JsonArray applied = recap == null ? null : arrayOrNull(recap, "vouchers");
    Set<String> codes = new HashSet<>();
    if (applied != null && !canceled) {
      for (JsonElement e : applied) {
        String code = CcSupport.requiredString(e.getAsJsonObject(), "code",
            "bill.payment_recap.vouchers.code");
        JsonObject voucher = d.vouchers.values().stream().filter(v -> code.equals(Json.str(v, "code")))
            .findFirst().orElseThrow(() -> invalid("bill.payment_recap.vouchers.code", "not_found",
                "Voucher " + code + " does not exist", code));
        String owner = Json.str(voucher, "customer_id");
        if (owner != null && customer != null && !owner.equals(customer)) {
          throw invalid("bill.payment_recap.vouchers.code", "not_allowed_value",
              "Voucher " + code + " belongs to another customer", code);
        }
        if (Json.str(voucher, "applied_date") != null || !codes.add(code)) {
          throw invalid("bill.payment_recap.vouchers.code", "voucher_already_used",
              "Voucher " + code + " is already applied", code);
        }
        vouchers.add(voucher);
      }
    }

    BigDecimal paidWithPoints = recap == null || canceled ? BigDecimal.ZERO
        : optionalNumber(recap, "credit_points", "bill.payment_recap.credit_points");
    BigDecimal paidWithCredits = recap == null || canceled ? BigDecimal.ZERO
        : optionalNumber(recap, "amount_for_credit", "bill.payment_recap.amount_for_credit");
    if ((paidWithPoints.signum() > 0 || paidWithCredits.signum() > 0) && customer == null) {
      throw invalid("customer_id", "required", "Paying with points or credits needs a customer", null);
    }
    if (paidWithPoints.signum() > 0 && paidWithPoints.compareTo(available(customer)) > 0) {
      throw invalid("bill.payment_recap.credit_points", "not_allowed_value", "Only "
          + available(customer).toPlainString() + " points are available", paidWithPoints.toPlainString());
    }
    if (paidWithCredits.signum() > 0 && paidWithCredits.compareTo(availableCredits(customer)) > 0) {
      throw invalid("bill.payment_recap.amount_for_credit", "not_allowed_value", "Only "
          + availableCredits(customer).toPlainString() + " credits are available", paidWithCredits.toPlainString());
    }

    BigDecimal eligible = BigDecimal.ZERO;
    for (JsonElement e : items) {
      JsonObject item = e.getAsJsonObject();
      if (!(item.has("loyalty_off") && item.get("loyalty_off").isJsonPrimitive() && item.get("loyalty_off").getAsBoolean())) {
        eligible = eligible.add(number(item, "paid_amount", "bill.bill_items.paid_amount"));
      }
    }

    String purchaseId = d.newId();
    String changed = CareCloudData.format(now());
    JsonObject purchase = obj("purchase_id", purchaseId, "customer_id", customer, "store_id", store,
        "external_purchase_id", billId, "payment_time", CareCloudData.format(paymentTime),
        "items_count", items.size(), "type_id", Json.str(bill, "purchase_type_id"),
        "total_price", total, "currency_id", currency, "card_number", Json.str(in, "card_number"),
        "cashdesk_number", cashdesk, "last_change", changed);
    d.purchases.put(purchaseId, purchase);
    for (JsonObject voucher : vouchers) {
      voucher.addProperty("applied_date", CareCloudData.format(paymentTime));
      voucher.addProperty("store_id", store);
      voucher.addProperty("last_change", changed);
    }
    redeem(live(customer == null ? "" : customer), "available_points", paidWithPoints);
    redeem(liveCredits(customer == null ? "" : customer), "available_credits", paidWithCredits);
    BigDecimal points = canceled || customer == null ? BigDecimal.ZERO : rule.points(eligible);
    if (points.signum() > 0) {
      String pointId = d.newId();
      d.points.put(pointId, obj("point_id", pointId, "customer_id", customer,
          "assigned_points", points, "available_points", points, "point_type_id", POINT_TYPE,
          "partner_id", PARTNER, "valid_to", CareCloudData.format(paymentTime.plusYears(1)),
          "state", 1, "created_at", changed, "note", "Purchase " + billId));
      d.pointsOfPurchase.put(purchaseId, pointId);
    }
    return CcSupport.data(201, obj("purchase_id", purchaseId));
  }

  MockResponse getPurchase(MockRequest r) {
    String id = r.pathParam("purchase_id");
    JsonObject purchase = data.get().purchases.get(id);
    if (purchase == null || !viewer(r).sees(Json.str(purchase, "customer_id"))) {
      throw notFound("purchases", id);
    }
    return CcSupport.ok(purchase.deepCopy());
  }

  /** The customer of a purchase: {@code customer_id}, else the holder of {@code card_number}, else none. */
  private String customerOf(MockRequest r, JsonObject in) {
    CareCloudData d = data.get();
    String customer = Json.str(in, "customer_id");
    String card = Json.str(in, "card_number");
    if (customer == null && card != null) {
      customer = d.cards.values().stream().filter(c -> card.equals(Json.str(c, "card_number")))
          .map(c -> Json.str(c, "customer_id")).findFirst()
          .orElseThrow(() -> invalid("card_number", "not_found", "Card " + card + " does not exist", card));
    }
    if (customer != null && (!d.customers.containsKey(customer) || !viewer(r).sees(customer))) {
      throw invalid(customer.equals(Json.str(in, "customer_id")) ? "customer_id" : "card_number",
          "not_found", "Customer " + customer + " does not exist", customer);
    }
    return customer;
  }

  // ------------------------------------------------------------------ points and reservations

  MockResponse reservePoints(MockRequest r) {
    CareCloudData d = data.get();
    JsonObject in = CcSupport.object(r);
    String externalId = CcSupport.requiredString(in, "external_id", "external_id");
    String customer = CcSupport.requiredString(in, "customer_id", "customer_id");
    if (!d.customers.containsKey(customer) || !viewer(r).sees(customer)) {
      throw invalid("customer_id", "not_found", "Customer " + customer + " does not exist", customer);
    }
    BigDecimal amount = number(in, "amount", "amount");
    if (amount.signum() <= 0) {
      throw invalid("amount", "not_allowed_value", "Parameter amount must be positive", amount.toPlainString());
    }
    if (d.reservations.values().stream().anyMatch(x -> externalId.equals(Json.str(x, "external_id"))
        && x.get("state").getAsInt() == 1)) {
      throw invalid("external_id", "already_exists", "Reservation " + externalId + " already exists", externalId);
    }
    BigDecimal available = available(customer);
    if (amount.compareTo(available) > 0) {
      throw invalid("amount", "not_allowed_value", "Only " + available.toPlainString()
          + " points are available", amount.toPlainString());
    }
    String expiration = Json.str(in, "expiration_time");
    String id = d.newId();
    d.reservations.put(id, obj("points_reservation_id", id, "customer_id", customer,
        "external_id", externalId, "quantity", amount, "state", 1, "expiration",
        expiration == null ? null : CareCloudData.format(dateTime("expiration_time", expiration))));
    return MockResponse.empty(204);
  }

  MockResponse freePoints(MockRequest r) {
    JsonObject in = CcSupport.object(r);
    String externalId = CcSupport.requiredString(in, "external_id", "external_id");
    JsonObject reservation = data.get().reservations.values().stream()
        .filter(x -> externalId.equals(Json.str(x, "external_id")) && x.get("state").getAsInt() == 1)
        .filter(x -> viewer(r).sees(Json.str(x, "customer_id")))
        .findFirst().orElseThrow(() -> invalid("external_id", "not_found",
            "No active reservation " + externalId, externalId));
    reservation.addProperty("state", 0);
    return MockResponse.empty(204);
  }

  MockResponse listReservations(MockRequest r) {
    Viewer viewer = viewer(r);
    String customer = r.query("customer_id").orElse(null);
    String externalId = r.query("external_id").orElse(null);
    return CcSupport.page(r, "point_reservations", data.get().reservations.values().stream()
        .filter(x -> viewer.sees(Json.str(x, "customer_id")))
        .filter(x -> customer == null || customer.equals(Json.str(x, "customer_id")))
        .filter(x -> externalId == null || externalId.equals(Json.str(x, "external_id")))
        .toList(), maxPageSize);
  }

  MockResponse getReservation(MockRequest r) {
    String id = r.pathParam("point_reservation_id");
    JsonObject x = data.get().reservations.get(id);
    if (x == null || !viewer(r).sees(Json.str(x, "customer_id"))) {
      throw notFound("point-reservations", id);
    }
    return CcSupport.ok(x.deepCopy());
  }

  MockResponse listPoints(MockRequest r) {
    return pointsOf(r, r.query("customer_id").orElse(null));
  }

  MockResponse customerPoints(MockRequest r) {
    String customer = r.pathParam("customer_id");
    if (!data.get().customers.containsKey(customer) || !viewer(r).sees(customer)) {
      throw notFound("customers", customer);
    }
    return pointsOf(r, customer);
  }

  private MockResponse pointsOf(MockRequest r, String customer) {
    Viewer viewer = viewer(r);
    String type = r.query("point_type_id").orElse(null);
    return CcSupport.page(r, "points", data.get().points.values().stream()
        .filter(x -> viewer.sees(Json.str(x, "customer_id")))
        .filter(x -> customer == null || customer.equals(Json.str(x, "customer_id")))
        .filter(x -> type == null || type.equals(Json.str(x, "point_type_id")))
        .toList(), maxPageSize);
  }

  MockResponse getPoint(MockRequest r) {
    String id = r.pathParam("point_id");
    JsonObject x = data.get().points.get(id);
    if (x == null || !viewer(r).sees(Json.str(x, "customer_id"))) {
      throw notFound("points", id);
    }
    return CcSupport.ok(x.deepCopy());
  }

  MockResponse pointsOverview(MockRequest r) {
    String customer = r.query("customer_id").orElseThrow(() ->
        invalid("customer_id", "required", "Parameter customer_id is required", null));
    if (!data.get().customers.containsKey(customer) || !viewer(r).sees(customer)) {
      throw invalid("customer_id", "not_found", "Customer " + customer + " does not exist", customer);
    }
    BigDecimal earned = BigDecimal.ZERO;
    BigDecimal left = BigDecimal.ZERO;
    for (JsonObject p : live(customer)) {
      earned = earned.add(p.get("assigned_points").getAsBigDecimal());
      left = left.add(p.get("available_points").getAsBigDecimal());
    }
    return CcSupport.ok(obj("earned_points", earned, "redeemed_points", earned.subtract(left),
        "available_points", available(customer)));
  }

  /** Unexpired points minus active reservations. */
  BigDecimal available(String customer) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonObject p : live(customer)) {
      sum = sum.add(p.get("available_points").getAsBigDecimal());
    }
    for (JsonObject x : data.get().reservations.values()) {
      if (customer.equals(Json.str(x, "customer_id")) && x.get("state").getAsInt() == 1) {
        sum = sum.subtract(x.get("quantity").getAsBigDecimal());
      }
    }
    return sum.max(BigDecimal.ZERO);
  }

  private List<JsonObject> live(String customer) {
    String now = CareCloudData.format(now());
    return data.get().points.values().stream()
        .filter(p -> customer.equals(Json.str(p, "customer_id")) && p.get("state").getAsInt() == 1)
        .filter(p -> Json.str(p, "valid_to") == null || Json.str(p, "valid_to").compareTo(now) > 0)
        .toList();
  }

  /** Takes {@code amount} from the records' {@code field}, soonest expiring first. */
  private static void redeem(List<JsonObject> records, String field, BigDecimal amount) {
    BigDecimal left = amount;
    List<JsonObject> ordered = new ArrayList<>(records);
    ordered.sort(java.util.Comparator.comparing(p -> String.valueOf(Json.str(p, "valid_to"))));
    for (JsonObject p : ordered) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal has = p.get(field).getAsBigDecimal();
      BigDecimal take = has.min(left);
      p.addProperty(field, has.subtract(take));
      left = left.subtract(take);
    }
  }

  // ------------------------------------------------------------------ credits

  MockResponse creditsOverview(MockRequest r) {
    String customer = r.query("customer_id").orElseThrow(() ->
        invalid("customer_id", "required", "Parameter customer_id is required", null));
    if (!data.get().customers.containsKey(customer) || !viewer(r).sees(customer)) {
      throw invalid("customer_id", "not_found", "Customer " + customer + " does not exist", customer);
    }
    java.util.Map<String, BigDecimal[]> byCurrency = new java.util.LinkedHashMap<>();
    for (JsonObject c : liveCredits(customer)) {
      BigDecimal[] sums = byCurrency.computeIfAbsent(Json.str(c, "currency_id"),
          k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(c.get("assigned_credits").getAsBigDecimal());
      sums[1] = sums[1].add(c.get("available_credits").getAsBigDecimal());
    }
    BigDecimal earned = BigDecimal.ZERO;
    BigDecimal available = BigDecimal.ZERO;
    JsonArray split = new JsonArray();
    for (var e : byCurrency.entrySet()) {
      earned = earned.add(e.getValue()[0]);
      available = available.add(e.getValue()[1]);
      split.add(obj("currency_id", e.getKey(), "earned_credits", e.getValue()[0],
          "redeemed_credits", e.getValue()[0].subtract(e.getValue()[1]), "available_credits", e.getValue()[1]));
    }
    return CcSupport.ok(obj("earned_credits", earned, "redeemed_credits", earned.subtract(available),
        "available_credits", available, "split_by_currency", split));
  }

  MockResponse listCredits(MockRequest r) {
    Viewer viewer = viewer(r);
    String customer = r.query("customer_id").orElse(null);
    return CcSupport.page(r, "credits", data.get().credits.values().stream()
        .filter(x -> viewer.sees(Json.str(x, "customer_id")))
        .filter(x -> customer == null || customer.equals(Json.str(x, "customer_id")))
        .toList(), maxPageSize);
  }

  MockResponse getCredit(MockRequest r) {
    String id = r.pathParam("credit_id");
    JsonObject x = data.get().credits.get(id);
    if (x == null || !viewer(r).sees(Json.str(x, "customer_id"))) {
      throw notFound("credits", id);
    }
    return CcSupport.ok(x.deepCopy());
  }

  /** Credits available to a customer now (unexpired, active). */
  BigDecimal availableCredits(String customer) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonObject c : liveCredits(customer)) {
      sum = sum.add(c.get("available_credits").getAsBigDecimal());
    }
    return sum;
  }

  private List<JsonObject> liveCredits(String customer) {
    String now = CareCloudData.format(now());
    return data.get().credits.values().stream()
        .filter(c -> customer.equals(Json.str(c, "customer_id")) && c.get("state").getAsInt() == 1)
        .filter(c -> Json.str(c, "valid_to") == null || Json.str(c, "valid_to").compareTo(now) > 0)
        .toList();
  }

  // ------------------------------------------------------------------ helpers

  private static BigDecimal optionalNumber(JsonObject o, String name, String path) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      return BigDecimal.ZERO;
    }
    BigDecimal value = number(o, name, path);
    if (value.signum() < 0) {
      throw invalid(path, "not_allowed_value", "Parameter " + path + " must not be negative", value.toPlainString());
    }
    return value;
  }

  private static JsonArray arrayOrNull(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
  }

  private static BigDecimal number(JsonObject o, String name, String path) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw invalid(path, "required", "Parameter " + path + " is required", null);
    }
    if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
      throw invalid(path, "invalid_value_format", "Parameter " + path + " must be a number", e.toString());
    }
    return e.getAsBigDecimal();
  }

  private static LocalDateTime dateTime(String path, String text) {
    try {
      return LocalDateTime.parse(text, REQUEST_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw invalid(path, "invalid_value_format", "Parameter " + path
          + " must be YYYY-MM-DD HH:MM:SS", text);
    }
  }
}
