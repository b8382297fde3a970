package dev.b2bsdk.testkit.carecloud;

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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** CareCloud handlers of customers, their sub-lists, cards, card types and customer search. */
final class CareCloudCustomers {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Set<String> ADDRESS_FIELDS = Set.of("address1", "address2", "address3",
      "address4", "address5", "address6", "address7", "zip", "city", "country_code");

  private final Supplier<CareCloudData> data;
  private final Clock clock;
  private final ZoneId zone;
  private final int maxPageSize;
  private final BiConsumer<MockRequest, String> bind;

  /** {@code bindCustomer} logs a customer in on the calling device token (autologin). */
  CareCloudCustomers(Supplier<CareCloudData> data, Clock clock, ZoneId zone, int maxPageSize,
      BiConsumer<MockRequest, String> bindCustomer) {
    this.data = data;
    this.clock = clock;
    this.zone = zone;
    this.maxPageSize = maxPageSize;
    this.bind = bindCustomer;
  }

  String now() {
    return CareCloudData.format(LocalDateTime.now(clock.withZone(zone)));
  }

  // ------------------------------------------------------------------ customers

  MockResponse list(MockRequest r) {
    Viewer viewer = viewer(r);
    CareCloudData d = data.get();
    String email = r.query("email").orElse(null);
    String phone = r.query("phone").orElse(null);
    String source = r.query("customer_source_id").orElse(null);
    String first = r.query("first_name").orElse(null);
    String last = r.query("last_name").orElse(null);
    String birthdate = r.query("birthdate").map(CareCloudCustomers::isoDate).orElse(null);
    List<String> emails = r.queryAll("email_list[]");
    List<String> ids = r.queryAll("customer_ids[]");
    if (ids.size() > 1000 || emails.size() > 1000) {
      throw invalid(ids.size() > 1000 ? "customer_ids" : "email_list", "not_allowed_value",
          "At most 1000 values are allowed", null);
    }
    Predicate<JsonObject> filter = c -> {
      JsonObject p = c.getAsJsonObject("personal_information");
      String id = Json.str(c, "customer_id");
      return viewer.sees(id)
          && (email == null || email.equalsIgnoreCase(Json.str(p, "email")))
          && (phone == null || phone.equals(Json.str(p, "phone")))
          && (source == null || source.equals(d.sourceOf.get(id)))
          && (first == null || first.equalsIgnoreCase(Json.str(p, "first_name")))
          && (last == null || last.equalsIgnoreCase(Json.str(p, "last_name")))
          && (birthdate == null || birthdate.equals(Json.str(p, "birthdate")))
          && (emails.isEmpty() || emails.stream().anyMatch(e -> e.equalsIgnoreCase(
              Json.str(p, "email"))))
          && (ids.isEmpty() || ids.contains(id));
    };
    return CcSupport.page(r, "customers", d.customers.values().stream().filter(filter).toList(),
        maxPageSize);
  }

  MockResponse get(MockRequest r) {
    return CcSupport.ok(customer(r).deepCopy());
  }

  MockResponse create(MockRequest r) {
    CareCloudData d = data.get();
    JsonObject body = CcSupport.object(r);
    JsonObject customer = CcSupport.requiredObject(body, "customer", "customer");
    JsonObject personal = personal(customer, null);
    JsonObject source = CcSupport.requiredObject(body, "customer_source", "customer_source");
    String sourceId = CcSupport.requiredString(source, "customer_source_id",
        "customer_source.customer_source_id");
    if (d.customerSources.stream().noneMatch(s -> sourceId.equals(Json.str(s,
        "customer_source_id")))) {
      throw invalid("customer_source_id", "not_found", "Customer source " + sourceId
          + " does not exist", sourceId);
    }
    boolean autologinRequested = CcSupport.requiredBoolean(body, "autologin", "autologin");
    String password = Json.str(body, "password");
    if (autologinRequested && (password == null || password.isEmpty())) {
      throw invalid("password", "required", "Parameter password is required with autologin",
          null);
    }
    String id = d.newId();
    d.customers.put(id, obj("customer_id", id, "personal_information", personal,
        "last_change", now(), "state", 1));
    d.sourceOf.put(id, sourceId);
    if (password != null) {
      d.passwords.put(id, password);
    }
    if (autologinRequested && !viewer(r).enterprise()) {
      bind.accept(r, id);
    }
    return CcSupport.data(201, obj("customer_id", id));
  }

