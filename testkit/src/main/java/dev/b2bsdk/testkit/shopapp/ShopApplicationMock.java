package dev.b2bsdk.testkit.shopapp;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.ErrorRenderer;
import dev.b2bsdk.testkit.core.FakeData;
import dev.b2bsdk.testkit.core.Guard;
import dev.b2bsdk.testkit.core.HttpAuth;
import dev.b2bsdk.testkit.core.IssuedToken;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.MockResponse;
import dev.b2bsdk.testkit.core.MockServer;
import dev.b2bsdk.testkit.core.Router;
import dev.b2bsdk.testkit.core.SpecOperation;
import dev.b2bsdk.testkit.core.TokenStore;
import dev.b2bsdk.testkit.shopapp.ShopAppData.Occurrence;
import dev.b2bsdk.testkit.shopapp.ShopAppData.Shop;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stateful mock of the Shop Application API (Cegid): token, interfaces (shops) and their services
 * ("prestations"), and the catalogue.
 *
 * <ul>
 *   <li>{@code GET /token?client_id=&client_secret=} issues a JWT valid {@code expires_in} seconds
 *       (default 3600) on the mock's clock; wrong credentials → 401
 *       {@code {"error":true,"message":...}}. The token is accepted as a Bearer header, a
 *       {@code ?token=} parameter or a {@code token} body field, like the real API.</li>
 *   <li>No 404 in this API: an unknown route, interface or service is a 400 with the error body.</li>
 *   <li>{@code POST /interfaces} validates the order (known codes, exactly one setup service
 *       {@code IN-XXX-S}, a service with associated services needs one of them) and answers
 *       {@code sa_key}; the new interface reads {@code statut 3} (installing, with
 *       {@code url_formulaire}) the first {@code installationReads} times, then {@code statut 1}.</li>
 *   <li>{@code DELETE /interfaces/{key}} → statut 2 with {@code date_suppression} 90 days later;
 *       {@code POST /interfaces/{key}} reactivates. Service occurrences are added (with a
 *       {@code reference_unique}) and cancelled (by code: every occurrence; by reference: one).</li>
 * </ul>
 *
 * <p>Defaults: client {@code demo-client} / {@code demo-secret}; 2 interfaces (the seed's
 * {@code e831c78b-...} with 3 occurrences, {@code 902dcbe4-...} with 2); a catalogue of 7 services
 * (the seed's {@code IN-BTQST-S}, {@code IN-BTQZ-AMM}, {@code MO-ARTCRITERES-S} first).
 */
public final class ShopApplicationMock extends MockServer<ShopApplicationMock> {

  private static final Pattern SETUP = Pattern.compile("^IN-[A-Z0-9]+-S$");
  private static final String TOKEN_KIND = "access";

  private final String clientId;
  private final String clientSecret;
  private final Duration tokenTtl;
  private final int interfaceCount;
  private final int catalogueSize;
  private final int installationReads;
  private ShopAppData data;

  private ShopApplicationMock(Builder b) {
    super(b);
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.tokenTtl = b.tokenTtl;
    this.interfaceCount = b.interfaces;
    this.catalogueSize = b.catalogue;
    this.installationReads = b.installationReads;
    resetState();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A mock with every default, not started. */
  public static ShopApplicationMock create() {
    return builder().build();
  }

  /** The API root, e.g. {@code http://127.0.0.1:50123}. */
  @Override
  public String baseUrl() {
    return rootUrl();
  }

  /** Accepted client id. */
  public String clientId() {
    return clientId;
  }

  /** Accepted client secret. */
  public String clientSecret() {
    return clientSecret;
  }

  /** Keys of the stored interfaces, in order. */
  public List<String> interfaceKeys() {
    return locked(() -> List.copyOf(data.shops.keySet()));
  }

  /** Status ({@code statut}) of an interface, as stored (reading it here does not count). */
  public Optional<Integer> statusOf(String key) {
    return locked(() -> Optional.ofNullable(data.shops.get(key)).map(s -> s.statut));
  }

  @Override
  protected void resetState() {
    data = new ShopAppData(seed(), interfaceCount, catalogueSize);
  }

  @Override
  protected void routes(Router router) {
    Guard auth = this::authenticate;
    router.add("GET", "/token", this::token);
    router.add("GET", "/interfaces", auth,
        r -> MockResponse.ok(Json.arr(List.copyOf(data.shops.keySet()))));
    router.add("POST", "/interfaces", auth, this::createInterface);
    router.add("GET", "/interfaces/{key}", auth, this::getInterface);
    router.add("DELETE", "/interfaces/{key}", auth, this::deleteInterface);
    router.add("POST", "/interfaces/{key}", auth, this::reactivateInterface);
    router.add("GET", "/interfaces/{key}/prestations", auth, this::listInterfacePrestations);
    router.add("POST", "/interfaces/{key}/prestations", auth, this::addPrestations);
    router.add("GET", "/interfaces/{key}/prestations/{code}", auth, this::getOccurrences);
    router.add("DELETE", "/interfaces/{key}/prestations/{code}", auth, this::cancelPrestation);
    router.add("GET", "/prestations", auth,
        r -> MockResponse.ok(Json.arr(List.copyOf(data.catalogue.keySet()))));
    router.add("GET", "/prestation/{code}", auth, this::getPrestation);
  }

  @Override
  protected String specResource() {
    return "specs/shopapp.yaml";
  }

  @Override
  protected Guard specGuard(SpecOperation operation) {
    return operation.secured() ? this::authenticate : Guard.NONE;
  }

  @Override
  protected ErrorRenderer errors() {
    return (request, failure) -> {
      // the API documents 400, 401 and 500 only: no 404, an unknown route is malformed
      int status = switch (failure.status()) {
        case 404, 405, 409, 422 -> 400;
        default -> failure.status();
      };
      String message = failure.code().equals("route_not_found")
          || failure.code().equals("method_not_allowed")
          ? "La route demandée n'est pas référencée ou malformée." : failure.getMessage();
      return MockResponse.json(status, obj("error", true, "message", message));
    };
  }

  // ------------------------------------------------------------------ authentication

  private MockResponse token(MockRequest r) {
    String id = r.query("client_id").orElse(null);
    String secret = r.query("client_secret").orElse(null);
    if (id == null || secret == null) {
      throw MockFailure.of(400, "missing_credentials",
          "Les paramètres client_id et client_secret sont obligatoires.");
    }
    if (!clientId.equals(id) || !HttpAuth.secretEquals(secret, clientSecret)) {
      throw MockFailure.unauthorized("Identifiants invalides.");
    }
    IssuedToken token = tokens().issueJwt(TOKEN_KIND, id, tokenTtl, Map.of());
    return MockResponse.ok(obj("access_token", token.value(), "token_type", "bearer",
        "expires_in", tokenTtl.toSeconds()));
  }

  private MockRequest authenticate(MockRequest r) {
    String token = HttpAuth.bearer(r).or(() -> r.query("token")).orElseGet(() -> bodyToken(r));
    TokenStore.Lookup lookup = tokens().lookup(token);
    if (lookup.state() == TokenStore.State.EXPIRED) {
      throw MockFailure.unauthorized("Le jeton a expiré.");
    }
    if (lookup.state() != TokenStore.State.VALID) {
      throw MockFailure.unauthorized("Le jeton est manquant ou invalide.");
    }
    return r;
  }

  private static String bodyToken(MockRequest r) {
    if (!r.hasBody()) {
      return null;
    }
    try {
      JsonElement body = Json.parse(r.body());
      return body.isJsonObject() ? Json.str(body.getAsJsonObject(), "token") : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ interfaces

  private MockResponse getInterface(MockRequest r) {
    Shop shop = shop(r);
    JsonObject details = shop.details();
    if (shop.statut == 3 && shop.installingReadsLeft > 0 && --shop.installingReadsLeft == 0) {
      shop.statut = 1; // installed: the next read shows the live site
    }
    return MockResponse.ok(details);
  }

  private MockResponse createInterface(MockRequest r) {
    JsonObject body = object(r);
    String guid = Json.str(body, "guid");
    if (guid == null || guid.isBlank()) {
      throw MockFailure.invalidField("guid", "required", "Le champ guid est obligatoire.");
    }
    JsonObject client = Json.objOrNull(body, "client");
    if (client == null) {
      throw MockFailure.invalidField("client", "required",
          "Les coordonnées du client sont obligatoires.");
    }
    List<String> codes = codes(body.get("prestations"), "prestations");
    long setups = codes.stream().filter(c -> SETUP.matcher(c).matches()).count();
    if (setups != 1) {
      throw MockFailure.invalidField("prestations", "invalid",
          "La commande doit contenir une et une seule prestation de setup (IN-XXX-S).");
    }
    if (data.shops.values().stream().anyMatch(s -> guid.equals(s.guid))) {
      throw MockFailure.invalidField("guid", "already_exists",
          "Une interface existe déjà pour le guid " + guid + ".");
    }
    LocalDateTime now = LocalDateTime.now(clock().withZone(ShopAppData.ZONE));
    String reference = data.reference(now);
    String formUrl = "https://formulaire.shop-application.com/projet/" + reference;
    String subdomain = Optional.ofNullable(Json.str(body, "sous_domaine"))
        .filter(s -> !s.isBlank())
        .orElseGet(() -> FakeData.ascii(Optional.ofNullable(Json.str(client, "societe"))
            .orElse(String.valueOf(Json.str(client, "nom")))).replace('.', '-'));
    String key = data.fake.uuid().toString();
    Shop shop = new Shop(key, guid, ShopAppData.format(now), 3,
        "https://" + subdomain + ".shop-application.com", formUrl);
    shop.installingReadsLeft = installationReads;
    for (String code : codes) {
      shop.occurrences.add(new Occurrence(code, ShopAppData.format(now), data.reference(now),
          SETUP.matcher(code).matches() ? formUrl : null));
    }
    data.shops.put(key, shop);
    return MockResponse.ok(obj("sa_key", key));
  }

  private MockResponse deleteInterface(MockRequest r) {
    Shop shop = shop(r);
    if (shop.statut == 0 || shop.statut == 2) {
      throw MockFailure.invalidField("cle_interface", "invalid",
          "La suppression de cette interface a déjà été demandée.");
    }
    LocalDateTime now = LocalDateTime.now(clock().withZone(ShopAppData.ZONE));
    shop.statut = 2;
    shop.deletion = ShopAppData.format(now.plusDays(90));
    return MockResponse.ok(obj("date_suppression", shop.deletion));
  }

  private MockResponse reactivateInterface(MockRequest r) {
    Shop shop = shop(r);
    if (shop.statut != 2) {
      throw MockFailure.invalidField("cle_interface", "invalid",
          "La réactivation n'est possible qu'après une demande de suppression.");
    }
    shop.statut = 1;
    shop.deletion = null;
    return MockResponse.ok(obj("date_reactivation",
        ShopAppData.format(LocalDateTime.now(clock().withZone(ShopAppData.ZONE)))));
  }

  // ------------------------------------------------------------------ interface services

  private MockResponse listInterfacePrestations(MockRequest r) {
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    shop(r).occurrences.forEach(o -> codes.add(o.code));
    return MockResponse.ok(Json.arr(List.copyOf(codes)));
  }

  private MockResponse getOccurrences(MockRequest r) {
    String code = r.pathParam("code");
    JsonArray out = new JsonArray();
    shop(r).occurrences.stream().filter(o -> o.code.equals(code)).forEach(o -> out.add(o.json()));
    if (out.isEmpty()) {
      throw MockFailure.notFound("prestation", code);
    }
    return MockResponse.ok(out);
  }

  private MockResponse addPrestations(MockRequest r) {
    Shop shop = shop(r);
    if (shop.statut == 0 || shop.statut == 2) {
      throw MockFailure.invalidField("cle_interface", "invalid",
          "Cette interface n'est pas active.");
    }
    List<String> codes = codes(r.json(), "prestations");
    if (codes.stream().anyMatch(c -> SETUP.matcher(c).matches())) {
      throw MockFailure.invalidField("prestations", "not_allowed",
          "Une vente complémentaire ne peut pas contenir de prestation de setup (IN-XXX-S).");
    }
    LocalDateTime now = LocalDateTime.now(clock().withZone(ShopAppData.ZONE));
    JsonArray added = new JsonArray();
    for (String code : codes) {
      Occurrence o = new Occurrence(code, ShopAppData.format(now), data.reference(now), null);
      shop.occurrences.add(o);
      added.add(obj("code", o.code, "reference_unique", o.reference));
    }
    return MockResponse.ok(added);
  }

  private MockResponse cancelPrestation(MockRequest r) {
    Shop shop = shop(r);
    String codeOrReference = r.pathParam("code");
    List<Occurrence> targets = new ArrayList<>();
    for (Occurrence o : shop.occurrences) {
      if (o.reference.equals(codeOrReference)) {
        if (o.cancelled != null) {
          throw MockFailure.invalidField("code_prestation", "invalid",
              "Cette prestation est déjà résiliée.");
        }
        targets.add(o);
      }
    }
    if (targets.isEmpty()) {
      shop.occurrences.stream().filter(o -> o.code.equals(codeOrReference) && o.cancelled == null)
          .forEach(targets::add);
    }
    if (targets.isEmpty()) {
      throw MockFailure.notFound("prestation", codeOrReference)
          .withValue(codeOrReference);
    }
    String now = ShopAppData.format(LocalDateTime.now(clock().withZone(ShopAppData.ZONE)));
    JsonArray out = new JsonArray();
    for (Occurrence o : targets) {
      o.cancelled = now;
      out.add(obj("code", o.code, "reference_unique", o.reference));
    }
    return MockResponse.ok(out);
  }

  // ------------------------------------------------------------------ catalogue

  private MockResponse getPrestation(MockRequest r) {
    String code = r.pathParam("code");
    JsonObject entry = data.catalogue.get(code);
    if (entry == null) {
      throw MockFailure.of(404, "not_found", "Prestation inconnue : " + code + ".");
    }
    return MockResponse.ok(entry.deepCopy());
  }

  // ------------------------------------------------------------------ helpers

  private Shop shop(MockRequest r) {
    String key = r.pathParam("key");
    Shop shop = data.shops.get(key);
    if (shop == null) {
      throw MockFailure.of(404, "not_found", "Interface inconnue : " + key + ".");
    }
    return shop;
  }

  /** Validates a list of service codes against the catalogue and the associated-service rule. */
  private List<String> codes(JsonElement element, String field) {
    if (element == null || !element.isJsonArray() || element.getAsJsonArray().isEmpty()) {
      throw MockFailure.invalidField(field, "required",
          "Le tableau des codes prestations est obligatoire.");
    }
    List<String> codes = new ArrayList<>();
    for (JsonElement e : element.getAsJsonArray()) {
      if (!e.isJsonPrimitive()) {
        throw MockFailure.invalidField(field, "invalid", "Code prestation invalide.");
      }
      String code = e.getAsString();
      if (!data.catalogue.containsKey(code)) {
        throw MockFailure.invalidField(field, "not_found", "Prestation inconnue : " + code + ".")
            .withValue(code);
      }
      codes.add(code);
    }
    for (String code : codes) {
      JsonArray associated = data.catalogue.get(code).getAsJsonArray("prestations_associees");
      if (!associated.isEmpty() && associated.asList().stream()
          .noneMatch(a -> codes.contains(a.getAsString()))) {
        throw MockFailure.invalidField(field, "invalid", "La prestation " + code
            + " doit être commandée avec l'une de ses prestations associées : "
            + associated.asList().stream().map(JsonElement::getAsString).toList() + ".");
      }
    }
    return codes;
  }

  private static JsonObject object(MockRequest r) {
    JsonElement body = r.json();
    if (!body.isJsonObject()) {
      throw MockFailure.of(400, "invalid", "Le corps de la requête doit être un objet JSON.");
    }
    return body.getAsJsonObject();
  }

  /** Settings of a {@link ShopApplicationMock}. */
  public static final class Builder extends MockServer.Builder<Builder, ShopApplicationMock> {

    private String clientId = "demo-client";
    private String clientSecret = "demo-secret";
    private Duration tokenTtl = Duration.ofSeconds(3600);
    private int interfaces = 2;
    private int catalogue = 7;
    private int installationReads = 1;

    private Builder() {
    }

    /** Accepted API credentials (default {@code demo-client} / {@code demo-secret}). */
    public Builder credentials(String id, String secret) {
      this.clientId = Objects.requireNonNull(id);
      this.clientSecret = Objects.requireNonNull(secret);
      return this;
    }

    /** Token lifetime, {@code expires_in} (default 3600 s). */
    public Builder tokenTtl(Duration ttl) {
      if (ttl == null || ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("a lifetime must be positive");
      }
      this.tokenTtl = ttl;
      return this;
    }

    /**
     * Number of seeded interfaces (default 2). The seed's five keys come first: two active, then a
     * deactivated one (statut 2), one still installing (statut 3), one active; then generated ones.
     */
    public Builder interfaces(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("interfaces must be >= 0");
      }
      this.interfaces = count;
      return this;
    }

    /** Number of catalogue services, 3 to 7 (default 7). */
    public Builder catalogue(int size) {
      if (size < 3 || size > 7) {
        throw new IllegalArgumentException("catalogue size is 3..7");
      }
      this.catalogue = size;
      return this;
    }

    /** How many detail reads a new interface shows {@code statut 3} before {@code 1} (default 1). */
    public Builder installationReads(int reads) {
      if (reads < 1) {
        throw new IllegalArgumentException("installationReads must be >= 1");
      }
      this.installationReads = reads;
      return this;
    }

    @Override
    public ShopApplicationMock build() {
      return new ShopApplicationMock(this);
    }
  }
}
