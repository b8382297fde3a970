package dev.b2bsdk.testkit.intouch;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.FakeData;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.Person;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The InTouch CRM data a mock serves: one {@link RecordSet} per entity with its fields and rules,
 * the code lists, and the seeded records (the spec's example contacts first, then generated Czech
 * contacts, companies and branches). Mutable; guarded by the mock's lock.
 */
final class InTouchData {

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern CATEGORIES =
      Pattern.compile("^c([1-9]|[1-5][0-9]|6[0-4])(,c([1-9]|[1-5][0-9]|6[0-4]))*$");
  private static final List<String> USERS = List.of("gregor", "jana", "admin", "api");
  /** The party types the vendor documents (version 6.0 and later). */
  static final List<String> PARTY_TYPES = List.of("ORGANIZATION", "INDIVIDUAL", "FREELANCER",
      "BRANCH", "JOB", "DEPARTMENT", "ROBOT", "FAMILY", "GROUP", "ANONYMOUS");
  /**
   * {@code srcType} of the notes hanging under each record endpoint. The vendor publishes no table
   * of these codes; 1 (contact) is the one its examples use, the others are the mock's own.
   */
  static final Map<String, Integer> SOURCE_TYPES = Map.of("parties", 1, "opportunities", 2,
      "comm", 3, "buscases", 4, "products", 5, "stores", 6);

  final RecordSet parties;
  final RecordSet comms;
  final RecordSet opportunities;
  final RecordSet busCases;
  final RecordSet products;
  final RecordSet stores;
  final RecordSet comments;
  final Map<String, JsonObject> codeLists = new LinkedHashMap<>();
  /** Relationships between contacts ({@code GET /members}). */
  final List<JsonObject> members = new ArrayList<>();
  /** Files by id, each with {@code srcPath}/{@code srcId} (its record), body and access flag. */
  final Map<String, StoredFile> files = new LinkedHashMap<>();
  long nextFileId = 5201;
  private final FakeData fake;

  InTouchData(long seed, int partyCount) {
    this.fake = new FakeData(seed);
    parties = new RecordSet("parties", "party", List.of(
        Field.oneOf("type", PARTY_TYPES.toArray(String[]::new)), Field.string("firstname"),
        Field.string("surname"), Field.string("company"), Field.string("email"),
        Field.string("phone"), Field.string("street"), Field.string("city"), Field.string("zip"),
        Field.string("country"), Field.date("birthday"), Field.string("categories"),
        Field.string("comment"), Field.string("adrState"), Field.string("adrStateM"),
        Field.string("cityM"), Field.string("countryM"), Field.oneOf("deliveryAddr", "0", "1", "2"),
        Field.string("bankAccount"), Field.string("bankCode"), Field.string("bankSymbol"),
        Field.string("bornNumber"), Field.string("card"), Field.bool("canShopping"),
        Field.integer("debit"), Field.string("dic"), Field.string("dic2")), this::checkParty);
    comms = new RecordSet("comm", "communication", List.of(Field.integer("contactType"),
        Field.integer("customer"), Field.integer("person"), Field.string("name"),
        Field.date("contacted"), Field.time("contactedTime"), Field.date("planContact"),
        Field.string("comment"), Field.string("phone"), Field.integer("callDuration"),
        Field.integer("opportunity"), Field.integer("buscase"), Field.string("ownerUser"),
        Field.string("ownerGroup"), Field.string("agendaCategory", 16), Field.integer("branch"),
        Field.integer("campaign"), Field.string("letterBody"), Field.string("audioURL"),
        Field.number("callUid")), (r, id) -> {
          required(r, "contactType");
          party(r, "customer", true);
          party(r, "person", false);
        });
    opportunities = new RecordSet("opportunities", "opportunity", List.of(
        Field.string("name", 128), Field.integer("customer"), Field.integer("person"),
        Field.number("amount"), Field.string("currency", 3), Field.integer("probability", 0, 100),
        Field.string("stage"), Field.string("opType", 4), Field.date("closeDate"),
        Field.string("lostOccasion", 16), Field.string("comment"), Field.string("ownerUser"),
        Field.string("ownerGroup"), Field.string("agendaCategory", 16), Field.integer("branch"),
        Field.integer("parent"), Field.date("collect"), Field.date("reallyClosed"),
        Field.number("expense"), Field.number("profit"), Field.number("intlAmount"),
        Field.number("intlExpense"), Field.number("intlProfit"), Field.integer("notification")),
        (r, id) -> {
          required(r, "name");
          party(r, "customer", true);
          party(r, "person", false);
          currency(r);
        });
    busCases = new RecordSet("buscases", "business case", List.of(Field.integer("caseType"),
        Field.integer("customer"), Field.string("name"), Field.number("totalPrice"),
        Field.string("currency", 3), Field.string("ownerUser")), (r, id) -> {
          required(r, "caseType");
          party(r, "customer", true);
          currency(r);
        });
    products = new RecordSet("products", "product", List.of(Field.integer("customer"),
        Field.string("code"), Field.string("name"), Field.string("unit"), Field.number("price"),
        Field.string("currency", 3), Field.bool("action")), (r, id) -> {
          required(r, "name");
          party(r, "customer", false);
          currency(r);
        });
    stores = new RecordSet("stores", "store", List.of(Field.string("subject"),
        Field.string("street")), (r, id) -> required(r, "subject"));
    comments = new RecordSet("comments", "note", List.of(Field.integer("srcType"),
        Field.string("srcId"), Field.string("comment"), Field.bool("html")), (r, id) -> {
          required(r, "srcType");
          required(r, "srcId");
          required(r, "comment");
        });
    seed(partyCount);
  }