  MockResponse replace(MockRequest r) {
    JsonObject existing = customer(r);
    String id = Json.str(existing, "customer_id");
    JsonObject body = CcSupport.object(r);
    JsonObject customer = CcSupport.requiredObject(body, "customer", "customer");
    existing.add("personal_information", personal(customer, id));
    existing.addProperty("last_change", now());
    String password = Json.str(body, "password");
    if (password != null) {
      data.get().passwords.put(id, password);
    }
    return MockResponse.empty(204);
  }

  MockResponse cards(MockRequest r) {
    String id = Json.str(customer(r), "customer_id");
    return CcSupport.page(r, "cards", data.get().cards.values().stream()
        .filter(c -> id.equals(Json.str(c, "customer_id"))).toList(), maxPageSize);
  }

  MockResponse vouchers(MockRequest r) {
    String id = Json.str(customer(r), "customer_id");
    return CcSupport.page(r, "vouchers", data.get().vouchers.values().stream()
        .filter(v -> id.equals(Json.str(v, "customer_id"))).toList(), maxPageSize);
  }

  MockResponse rewards(MockRequest r) {
    customer(r);
    return CcSupport.page(r, "rewards", data.get().rewards.values().stream()
        .filter(x -> x.get("state").getAsInt() == 1).toList(), maxPageSize);
  }

  MockResponse statusRecords(MockRequest r) {
    String id = Json.str(customer(r), "customer_id");
    return CcSupport.page(r, "status_records", data.get().statusRecords.stream()
        .filter(s -> id.equals(Json.str(s, "customer_id"))).toList(), maxPageSize);
  }

  MockResponse search(MockRequest r) {
    String first = r.query("first_name").orElse(null);
    String last = r.query("last_name").orElse(null);
    String birthdate = r.query("birthdate").map(CareCloudCustomers::isoDate).orElse(null);
    String card = r.query("card_number").orElse(null);
    if (first == null && last == null && birthdate == null && card == null) {
      throw invalid("first_name", "required", "At least one search parameter is required", null);
    }
    CareCloudData d = data.get();
    JsonArray strict = new JsonArray();
    for (JsonObject c : d.customers.values()) {
      JsonObject p = c.getAsJsonObject("personal_information");
      String id = Json.str(c, "customer_id");
      boolean match = (first == null || first.equalsIgnoreCase(Json.str(p, "first_name")))
          && (last == null || last.equalsIgnoreCase(Json.str(p, "last_name")))
          && (birthdate == null || birthdate.equals(Json.str(p, "birthdate")))
          && (card == null || d.cards.values().stream().anyMatch(x -> card.equals(
              Json.str(x, "card_number")) && id.equals(Json.str(x, "customer_id"))));
      if (match) {
        strict.add(obj("customer_id", id, "match", 100));
      }
    }
    return CcSupport.ok(obj("strict", strict));
  }

  // ------------------------------------------------------------------ cards

  MockResponse listCards(MockRequest r) {
    Viewer viewer = viewer(r);
    String customerId = r.query("customer_id").orElse(null);
    String number = r.query("card_number").orElse(null);
    String type = r.query("card_type_id").orElse(null);
    Long state = r.hasQuery("state") ? r.queryLong("state", 0) : null;
    Boolean valid = CcSupport.boolQuery(r, "is_valid");
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return CcSupport.page(r, "cards", data.get().cards.values().stream()
        .filter(c -> viewer.sees(Json.str(c, "customer_id")))
        .filter(c -> customerId == null || customerId.equals(Json.str(c, "customer_id")))
        .filter(c -> number == null || number.equals(Json.str(c, "card_number")))
        .filter(c -> type == null || type.equals(Json.str(c, "card_type_id")))
        .filter(c -> state == null || state == c.get("state").getAsLong())
        .filter(c -> valid == null || valid == cardValid(c, today)).toList(), maxPageSize);
  }

  MockResponse getCard(MockRequest r) {
    return CcSupport.ok(card(r).deepCopy());
  }

  MockResponse createCard(MockRequest r) {
    CareCloudData d = data.get();
    JsonObject card = card(CcSupport.requiredObject(CcSupport.object(r), "card", "card"), null);
    String id = d.newId();
    JsonObject stored = obj("card_id", id);
    card.entrySet().forEach(e -> stored.add(e.getKey(), e.getValue()));
    stored.addProperty("last_change", now());
    stored.add("state", card.get("state"));
    d.cards.put(id, stored);
    return CcSupport.data(201, obj("card_id", id));
  }

