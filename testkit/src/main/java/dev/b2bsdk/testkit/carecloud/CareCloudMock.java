package dev.b2bsdk.testkit.carecloud;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.ErrorRenderer;
import dev.b2bsdk.testkit.core.Guard;
import dev.b2bsdk.testkit.core.Handler;
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
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stateful mock of the CRM CareCloud REST API, both interfaces under one server:
 * {@code <baseUrl>/enterprise-interface/v1.0/...} and {@code <baseUrl>/customer-interface/v1.0/...}.
 *
 * <ul>
 *   <li>Enterprise: {@code POST /users/actions/login} issues a bearer token valid
 *       {@code userTokenValidity} (default 7 h) on the mock's clock; {@code valid_to} is project
 *       local time without offset (zone Europe/Prague by default). Logout revokes it. Wrong
 *       credentials → 401 {@code unauthorized_exception}; unknown application id → 400.</li>
 *   <li>Customer: {@code POST /tokens} issues a device token that never expires (a new token for the
 *       same device and application replaces the old one); {@code /tokens/{id}/actions/login} logs a
 *       customer in by email, phone or card number with a password check; the customer interface
 *       then sees only that customer's records (lists are filtered, others' records are 404).</li>
 *   <li>An operation called on the interface that does not serve it → 403
 *       {@code interface_not_allowed_exception}, as the spec's {@code x-interfaces} say.</li>
 *   <li>Paged lists take {@code count} (default 100) / {@code offset} and answer
 *       {@code total_items}; filters {@code email}, {@code phone}, {@code first_name},
 *       {@code last_name}, {@code birthdate}, {@code customer_source_id}, {@code email_list[]},
 *       {@code customer_ids[]} on customers, the documented ones on cards, vouchers, rewards and
 *       segments; {@code sort_field} / {@code sort_direction} everywhere.</li>
 *   <li>Point of sale: {@code send-purchase} stores the bill, consumes its applied vouchers (one
 *       already applied is 400 {@code invalid_params}, reason {@code voucher_already_used}) and
 *       assigns points by the {@link PointsRule} (default 1 per whole 10 paid); point
 *       reservations lower the available balance until freed; balances are read from
 *       {@code /wallet/actions/points-overview}, {@code /points} and
 *       {@code /customers/{customer_id}/points}; points and credits paid with are redeemed. John
 *       Smith starts with 150 points and 200 CZK of credit.</li>
 *   <li>Creates answer 201 {@code {"data":{"<resource>_id":...}}}, PUT 204 and replaces, actions
 *       204; a get after a create returns the record. Errors carry the CareCloud body
 *       {@code {"error":{type, exception, title, detail, error_data}}}.</li>
 * </ul>
 *
 * <p>Defaults: external application {@code demo-app}, user {@code demo} / {@code demo-password};
 * customer application {@code demo-customer-app}, customer {@code john.smith@example.com} /
 * {@code customer-password} (every seeded customer has that password); 120 customers, John Smith
 * ({@code 8ea6abece4cd0a4ded0a29f093}, card {@code 1000000000016}) first.
 */
public final class CareCloudMock extends MockServer<CareCloudMock> {

  /** Path of the base URL; the client appends {@code /{interface}/v1.0}. */
  public static final String BASE_PATH = "/webservice/rest-api";
  /** Enterprise interface path segment. */
  public static final String ENTERPRISE = "enterprise-interface";
  /** Customer interface path segment. */
  public static final String CUSTOMER = "customer-interface";
  private static final String VERSION = "v1.0";
  private static final String USER_TOKEN = "user";
  private static final String DEVICE_TOKEN = "device";
  private static final Set<String> BOTH = Set.of(ENTERPRISE, CUSTOMER);
  private static final Set<String> E_ONLY = Set.of(ENTERPRISE);
  private static final Set<String> C_ONLY = Set.of(CUSTOMER);
  private static final Set<String> REASONS = Set.of("already_exists", "empty", "not_found",
      "required", "not_allowed_value", "invalid_value_format", "relation_already_exists",
      "deleted", "not_belong_to_logged_in_customer", "voucher_already_used");