  static String format(LocalDateTime time) {
    return DATE_TIME.format(time);
  }

  // ------------------------------------------------------------------ rules

  private void checkParty(JsonObject r, Long id) {
    if (!r.has("type")) {
      r.addProperty("type", r.has("company") && !r.has("surname") ? "ORGANIZATION" : "INDIVIDUAL");
    }
    String type = r.get("type").getAsString();
    if ((type.equals("INDIVIDUAL") || type.equals("FREELANCER")) && blank(r, "surname")) {
      throw MockFailure.invalidField("surname", "required", "This is not human name");
    }
    if ((type.equals("ORGANIZATION") || type.equals("BRANCH")) && blank(r, "company")) {
      throw MockFailure.invalidField("company", "required", "A company needs a company name");
    }
    String email = Json.str(r, "email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw MockFailure.invalidField("email", "invalid", "Invalid e-mail address");
    }
    String categories = Json.str(r, "categories");
    if (categories != null && !categories.isEmpty() && !CATEGORIES.matcher(categories).matches()) {
      throw MockFailure.invalidField("categories", "invalid",
          "Categories are codes c1 to c64 separated by commas");
    }
    String country = Json.str(r, "country");
    if (country != null && !country.matches("^[A-Z]{2}$")) {
      throw MockFailure.invalidField("country", "invalid", "Country is a two-letter code");
    }
    if (duplicateOf(r, id) != null) {
      throw MockFailure.invalidField("email", "duplicate",
          "A contact with this e-mail already exists");
    }
  }

  /** The stored party {@code r} duplicates (same e-mail), ignoring party {@code id}. */
  JsonObject duplicateOf(JsonObject r, Long id) {
    String email = Json.str(r, "email");
    if (email == null) {
      return null;
    }
    return parties.all().stream()
        .filter(p -> id == null || p.get("id").getAsLong() != id)
        .filter(p -> email.equalsIgnoreCase(Json.str(p, "email")))
        .findFirst().orElse(null);
  }

  private void party(JsonObject r, String field, boolean required) {
    if (!r.has(field)) {
      if (required) {
        throw MockFailure.invalidField(field, "required", "Field " + field + " is required");
      }
      return;
    }
    if (!parties.records.containsKey(r.get(field).getAsLong())) {
      throw MockFailure.invalidField(field, "not_found", "No contact with id "
          + r.get(field).getAsLong());
    }
  }

