package dev.b2bsdk.testkit.carecloud;

import static dev.b2bsdk.testkit.carecloud.CareCloudCustomers.viewer;
import static dev.b2bsdk.testkit.carecloud.CcSupport.invalid;
import static dev.b2bsdk.testkit.carecloud.CcSupport.notFound;
import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.MockResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * CareCloud handlers of vouchers, rewards, segments, stores and the reference lists (countries,
 * languages, currencies, customer sources and types, statuses) and the connection test.
 */
final class CareCloudCatalog {

  /** {@code created_at} of the seeded segment memberships. */
  private static final String SEEDED_MEMBERSHIP = "2024-01-15 09:00:00";

  private static final DateTimeFormatter REQUEST_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm:ss");

  private final Supplier<CareCloudData> data;
  private final Clock clock;
  private final ZoneId zone;
  private final int maxPageSize;

  CareCloudCatalog(Supplier<CareCloudData> data, Clock clock, ZoneId zone, int maxPageSize) {
    this.data = data;
    this.clock = clock;
    this.zone = zone;
    this.maxPageSize = maxPageSize;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(zone));
  }

  // ------------------------------------------------------------------ vouchers

  MockResponse listVouchers(MockRequest r) {
    Viewer viewer = viewer(r);
    String customer = r.query("customer_id").orElse(null);
    String code = r.query("code").orElse(null);
    String store = r.query("store_id").orElse(null);
    String reward = r.query("reward_id").orElse(null);
    Boolean valid = CcSupport.boolQuery(r, "is_valid");
    Boolean applied = CcSupport.boolQuery(r, "is_applied");
    String now = CareCloudData.format(now());
    return CcSupport.page(r, "vouchers", data.get().vouchers.values().stream()
        .filter(v -> viewer.sees(Json.str(v, "customer_id")))
        .filter(v -> customer == null || customer.equals(Json.str(v, "customer_id")))
        .filter(v -> code == null || code.equals(Json.str(v, "code")))
        .filter(v -> store == null || store.equals(Json.str(v, "store_id")))
        .filter(v -> reward == null || reward.equals(Json.str(v, "reward_group")))
        .filter(v -> applied == null || applied == (Json.str(v, "applied_date") != null))
        .filter(v -> valid == null || valid == voucherValid(v, now)).toList(), maxPageSize);
  }

  MockResponse getVoucher(MockRequest r) {
    return CcSupport.ok(voucher(r).deepCopy());
  }

  MockResponse replaceVoucher(MockRequest r) {
    JsonObject voucher = voucher(r);
    JsonObject in = CcSupport.requiredObject(CcSupport.object(r), "voucher", "voucher");
    String customer = CcSupport.requiredString(in, "customer_id", "voucher.customer_id");
    CareCloudData d = data.get();
    if (!d.customers.containsKey(customer)) {
      throw invalid("customer_id", "not_found", "Customer " + customer + " does not exist",
          customer);
    }
    voucher.addProperty("customer_id", customer);
    String store = Json.str(in, "store_id");
    if (store != null && !d.stores.containsKey(store)) {
      throw invalid("store_id", "not_found", "Store " + store + " does not exist", store);
    }
    voucher.add("store_id", nullable(in, "store_id"));
    voucher.add("code", nullable(in, "code"));
    JsonElement value = in.get("value");
    if (value != null && !value.isJsonNull() && (!value.isJsonPrimitive()
        || !value.getAsJsonPrimitive().isNumber())) {
      throw invalid("value", "invalid_value_format", "Parameter value must be a number",
          value.toString());
    }
    voucher.add("value", nullable(in, "value"));
    for (String field : List.of("applied_date", "valid_from", "valid_to")) {
      String text = Json.str(in, field);
      voucher.add(field, text == null ? JsonNull.INSTANCE
          : Json.value(dateTime(field, text)));
    }
    voucher.add("note", nullable(in, "note"));
    voucher.addProperty("last_change", CareCloudData.format(now()));
    return MockResponse.empty(204);
  }

  MockResponse deleteVoucher(MockRequest r) {
    JsonObject voucher = voucher(r);
    if (Json.str(voucher, "applied_date") != null) {
      throw invalid("voucher_id", "not_allowed_value", "An applied voucher cannot be deleted",
          Json.str(voucher, "voucher_id"));
    }
    data.get().vouchers.remove(Json.str(voucher, "voucher_id"));
    return MockResponse.empty(204);
  }

  MockResponse applyVoucher(MockRequest r) {
    JsonObject voucher = voucher(r);
    JsonObject in = CcSupport.object(r);
    String date = dateTime("date_applied", CcSupport.requiredString(in, "date_applied",
        "date_applied"));
    if (Json.str(voucher, "applied_date") != null) {
      throw invalid("voucher_id", "not_allowed_value", "The voucher is already applied",
          Json.str(voucher, "voucher_id"));
    }
    String store = Json.str(in, "store_id");
    if (store != null && !data.get().stores.containsKey(store)) {
      throw invalid("store_id", "not_found", "Store " + store + " does not exist", store);
    }
    voucher.addProperty("applied_date", date);
    if (store != null) {
      voucher.addProperty("store_id", store);
    }
    voucher.addProperty("last_change", CareCloudData.format(now()));
    return MockResponse.empty(204);
  }

  // ------------------------------------------------------------------ rewards

  MockResponse listRewards(MockRequest r) {
    String code = r.query("code").orElse(null);
    Long group = r.hasQuery("reward_group") ? r.queryLong("reward_group", 0) : null;
    Boolean automated = CcSupport.boolQuery(r, "is_automated");
    return CcSupport.page(r, "rewards", data.get().rewards.values().stream()
        .filter(x -> code == null || code.equals(Json.str(x, "code")))
        .filter(x -> group == null || group == x.get("reward_group").getAsLong())
        .filter(x -> automated == null || automated == x.get("is_automated").getAsBoolean())
        .toList(), maxPageSize);
  }

  MockResponse getReward(MockRequest r) {
    return CcSupport.ok(reward(r).deepCopy());
  }

  MockResponse createVoucher(MockRequest r) {
    JsonObject reward = reward(r);
    JsonObject in = CcSupport.object(r);
    String customer = CcSupport.requiredString(in, "customer_id", "customer_id");
    CareCloudData d = data.get();
    if (!d.customers.containsKey(customer) || !viewer(r).sees(customer)) {
      throw invalid("customer_id", "not_found", "Customer " + customer + " does not exist",
          customer);
    }
    String code = Json.str(in, "code");
    if (code != null && d.vouchers.values().stream().anyMatch(v -> code.equals(Json.str(v,
        "code")))) {
      throw invalid("code", "already_exists", "Voucher code " + code + " already exists", code);
    }
    LocalDateTime now = now();
    String id = d.newId();
    double points = reward.get("points_cost").isJsonNull() ? 0
        : reward.get("points_cost").getAsDouble();
    d.vouchers.put(id, obj("voucher_id", id, "customer_id", customer, "store_id",
        JsonNull.INSTANCE, "code", code != null ? code : d.fake.hex(9).toUpperCase(Locale.ROOT),
        "value", points > 0 ? points / 20 : 10.0, "applied_date", JsonNull.INSTANCE,
        "valid_from", CareCloudData.format(now), "valid_to",
        CareCloudData.format(now.plusMonths(3)), "reward_group", Json.str(reward, "reward_id"),
        "note", Json.str(in, "note"), "created_at", CareCloudData.format(now),
        "last_change", CareCloudData.format(now), "state", 1));
    return CcSupport.data(201, obj("voucher_id", id));
  }

  // ------------------------------------------------------------------ segments

  MockResponse listSegments(MockRequest r) {
    List<String> groups = r.queryAll("segment_group_ids[]");
    CareCloudData d = data.get();
    return CcSupport.page(r, "segments", d.segments.values().stream()
        .filter(s -> groups.isEmpty() || groups.contains(d.segmentGroupOf.get(Json.str(s,
            "segment_id")))).toList(), maxPageSize);
  }

  MockResponse createSegment(MockRequest r) {
    JsonObject in = CcSupport.object(r);
    String name = CcSupport.requiredString(in, "name", "name");
    CareCloudData d = data.get();
    if (d.segments.values().stream().anyMatch(s -> name.equalsIgnoreCase(Json.str(s, "name")))) {
      throw invalid("name", "already_exists", "Segment " + name + " already exists", name);
    }
    JsonElement priority = in.get("priority");
    if (priority != null && !priority.isJsonNull() && (!priority.isJsonPrimitive()
        || !priority.getAsJsonPrimitive().isNumber())) {
      throw invalid("priority", "invalid_value_format", "Parameter priority must be an integer",
          priority.toString());
    }
    String id = d.newId();
    d.segment(id, name, Json.str(in, "note"), CareCloudData.format(now()), null);
    return CcSupport.data(201, obj("segment_id", id));
  }

  MockResponse getSegment(MockRequest r) {
    return CcSupport.ok(segment(r).deepCopy());
  }

  MockResponse segmentRecords(MockRequest r) {
    String id = Json.str(segment(r), "segment_id");
    Viewer viewer = viewer(r);
    return CcSupport.all("segment_records", data.get().segmentMembers.get(id).stream()
        .filter(viewer::sees).map(c -> obj("segment_id", id, "customer_id", c, "created_at",
            data.get().segmentJoined.getOrDefault(id + "/" + c, SEEDED_MEMBERSHIP))).toList());
  }

  MockResponse addToSegment(MockRequest r) {
    String id = Json.str(segment(r), "segment_id");
    String customer = memberOf(r);
    if (!data.get().segmentMembers.get(id).add(customer)) {
      throw invalid("customer_id", "relation_already_exists", "Customer " + customer
          + " is already in the segment", customer);
    }
    data.get().segmentJoined.put(id + "/" + customer, CareCloudData.format(now()));
    touch(id);
    return MockResponse.empty(204);
  }

  MockResponse removeFromSegment(MockRequest r) {
    String id = Json.str(segment(r), "segment_id");
    String customer = memberOf(r);
    if (!data.get().segmentMembers.get(id).remove(customer)) {
      throw invalid("customer_id", "not_found", "Customer " + customer
          + " is not in the segment", customer);
    }
    data.get().segmentJoined.remove(id + "/" + customer);
    touch(id);
    return MockResponse.empty(204);
  }

  MockResponse listSegmentGroups(MockRequest r) {
    return CcSupport.page(r, "segment_groups", data.get().segmentGroups.values(), maxPageSize);
  }

  // ------------------------------------------------------------------ stores and reference data

  MockResponse listStores(MockRequest r) {
    return CcSupport.page(r, "stores", data.get().stores.values(), maxPageSize);
  }

  MockResponse getStore(MockRequest r) {
    String id = r.pathParam("store_id");
    JsonObject store = data.get().stores.get(id);
    if (store == null) {
      throw notFound("stores", id);
    }
    return CcSupport.ok(store.deepCopy());
  }

  MockResponse listCountries(MockRequest r) {
    boolean czech = String.valueOf(r.header("Accept-Language")).trim().toLowerCase(Locale.ROOT)
        .startsWith("cs");
    CareCloudData d = data.get();
    return CcSupport.page(r, "countries", d.countries.stream().map(c -> d.country(c, czech))
        .toList(), maxPageSize);
  }

  MockResponse listLanguages(MockRequest r) {
    return CcSupport.all("languages", data.get().languages);
  }

  MockResponse listCurrencies(MockRequest r) {
    return CcSupport.page(r, "currencies", data.get().currencies, maxPageSize);
  }

  MockResponse listCustomerSources(MockRequest r) {
    return CcSupport.page(r, "customer_sources", data.get().customerSources, maxPageSize);
  }

  MockResponse listCustomerTypes(MockRequest r) {
    return CcSupport.page(r, "customer_types", data.get().customerTypes, maxPageSize);
  }

  MockResponse listStatuses(MockRequest r) {
    return CcSupport.page(r, "statuses", data.get().statuses.values(), maxPageSize);
  }

  MockResponse testConnection(MockRequest r) {
    String text = r.query("test_string").orElseThrow(() -> invalid("test_string", "required",
        "Parameter test_string is required", null));
    return CcSupport.ok(obj("test_string", new StringBuilder(text).reverse().toString()));
  }

  // ------------------------------------------------------------------ helpers

  private JsonObject voucher(MockRequest r) {
    String id = r.pathParam("voucher_id");
    JsonObject voucher = data.get().vouchers.get(id);
    if (voucher == null || !viewer(r).sees(Json.str(voucher, "customer_id"))) {
      throw notFound("vouchers", id);
    }
    return voucher;
  }

  private JsonObject reward(MockRequest r) {
    String id = r.pathParam("reward_id");
    JsonObject reward = data.get().rewards.get(id);
    if (reward == null) {
      throw notFound("rewards", id);
    }
    return reward;
  }

  private JsonObject segment(MockRequest r) {
    String id = r.pathParam("segment_id");
    JsonObject segment = data.get().segments.get(id);
    if (segment == null) {
      throw notFound("segments", id);
    }
    return segment;
  }

  /** The customer of a segment action: known and, in the customer interface, the caller. */
  private String memberOf(MockRequest r) {
    String customer = CcSupport.requiredString(CcSupport.object(r), "customer_id", "customer_id");
    if (!data.get().customers.containsKey(customer) || !viewer(r).sees(customer)) {
      throw invalid("customer_id", "not_found", "Customer " + customer + " does not exist",
          customer);
    }
    return customer;
  }

  private void touch(String segmentId) {
    data.get().segments.get(segmentId).addProperty("last_change", CareCloudData.format(now()));
  }

  private static boolean voucherValid(JsonObject v, String now) {
    String from = Json.str(v, "valid_from");
    String to = Json.str(v, "valid_to");
    return v.get("state").getAsInt() == 1 && Json.str(v, "applied_date") == null
        && (from == null || from.compareTo(now) <= 0) && (to == null || to.compareTo(now) >= 0);
  }

  private static JsonElement nullable(JsonObject in, String field) {
    JsonElement v = in.get(field);
    return v == null ? JsonNull.INSTANCE : v.deepCopy();
  }

  /** A request date-time ({@code YYYY-MM-DD HH:MM:SS} or with {@code T}) in response form. */
  private static String dateTime(String field, String text) {
    try {
      return CareCloudData.format(LocalDateTime.parse(text, REQUEST_DATE_TIME));
    } catch (DateTimeParseException e) {
      throw invalid(field, "invalid_value_format", "Parameter " + field
          + " must be YYYY-MM-DD HH:MM:SS", text);
    }
  }
}