  MockResponse replaceCard(MockRequest r) {
    JsonObject existing = card(r);
    String id = Json.str(existing, "card_id");
    JsonObject card = card(CcSupport.requiredObject(CcSupport.object(r), "card", "card"), id);
    JsonObject stored = obj("card_id", id);
    card.entrySet().forEach(e -> stored.add(e.getKey(), e.getValue()));
    stored.addProperty("last_change", now());
    stored.add("state", card.get("state"));
    data.get().cards.put(id, stored);
    return MockResponse.empty(204);
  }

  MockResponse listCardTypes(MockRequest r) {
    return CcSupport.page(r, "card_types", data.get().cardTypes.values(), maxPageSize);
  }

  MockResponse getCardType(MockRequest r) {
    String id = r.pathParam("card_type_id");
    JsonObject type = data.get().cardTypes.get(id);
    if (type == null) {
      throw notFound("card-types", id);
    }
    return CcSupport.ok(type.deepCopy());
  }

  // ------------------------------------------------------------------ helpers

  static Viewer viewer(MockRequest r) {
    return r.attribute(Viewer.ATTRIBUTE);
  }

  /** The customer of the path, 404 when unknown or not visible to a customer-interface caller. */
  JsonObject customer(MockRequest r) {
    String id = r.pathParam("customer_id");
    JsonObject customer = data.get().customers.get(id);
    if (customer == null || !viewer(r).sees(id)) {
      throw notFound("customers", id);
    }
    return customer;
  }

  private JsonObject card(MockRequest r) {
    String id = r.pathParam("card_id");
    JsonObject card = data.get().cards.get(id);
    if (card == null || !viewer(r).sees(Json.str(card, "customer_id"))) {
      throw notFound("cards", id);
    }
    return card;
  }

  /** The writable card fields of {@code in}, validated, in the record's field order. */
  private JsonObject card(JsonObject in, String selfId) {
    CareCloudData d = data.get();
    JsonObject out = new JsonObject();
    String customerId = Json.str(in, "customer_id");
    if (customerId != null && !d.customers.containsKey(customerId)) {
      throw invalid("customer_id", "not_found", "Customer " + customerId + " does not exist",
          customerId);
    }
    out.add("customer_id", customerId == null ? JsonNull.INSTANCE : in.get("customer_id"));
    String type = CcSupport.requiredString(in, "card_type_id", "card.card_type_id");
    if (!d.cardTypes.containsKey(type)) {
      throw invalid("card_type_id", "not_found", "Card type " + type + " does not exist", type);
    }
    out.addProperty("card_type_id", type);
    String number = CcSupport.requiredString(in, "card_number", "card.card_number");
    if (d.cards.values().stream().anyMatch(c -> number.equals(Json.str(c, "card_number"))
        && !Json.str(c, "card_id").equals(selfId))) {
      throw invalid("card_number", "already_exists", "Card number " + number
          + " already exists", number);
    }
    out.addProperty("card_number", number);
    for (String date : List.of("valid_from", "valid_to")) {
      String value = Json.str(in, date);
      if (value != null) {
        try {
          // the vendor's card validity is a date-time (2021-04-14 00:00:00); a bare date is read too
          LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
          if (value.length() > 10) {
            java.time.LocalTime.parse(value.substring(11));
          }
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
          throw invalid(date, "invalid_value_format",
              "Parameter " + date + " must be YYYY-MM-DD HH:MM:SS", value);
        }
      }
      out.add(date, value == null ? JsonNull.INSTANCE : in.get(date));
    }
    String store = Json.str(in, "store_id");
    if (store != null && !d.stores.containsKey(store)) {
      throw invalid("store_id", "not_found", "Store " + store + " does not exist", store);
    }
    out.add("store_id", store == null ? JsonNull.INSTANCE : in.get("store_id"));
    JsonElement state = in.get("state");
    if (state == null || state.isJsonNull()) {
      throw invalid("card.state", "required", "Parameter card.state is required", null);
    }
    if (!state.isJsonPrimitive() || !state.getAsJsonPrimitive().isNumber()
        || (state.getAsInt() != 0 && state.getAsInt() != 1)) {
      throw invalid("state", "not_allowed_value", "Parameter state must be 0 or 1",
          state.toString());
    }
    out.addProperty("state", state.getAsInt());
    return out;
  }

  private static boolean cardValid(JsonObject card, LocalDate today) {
    String from = Json.str(card, "valid_from");
    String to = Json.str(card, "valid_to");
    return card.get("state").getAsInt() == 1
        && (from == null || !LocalDate.parse(from.substring(0, 10)).isAfter(today))
        && (to == null || !LocalDate.parse(to.substring(0, 10)).isBefore(today));
  }