  private static void required(JsonObject r, String field) {
    if (blank(r, field)) {
      throw MockFailure.invalidField(field, "required", "Field " + field + " is required");
    }
  }

  private static void currency(JsonObject r) {
    String currency = Json.str(r, "currency");
    if (currency != null && !currency.matches("^[A-Z]{3}$")) {
      throw MockFailure.invalidField("currency", "invalid", "Currency is a three-letter code");
    }
  }

  private static boolean blank(JsonObject r, String field) {
    return !r.has(field) || r.get(field).isJsonNull() || r.get(field).getAsString().isBlank();
  }

  // ------------------------------------------------------------------ seed

  private void seed(int partyCount) {
    if (partyCount >= 1) {
      parties.seed(obj("type", "INDIVIDUAL", "firstname", "Karel", "surname", "Novotný",
          "email", "karel.novotny@seznam.cz", "phone", "+420 603 214 587", "street", "Husova 12",
          "city", "Brno", "zip", "602 00", "country", "CZ", "birthday", "1978-05-14",
          "categories", "c1,c7", "comment", "Stálý zákazník, preferuje telefonický kontakt."),
          "2019-02-11T10:24:05", "gregor", "2024-03-18T14:02:37", "api");
    }
    if (partyCount >= 2) {
      parties.seed(obj("type", "BRANCH", "company", "Dobrý nápoj s.r.o. – provozovna Ostrava",
          "email", "ostrava@dobrynapoj.cz", "phone", "+420 596 118 240", "street",
          "Nádražní 1543/88", "city", "Ostrava", "zip", "702 00", "country", "CZ",
          "categories", "c3"), "2020-09-01T08:00:12", "jana", "2024-03-18T15:47:59", "jana");
    }
    for (int i = 2; i < partyCount; i++) {
      LocalDateTime entered = when(LocalDate.of(2018, 1, 1), LocalDate.of(2024, 6, 30));
      LocalDateTime modified = entered.plusDays(fake.between(0, 180)).plusMinutes(
          fake.between(0, 600));
      String enteredBy = fake.pick(USERS);
      parties.seed(generatedParty(i), format(entered), enteredBy, format(modified),
          fake.chance(0.5) ? enteredBy : fake.pick(USERS));
    }
    seedProducts();
    seedStores();
    seedCodeLists();
    if (partyCount >= 1) {
      seedActivity();
    }
  }

  private JsonObject generatedParty(int index) {
    int kind = fake.between(0, 9);
    if (kind < 7) {
      Person p = fake.czechPerson();
      JsonObject party = obj("type", "INDIVIDUAL", "firstname", p.firstName(),
          "surname", p.lastName(), "email", uniqueEmail(p.email(), index), "phone", p.phone(),
          "street", p.street(), "city", p.city(), "zip", p.zip(), "country", "CZ",
          "birthday", p.birthdate().toString(), "categories", categories());
      if (fake.chance(0.3)) {
        party.addProperty("comment", fake.pick(List.of("Preferuje e-mail.",
            "Volat po 16. hodině.", "Zájem o novinky v sortimentu.", "Reklamace vyřešena.")));
      }
      return party;
    }
    String company = fake.czechCompany();
    Person contact = fake.czechPerson();
    String domain = FakeData.ascii(company).replace(".s.r.o", "").replace(".a.s", "")
        .replace(".", "") + ".cz";
    return obj("type", kind < 9 ? "ORGANIZATION" : "BRANCH", "company", kind < 9 ? company
        : company + " – pobočka " + contact.city(), "email", "info" + index + "@" + domain,
        "phone", contact.phone(), "street", contact.street(), "city", contact.city(),
        "zip", contact.zip(), "country", "CZ", "categories", categories());
  }

  private String uniqueEmail(String email, int index) {
    boolean taken = parties.all().stream().anyMatch(x -> email.equalsIgnoreCase(Json.str(x, "email")));
    return taken ? email.replace("@", index + "@") : email;
  }

  private String categories() {
    int first = fake.between(1, 12);
    return fake.chance(0.5) ? "c" + first : "c" + first + ",c" + fake.between(13, 24);
  }

