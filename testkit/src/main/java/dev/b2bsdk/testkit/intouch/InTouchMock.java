package dev.b2bsdk.testkit.intouch;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.ErrorRenderer;
import dev.b2bsdk.testkit.core.Guard;
import dev.b2bsdk.testkit.core.HttpAuth;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.JsonQueries;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.MockResponse;
import dev.b2bsdk.testkit.core.MockServer;
import dev.b2bsdk.testkit.core.Router;
import dev.b2bsdk.testkit.core.SpecOperation;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Stateful mock of the InTouch CRM REST API (v6.2).
 *
 * <ul>
 *   <li>HTTP Basic on every call but {@code GET /about}; wrong or missing credentials → 401
 *       {@code {"ok":false,"status":401,"problems":[...]}} with {@code WWW-Authenticate}.</li>
 *   <li>Every list pages with {@code position} (0-based), {@code size} (default 20; above 1000 the
 *       answer says {@code size: 1000} and holds at most 1000 items), {@code orderBy} and
 *       {@code desc}; envelope {@code {total, position, size, orderBy?, desc?, items}} with
 *       {@code orderBy}/{@code desc} only when sorted. No filters (the spec declares none), except
 *       {@code caseType} on business cases and {@code srcType}/{@code srcId} on notes.</li>
 *   <li>Creates answer 201 with the stored record and {@code Location: <baseUrl>/<entity>/<id>};
 *       writes are strict: an {@code id} in a create, an unknown field, a wrong type, a duplicate
 *       e-mail, a person without surname or a link to an unknown contact → 400 naming the field.
 *       PUT replaces (omitted fields cleared), PATCH changes the fields sent (null clears).
 *       {@code POST /parties/import} returns the existing contact (200) when the e-mail matches.</li>
 *   <li>Party types are the vendor's ten (ORGANIZATION, INDIVIDUAL, FREELANCER, BRANCH, ...);
 *       {@code GET /members} pages the seeded relationships (branches and some persons of an
 *       organisation).</li>
 *   <li>Notes under {@code /comments} and under every record ({@code /parties/{id}/comments},
 *       {@code /opportunities/{id}/comments}, comm, buscases, products, stores), or under
 *       {@code /notes} with the text in {@code note} ({@link Builder#notesNaming}). Files under
 *       {@code /files} and every record: metadata lists sorted by {@code modified} newest first,
 *       {@code GET …/files/{id}?data=true} with the Base64 body, 403 for a file the user may not
 *       read, 404 for another record's file.</li>
 * </ul>
 *
 * <p>Defaults: user {@code demo} / {@code demo-password}; 30 contacts (ids 1..30, the spec's
 * examples Karel Novotný and the Ostrava branch first), 8 products, 2 warehouses, 3 code lists and
 * a few communications, opportunities, business cases and notes; server time zone Europe/Prague.
 */
public final class InTouchMock extends MockServer<InTouchMock> {

  /** API root path: the client's base URL ends with it. */
  public static final String API_PATH = "/api";
  private static final String USER = "intouch.user";

  private final String username;
  private final String password;
  private final int partyCount;
  private final ZoneId zone;
  private final int mode;
  private final boolean notesNaming;
  private InTouchData data;

  private InTouchMock(Builder b) {
    super(b);
    this.username = b.username;
    this.password = b.password;
    this.partyCount = b.parties;
    this.zone = b.zone;
    this.mode = b.mode;
    this.notesNaming = b.notesNaming;
    resetState();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A mock with every default, not started. */
  public static InTouchMock create() {
    return builder().build();
  }

  /** API root, e.g. {@code http://127.0.0.1:50123/api}. */
  @Override
  public String baseUrl() {
    return rootUrl() + API_PATH;
  }

  /** Accepted login. */
  public String username() {
    return username;
  }

  /** Accepted password. */
  public String password() {
    return password;
  }

  /** Snapshot of the stored contacts, in id order. */
  public List<JsonObject> parties() {
    return locked(() -> data.parties.all().stream().map(JsonObject::deepCopy).toList());
  }

  /** Snapshot of one contact. */
  public Optional<JsonObject> party(long id) {
    return locked(() -> Optional.ofNullable(data.parties.records.get(id))
        .map(JsonObject::deepCopy));
  }

  /** Snapshot of the relationships between contacts ({@code GET /members}). */
  public List<JsonObject> members() {
    return locked(() -> data.members.stream().map(JsonObject::deepCopy).toList());
  }

  /**
   * Attaches a file to a record, e.g. {@code addFile("parties", 1, "a.pdf", "application/pdf",
   * bytes, true)}; {@code readable=false} makes {@code GET …/files/{id}} answer 403. Returns its id.
   */
  public String addFile(String recordPath, long recordId, String name, String contentType,
      byte[] body, boolean readable) {
    return locked(() -> data.addFile(recordPath, recordId, name, contentType, body,
        now(), username, readable));
  }

  /** Ids of the files attached to a record ({@code recordPath} e.g. {@code parties}). */
  public List<String> fileIds(String recordPath, long recordId) {
    return locked(() -> data.files.entrySet().stream()
        .filter(e -> e.getValue().srcPath().equals(recordPath) && e.getValue().srcId() == recordId)
        .map(Map.Entry::getKey).toList());
  }

  @Override
  protected void resetState() {
    data = new InTouchData(seed(), partyCount);
  }

  @Override
  protected void routes(Router router) {
    Guard auth = this::authenticate;
    String api = API_PATH;
    router.add("GET", api + "/about", r -> MockResponse.ok(about()));
    crud(router, auth, api + "/parties", () -> data.parties, true, true, true);
    router.add("POST", api + "/parties/import", auth, this::importParty);
    crud(router, auth, api + "/comm", () -> data.comms, true, true, false);
    crud(router, auth, api + "/opportunities", () -> data.opportunities, true, true, false);
    crud(router, auth, api + "/buscases", () -> data.busCases, true, false, false);
    crud(router, auth, api + "/products", () -> data.products, true, true, false);
    crud(router, auth, api + "/stores", () -> data.stores, true, true, false);
    router.add("GET", api + "/lists", auth, r -> MockResponse.ok(Json.arr(data.codeLists.values()
        .stream().map(l -> Json.pick(l, List.of("id", "name"))).toList())));
    router.add("GET", api + "/lists/{listId}", auth, this::getCodeList);
    router.add("PUT", api + "/lists/{listId}", auth, this::putCodeList);
    router.add("GET", api + "/members", auth, r -> MockResponse.ok(RecordSet.pageOf(
        data.members, r, MEMBER_FIELDS, null, false, maxPageSize())));
    // notes: /comments + "comment" (default) or, like the 6.2 docs, /notes + "note"
    String notes = notesNaming ? "notes" : "comments";
    router.add("GET", api + "/" + notes, auth, r -> MockResponse.ok(noteNames(
        data.comments.page(r, filterFor(data.comments, r), maxPageSize()))));
    router.add("POST", api + "/" + notes, auth, r -> createdNote(data.comments.create(
        noteBody(r.json()), user(r), now())));
    router.add("GET", api + "/files", auth, r -> listFiles(r, null));
    router.add("GET", api + "/files/{fileId}", auth, r -> getFile(r, null));
    for (String record : InTouchData.SOURCE_TYPES.keySet()) {
      router.add("GET", api + "/" + record + "/{id}/" + notes, auth,
          r -> listRecordNotes(r, record));
      router.add("POST", api + "/" + record + "/{id}/" + notes, auth,
          r -> createRecordNote(r, record));
      router.add("GET", api + "/" + record + "/{id}/files", auth, r -> listFiles(r, record));
      router.add("GET", api + "/" + record + "/{id}/files/{fileId}", auth,
          r -> getFile(r, record));
    }
  }

  private static final java.util.Set<String> MEMBER_FIELDS = java.util.Set.of("org", "member",
      "priority", "role", "enterDate", "leaveDate", "forContact", "forBusiness", "forTechnical",
      "forInvoice", "authorized");
  private static final java.util.Set<String> FILE_FIELDS = java.util.Set.of("id", "name",
      "contentType", "size", "entered", "enteredBy", "modified", "modifiedBy");

  @Override
  protected String specResource() {
    return "specs/intouch.yaml";
  }

  @Override
  protected Guard specGuard(SpecOperation operation) {
    if (notesNaming && operation.path().matches(".*/comments(/.*)?$")) {
      // this installation names notes /notes: the spec's /comments paths do not exist here
      return r -> {
        throw MockFailure.of(404, "route_not_found", "No route " + r.method() + " " + r.path());
      };
    }
    return operation.secured() ? this::authenticate : Guard.NONE;
  }

  @Override
  protected ErrorRenderer errors() {
    return (request, failure) -> {
      JsonObject problem = obj("level", failure.status() == 429 ? "WARNING" : "SEVERE");
      if (failure.field() != null) {
        problem.addProperty("field", failure.field());
      }
      problem.addProperty("message", failure.getMessage());
      JsonArray problems = new JsonArray();
      problems.add(problem);
      MockResponse response = MockResponse.json(failure.status(), obj("ok", false,
          "status", failure.status(), "problems", problems));
      return failure.status() == 401
          ? response.withHeader("WWW-Authenticate", "Basic realm=\"InTouch CRM\"") : response;
    };
  }

  // ------------------------------------------------------------------ generic entity routes

  private void crud(Router router, Guard auth, String path,
      java.util.function.Supplier<RecordSet> set, boolean create, boolean update,
      boolean patch) {
    router.add("GET", path, auth, r -> MockResponse.ok(set.get().page(r, filterFor(set.get(), r),
        maxPageSize())));
    router.add("GET", path + "/{id}", auth,
        r -> MockResponse.ok(set.get().get(r.pathLong("id", set.get().singular)).deepCopy()));
    if (create) {
      router.add("POST", path, auth,
          r -> created(set.get(), set.get().create(r.json(), user(r), now())));
    }
    if (update) {
      router.add("PUT", path + "/{id}", auth, r -> MockResponse.ok(set.get().replace(
          r.pathLong("id", set.get().singular), r.json(), user(r), now()).deepCopy()));
    }
    if (patch) {
      router.add("PATCH", path + "/{id}", auth, r -> MockResponse.ok(set.get().patch(
          r.pathLong("id", set.get().singular), r.json(), user(r), now()).deepCopy()));
    }
  }

  private Predicate<JsonObject> filterFor(RecordSet set, MockRequest r) {
    if (set == data.busCases) {
      long caseType = r.queryLong("caseType", 0);
      return caseType == 0 ? x -> true
          : JsonQueries.fieldIn("caseType", List.of(Long.toString(caseType)));
    }
    if (set == data.comments) {
      return JsonQueries.fieldIn("srcType", r.queryAll("srcType"))
          .and(JsonQueries.fieldIn("srcId", r.queryAll("srcId")));
    }
    return x -> true;
  }

  private MockResponse created(RecordSet set, JsonObject record) {
    return MockResponse.json(201, record.deepCopy()).withHeader("Location",
        baseUrl() + "/" + set.path + "/" + record.get("id").getAsLong());
  }

  private MockResponse importParty(MockRequest r) {
    JsonObject candidate = data.parties.writable(r.json(), true);
    JsonObject existing = data.duplicateOf(candidate, null);
    if (existing != null) {
      return MockResponse.ok(existing.deepCopy());
    }
    return created(data.parties, data.parties.create(r.json(), user(r), now()));
  }

  private RecordSet recordSet(String path) {
    return switch (path) {
      case "parties" -> data.parties;
      case "opportunities" -> data.opportunities;
      case "comm" -> data.comms;
      case "buscases" -> data.busCases;
      case "products" -> data.products;
      case "stores" -> data.stores;
      default -> throw new IllegalArgumentException(path);
    };
  }

  /** The id of the record named by the path, 404 when there is none. */
  private long recordId(MockRequest r, String path) {
    RecordSet set = recordSet(path);
    return set.get(r.pathLong("id", set.singular)).get("id").getAsLong();
  }

  private MockResponse listRecordNotes(MockRequest r, String path) {
    String id = Long.toString(recordId(r, path));
    int srcType = InTouchData.SOURCE_TYPES.get(path);
    return MockResponse.ok(noteNames(data.comments.page(r, c -> Json.str(c, "srcId").equals(id)
        && c.get("srcType").getAsInt() == srcType, maxPageSize())));
  }

  private MockResponse createRecordNote(MockRequest r, String path) {
    long id = recordId(r, path);
    JsonElement body = noteBody(r.json());
    if (body.isJsonObject()) {
      JsonObject withSource = body.getAsJsonObject().deepCopy();
      withSource.addProperty("srcType", InTouchData.SOURCE_TYPES.get(path));
      withSource.addProperty("srcId", Long.toString(id));
      body = withSource;
    }
    return createdNote(data.comments.create(body, user(r), now()));
  }

  /** In the /notes naming, a request's {@code note} is the stored {@code comment}. */
  private JsonElement noteBody(JsonElement body) {
    if (!notesNaming || !body.isJsonObject()) {
      return body;
    }
    JsonObject copy = body.getAsJsonObject().deepCopy();
    if (copy.has("comment")) {
      throw MockFailure.invalidField("comment", "unknown", "Unknown field comment");
    }
    JsonElement note = copy.remove("note");
    if (note != null) {
      copy.add("comment", note);
    }
    return copy;
  }

  /** In the /notes naming, a stored {@code comment} is answered as {@code note}. */
  private JsonObject noteNames(JsonObject pageOrNote) {
    if (!notesNaming) {
      return pageOrNote;
    }
    JsonObject copy = pageOrNote.deepCopy();
    if (copy.has("items")) {
      copy.getAsJsonArray("items").forEach(i -> rename(i.getAsJsonObject()));
    } else {
      rename(copy);
    }
    return copy;
  }

  private static void rename(JsonObject note) {
    JsonElement text = note.remove("comment");
    if (text != null) {
      note.add("note", text);
    }
  }

  private MockResponse createdNote(JsonObject record) {
    return MockResponse.json(201, noteNames(record.deepCopy())).withHeader("Location",
        baseUrl() + "/" + (notesNaming ? "notes" : "comments") + "/"
            + record.get("id").getAsLong());
  }

  private MockResponse listFiles(MockRequest r, String path) {
    Long id = path == null ? null : recordId(r, path);
    List<JsonObject> metadata = data.files.values().stream()
        .filter(f -> path == null || (f.srcPath().equals(path) && f.srcId() == id))
        .map(f -> f.meta().deepCopy()).toList();
    // file lists sort by modified, newest first, unless asked otherwise
    return MockResponse.ok(RecordSet.pageOf(metadata, r, FILE_FIELDS, "modified", true,
        maxPageSize()));
  }

  private MockResponse getFile(MockRequest r, String path) {
    Long id = path == null ? null : recordId(r, path);
    String fileId = r.pathParam("fileId");
    InTouchData.StoredFile file = data.files.get(fileId);
    if (file == null || (path != null && (!file.srcPath().equals(path) || file.srcId() != id))) {
      throw MockFailure.notFound("file", fileId);
    }
    if (!file.readable()) {
      throw MockFailure.of(403, "forbidden", "You have no right to read file " + fileId);
    }
    JsonObject out = file.meta().deepCopy();
    if (Boolean.parseBoolean(r.query("data").orElse("false"))) {
      out.addProperty("data", java.util.Base64.getEncoder().encodeToString(file.body()));
    }
    return MockResponse.ok(out);
  }

  private MockResponse getCodeList(MockRequest r) {
    JsonObject list = data.codeLists.get(r.pathParam("listId"));
    if (list == null) {
      throw MockFailure.notFound("code list", r.pathParam("listId"));
    }
    return MockResponse.ok(list.deepCopy());
  }

  private MockResponse putCodeList(MockRequest r) {
    String id = r.pathParam("listId");
    if (id.length() > 32) {
      throw MockFailure.invalidField("id", "invalid", "A code list id has at most 32 characters");
    }
    JsonElement body = r.json();
    if (!body.isJsonObject()) {
      throw MockFailure.of(400, "invalid", "The body must be a JSON object");
    }
    JsonObject in = body.getAsJsonObject();
    JsonObject existing = data.codeLists.get(id);
    JsonObject list = existing != null ? existing
        : obj("id", id, "name", id, "locked", false, "items", new JsonArray());
    if (in.has("name") && !in.get("name").isJsonNull()) {
      String name = in.get("name").getAsString();
      if (name.length() > 64) {
        throw MockFailure.invalidField("name", "invalid", "A name has at most 64 characters");
      }
      list.addProperty("name", name);
    }
    if (in.has("locked") && !in.get("locked").isJsonNull()) {
      list.addProperty("locked", in.get("locked").getAsBoolean());
    }
    data.codeLists.put(id, list);
    return MockResponse.json(existing == null ? 201 : 200, list.deepCopy());
  }

  private JsonObject about() {
    return obj("crmId", "B2BSDK", "mode", mode, "partyId", 1, "name", "Dobrý nápoj s.r.o.",
        "country", "CZ", "language", "cs", "timeZone", zone.getId(), "url",
        "https://crm.dobrynapoj.cz", "version", Json.arr(6, 3, 0, 0));
  }

  private MockRequest authenticate(MockRequest r) {
    HttpAuth.Basic basic = HttpAuth.basic(r).orElseThrow(
        () -> MockFailure.unauthorized("Unauthorized"));
    if (!username.equals(basic.user()) || !HttpAuth.secretEquals(basic.password(), password)) {
      throw MockFailure.unauthorized("Unauthorized");
    }
    if (mode != 100) {
      throw MockFailure.of(500, "maintenance", "The CRM is in maintenance mode");
    }
    return r.withAttribute(USER, basic.user());
  }

  private static String user(MockRequest r) {
    return r.attribute(USER);
  }

  private String now() {
    return InTouchData.format(LocalDateTime.now(clock().withZone(zone)));
  }

  /** Settings of an {@link InTouchMock}. */
  public static final class Builder extends MockServer.Builder<Builder, InTouchMock> {

    private String username = "demo";
    private String password = "demo-password";
    private int parties = 30;
    private ZoneId zone = ZoneId.of("Europe/Prague");
    private int mode = 100;
    private boolean notesNaming;

    private Builder() {
    }

    /** Accepted Basic credentials (default {@code demo} / {@code demo-password}). */
    public Builder credentials(String user, String secret) {
      this.username = Objects.requireNonNull(user);
      this.password = Objects.requireNonNull(secret);
      return this;
    }

    /** Number of seeded contacts (default 30). */
    public Builder parties(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("parties must be >= 0");
      }
      this.parties = count;
      return this;
    }

    /** Server time zone, reported by {@code /about} and used for timestamps (Europe/Prague). */
    public Builder zone(ZoneId value) {
      this.zone = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Serve notes as the 6.2 docs name them, {@code /notes} with the text in {@code note}, instead
     * of {@code /comments} and {@code comment} (default false).
     */
    public Builder notesNaming(boolean value) {
      this.notesNaming = value;
      return this;
    }

    /** System mode reported by {@code /about}; anything but 100 makes other calls answer 500. */
    public Builder mode(int value) {
      this.mode = value;
      return this;
    }

    @Override
    public InTouchMock build() {
      return new InTouchMock(this);
    }
  }
}