  private final String appId;
  private final String login;
  private final String password;
  private final String customerAppId;
  private final String customerEmail;
  private final String customerPassword;
  private final int customerCount;
  private final ZoneId zone;
  private final Duration userTokenValidity;
  private final int loginStatus;
  private final PointsRule pointsRule;
  /** Interfaces serving each route, {@code "METHOD /path"} as in the spec; filled by routes(). */
  private final Map<String, Set<String>> routeInterfaces = new java.util.TreeMap<>();
  private CareCloudData data;

  private CareCloudMock(Builder b) {
    super(b);
    this.appId = b.appId;
    this.login = b.login;
    this.password = b.password;
    this.customerAppId = b.customerAppId;
    this.customerEmail = b.customerEmail;
    this.customerPassword = b.customerPassword;
    this.customerCount = b.customers;
    this.zone = b.zone;
    this.userTokenValidity = b.userTokenValidity;
    this.loginStatus = b.loginStatus;
    this.pointsRule = b.pointsRule;
    resetState();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A mock with every default, not started. */
  public static CareCloudMock create() {
    return builder().build();
  }

  /** Base URL up to {@code /webservice/rest-api}, e.g. {@code http://127.0.0.1:50123/webservice/rest-api}. */
  @Override
  public String baseUrl() {
    return rootUrl() + BASE_PATH;
  }

  /** Root of the enterprise interface ({@code <baseUrl>/enterprise-interface/v1.0}). */
  public String enterpriseUrl() {
    return baseUrl() + "/" + ENTERPRISE + "/" + VERSION;
  }

  /** Root of the customer interface ({@code <baseUrl>/customer-interface/v1.0}). */
  public String customerUrl() {
    return baseUrl() + "/" + CUSTOMER + "/" + VERSION;
  }

  /** Project time zone of every date-time the mock writes. */
  public ZoneId projectZone() {
    return zone;
  }

  /** Accepted {@code user_external_application_id}. */
  public String externalAppId() {
    return appId;
  }

  /** Accepted enterprise login. */
  public String login() {
    return login;
  }

  /** Accepted enterprise password. */
  public String password() {
    return password;
  }

  /** Accepted customer-interface {@code external_application_id}. */
  public String customerAppId() {
    return customerAppId;
  }

  /** E-mail of the seeded customer John Smith. */
  public String customerEmail() {
    return customerEmail;
  }

  /** Password of the seeded customers. */
  public String customerPassword() {
    return customerPassword;
  }

  /** Id of the seeded customer John Smith. */
  public String johnSmithId() {
    return CareCloudData.JOHN_SMITH;
  }

  /** Snapshot of every customer, in creation order. */
  public List<JsonObject> customers() {
    return locked(() -> data.customers.values().stream().map(JsonObject::deepCopy).toList());
  }

  /** Snapshot of one customer. */
  public Optional<JsonObject> customer(String id) {
    return locked(() -> Optional.ofNullable(data.customers.get(id)).map(JsonObject::deepCopy));
  }

  /** Ids of the customers in a segment. */
  public Set<String> segmentMembers(String segmentId) {
    return locked(() -> Set.copyOf(data.segmentMembers.getOrDefault(segmentId, Set.of())));
  }

  @Override
  protected void resetState() {
    data = new CareCloudData(seed(), customerCount, customerEmail, customerPassword);
  }

  @Override
  protected void routes(Router router) {
    CareCloudCustomers customers = new CareCloudCustomers(() -> data, clock(), zone,
        maxPageSize(), this::bindCustomer);
    CareCloudCatalog catalog = new CareCloudCatalog(() -> data, clock(), zone, maxPageSize());
    CareCloudPointOfSale pos = new CareCloudPointOfSale(() -> data, clock(), zone, maxPageSize(),
        pointsRule);
    Routes routes = new Routes(router);
    routes.open(E_ONLY, "POST", "/users/actions/login", this::loginUser);
    routes.auth(E_ONLY, "POST", "/users/actions/logout", this::logoutUser);
    routes.open(C_ONLY, "POST", "/tokens", this::createToken);
    routes.auth(C_ONLY, "PUT", "/tokens/{token_id}", this::updateToken);
    routes.auth(C_ONLY, "POST", "/tokens/{token_id}/actions/login", this::loginCustomer);
    routes.auth(C_ONLY, "POST", "/tokens/{token_id}/actions/logout", this::logoutCustomer);
    routes.auth(BOTH, "GET", "/customers", customers::list);
    routes.auth(BOTH, "POST", "/customers", customers::create);
    routes.auth(BOTH, "GET", "/customers/{customer_id}", customers::get);
    routes.auth(BOTH, "PUT", "/customers/{customer_id}", customers::replace);
    routes.auth(BOTH, "GET", "/customers/{customer_id}/cards", customers::cards);
    routes.auth(BOTH, "GET", "/customers/{customer_id}/vouchers", customers::vouchers);
    routes.auth(BOTH, "GET", "/customers/{customer_id}/rewards", customers::rewards);
    routes.auth(BOTH, "GET", "/customers/{customer_id}/status-records", customers::statusRecords);
    routes.auth(E_ONLY, "GET", "/customers/actions/search-customers", customers::search);
    routes.auth(BOTH, "GET", "/cards", customers::listCards);
    routes.auth(E_ONLY, "POST", "/cards", customers::createCard);
    routes.auth(BOTH, "GET", "/cards/{card_id}", customers::getCard);
    routes.auth(BOTH, "PUT", "/cards/{card_id}", customers::replaceCard);
    routes.auth(BOTH, "GET", "/card-types", customers::listCardTypes);
    routes.auth(BOTH, "GET", "/card-types/{card_type_id}", customers::getCardType);
    routes.auth(BOTH, "GET", "/vouchers", catalog::listVouchers);
    routes.auth(BOTH, "GET", "/vouchers/{voucher_id}", catalog::getVoucher);
    routes.auth(BOTH, "PUT", "/vouchers/{voucher_id}", catalog::replaceVoucher);
    routes.auth(BOTH, "DELETE", "/vouchers/{voucher_id}", catalog::deleteVoucher);
    routes.auth(BOTH, "POST", "/vouchers/{voucher_id}/actions/apply-voucher",
        catalog::applyVoucher);
    routes.auth(BOTH, "GET", "/rewards", catalog::listRewards);
    routes.auth(BOTH, "GET", "/rewards/{reward_id}", catalog::getReward);
    routes.auth(BOTH, "POST", "/rewards/{reward_id}/actions/create-voucher",
        catalog::createVoucher);
    routes.auth(BOTH, "GET", "/segments", catalog::listSegments);
    routes.auth(BOTH, "POST", "/segments", catalog::createSegment);
    routes.auth(BOTH, "GET", "/segments/{segment_id}", catalog::getSegment);
    routes.auth(BOTH, "GET", "/segments/{segment_id}/segment-records", catalog::segmentRecords);
    routes.auth(BOTH, "POST", "/segments/{segment_id}/actions/add-customer",
        catalog::addToSegment);
    routes.auth(BOTH, "POST", "/segments/{segment_id}/actions/remove-customer",
        catalog::removeFromSegment);
    routes.auth(BOTH, "GET", "/segment-groups", catalog::listSegmentGroups);
    routes.auth(BOTH, "GET", "/stores", catalog::listStores);
    routes.auth(BOTH, "GET", "/stores/{store_id}", catalog::getStore);
    routes.auth(BOTH, "GET", "/countries", catalog::listCountries);
    routes.open(BOTH, "GET", "/languages", catalog::listLanguages); // the spec: no token
    routes.auth(BOTH, "GET", "/currencies", catalog::listCurrencies);
    routes.auth(BOTH, "GET", "/customer-sources", catalog::listCustomerSources);
    routes.auth(BOTH, "GET", "/customer-types", catalog::listCustomerTypes);
    routes.auth(BOTH, "GET", "/statuses", catalog::listStatuses);
    routes.open(BOTH, "GET", "/tests/connection", catalog::testConnection);
    // the point-of-sale flow
    routes.auth(BOTH, "POST", "/purchases/actions/send-purchase", pos::sendPurchase);
    routes.auth(BOTH, "GET", "/purchases/{purchase_id}", pos::getPurchase);
    routes.auth(BOTH, "POST", "/point-reservations/actions/reserve-points", pos::reservePoints);
    routes.auth(BOTH, "POST", "/point-reservations/actions/free-points", pos::freePoints);
    routes.auth(BOTH, "GET", "/point-reservations", pos::listReservations);
    routes.auth(BOTH, "GET", "/point-reservations/{point_reservation_id}", pos::getReservation);
    routes.auth(BOTH, "GET", "/points", pos::listPoints);
    routes.auth(BOTH, "GET", "/points/{point_id}", pos::getPoint);
    routes.auth(BOTH, "GET", "/customers/{customer_id}/points", pos::customerPoints);
    routes.auth(BOTH, "GET", "/wallet/actions/points-overview", pos::pointsOverview);
    routes.auth(BOTH, "GET", "/wallet/actions/credits-overview", pos::creditsOverview);
    routes.auth(BOTH, "GET", "/credits", pos::listCredits);
    routes.auth(BOTH, "GET", "/credits/{credit_id}", pos::getCredit);
  }

  /**
   * The interfaces that serve each stateful route, keyed {@code "METHOD /path"} with the spec's
   * path template ({@code enterprise} / {@code customer}); a test compares it with the spec's
   * {@code x-interfaces}.
   */
  public Map<String, Set<String>> routeInterfaces() {
    return java.util.Collections.unmodifiableMap(routeInterfaces);
  }

  /** Points available to a customer now: unexpired points minus active reservations. */
  public java.math.BigDecimal availablePoints(String customerId) {
    return locked(() -> new CareCloudPointOfSale(() -> data, clock(), zone, maxPageSize(), pointsRule)
        .available(customerId));
  }

  /** Registers each operation under both interface prefixes: served, or 403 where not allowed. */
  private final class Routes {
    private final Router router;

    Routes(Router router) {
      this.router = router;
    }

    void open(Set<String> served, String method, String path, Handler handler) {
      add(served, method, path, false, handler);
    }

    void auth(Set<String> served, String method, String path, Handler handler) {
      add(served, method, path, true, handler);
    }

    private void add(Set<String> served, String method, String path, boolean auth,
        Handler handler) {
      routeInterfaces.put(method + " " + path, served.stream()
          .map(i -> i.equals(ENTERPRISE) ? "enterprise" : "customer")
          .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
      for (String iface : List.of(ENTERPRISE, CUSTOMER)) {
        String full = BASE_PATH + "/" + iface + "/" + VERSION + path;
        if (served.contains(iface)) {
          Guard guard = !auth ? Guard.NONE
              : iface.equals(ENTERPRISE) ? CareCloudMock.this::enterprise
              : CareCloudMock.this::customer;
          router.add(method, full, guard, handler);
        } else {
          String resource = path.split("/")[1];
          boolean enterprise = iface.equals(ENTERPRISE);
          router.add(method, full, r -> {
            throw MockFailure.of(403, "interface_not_allowed_exception",
                "Resource name \"" + resource + "\" is not allowed in "
                    + (enterprise ? "Enterprise" : "Customer") + " interface")
                .withResource(resource, enterprise ? "Enterprise" : "Customer");
          });
        }
      }
    }
  }

  @Override
  protected String specResource() {
    return "specs/carecloud.yaml";
  }

  /** The interface's credentials; 403 where the operation's {@code x-interfaces} leave it out. */
  @Override
  protected Guard specGuard(SpecOperation operation) {
    String iface = operation.serverVariables().getOrDefault("interface", ENTERPRISE);
    List<String> served = operation.extensionValues("x-interfaces");
    if (!served.isEmpty() && served.stream().noneMatch(iface::startsWith)) {
      String resource = operation.path().split("/")[1];
      return r -> {
        throw notAllowed(resource, iface.equals(ENTERPRISE));
      };
    }
    if (!operation.secured()) {
      return Guard.NONE;
    }
    return iface.equals(CUSTOMER) ? this::customer : this::enterprise;
  }

  private static MockFailure notAllowed(String resource, boolean enterprise) {
    return MockFailure.of(403, "interface_not_allowed_exception",
        "Resource name \"" + resource + "\" is not allowed in "
            + (enterprise ? "Enterprise" : "Customer") + " interface")
        .withResource(resource, enterprise ? "Enterprise" : "Customer");
  }

  @Override
  protected ErrorRenderer errors() {
    return (request, failure) -> MockResponse.json(failure.status(), obj("error",
        errorDetail(failure)));
  }

  private static JsonObject errorDetail(MockFailure f) {
    String type;
    String title;
    JsonObject errorData = new JsonObject();
    switch (f.status()) {
      case 400 -> {
        type = "validation_exception";
        title = "Bad request";
        JsonArray invalid = new JsonArray();
        JsonObject param = obj("name", f.field() != null ? f.field() : "request",
            "reason", REASONS.contains(f.code()) ? f.code() : "invalid_value_format",
            "value", f.value(), "message", f.getMessage());
        invalid.add(param);
        errorData.add("invalid_params", invalid);
      }
      case 401 -> {
        type = "unauthorized_exception";
        title = "Unauthorized";
      }
      case 403 -> {
        type = "interface_not_allowed_exception";
        title = "Interface is not allowed for this resource";
        if (f.resource() != null) {
          errorData.addProperty("invalid_resource_name", f.resource());
          errorData.addProperty("interface", f.resourceId());
        }
      }
      case 404 -> {
        type = "not_found_exception";
        title = "Not found";
        if (f.resource() != null) {
          errorData.addProperty("resource_name", f.resource());
          errorData.addProperty("resource_id", f.resourceId());
        }
      }
      case 405 -> {
        type = "method_not_allowed_exception";
        title = "Method not allowed";
        errorData.addProperty("http_method", f.value());
      }
      case 429 -> {
        type = "too_many_requests_exception";
        title = "Too many requests";
      }
      case 503 -> {
        type = "service_unavailable_exception";
        title = "Service unavailable";
      }
      default -> {
        type = "internal_server_error";
        title = "Internal server error";
      }
    }
    return obj("type", type, "exception", type, "title", title, "detail", f.getMessage(),
        "error_data", errorData);
  }

  // ------------------------------------------------------------------ enterprise authentication

  private MockRequest enterprise(MockRequest r) {
    TokenStore.Lookup lookup = tokens().lookup(HttpAuth.bearer(r).orElse(null));
    if (lookup.state() != TokenStore.State.VALID || !lookup.token().kind().equals(USER_TOKEN)) {
      throw MockFailure.unauthorized(lookup.state() == TokenStore.State.EXPIRED
          ? "Bearer token expired" : "Bearer token is not valid");
    }
    return r.withAttribute(Viewer.ATTRIBUTE, new Viewer(true, null, lookup.token().value()));
  }

  private MockResponse loginUser(MockRequest r) {
    JsonObject in = CcSupport.object(r);
    String app = CcSupport.requiredString(in, "user_external_application_id",
        "user_external_application_id");
    String user = CcSupport.requiredString(in, "login", "login");
    String secret = CcSupport.requiredString(in, "password", "password");
    if (!appId.equals(app)) {
      throw CcSupport.invalid("user_external_application_id", "not_found",
          "External application does not exist", app);
    }
    if (!login.equals(user) || !HttpAuth.secretEquals(secret, password)) {
      throw MockFailure.unauthorized("Invalid login or password");
    }
    IssuedToken token = tokens().issueOpaque(USER_TOKEN, user, userTokenValidity, 40, Map.of());
    LocalDateTime validTo = LocalDateTime.ofInstant(token.expiresAt(), zone);
    return CcSupport.data(loginStatus, obj("bearer_token", token.value(),
        "valid_to", CareCloudData.format(validTo), "user", obj("user_id",
            "838b73aacb5ac326cec4030c80", "login", user, "first_name", "Dana",
            "last_name", "Demová", "email", "dana.demova@example.cz", "phone", "420601234567",
            "user_role_ids",
            Json.arr("86e05affc7a7befcd513ab400"), "store_id", "86e05affc7a7abefcd513ab400",
            "last_login", CareCloudData.format(LocalDateTime.now(clock().withZone(zone))))));
  }

  private MockResponse logoutUser(MockRequest r) {
    JsonObject in = CcSupport.object(r);
    String app = CcSupport.requiredString(in, "user_external_application_id",
        "user_external_application_id");
    String token = CcSupport.requiredString(in, "bearer_token", "bearer_token");
    if (!appId.equals(app)) {
      throw CcSupport.invalid("user_external_application_id", "not_found",
          "External application does not exist", app);
    }
    tokens().revoke(token);
    return MockResponse.empty(204);
  }

  // ------------------------------------------------------------------ customer authentication

  private MockRequest customer(MockRequest r) {
    TokenStore.Lookup lookup = tokens().lookup(HttpAuth.bearer(r).orElse(null));
    if (lookup.state() != TokenStore.State.VALID || !lookup.token().kind().equals(DEVICE_TOKEN)) {
      throw MockFailure.unauthorized("Bearer token is not valid");
    }
    IssuedToken token = lookup.token();
    String customerId = token.attribute("customer_id");
    if (customerId != null && !data.customers.containsKey(customerId)) {
      customerId = null; // the customer vanished with a reset
    }
    return r.withAttribute(Viewer.ATTRIBUTE, new Viewer(false, customerId, token.value()));
  }

  private MockResponse createToken(MockRequest r) {
    JsonObject in = CcSupport.object(r);
    JsonObject device = CcSupport.requiredObject(in, "device", "device");
    String deviceId = CcSupport.requiredString(device, "device_id", "device.device_id");
    for (String field : List.of("device_system", "device_name", "device_type")) {
      CcSupport.requiredString(device, field, "device." + field);
    }
    JsonObject setup = CcSupport.requiredObject(in, "setup", "setup");
    checkSetup(setup);
    String app = CcSupport.requiredString(in, "external_application_id",
        "external_application_id");
    if (!customerAppId.equals(app)) {
      throw CcSupport.invalid("external_application_id", "not_found",
          "External application does not exist", app);
    }
    // a new token for the same installation replaces the old one
    tokens().revokeIf(t -> t.kind().equals(DEVICE_TOKEN) && deviceId.equals(t.attribute("device_id"))
        && app.equals(t.attribute("application")));
    IssuedToken token = tokens().issueOpaque(DEVICE_TOKEN, deviceId, null, 72,
        Map.of("device_id", deviceId, "application", app));
    return CcSupport.data(201, obj("token_id", token.value()));
  }

  private MockResponse updateToken(MockRequest r) {
    ownToken(r);
    checkSetup(CcSupport.requiredObject(CcSupport.object(r), "setup", "setup"));
    return MockResponse.empty(204);
  }

  private MockResponse loginCustomer(MockRequest r) {
    String token = ownToken(r);
    JsonObject in = CcSupport.object(r);
    String type = CcSupport.requiredString(in, "login_type", "login_type");
    String value = CcSupport.requiredString(in, "login_value", "login_value");
    String secret = CcSupport.requiredString(in, "password", "password");
    Optional<String> found = switch (type) {
      case "email" -> data.customers.values().stream().filter(c -> value.equalsIgnoreCase(
          Json.str(c.getAsJsonObject("personal_information"), "email")))
          .map(c -> Json.str(c, "customer_id")).findFirst();
      case "phone" -> data.customers.values().stream().filter(c -> value.replaceAll("[^0-9]", "")
          .equals(Json.str(c.getAsJsonObject("personal_information"), "phone")))
          .map(c -> Json.str(c, "customer_id")).findFirst();
      case "card" -> data.cards.values().stream().filter(c -> value.equals(Json.str(c,
          "card_number"))).map(c -> Json.str(c, "customer_id")).filter(Objects::nonNull)
          .findFirst();
      default -> throw CcSupport.invalid("login_type", "not_allowed_value",
          "Parameter login_type must be email, phone or card", type);
    };
    String customerId = found.filter(id -> HttpAuth.secretEquals(secret, data.passwords.get(id)))
        .orElseThrow(() -> MockFailure.unauthorized("Invalid customer credentials"));
    tokens().update(token, t -> t.withAttribute("customer_id", customerId));
    return CcSupport.ok(obj("customer_id", customerId));
  }

  private MockResponse logoutCustomer(MockRequest r) {
    String token = ownToken(r);
    tokens().update(token, t -> t.withAttribute("customer_id", null));
    return MockResponse.empty(204);
  }

  private void bindCustomer(MockRequest r, String customerId) {
    Viewer viewer = r.attribute(Viewer.ATTRIBUTE);
    tokens().update(viewer.token(), t -> t.withAttribute("customer_id", customerId));
  }

  /** The path's token, which must be a live device token (404 otherwise). */
  private String ownToken(MockRequest r) {
    String id = r.pathParam("token_id");
    TokenStore.Lookup lookup = tokens().lookup(id);
    if (lookup.state() != TokenStore.State.VALID || !lookup.token().kind().equals(DEVICE_TOKEN)) {
      throw CcSupport.notFound("tokens", id);
    }
    return id;
  }

  private static void checkSetup(JsonObject setup) {
    CcSupport.requiredString(setup, "language_id", "setup.language_id");
    CcSupport.requiredBoolean(setup, "allowed_gps", "setup.allowed_gps");
    CcSupport.requiredBoolean(setup, "allowed_notifications", "setup.allowed_notifications");
  }

  /** Settings of a {@link CareCloudMock}. */
  public static final class Builder extends MockServer.Builder<Builder, CareCloudMock> {

    private String appId = "demo-app";
    private String login = "demo";
    private String password = "demo-password";
    private String customerAppId = "demo-customer-app";
    private String customerEmail = "john.smith@example.com";
    private String customerPassword = "customer-password";
    private int customers = 120;
    private ZoneId zone = ZoneId.of("Europe/Prague");
    private Duration userTokenValidity = Duration.ofHours(7);
    private int loginStatus = 200;
    private PointsRule pointsRule = PointsRule.DEFAULT;

    private Builder() {
    }

    /**
     * Points a purchase earns ({@code POST /purchases/actions/send-purchase}) for the paid amount
     * of its items not marked {@code loyalty_off} (default {@link PointsRule#DEFAULT}: 1 point per
     * whole 10).
     */
    public Builder pointsRule(PointsRule rule) {
      this.pointsRule = Objects.requireNonNull(rule);
      return this;
    }

    /** Enterprise {@code user_external_application_id} (default {@code demo-app}). */
    public Builder externalAppId(String value) {
      this.appId = Objects.requireNonNull(value);
      return this;
    }

    /** Enterprise login and password (default {@code demo} / {@code demo-password}). */
    public Builder userCredentials(String user, String secret) {
      this.login = Objects.requireNonNull(user);
      this.password = Objects.requireNonNull(secret);
      return this;
    }

    /** Customer-interface {@code external_application_id} (default {@code demo-customer-app}). */
    public Builder customerAppId(String value) {
      this.customerAppId = Objects.requireNonNull(value);
      return this;
    }

    /**
     * E-mail of the seeded customer John Smith and the password of every seeded customer
     * (default {@code john.smith@example.com} / {@code customer-password}).
     */
    public Builder customerCredentials(String email, String secret) {
      this.customerEmail = Objects.requireNonNull(email);
      this.customerPassword = Objects.requireNonNull(secret);
      return this;
    }

    /** Number of seeded customers (default 120, John Smith first). */
    public Builder customers(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("customers must be >= 0");
      }
      this.customers = count;
      return this;
    }

    /** Project time zone of {@code valid_to} and every date-time (default Europe/Prague). */
    public Builder projectZone(ZoneId value) {
      this.zone = Objects.requireNonNull(value);
      return this;
    }

    /** Validity of enterprise bearer tokens (default 7 hours). */
    public Builder userTokenValidity(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("a validity must be positive");
      }
      this.userTokenValidity = value;
      return this;
    }

    /** Status of a successful user login, 200 (default) or 201: the vendor documents both. */
    public Builder loginStatus(int status) {
      if (status != 200 && status != 201) {
        throw new IllegalArgumentException("login status is 200 or 201");
      }
      this.loginStatus = status;
      return this;
    }

    @Override
    public CareCloudMock build() {
      return new CareCloudMock(this);
    }
  }
}