  /** Validated personal information (PUT replaces: omitted fields are cleared). */
  private JsonObject personal(JsonObject customer, String selfId) {
    CareCloudData d = data.get();
    JsonObject in = CcSupport.requiredObject(customer, "personal_information",
        "customer.personal_information");
    JsonObject out = new JsonObject();
    JsonElement gender = in.get("gender");
    if (gender != null && !gender.isJsonNull()) {
      if (!gender.isJsonPrimitive() || !gender.getAsJsonPrimitive().isNumber()
          || (gender.getAsInt() != 1 && gender.getAsInt() != 2)) {
        throw invalid("gender", "not_allowed_value", "Parameter gender must be 1 or 2",
            gender.toString());
      }
      out.add("gender", gender);
    }
    copyText(in, out, "first_name");
    copyText(in, out, "last_name");
    String birthdate = Json.str(in, "birthdate");
    if (birthdate != null) {
      try {
        LocalDate.parse(birthdate);
      } catch (DateTimeParseException e) {
        throw invalid("birthdate", "invalid_value_format", "Parameter birthdate must be "
            + "YYYY-MM-DD", birthdate);
      }
      out.addProperty("birthdate", birthdate);
    }
    String email = Json.str(in, "email");
    if (email != null) {
      if (!EMAIL.matcher(email).matches()) {
        throw invalid("email", "invalid_value_format", "Invalid email format", email);
      }
      boolean taken = d.customers.values().stream().anyMatch(c -> !Json.str(c, "customer_id")
          .equals(selfId) && email.equalsIgnoreCase(Json.str(
              c.getAsJsonObject("personal_information"), "email")));
      if (taken) {
        throw invalid("email", "already_exists", "Customer with this email already exists",
            email);
      }
      out.addProperty("email", email);
    }
    copyText(in, out, "phone");
    String language = CcSupport.requiredString(in, "language_id",
        "customer.personal_information.language_id");
    if (d.languages.stream().noneMatch(l -> language.equals(Json.str(l, "language_id")))) {
      throw invalid("language_id", "not_found", "Language " + language + " does not exist",
          language);
    }
    out.addProperty("language_id", language);
    String store = Json.str(in, "store_id");
    if (store != null && !d.stores.containsKey(store)) {
      throw invalid("store_id", "not_found", "Store " + store + " does not exist", store);
    }
    copyText(in, out, "store_id");
    JsonObject address = Json.objOrNull(in, "address");
    if (address != null) {
      JsonObject a = new JsonObject();
      for (String field : List.of("address1", "address2", "address3", "address4", "address5",
          "address6", "address7", "zip", "city", "country_code")) {
        copyText(address, a, field);
      }
      address.keySet().stream().filter(k -> !ADDRESS_FIELDS.contains(k)).findFirst()
          .ifPresent(k -> {
            throw invalid(k, "not_allowed_value", "Unknown address field " + k, null);
          });
      out.add("address", a);
    }
    JsonObject agreement = Json.objOrNull(in, "agreement");
    if (agreement != null) {
      JsonObject a = new JsonObject();
      for (String field : List.of("agreement_gtc", "agreement_profiling",
          "agreement_marketing_communication")) {
        JsonElement v = agreement.get(field);
        if (v != null && !v.isJsonNull()) {
          if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber() || v.getAsInt() < 0
              || v.getAsInt() > 2) {
            throw invalid(field, "not_allowed_value", "Parameter " + field
                + " must be 0, 1 or 2", v.toString());
          }
          a.addProperty(field, v.getAsInt());
        }
      }
      JsonElement custom = agreement.get("custom_agreements");
      a.add("custom_agreements", custom != null && custom.isJsonArray() ? custom.deepCopy()
          : new JsonArray());
      out.add("agreement", a);
    }
    return out;
  }

  private static void copyText(JsonObject in, JsonObject out, String field) {
    JsonElement v = in.get(field);
    if (v == null || v.isJsonNull()) {
      return;
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
      throw invalid(field, "invalid_value_format", "Parameter " + field + " must be a string",
          v.toString());
    }
    out.add(field, v);
  }

  /** {@code YYYY-MM-DD} from {@code YYYY-MM-DD} or {@code DD.MM.YYYY}. */
  static String isoDate(String value) {
    try {
      if (value.contains(".")) {
        return LocalDate.parse(value, DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT))
            .toString();
      }
      return LocalDate.parse(value).toString();
    } catch (DateTimeParseException e) {
      throw invalid("birthdate", "invalid_value_format",
          "Parameter birthdate must be YYYY-MM-DD or DD.MM.YYYY", value);
    }
  }
}
