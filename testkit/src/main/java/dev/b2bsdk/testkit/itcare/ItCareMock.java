package dev.b2bsdk.testkit.itcare;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.ErrorRenderer;
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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stateful mock of the ITCare API (Cegedim Cloud) and of its Keycloak token endpoint, on one
 * loopback server.
 *
 * <ul>
 *   <li>Tokens: {@code POST /auth/realms/cloud/protocol/openid-connect/token} with HTTP Basic client
 *       authentication, {@code grant_type=client_credentials} or {@code refresh_token}; access tokens
 *       live {@code expires_in} (default 1200 s), refresh tokens 7200 s, on the mock's clock. Wrong
 *       client → 401 {@code {"error":"unauthorized_client",...}}; an expired or unknown bearer token
 *       on the API → 401 with an ITCare error body.</li>
 *   <li>Spring paging ({@code page}, {@code size} ≤ 2000, {@code sort=field,desc}) over the seeded
 *       instances (the spec's two examples, then generated ones), services and resources; filters
 *       {@code statuses}, {@code names} (with {@code !} negation), {@code types}, {@code families},
 *       {@code environments}, {@code services}, {@code az}, {@code ip}, {@code vlan}.</li>
 *   <li>Every asynchronous operation (create/start/stop/reset/reboot/delete an instance, create or
 *       delete a snapshot, Overdrive create/start/stop/delete, and the creations, operations and
 *       deletions of PostgreSQL, MariaDB, Redis, OpenSearch, Apache Kafka, RabbitMQ, GlusterFS and
 *       Matomo) creates an action: {@code GET /actions/{id}} answers IN_PROGRESS until the
 *       {@code actionPolls}-th read, which answers SUCCESS (or ERROR, see
 *       {@link Builder#actionOutcome}) and applies the change (stop → INACTIVE, start → ACTIVE,
 *       create → the CREATING resource becomes ACTIVE, delete → gone, snapshot → listed). A second
 *       operation on a resource with a running action → 409. Creations are validated as the
 *       vendor describes them (required fields, ranges, the administrator password rule, odd
 *       OpenSearch node counts, ...). PATCH and DELETE answer 202, or 200 with
 *       {@link Builder#okOnPatchAndDelete}.</li>
 *   <li>The GlusterFS and Matomo lists answer {@code application/vnd.cegedim-it.v1+json}, as the
 *       vendor's do.</li>
 *   <li>{@code ITCare-DryRun: true}: the request is validated exactly like a real one (400, 404,
 *       409...), then answered 202 with the header echoed and the body
 *       {@code {"status":"DRY_RUN","message":"Dry run: ... would be accepted; nothing was done"}}
 *       (no {@code id}: no action exists); nothing changes.</li>
 * </ul>
 *
 * <p>Defaults: client {@code demo-client} / {@code demo-secret}, 5 instances, 2 polls per action.
 *
 * <pre>{@code
 * try (ItCareMock itcare = ItCareMock.builder().instances(12).actionPolls(3).start()) {
 *   client = ItCareClient.builder().baseUrl(itcare.baseUrl()).tokenUrl(itcare.tokenUrl())
 *       .credentials(itcare.clientId(), itcare.clientSecret()).build();
 * }
 * }</pre>
 */
public final class ItCareMock extends MockServer<ItCareMock> {

  /** API root path: the client's base URL ends with it. */
  public static final String API_PATH = "/itcare";
  /** Token endpoint path (Keycloak realm {@code cloud}). */
  public static final String TOKEN_PATH = "/auth/realms/cloud/protocol/openid-connect/token";

  private static final String ACCESS = "access";
  private static final String REFRESH = "refresh";
  private static final String CLIENT = "itcare.client";

  private final String clientId;
  private final String clientSecret;
  private final Duration accessTtl;
  private final Duration refreshTtl;
  private final int instanceCount;
  private final int actionPolls;
  private final ActionOutcome actionOutcome;
  private final boolean emptyAcceptedBody;
  private final boolean emptyErrorBodies;
  private final boolean okOnPatchAndDelete;
  private ItCareData data;
  private ItCareActions actions;

  private ItCareMock(Builder b) {
    super(b);
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.accessTtl = b.accessTtl;
    this.refreshTtl = b.refreshTtl;
    this.instanceCount = b.instances;
    this.actionPolls = b.actionPolls;
    this.actionOutcome = b.actionOutcome;
    this.emptyAcceptedBody = b.emptyAcceptedBody;
    this.emptyErrorBodies = b.emptyErrorBodies;
    this.okOnPatchAndDelete = b.okOnPatchAndDelete;
    resetState();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A mock with every default, not started. */
  public static ItCareMock create() {
    return builder().build();
  }

  /** API root, e.g. {@code http://127.0.0.1:50123/itcare}. */
  @Override
  public String baseUrl() {
    return rootUrl() + API_PATH;
  }

  /** Full token endpoint URL on the same server. */
  public String tokenUrl() {
    return rootUrl() + TOKEN_PATH;
  }

  /** Accepted client id. */
  public String clientId() {
    return clientId;
  }

  /** Accepted client secret. */
  public String clientSecret() {
    return clientSecret;
  }

  /** Expires the access tokens only: a refresh with a refresh token still works. */
  public void expireAccessTokens() {
    tokens().expireIf(t -> t.kind().equals(ACCESS));
  }

  /** Changes how the next completing actions end (until {@link #reset()}). */
  public void setActionOutcome(ActionOutcome outcome) {
    locked(() -> {
      actions.setOutcome(Objects.requireNonNull(outcome));
      return null;
    });
  }

  /** Snapshot of the stored instances, in id order. */
  public List<JsonObject> instances() {
    return locked(() -> data.instances.values().stream().map(JsonObject::deepCopy).toList());
  }

  /** Snapshot of one instance. */
  public Optional<JsonObject> instance(long id) {
    return locked(() -> Optional.ofNullable(data.instances.get(id)).map(JsonObject::deepCopy));
  }

  /**
   * Snapshot of the managed resources (databases, message brokers, GlusterFS, Matomo) whose path
   * is {@code path}, e.g. {@code /databases/postgresql}, in id order.
   */
  public List<JsonObject> managed(String path) {
    return locked(() -> data.managed.values().stream()
        .filter(x -> path.equals(Json.str(x, "path"))).map(JsonObject::deepCopy).toList());
  }

  /** Snapshot of the snapshots of an instance. */
  public List<JsonObject> snapshots(long instanceId) {
    return locked(() -> data.snapshots.getOrDefault(instanceId, List.of()).stream()
        .map(JsonObject::deepCopy).toList());
  }

  /** Snapshot of the Overdrive instances (as resources). */
  public List<JsonObject> overdrives() {
    return locked(() -> data.overdrives.values().stream().map(JsonObject::deepCopy).toList());
  }

  /** Snapshot of every action, oldest first. */
  public List<JsonObject> actions() {
    return locked(() -> actions.all());
  }

  /** How many times {@code GET /actions/{id}} was read for action {@code id}. */
  public int pollsOf(long id) {
    return locked(() -> actions.pollsOf(id));
  }

  @Override
  protected void resetState() {
    data = new ItCareData(seed(), instanceCount);
    actions = new ItCareActions(clock(), actionPolls, actionOutcome, emptyAcceptedBody,
        okOnPatchAndDelete);
  }

  @Override
  protected void routes(Router router) {
    ItCareCompute compute = new ItCareCompute(() -> data, () -> actions, clock(), maxPageSize());
    ItCareManaged managed = new ItCareManaged(() -> data, () -> actions, clock(), maxPageSize());
    Guard bearer = this::authenticate;
    String api = API_PATH;
    router.add("POST", TOKEN_PATH, this::token);
    router.add("GET", api + "/health", r -> MockResponse.ok(obj("status", "UP")));
    router.add("GET", api + "/compute/instances", bearer, compute::listInstances);
    router.add("POST", api + "/compute/instances", bearer,
        r -> compute.createInstance(r, user(r)));
    router.add("GET", api + "/compute/instances/{id}", bearer, compute::getInstance);
    router.add("PATCH", api + "/compute/instances/{id}", bearer,
        r -> compute.patchInstance(r, user(r)));
    router.add("DELETE", api + "/compute/instances/{id}", bearer,
        r -> compute.deleteInstance(r, user(r)));
    router.add("GET", api + "/compute/instances/{id}/storage", bearer, compute::storage);
    router.add("GET", api + "/compute/instances/{id}/snapshots", bearer, compute::listSnapshots);
    router.add("POST", api + "/compute/instances/{id}/snapshots", bearer,
        r -> compute.createSnapshot(r, user(r)));
    router.add("DELETE", api + "/compute/instances/{id}/snapshots/{snapshotId}", bearer,
        r -> compute.deleteSnapshot(r, user(r)));
    router.add("GET", api + "/compute/instances/{id}/networks", bearer, compute::networks);
    router.add("GET", api + "/compute/resources", bearer, compute::listResources);
    router.add("GET", api + "/actions", bearer, r -> MockResponse.ok(Json.arr(actions.list(r))));
    router.add("GET", api + "/actions/{actionId}", bearer,
        r -> MockResponse.ok(actions.poll(r.pathLong("actionId", "action"))));
    router.add("GET", api + "/storage/overdrive", bearer, compute::listOverdrives);
    router.add("POST", api + "/storage/overdrive", bearer,
        r -> compute.createOverdrive(r, user(r)));
    router.add("PATCH", api + "/storage/overdrive/{id}", bearer,
        r -> compute.patchOverdrive(r, user(r)));
    router.add("DELETE", api + "/storage/overdrive/{id}", bearer,
        r -> compute.deleteOverdrive(r, user(r)));
    router.add("GET", api + "/compute/services", bearer, compute::listServices);
    router.add("GET", api + "/compute/services/{id}", bearer, compute::getService);
    for (ItCareManaged.Kind kind : ItCareManaged.KINDS.values()) {
      String path = api + kind.path();
      String key = kind.key();
      router.add("POST", path, bearer, r -> managed.create(r, key, user(r)));
      if (!kind.operations().isEmpty()) {
        router.add("PATCH", path + "/{id}", bearer, r -> managed.patch(r, key, user(r)));
      }
    }
    for (String key : List.of("postgresql", "opensearch", "apache-kafka", "matomo")) {
      router.add("DELETE", api + ItCareManaged.KINDS.get(key).path() + "/{id}", bearer,
          r -> managed.delete(r, key, user(r)));
    }
    router.add("GET", api + "/storage/glusterfs", bearer, r -> managed.list(r, "glusterfs"));
    router.add("GET", api + "/analytics/matomo", bearer, r -> managed.list(r, "matomo"));
  }

  @Override
  protected String specResource() {
    return "specs/itcare.yaml";
  }

  /** Bearer token; the client's own Basic credentials where the spec asks for those (token). */
  @Override
  protected Guard specGuard(SpecOperation operation) {
    if (!operation.secured()) {
      return Guard.NONE;
    }
    return operation.securitySchemes().equals(List.of("basic")) ? this::clientBasic
        : this::authenticate;
  }

  private MockRequest clientBasic(MockRequest request) {
    HttpAuth.Basic basic = HttpAuth.basic(request).orElse(null);
    if (basic == null || !clientId.equals(basic.user())
        || !HttpAuth.secretEquals(basic.password(), clientSecret)) {
      throw MockFailure.of(401, "unauthorized_client",
          "Invalid client or Invalid client credentials");
    }
    return request.withAttribute(CLIENT, basic.user());
  }

  @Override
  protected ErrorRenderer errors() {
    return (request, failure) -> {
      if (request.path().equals(TOKEN_PATH)) {
        return MockResponse.json(failure.status(), obj("error", failure.code().toLowerCase(
            Locale.ROOT), "error_description", failure.getMessage()));
      }
      MockResponse response = emptyErrorBodies ? MockResponse.empty(failure.status())
          : MockResponse.json(failure.status(), itCareError(failure));
      return failure.status() == 401
          ? response.withHeader("WWW-Authenticate", "Bearer realm=\"cloud\", error=\"invalid_token\"")
          : response;
    };
  }

  private static JsonObject itCareError(MockFailure failure) {
    JsonObject body = obj("status", statusName(failure.status()),
        "errorCode", failure.code().toUpperCase(Locale.ROOT));
    String desc = failure.field() != null ? failure.field() : failure.resource();
    if (desc != null) {
      body.addProperty("errorDesc", desc);
    }
    body.addProperty("errorMessage", failure.getMessage());
    return body;
  }

  private static String statusName(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 409 -> "CONFLICT";
      case 422 -> "UNPROCESSABLE_ENTITY";
      case 429 -> "TOO_MANY_REQUESTS";
      case 500 -> "INTERNAL_SERVER_ERROR";
      case 502 -> "BAD_GATEWAY";
      case 503 -> "SERVICE_UNAVAILABLE";
      case 504 -> "GATEWAY_TIMEOUT";
      default -> "HTTP_" + status;
    };
  }

  // ------------------------------------------------------------------ authentication

  private MockRequest authenticate(MockRequest request) {
    String token = HttpAuth.bearer(request).orElseThrow(() -> MockFailure.of(401,
        "MISSING_TOKEN", "Full authentication is required to access this resource")
        .withResource("Authorization", null));
    TokenStore.Lookup lookup = tokens().lookup(token);
    if (lookup.state() != TokenStore.State.VALID || !lookup.token().kind().equals(ACCESS)) {
      throw MockFailure.of(401, lookup.state() == TokenStore.State.EXPIRED ? "TOKEN_EXPIRED"
          : "INVALID_TOKEN", lookup.state() == TokenStore.State.EXPIRED ? "The access token expired"
          : "The access token is invalid").withResource("Authorization", null);
    }
    return request.withAttribute(CLIENT, lookup.token().subject());
  }

  private static String user(MockRequest request) {
    return request.attribute(CLIENT);
  }

  private MockResponse token(MockRequest request) {
    Map<String, List<String>> form = request.form();
    Optional<HttpAuth.Basic> basic = HttpAuth.basic(request);
    // Keycloak also accepts the client credentials in the form body
    String id = basic.map(HttpAuth.Basic::user).orElse(first(form, "client_id"));
    String secret = basic.map(HttpAuth.Basic::password).orElse(first(form, "client_secret"));
    if (!clientId.equals(id) || !HttpAuth.secretEquals(secret, clientSecret)) {
      throw MockFailure.of(401, "unauthorized_client",
          "Invalid client or Invalid client credentials");
    }
    String grant = first(form, "grant_type");
    if (grant == null) {
      throw MockFailure.of(400, "invalid_request", "Missing form parameter: grant_type");
    }
    switch (grant) {
      case "client_credentials" -> {
        return issue(id);
      }
      case "refresh_token" -> {
        TokenStore.Lookup lookup = tokens().lookup(first(form, "refresh_token"));
        if (lookup.state() != TokenStore.State.VALID || !lookup.token().kind().equals(REFRESH)
            || !id.equals(lookup.token().subject())) {
          throw MockFailure.of(400, "invalid_grant", "Token is not active");
        }
        return issue(id);
      }
      default -> throw MockFailure.of(400, "unsupported_grant_type",
          "Unsupported grant_type").withValue(grant);
    }
  }

  private MockResponse issue(String subject) {
    IssuedToken access = tokens().issueJwt(ACCESS, subject, accessTtl, Map.of());
    IssuedToken refresh = tokens().issueJwt(REFRESH, subject, refreshTtl, Map.of());
    return MockResponse.ok(obj("access_token", access.value(),
        "expires_in", accessTtl.toSeconds(), "refresh_expires_in", refreshTtl.toSeconds(),
        "refresh_token", refresh.value(), "token_type", "bearer", "not-before-policy", 0,
        "session_state", java.util.UUID.randomUUID().toString(), "scope", "profile email"));
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Settings of an {@link ItCareMock}. */
  public static final class Builder extends MockServer.Builder<Builder, ItCareMock> {

    private String clientId = "demo-client";
    private String clientSecret = "demo-secret";
    private Duration accessTtl = Duration.ofSeconds(1200);
    private Duration refreshTtl = Duration.ofSeconds(7200);
    private int instances = 5;
    private int actionPolls = 2;
    private ActionOutcome actionOutcome = ActionOutcome.SUCCESS;
    private boolean emptyAcceptedBody;
    private boolean emptyErrorBodies;
    private boolean okOnPatchAndDelete;

    private Builder() {
    }

    /** Accepted client credentials (default {@code demo-client} / {@code demo-secret}). */
    public Builder credentials(String id, String secret) {
      this.clientId = Objects.requireNonNull(id);
      this.clientSecret = Objects.requireNonNull(secret);
      return this;
    }

    /** Access-token lifetime, {@code expires_in} (default 1200 s). */
    public Builder accessTokenTtl(Duration ttl) {
      this.accessTtl = positive(ttl);
      return this;
    }

    /** Refresh-token lifetime, {@code refresh_expires_in} (default 7200 s). */
    public Builder refreshTokenTtl(Duration ttl) {
      this.refreshTtl = positive(ttl);
      return this;
    }

    /** Number of seeded instances (default 5; the first two are the spec's examples). */
    public Builder instances(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("instances must be >= 0");
      }
      this.instances = count;
      return this;
    }

    /** The {@code k}-th read of {@code GET /actions/{id}} answers the final status (default 2). */
    public Builder actionPolls(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("actionPolls must be >= 1");
      }
      this.actionPolls = k;
      return this;
    }

    /** How actions end (default SUCCESS). */
    public Builder actionOutcome(ActionOutcome outcome) {
      this.actionOutcome = Objects.requireNonNull(outcome);
      return this;
    }

    /** Answer 202 with no body (the vendor allows it); the action still exists. */
    public Builder emptyAcceptedBody(boolean value) {
      this.emptyAcceptedBody = value;
      return this;
    }

    /**
     * Answer the asynchronous PATCH and DELETE operations with 200 instead of 202, as the vendor's
     * reference renders them (default false: 202); the body and the action are the same.
     */
    public Builder okOnPatchAndDelete(boolean value) {
      this.okOnPatchAndDelete = value;
      return this;
    }

    /** Answer errors without body, as the real API mostly does (default: with an ITCare body). */
    public Builder emptyErrorBodies(boolean value) {
      this.emptyErrorBodies = value;
      return this;
    }

    @Override
    public ItCareMock build() {
      return new ItCareMock(this);
    }

    private static Duration positive(Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("a lifetime must be positive");
      }
      return d;
    }
  }
}
