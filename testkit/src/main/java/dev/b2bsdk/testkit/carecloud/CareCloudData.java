package dev.b2bsdk.testkit.carecloud;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.FakeData;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.Person;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CareCloud data a mock serves: customers (the seed's John Smith first, then generated Czech and
 * French customers), their cards, vouchers and status records, rewards, segments and the reference
 * lists. Hidden relations (segment membership, passwords, segment groups) live beside the records
 * so that records carry exactly the spec's properties. Mutable; guarded by the mock's lock.
 */
final class CareCloudData {

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final String JOHN_SMITH = "8ea6abece4cd0a4ded0a29f093";
  static final String ESHOP_SOURCE = "86e05affc7a7abefcd513ab400";

  final Map<String, JsonObject> customers = new LinkedHashMap<>();
  final Map<String, String> passwords = new LinkedHashMap<>();
  final Map<String, String> sourceOf = new LinkedHashMap<>();
  final Map<String, JsonObject> cards = new LinkedHashMap<>();
  final Map<String, JsonObject> cardTypes = new LinkedHashMap<>();
  final Map<String, JsonObject> vouchers = new LinkedHashMap<>();
  final Map<String, JsonObject> rewards = new LinkedHashMap<>();
  final Map<String, JsonObject> segments = new LinkedHashMap<>();
  final Map<String, String> segmentGroupOf = new LinkedHashMap<>();
  final Map<String, Set<String>> segmentMembers = new LinkedHashMap<>();
  /** When a customer joined a segment ({@code segmentId + '/' + customerId}); seeded members have none. */
  final Map<String, String> segmentJoined = new LinkedHashMap<>();
  final Map<String, JsonObject> segmentGroups = new LinkedHashMap<>();
  /** Point-of-sale state: purchases, point records, point reservations (by id). */
  final Map<String, JsonObject> purchases = new LinkedHashMap<>();
  final Map<String, JsonObject> points = new LinkedHashMap<>();
  final Map<String, JsonObject> reservations = new LinkedHashMap<>();
  final Map<String, JsonObject> credits = new LinkedHashMap<>();
  /** The point record a purchase earned, by purchase id. */
  final Map<String, String> pointsOfPurchase = new LinkedHashMap<>();
  final Map<String, JsonObject> stores = new LinkedHashMap<>();
  final List<JsonObject> statusRecords = new ArrayList<>();
  final Map<String, JsonObject> statuses = new LinkedHashMap<>();
  final List<JsonObject> customerSources = new ArrayList<>();
  final List<JsonObject> customerTypes = new ArrayList<>();
  final List<JsonObject> languages = new ArrayList<>();
  final List<JsonObject> currencies = new ArrayList<>();
  final List<String[]> countries = new ArrayList<>();
  final FakeData fake;

  CareCloudData(long seed, int customerCount, String customerEmail, String customerPassword) {
    this.fake = new FakeData(seed);
    seedReference();
    seedCustomers(customerCount, customerEmail, customerPassword);
    seedRewardsAndVouchers();
    seedSegments();
    seedPoints();
  }

  static String format(LocalDateTime time) {
    return DATE_TIME.format(time);
  }

  /** A new opaque id, 26 hex characters like the vendor's. */
  String newId() {
    String id;
    do {
      id = "8" + fake.hex(25);
    } while (customers.containsKey(id) || cards.containsKey(id) || vouchers.containsKey(id)
        || segments.containsKey(id) || purchases.containsKey(id) || points.containsKey(id)
        || reservations.containsKey(id) || credits.containsKey(id));
    return id;
  }

  /** Country list entries {@code id, English name, Czech name}. */
  JsonObject country(String[] row, boolean czech) {
    return obj("country_id", row[0], "name", czech ? row[2] : row[1], "state", 1);
  }

  // ------------------------------------------------------------------ seeding