  private void seedProducts() {
    Object[][] rows = {
        {"BIO-CHL-500", "Bio chleba", "ks", 64.90, true},
        {"ROH-TUK-01", "Rohlík tukový", "ks", 3.90, false},
        {"MAS-250", "Máslo 82 %", "ks", 54.90, false},
        {"JOG-BIL-150", "Jogurt bílý", "ks", 14.90, false},
        {"VOD-MIN-15", "Minerální voda 1,5 l", "ks", 18.90, true},
        {"KAV-ZRN-1K", "Káva zrnková 1 kg", "kg", 459.00, false},
        {"LIM-BEZ-05", "Limonáda bezinková 0,5 l", "ks", 32.90, false},
        {"SYR-EID-30", "Sýr eidam 30 %", "kg", 189.00, false}};
    for (Object[] row : rows) {
      products.seed(obj("code", row[0], "name", row[1], "unit", row[2], "price", row[3],
          "currency", "CZK", "action", row[4]), "2023-09-14T07:55:00", "jana",
          "2024-10-01T06:30:12", "jana");
    }
  }

  private void seedStores() {
    stores.seed(obj("subject", "Centrální sklad Brno", "street", "Vídeňská 120"),
        "2019-01-07T09:00:00", "admin", "2019-01-07T09:00:00", "admin");
    stores.seed(obj("subject", "Výdejní sklad Praha", "street", "Pražská 8"),
        "2021-06-15T13:45:20", "admin", "2023-02-01T10:12:05", "jana");
  }

  private void seedCodeLists() {
    codeList("_enf", "Kontakt: Původ", false, "Vizitka", "bcca", "Import", "impr",
        "Web", "web");
    codeList("op_stage", "Obchod: Fáze", true, "Kvalifikace", "kval", "Nabídka", "apro",
        "Jednání", "jedn", "Vyhráno", "won", "Prohráno", "lost");
    codeList("prod_colors", "Barvy produktu", false, "Červená", "red", "Modrá", "blue");
  }