  private void seedReference() {
    customerSources.add(obj("customer_source_id", ESHOP_SOURCE, "name", "E-shop registration",
        "customer_source_text_id", "eshop", "state", 1, "last_change", "2019-01-08 18:34:07"));
    customerSources.add(obj("customer_source_id", "86e05affc7a7abefcd513ab401",
        "name", "Point of sale", "customer_source_text_id", "pos", "state", 1,
        "last_change", "2019-01-08 18:35:41"));
    customerSources.add(obj("customer_source_id", "86e05affc7a7abefcd513ab402",
        "name", "Mobile application", "customer_source_text_id", "mobile", "state", 1,
        "last_change", "2020-05-12 09:02:13"));
    customerTypes.add(obj("type_id", "86e05affc7a7abefcd513ab400", "name", "club",
        "last_change", "2017-12-01 14:29:41"));
    customerTypes.add(obj("type_id", "86e05affc7a7abefcd513ab409", "name", "business",
        "last_change", "2018-03-19 10:02:55"));
    for (String lang : List.of("cs", "en", "sk", "de")) {
      languages.add(obj("language_id", lang, "state", 1, "last_change", "2017-03-24 15:29:47"));
    }
    currencies.add(obj("currency_id", "86e05affc7a7abefcd513ab400", "name", "Czech koruna",
        "code", "CZK"));
    currencies.add(obj("currency_id", "86e05affc7a7abefcd513ab401", "name", "Euro",
        "code", "EUR"));
    countries.add(new String[] {"cz", "Czechia", "Česko"});
    countries.add(new String[] {"sk", "Slovakia", "Slovensko"});
    countries.add(new String[] {"de", "Germany", "Německo"});
    countries.add(new String[] {"at", "Austria", "Rakousko"});
    countries.add(new String[] {"pl", "Poland", "Polsko"});
    countries.add(new String[] {"fr", "France", "Francie"});
    store("86e05affc7a7abefcd513ab400", "PRG01", "Great Pub", "Karlova", "12", "11000",
        "Prague 1", "greatpub@example.cz", "420224123456", 50.0863, 14.4158,
        "2018-12-19 16:12:56");
    store("86e05affc7a7abefcd513ab410", "BRN01", "Café Zelný trh", "Zelný trh", "3", "60200",
        "Brno", "brno@example.cz", "420542211876", 49.1920, 16.6083, "2020-02-03 08:45:00");
    store("86e05affc7a7abefcd513ab420", "OST01", "Bistro Stodolní", "Stodolní", "8", "70200",
        "Ostrava", "ostrava@example.cz", "420596112233", 49.8390, 18.2867,
        "2021-09-14 12:10:31");
    stores.put("8bed991c68a4", obj("store_id", "8bed991c68a4", "store_code", "ESHOP",
        "name", "E-shop", "store_address", obj("address1", "Old Town Square", "address2", "34",
            "zip", "11000", "city", "Prague 1", "country_code", "cz"),
        "contact_email", "eshop@example.cz", "phone_number", JsonNull.INSTANCE,
        "partner_id", "86e05affc7a7abefcd513ab401", "system_id", "2375303401",
        "last_change", "2018-12-19 16:12:56", "state", 1));
    cardTypes.put("8bed991c68a470e7aaeffbf048", obj("card_type_id",
        "8bed991c68a470e7aaeffbf048", "name", "Loyalty card", "prefix", "20"));
    cardTypes.put("8fd17bf437555cf56a6ecf05fc", obj("card_type_id",
        "8fd17bf437555cf56a6ecf05fc", "name", "Gift card", "prefix", "90"));
    statuses.put("86e05affc7a7abefcd513ab430", status("86e05affc7a7abefcd513ab430", "Silver",
        "Spend 8 000 CZK within 12 months", null, "86e05affc7a7abefcd513ab431", 2));
    statuses.put("86e05affc7a7abefcd513ab431", status("86e05affc7a7abefcd513ab431", "Gold",
        "Spend 20 000 CZK within 12 months", "86e05affc7a7abefcd513ab430",
        "86e05affc7a7abefcd513ab432", 5));
    statuses.put("86e05affc7a7abefcd513ab432", status("86e05affc7a7abefcd513ab432", "Platinum",
        "Spend 50 000 CZK within 12 months", "86e05affc7a7abefcd513ab431", null, 10));
  }