  private void codeList(String id, String name, boolean locked, String... namesAndValues) {
    JsonArray items = new JsonArray();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      items.add(obj("name", namesAndValues[i], "sequence", i / 2, "value", namesAndValues[i + 1]));
    }
    codeLists.put(id, obj("id", id, "name", name, "locked", locked, "items", items));
  }

  private void seedActivity() {
    List<Long> ids = new ArrayList<>(parties.records.keySet());
    String[] titles = {"Zavolat", "Schůzka na pobočce", "Poslat nabídku", "Ochutnávka"};
    for (int i = 0; i < Math.min(8, ids.size() * 2); i++) {
      long customer = fake.pick(ids);
      LocalDateTime planned = when(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 12, 20));
      boolean done = fake.chance(0.6);
      JsonObject comm = obj("contactType", fake.between(1, 3), "customer", customer,
          "name", fake.pick(List.of(titles)), "planContact", planned.toLocalDate().toString(),
          "comment", fake.pick(List.of("Domluvit termín ochutnávky nových limonád.",
              "Zájem o 40 výdejníků, poslat nabídku.", "Připomenout splatnou fakturu.")),
          "ownerUser", fake.pick(USERS));
      if (done) {
        comm.addProperty("contacted", planned.toLocalDate().toString());
        comm.addProperty("contactedTime", String.format(Locale.ROOT, "%02d:%02d:00",
            fake.between(8, 17), fake.between(0, 59)));
      }
      String stamp = format(planned.minusDays(5));
      comms.seed(comm, stamp, "gregor", stamp, "gregor");
    }
    for (int i = 0; i < Math.min(5, ids.size()); i++) {
      String stamp = format(when(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 12, 1)));
      opportunities.seed(obj("name", fake.pick(List.of("Výběrové řízení na výdejníky kávy",
              "Dodávky pečiva na rok 2025", "Vybavení nové provozovny", "Firemní dárky")),
          "customer", fake.pick(ids), "amount", fake.between(10, 500) * 1000.0,
          "currency", "CZK", "probability", fake.between(1, 9) * 10, "stage",
          fake.pick(List.of("kval", "apro", "jedn")), "closeDate",
          LocalDate.of(2025, fake.between(1, 12), fake.between(1, 28)).toString(),
          "ownerUser", "gregor"), stamp, "gregor", stamp, "gregor");
    }
    for (int i = 0; i < Math.min(4, ids.size()); i++) {
      String stamp = format(when(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 12, 1)));
      busCases.seed(obj("caseType", fake.between(1, 2), "customer", fake.pick(ids),
          "name", "Objednávka č. " + (2024100 + i), "totalPrice", fake.between(5, 200) * 100.0,
          "currency", "CZK", "ownerUser", "jana"), stamp, "jana", stamp, "jana");
    }
    comments.seed(obj("srcType", 1, "srcId", Long.toString(ids.get(0)),
        "comment", "Je to totální <b>borec</b>. To se musí nechat.", "html", true),
        "2024-06-12T17:03:44", "gregor", "2024-06-12T17:03:44", "gregor");
    comments.seed(obj("srcType", 1, "srcId", Long.toString(ids.get(ids.size() - 1)),
        "comment", "Chce fakturovat na pobočku.", "html", false),
        "2024-07-02T09:15:00", "jana", "2024-07-02T09:15:00", "jana");
    seedMembers();
    addFile("parties", ids.get(0), "smlouva.pdf", "application/pdf",
        "%PDF-1.4 smlouva".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "2024-11-25T16:30:02", "gregor", true);
    if (!opportunities.records.isEmpty()) {
      addFile("opportunities", opportunities.records.keySet().iterator().next(), "nabidka.txt",
          "text/plain", "Nabídka: 40 výdejníků".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "2024-12-03T09:12:08", "gregor", true);
    }
    // a file the API user may not read: listed, but 403 on GET
    addFile("parties", ids.get(0), "mzdy-2024.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {1, 2, 3},
        "2024-02-01T09:12:45", "admin", false);
  }

  /** Links every branch and some persons to an organisation. */
  private void seedMembers() {
    List<JsonObject> organisations = parties.all().stream()
        .filter(p -> "ORGANIZATION".equals(Json.str(p, "type"))).toList();
    if (organisations.isEmpty()) {
      return;
    }
    int priority = 1;
    for (JsonObject p : parties.all()) {
      String type = Json.str(p, "type");
      boolean branch = "BRANCH".equals(type);
      if (branch || ("INDIVIDUAL".equals(type) && fake.chance(0.3))) {
        JsonObject org = fake.pick(organisations);
        JsonObject link = obj("org", org.get("id").getAsLong(), "member", p.get("id").getAsLong(),
            "priority", priority++ % 3 + 1, "forContact", !branch && fake.chance(0.5),
            "forBusiness", !branch, "forTechnical", false, "forInvoice", branch,
            "authorized", false);
        if (!branch) {
          link.addProperty("role", fake.pick(List.of("jednatel", "nákupčí", "účetní")));
          link.addProperty("enterDate", LocalDate.of(2020, fake.between(1, 12), 1).toString());
        }
        members.add(link);
      }
    }
  }

  /** A file attached to a record; returns its id. */
  String addFile(String srcPath, long srcId, String name, String contentType, byte[] body,
      String modified, String user, boolean readable) {
    String id = Long.toString(nextFileId++);
    JsonObject meta = obj("id", id, "name", name, "contentType", contentType,
        "size", body.length, "entered", modified, "enteredBy", user, "modified", modified,
        "modifiedBy", user);
    files.put(id, new StoredFile(srcPath, srcId, meta, body.clone(), readable));
    return id;
  }

  /** A stored file: its record, metadata, body and whether the API user may read it. */
  record StoredFile(String srcPath, long srcId, JsonObject meta, byte[] body, boolean readable) {
  }

  private LocalDateTime when(LocalDate from, LocalDate to) {
    return fake.dateBetween(from, to).atTime(fake.between(7, 18), fake.between(0, 59),
        fake.between(0, 59));
  }
}