  private void store(String id, String code, String name, String street, String number,
      String zip, String city, String email, String phone, double lat, double lon,
      String changed) {
    stores.put(id, obj("store_id", id, "store_code", code, "name", name,
        "store_address", obj("address1", street, "address2", number, "zip", zip, "city", city,
            "country_code", "cz"), "contact_email", email, "phone_number", phone,
        "partner_id", "86e05affc7a7abefcd513ab401", "system_id", "23753034" + code.substring(3),
        "gps_coordinates", obj("gps_latitude", lat, "gps_longitude", lon),
        "last_change", changed, "state", 1));
  }

  private static JsonObject status(String id, String name, String description, String previous,
      String next, int discount) {
    return obj("status_id", id, "name", name, "description", description,
        "qualification_period", 12, "previous_status", previous, "next_status", next,
        "validity_period", "2 years", "collection_points", true, "payment_points", true,
        "qualification_type", 3, "discount", discount, "last_change", "2019-01-04 10:31:56");
  }

  private void seedCustomers(int count, String email, String password) {
    if (count >= 1) {
      JsonObject john = obj("customer_id", JOHN_SMITH, "personal_information", obj(
          "gender", 1, "first_name", "John", "last_name", "Smith", "birthdate", "1985-02-12",
          "email", email, "phone", "420523828931", "language_id", "en",
          "store_id", "8bed991c68a4", "address", obj("address1", "Old Town Square",
              "address2", "34", "address3", "", "address4", "", "address5", "", "address6", "",
              "address7", "", "zip", "11000", "city", "Prague 1", "country_code", "cz"),
          "agreement", obj("agreement_gtc", 1, "agreement_profiling", 1,
              "agreement_marketing_communication", 1, "custom_agreements", Json.arr(obj(
                  "agreement_id", "89ce2a1b9b01f5c939fb1e20cd", "agreement_value", 2)))),
          "last_change", "2019-06-23 11:47:22", "state", 1);
      customers.put(JOHN_SMITH, john);
      passwords.put(JOHN_SMITH, password);
      sourceOf.put(JOHN_SMITH, ESHOP_SOURCE);
      cards.put("81eaeea13b8984a169c490a325", obj("card_id", "81eaeea13b8984a169c490a325",
          "customer_id", JOHN_SMITH, "card_type_id", "8bed991c68a470e7aaeffbf048",
          "card_number", "1000000000016", "valid_from", "2021-04-14 00:00:00", "valid_to", "2059-07-05 00:00:00",
          "store_id", JsonNull.INSTANCE, "last_change", "2021-04-14 09:02:51", "state", 1));
      statusRecords.add(obj("status_record_id", "87ac34ef46f3858a4ece61fb43",
          "status_id", "86e05affc7a7abefcd513ab431", "customer_id", JOHN_SMITH,
          "valid_from", "2019-05-29 00:00:00", "valid_to", "2021-05-28 23:59:59",
          "last_change", "2020-08-06 10:31:09", "state", 1));
    }
    List<String> storeIds = List.copyOf(stores.keySet());
    for (int i = 1; i < count; i++) {
      Person p = fake.person();
      String id = newId();
      LocalDateTime changed = fake.dateBetween(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12,
          31)).atTime(fake.between(7, 21), fake.between(0, 59), fake.between(0, 59));
      String[] street = splitStreet(p.street(), p.countryCode());
      String mail = uniqueEmail(p.email(), i);
      customers.put(id, obj("customer_id", id, "personal_information", obj(
          "gender", p.female() ? 2 : 1, "first_name", p.firstName(), "last_name", p.lastName(),
          "birthdate", p.birthdate().toString(), "email", mail,
          "phone", p.phone().replaceAll("[^0-9]", ""), "language_id", p.language(),
          "store_id", fake.pick(storeIds), "address", obj("address1", street[0],
              "address2", street[1], "zip", p.zip().replace(" ", ""), "city", p.city(),
              "country_code", p.countryCode().toLowerCase(Locale.ROOT)),
          "agreement", obj("agreement_gtc", 1, "agreement_profiling", fake.between(0, 2),
              "agreement_marketing_communication", fake.between(0, 2),
              "custom_agreements", new JsonArray())),
          "last_change", format(changed), "state", fake.chance(0.95) ? 1 : 2));
      passwords.put(id, password);
      sourceOf.put(id, Json.str(fake.pick(customerSources), "customer_source_id"));
      if (fake.chance(0.6)) {
        String cardId = newId();
        cards.put(cardId, obj("card_id", cardId, "customer_id", id,
            "card_type_id", "8bed991c68a470e7aaeffbf048", "card_number", "2001" + fake.digits(8),
            "valid_from", changed.toLocalDate() + " 00:00:00",
            "valid_to", changed.toLocalDate().plusYears(10) + " 00:00:00",
            "store_id", fake.pick(storeIds), "last_change", format(changed), "state", 1));
      }
      if (fake.chance(0.2)) {
        statusRecords.add(obj("status_record_id", newId(), "status_id",
            fake.pick(List.copyOf(statuses.keySet())), "customer_id", id,
            "valid_from", format(changed.toLocalDate().atStartOfDay()),
            "valid_to", format(changed.toLocalDate().plusYears(2).atTime(23, 59, 59)),
            "last_change", format(changed), "state", 1));
      }
    }
  }

  private String uniqueEmail(String email, int index) {
    boolean taken = customers.values().stream().anyMatch(c -> email.equalsIgnoreCase(
        Json.str(c.getAsJsonObject("personal_information"), "email")));
    return taken ? email.replace("@", index + "@") : email;
  }

  private static String[] splitStreet(String street, String country) {
    // Czech "Husova 12" / French "12 rue Victor Hugo" → address1 street, address2 number
    if (country.equals("FR")) {
      int space = street.indexOf(' ');
      return new String[] {street.substring(space + 1), street.substring(0, space)};
    }
    int space = street.lastIndexOf(' ');
    return new String[] {street.substring(0, space), street.substring(space + 1)};
  }

  private void seedRewardsAndVouchers() {
    rewards.put("83cfee22eabfbbb15a14815e30", reward("83cfee22eabfbbb15a14815e30", "DESSERT200",
        "Dessert + Caffe", "Valid in all Prague cafes", 200, 1, 1,
        "2013-07-24 21:33:33"));
    rewards.put("83cfee22eabfbbb15a14815e31", reward("83cfee22eabfbbb15a14815e31", "BDAY10",
        "Birthday 10 % off", "", 0, 2, 2, "2021-01-11 09:00:00"));
    rewards.put("83cfee22eabfbbb15a14815e32", reward("83cfee22eabfbbb15a14815e32", "MUG500",
        "Branded mug", "While stocks last", 500, 1, 5, "2022-05-03 13:45:10"));
    if (customers.containsKey(JOHN_SMITH)) {
      vouchers.put("8bb7345976bbc9ed20e5083dd6", obj("voucher_id", "8bb7345976bbc9ed20e5083dd6",
          "customer_id", JOHN_SMITH, "store_id", JsonNull.INSTANCE, "code", "w7TU7KfeE",
          "value", 3.49, "applied_date", JsonNull.INSTANCE, "valid_from", "2023-03-01 00:00:00",
          "valid_to", "2030-05-31 23:59:59", "reward_group", "83cfee22eabfbbb15a14815e30",
          "note", "Contact before use", "created_at", "2023-03-01 09:12:45",
          "last_change", "2023-03-01 09:12:45", "state", 1));
    }
    List<String> ids = List.copyOf(customers.keySet());
    for (int i = 0; i < Math.min(6, ids.size() - 1); i++) {
      String id = newId();
      String reward = fake.pick(List.copyOf(rewards.keySet()));
      LocalDateTime created = fake.dateBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12,
          31)).atTime(fake.between(8, 20), fake.between(0, 59), 0);
      vouchers.put(id, obj("voucher_id", id, "customer_id", ids.get(1 + i), "store_id",
          JsonNull.INSTANCE, "code", fake.hex(9).toUpperCase(Locale.ROOT),
          "value", fake.between(50, 500) / 10.0, "applied_date", JsonNull.INSTANCE,
          "valid_from", format(created), "valid_to", format(created.plusMonths(3)),
          "reward_group", reward, "note", JsonNull.INSTANCE, "created_at", format(created),
          "last_change", format(created), "state", 1));
    }
  }

  private JsonObject reward(String id, String code, String name, String note, double points,
      int group, int priority, String changed) {
    JsonArray storeList = new JsonArray();
    if (code.equals("DESSERT200")) {
      JsonObject store = stores.get("86e05affc7a7abefcd513ab400").deepCopy();
      storeList.add(store);
    }
    return obj("reward_id", id, "code", code, "name", name, "note", note, "points_cost", points,
        "reward_group", group, "store_list", storeList, "priority", priority,
        "image_urls", Json.arr("https://cdn.example.com/rewards/" + code.toLowerCase(Locale.ROOT)
            + ".png"), "is_automated", group == 2, "last_change", changed, "state", 1);
  }

  private void seedSegments() {
    segmentGroups.put("83d1d11ea3884a5d33253fe214", obj("segment_group_id",
        "83d1d11ea3884a5d33253fe214", "name", "RFM Badges", "parent_group_id",
        JsonNull.INSTANCE, "note", "RFM Badges for tagging customers", "text_id", "rfm_badges",
        "last_change", "2022-04-21 08:26:36"));
    segmentGroups.put("83d1d11ea3884a5d33253fe215", obj("segment_group_id",
        "83d1d11ea3884a5d33253fe215", "name", "Interests", "parent_group_id",
        JsonNull.INSTANCE, "note", JsonNull.INSTANCE, "text_id", "interests",
        "last_change", "2022-04-21 08:27:02"));
    segment("8dc1e66b44796af5cd377910e1", "readers",
        "Customers that like to read more than 1 book a month", "2019-08-29 13:04:45",
        "83d1d11ea3884a5d33253fe215");
    segment("8dc1e66b44796af5cd377910e3", "coffee-lovers", "Bought coffee at least 5 times",
        "2021-03-02 10:15:00", "83d1d11ea3884a5d33253fe215");
    segment("8dc1e66b44796af5cd377910e4", "vip", "Top 5 % by yearly spend",
        "2022-04-21 08:30:12", "83d1d11ea3884a5d33253fe214");
    List<String> ids = List.copyOf(customers.keySet());
    for (String segmentId : segments.keySet()) {
      for (String id : ids) {
        if (fake.chance(0.15)) {
          segmentMembers.get(segmentId).add(id);
        }
      }
    }
    if (customers.containsKey(JOHN_SMITH)) {
      segmentMembers.get("8dc1e66b44796af5cd377910e1").add(JOHN_SMITH);
    }
  }

  void segment(String id, String name, String note, String changed, String group) {
    segments.put(id, obj("segment_id", id, "name", name, "note", note, "last_change", changed));
    segmentGroupOf.put(id, group);
    segmentMembers.put(id, new LinkedHashSet<>());
  }

  /** John Smith starts with 150 points and 200 CZK of credit, so the point-of-sale flow works at once. */
  private void seedPoints() {
    if (!customers.containsKey(JOHN_SMITH)) {
      return;
    }
    String id = "8d0c2f2f4a2e4ba3b21f5c1e10";
    points.put(id, obj("point_id", id, "customer_id", JOHN_SMITH, "assigned_points", 150,
        "available_points", 150, "point_type_id", CareCloudPointOfSale.POINT_TYPE,
        "partner_id", CareCloudPointOfSale.PARTNER, "valid_to", "2099-12-31 23:59:59", "state", 1,
        "created_at", "2024-01-15 09:00:00", "note", "Welcome points"));
    String credit = "8d0c2f2f4a2e4ba3b21f5c1e20";
    credits.put(credit, obj("credit_id", credit, "customer_id", JOHN_SMITH, "assigned_credits", 200,
        "available_credits", 200, "credit_type_id", "8d0c2f2f4a2e4ba3b21f5c1e21",
        "partner_id", CareCloudPointOfSale.PARTNER, "valid_to", "2099-12-31 23:59:59",
        "currency_id", "86e05affc7a7abefcd513ab400", "state", 1, "note", "Gift credit"));
  }
}
