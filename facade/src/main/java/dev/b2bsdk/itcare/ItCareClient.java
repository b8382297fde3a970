package dev.b2bsdk.itcare;

import static dev.b2bsdk.itcare.SpringPages.orNull;
import static dev.b2bsdk.itcare.SpringPages.pages;

import com.google.gson.Gson;
import dev.b2bsdk.core.auth.BasicCredentials;
import dev.b2bsdk.core.auth.BearerAuthInterceptor;
import dev.b2bsdk.core.auth.TokenCache;
import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.core.client.ServiceClient;
import dev.b2bsdk.core.client.ClientSettings;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.ClientRuntime;
import dev.b2bsdk.core.http.HttpsGuard;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.polling.AsyncOperation;
import dev.b2bsdk.core.polling.ProgressListener;
import dev.b2bsdk.generated.itcare.api.ActionsApi;
import dev.b2bsdk.generated.itcare.api.DatabasesApi;
import dev.b2bsdk.generated.itcare.api.GlusterFsApi;
import dev.b2bsdk.generated.itcare.api.HealthApi;
import dev.b2bsdk.generated.itcare.api.InstancesApi;
import dev.b2bsdk.generated.itcare.api.MatomoApi;
import dev.b2bsdk.generated.itcare.api.MessageBrokersApi;
import dev.b2bsdk.generated.itcare.api.OverdriveApi;
import dev.b2bsdk.generated.itcare.api.ResourcesApi;
import dev.b2bsdk.generated.itcare.api.ServicesApi;
import dev.b2bsdk.generated.itcare.invoker.JSON;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.ApacheKafkaOperationRequest;
import dev.b2bsdk.generated.itcare.model.CreateApacheKafkaRequest;
import dev.b2bsdk.generated.itcare.model.CreateGlusterFsRequest;
import dev.b2bsdk.generated.itcare.model.CreateMariadbRequest;
import dev.b2bsdk.generated.itcare.model.CreateMatomoRequest;
import dev.b2bsdk.generated.itcare.model.CreateOpensearchRequest;
import dev.b2bsdk.generated.itcare.model.CreatePostgresqlRequest;
import dev.b2bsdk.generated.itcare.model.CreateRabbitmqRequest;
import dev.b2bsdk.generated.itcare.model.CreateRedisRequest;
import dev.b2bsdk.generated.itcare.model.CreateInstanceRequest;
import dev.b2bsdk.generated.itcare.model.CreateOverdriveRequest;
import dev.b2bsdk.generated.itcare.model.CreateSnapshotRequest;
import dev.b2bsdk.generated.itcare.model.DeleteInstanceRequest;
import dev.b2bsdk.generated.itcare.model.Instance;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.generated.itcare.model.MatomoOperationRequest;
import dev.b2bsdk.generated.itcare.model.OpensearchOperationRequest;
import dev.b2bsdk.generated.itcare.model.OverdriveOperation;
import dev.b2bsdk.generated.itcare.model.OverdriveOperationRequest;
import dev.b2bsdk.generated.itcare.model.PostgresqlOperationRequest;
import dev.b2bsdk.generated.itcare.model.Resource;
import dev.b2bsdk.generated.itcare.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.Interceptor;

/**
 * Client of the ITCare API (Cegedim Cloud): the generated Retrofit interfaces, already
 * authenticated, plus lazy paged lists and pollers for the asynchronous (202) operations.
 *
 * <pre>{@code
 * try (ItCareClient itcare = ItCareClient.builder()
 *     .clientId("my-client").clientSecret(secret)
 *     .build()) {
 *   InstanceQuery production = InstanceQuery.builder().environments("PRODUCTION").build();
 *   for (Instance i : itcare.listInstances(production)) {
 *     System.out.println(i.getName());
 *   }
 *   Action done = itcare.beginStopInstance(1204571L).waitForCompletion().value();
 * }
 * }</pre>
 *
 * <p><b>Tokens.</b> OAuth 2.0 client credentials against Keycloak with Basic client
 * authentication; the token (20 min) is renewed in the background before it expires, with the
 * refresh token while it is valid, else with a new grant. Any number of threads share one token
 * and cause at most one token request at a time; a 401 triggers one renewal and one retry.
 *
 * <p><b>Asynchronous operations.</b> Each {@code begin…} method sends the request and returns an
 * {@link AsyncOperation}: {@code waitForCompletion()} polls {@code GET /actions/{id}} until
 * SUCCESS (the final {@link Action}) or ERROR ({@code ActionFailedException} with the action id,
 * message and last action), within the total budget of {@code pollOptions}
 * ({@code PollTimeoutException}). A 202 without a body is reported as accepted without tracking.
 * The status in the 202 body is the initial state, not a poll: "polls" are {@code GET
 * /actions/{id}} requests only. Cancelling stops the waiting; the action goes on at ITCare.
 *
 * <p><b>Dry run.</b> {@code builder().dryRun(true)} marks every mutating request of the client
 * with {@code ITCare-DryRun: true} (reads are left alone); {@code
 * withOptions(ItCareClient.DRY_RUN)} sends it on the calls of one view. A {@code begin…} dry run
 * never polls; its result tells whether the server echoed the header (confirming it did not
 * act).
 *
 * <p><b>Defaults.</b> Base URL {@value #DEFAULT_BASE_URL}, token URL {@value #DEFAULT_TOKEN_URL},
 * retries of {@link RetryOptions#defaults()} (429, 502, 503, 504; POST/PATCH only when the request
 * never reached the server; token requests always, as they change nothing). Thread-safe;
 * {@link #close()} releases the connection pool unless you supplied the {@code OkHttpClient}.
 */
public final class ItCareClient extends ServiceClient {

  /** The API name in exceptions and the user agent. */
  public static final String API = "ITCare";
  /** The vendor's documented base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.cegedim.cloud/itcare";
  /** Keycloak realm {@code cloud}'s token endpoint. */
  public static final String DEFAULT_TOKEN_URL =
      "https://accounts.cegedim.cloud/auth/realms/cloud/protocol/openid-connect/token";
  /**
   * Per-call options for {@link #withOptions}: the view sends {@code ITCare-DryRun: true} on each
   * of its requests, so use it for the mutating call, e.g. {@code
   * client.withOptions(DRY_RUN).beginDeleteInstance(id)}.
   */
  public static final CallOptions DRY_RUN =
      CallOptions.builder().header(DryRunInterceptor.HEADER, "true").build();

  private final ActionTracker tracker;
  private final boolean clientDryRun;
  private final boolean dryRun;
  private final String clientId;
  private final String tokenUrl;
  private final InstancesApi instances;
  private final ActionsApi actions;
  private final OverdriveApi overdrive;
  private final ResourcesApi resources;
  private final ServicesApi services;
  private final HealthApi health;
  private final GlusterFsApi glusterFs;
  private final DatabasesApi databases;
  private final MessageBrokersApi messageBrokers;
  private final MatomoApi matomo;

  private ItCareClient(ClientRuntime runtime, ActionTracker tracker, boolean clientDryRun,
      String clientId, String tokenUrl) {
    super(runtime);
    this.tracker = tracker;
    this.clientDryRun = clientDryRun;
    this.dryRun = clientDryRun || "true".equalsIgnoreCase(
        runtime.callOptions().headers().get(DryRunInterceptor.HEADER));
    this.clientId = clientId;
    this.tokenUrl = tokenUrl;
    this.instances = runtime.create(InstancesApi.class);
    this.actions = runtime.create(ActionsApi.class);
    this.overdrive = runtime.create(OverdriveApi.class);
    this.resources = runtime.create(ResourcesApi.class);
    this.services = runtime.create(ServicesApi.class);
    this.glusterFs = runtime.create(GlusterFsApi.class);
    this.databases = runtime.create(DatabasesApi.class);
    this.messageBrokers = runtime.create(MessageBrokersApi.class);
    this.matomo = runtime.create(MatomoApi.class);
    // GET /health needs no token: a health probe must work even when the token server does not
    this.health = runtime.withoutAuthentication().create(HealthApi.class);
  }

  /** A builder; {@code clientId} and {@code clientSecret} are required. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- generated interfaces

  /** Instances: list, get, create, patch, delete, storage, snapshots, networks. */
  public InstancesApi instancesApi() {
    return instances;
  }

  /** Actions of asynchronous operations. */
  public ActionsApi actionsApi() {
    return actions;
  }

  /** Overdrive storage instances. */
  public OverdriveApi overdriveApi() {
    return overdrive;
  }

  /** Resources of every category ({@code GET /compute/resources}). */
  public ResourcesApi resourcesApi() {
    return resources;
  }

  /** Services grouping resources. */
  public ServicesApi servicesApi() {
    return services;
  }

  /** {@code GET /health}, sent without a token. */
  public HealthApi healthApi() {
    return health;
  }

  /** GlusterFS storage clusters. */
  public GlusterFsApi glusterFsApi() {
    return glusterFs;
  }

  /** Managed databases: PostgreSQL, MariaDB, Redis, OpenSearch. */
  public DatabasesApi databasesApi() {
    return databases;
  }

  /** Message brokers: Apache Kafka, RabbitMQ. */
  public MessageBrokersApi messageBrokersApi() {
    return messageBrokers;
  }

  /** Matomo web analytics instances. */
  public MatomoApi matomoApi() {
    return matomo;
  }

  // ---------------------------------------------------------------- execution

  /**
   * A view of this client whose requests carry {@code options} (extra headers, retry mode),
   * sharing its connection pool and tokens; e.g. {@code withOptions(DRY_RUN)}. Its {@code close()}
   * does nothing.
   */
  public ItCareClient withOptions(CallOptions options) {
    Objects.requireNonNull(options, "options");
    ClientRuntime view = runtime.withOptions(options);
    return new ItCareClient(view, tracker.on(view), clientDryRun, clientId, tokenUrl);
  }

  /** True if this client (or view) sends its mutating requests as dry runs. */
  public boolean dryRun() {
    return dryRun;
  }

  // ---------------------------------------------------------------- paged lists

  /** All instances, lazily, page by page. */
  public PagedIterable<Instance> listInstances() {
    return listInstances(InstanceQuery.all());
  }

  /**
   * The instances matching {@code query}, lazily; the filters and sort go with every page. Set
   * the page size with {@code .withPageSize(n)} on the result.
   */
  public PagedIterable<Instance> listInstances(InstanceQuery query) {
    Objects.requireNonNull(query, "query");
    return pages(runtime, page -> instances.listInstances(orNull(query.services()),
        orNull(query.names()), orNull(query.types()), orNull(query.families()),
        orNull(query.environments()), orNull(query.statuses()), orNull(query.tags()),
        orNull(query.availabilityZones()), orNull(query.ipAddresses()), orNull(query.vlans()),
        query.backupStatus(), query.recoveryStatus(), query.includedInPatchParty(),
        query.cloud(), page.pageNumber(), page.size(), query.sort()), SpringPages.INSTANCES);
  }

  /** All resources of every category, lazily. */
  public PagedIterable<Resource> listResources() {
    return listResources(ResourceQuery.all());
  }

  /** The resources matching {@code query}, lazily; the filters and sort go with every page. */
  public PagedIterable<Resource> listResources(ResourceQuery query) {
    Objects.requireNonNull(query, "query");
    return pages(runtime, page -> resources.listResources(orNull(query.categories()),
        orNull(query.types()), orNull(query.families()), orNull(query.services()),
        orNull(query.names()), orNull(query.environments()), orNull(query.statuses()),
        orNull(query.tags()), page.pageNumber(), page.size(), query.sort()),
        SpringPages.RESOURCES);
  }

  /** All services, lazily. */
  public PagedIterable<Service> listServices() {
    return listServices(ServiceQuery.all());
  }

  /** The services matching {@code query}, lazily; the filters and sort go with every page. */
  public PagedIterable<Service> listServices(ServiceQuery query) {
    Objects.requireNonNull(query, "query");
    return pages(runtime, page -> services.listServices(orNull(query.names()),
        page.pageNumber(), page.size(), query.sort()), SpringPages.SERVICES);
  }

  /** All Overdrive instances, lazily ({@code GET /storage/overdrive}). */
  public PagedIterable<Resource> listOverdrives() {
    return pages(runtime, page -> overdrive.listOverdrives(null, page.pageNumber(), page.size(),
        null), SpringPages.RESOURCES);
  }

  /** All GlusterFS clusters, lazily ({@code GET /storage/glusterfs}). */
  public PagedIterable<Resource> listGlusterFs() {
    return pages(runtime, page -> glusterFs.listGlusterFs(null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, page.pageNumber(), page.size(), null),
        SpringPages.RESOURCES);
  }

  /** All Matomo instances, lazily ({@code GET /analytics/matomo}). */
  public PagedIterable<Resource> listMatomos() {
    return pages(runtime, page -> matomo.listMatomos(null, null, page.pageNumber(), page.size(),
        null), SpringPages.RESOURCES);
  }

  // ---------------------------------------------------------------- plain lists

  /** All actions ({@code GET /actions} is not paged). */
  public List<Action> listActions() {
    return listActions(ActionQuery.all());
  }

  /** The actions matching {@code query} ({@code GET /actions} is not paged). */
  public List<Action> listActions(ActionQuery query) {
    Objects.requireNonNull(query, "query");
    List<Action> list = execute(actions.listActions(query.resourceName(), query.resourceId(),
        query.serviceId(), orNull(query.statuses()), query.requestId()));
    return list == null ? List.of() : list;
  }

  // ---------------------------------------------------------------- asynchronous operations

  /** Creates an instance ({@code POST /compute/instances}). */
  public AsyncOperation<Action> beginCreateInstance(CreateInstanceRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createInstance", instances.createInstance(request, marker()), dryRun);
  }

  /** Runs an operation on an instance ({@code PATCH /compute/instances/{id}}). */
  public AsyncOperation<Action> beginPatchInstance(long instanceId,
      InstanceOperationRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("patchInstance",
        instances.patchInstance(instanceId, request, marker()), dryRun);
  }

  /** Runs {@code operation} on an instance, without options. */
  public AsyncOperation<Action> beginPatchInstance(long instanceId, InstanceOperation operation) {
    Objects.requireNonNull(operation, "operation");
    return beginPatchInstance(instanceId, new InstanceOperationRequest().operation(operation));
  }

  /** Starts an instance. */
  public AsyncOperation<Action> beginStartInstance(long instanceId) {
    return beginPatchInstance(instanceId, InstanceOperation.START);
  }

  /** Stops an instance. */
  public AsyncOperation<Action> beginStopInstance(long instanceId) {
    return beginPatchInstance(instanceId, InstanceOperation.STOP);
  }

  /** Reboots an instance. */
  public AsyncOperation<Action> beginRebootInstance(long instanceId) {
    return beginPatchInstance(instanceId, InstanceOperation.REBOOT);
  }

  /** Deletes an (INACTIVE) instance without a change reference. */
  public AsyncOperation<Action> beginDeleteInstance(long instanceId) {
    return beginDeleteInstance(instanceId, null);
  }

  /**
   * Deletes an (INACTIVE) instance ({@code DELETE /compute/instances/{id}}).
   *
   * @param changeReference e.g. {@code RFC_123}, or null; without one the body is {@code {}}
   */
  public AsyncOperation<Action> beginDeleteInstance(long instanceId, String changeReference) {
    return tracker.begin("deleteInstance", instances.deleteInstance(instanceId, marker(),
        new DeleteInstanceRequest().changeReference(changeReference)), dryRun);
  }

  /** Snapshots an instance ({@code POST /compute/instances/{id}/snapshots}). */
  public AsyncOperation<Action> beginCreateSnapshot(long instanceId,
      CreateSnapshotRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createInstanceSnapshot",
        instances.createInstanceSnapshot(instanceId, request, marker()), dryRun);
  }

  /** Creates an Overdrive instance ({@code POST /storage/overdrive}). */
  public AsyncOperation<Action> beginCreateOverdrive(CreateOverdriveRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createOverdrive", overdrive.createOverdrive(request, marker()), dryRun);
  }

  /** Runs an operation on an Overdrive instance ({@code PATCH /storage/overdrive/{id}}). */
  public AsyncOperation<Action> beginPatchOverdrive(long overdriveId,
      OverdriveOperationRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("patchOverdrive",
        overdrive.patchOverdrive(overdriveId, request, marker()), dryRun);
  }

  /** Starts an Overdrive instance. */
  public AsyncOperation<Action> beginStartOverdrive(long overdriveId) {
    return beginPatchOverdrive(overdriveId,
        new OverdriveOperationRequest().operation(OverdriveOperation.START));
  }

  /** Stops an Overdrive instance's nodes and the instance itself; cannot be undone. */
  public AsyncOperation<Action> beginStopOverdrive(long overdriveId) {
    return beginPatchOverdrive(overdriveId,
        new OverdriveOperationRequest().operation(OverdriveOperation.STOP));
  }

  /** Deletes an Overdrive instance ({@code DELETE /storage/overdrive/{id}}). */
  public AsyncOperation<Action> beginDeleteOverdrive(long overdriveId) {
    return tracker.begin("deleteOverdrive", overdrive.deleteOverdrive(overdriveId, marker()),
        dryRun);
  }

  /** Deletes a snapshot of an instance ({@code DELETE /compute/instances/{id}/snapshots/{snapshotId}}). */
  public AsyncOperation<Action> beginDeleteInstanceSnapshot(long instanceId, String snapshotId) {
    Objects.requireNonNull(snapshotId, "snapshotId");
    return tracker.begin("deleteInstanceSnapshot",
        instances.deleteInstanceSnapshot(instanceId, snapshotId, marker()), dryRun);
  }

  /** Creates a GlusterFS cluster ({@code POST /storage/glusterfs}). */
  public AsyncOperation<Action> beginCreateGlusterFs(CreateGlusterFsRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createGlusterFs", glusterFs.createGlusterFs(request, marker()), dryRun);
  }

  /** Creates a PostgreSQL database ({@code POST /databases/postgresql}). */
  public AsyncOperation<Action> beginCreatePostgresql(CreatePostgresqlRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createPostgresql", databases.createPostgresql(request, marker()), dryRun);
  }

  /** Runs an operation on a PostgreSQL database ({@code PATCH /databases/postgresql/{id}}). */
  public AsyncOperation<Action> beginPatchPostgresql(long id, PostgresqlOperationRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("patchPostgresql", databases.patchPostgresql(id, request, marker()),
        dryRun);
  }

  /** Deletes a PostgreSQL database ({@code DELETE /databases/postgresql/{id}}). */
  public AsyncOperation<Action> beginDeletePostgresql(long id) {
    return tracker.begin("deletePostgresql", databases.deletePostgresql(id, marker()), dryRun);
  }

  /** Creates a MariaDB database ({@code POST /databases/mariadb}). */
  public AsyncOperation<Action> beginCreateMariadb(CreateMariadbRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createMariadb", databases.createMariadb(request, marker()), dryRun);
  }

  /** Creates a Redis database ({@code POST /databases/redis}). */
  public AsyncOperation<Action> beginCreateRedis(CreateRedisRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createRedis", databases.createRedis(request, marker()), dryRun);
  }

  /** Creates an OpenSearch cluster ({@code POST /databases/opensearch}). */
  public AsyncOperation<Action> beginCreateOpensearch(CreateOpensearchRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createOpensearch", databases.createOpensearch(request, marker()), dryRun);
  }

  /** Runs an operation on an OpenSearch cluster ({@code PATCH /databases/opensearch/{id}}). */
  public AsyncOperation<Action> beginPatchOpensearch(long id, OpensearchOperationRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("patchOpensearch", databases.patchOpensearch(id, request, marker()),
        dryRun);
  }

  /** Deletes an OpenSearch cluster ({@code DELETE /databases/opensearch/{id}}). */
  public AsyncOperation<Action> beginDeleteOpensearch(long id) {
    return tracker.begin("deleteOpensearch", databases.deleteOpensearch(id, marker()), dryRun);
  }

  /** Creates an Apache Kafka cluster ({@code POST /message-brokers/apache-kafka}). */
  public AsyncOperation<Action> beginCreateApacheKafka(CreateApacheKafkaRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createApacheKafka", messageBrokers.createApacheKafka(request, marker()),
        dryRun);
  }

  /** Starts or stops an Apache Kafka cluster ({@code PATCH /message-brokers/apache-kafka/{id}}). */
  public AsyncOperation<Action> beginPatchApacheKafka(long id,
      ApacheKafkaOperationRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("patchApacheKafka",
        messageBrokers.patchApacheKafka(id, request, marker()), dryRun);
  }

  /** Deletes an Apache Kafka cluster ({@code DELETE /message-brokers/apache-kafka/{id}}). */
  public AsyncOperation<Action> beginDeleteApacheKafka(long id) {
    return tracker.begin("deleteApacheKafka", messageBrokers.deleteApacheKafka(id, marker()),
        dryRun);
  }

  /** Creates a RabbitMQ broker ({@code POST /message-brokers/rabbitmq}). */
  public AsyncOperation<Action> beginCreateRabbitmq(CreateRabbitmqRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createRabbitmq", messageBrokers.createRabbitmq(request, marker()),
        dryRun);
  }

  /** Creates a Matomo instance ({@code POST /analytics/matomo}). */
  public AsyncOperation<Action> beginCreateMatomo(CreateMatomoRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("createMatomo", matomo.createMatomo(request, marker()), dryRun);
  }

  /** Runs an operation on a Matomo instance ({@code PATCH /analytics/matomo/{id}}). */
  public AsyncOperation<Action> beginPatchMatomo(long id, MatomoOperationRequest request) {
    Objects.requireNonNull(request, "request");
    return tracker.begin("patchMatomo", matomo.patchMatomo(id, request, marker()), dryRun);
  }

  /** Deletes a Matomo instance ({@code DELETE /analytics/matomo/{id}}). */
  public AsyncOperation<Action> beginDeleteMatomo(long id) {
    return tracker.begin("deleteMatomo", matomo.deleteMatomo(id, marker()), dryRun);
  }

  /** The {@code ITCare-DryRun} header argument of a generated mutating method. */
  private Boolean marker() {
    return dryRun ? Boolean.TRUE : null;
  }

  // ---------------------------------------------------------------- lifecycle


  @Override
  public String toString() {
    return "ItCareClient{baseUrl=" + runtime.baseUrl() + ", tokenUrl=" + tokenUrl
        + ", clientId=" + clientId + (dryRun ? ", dryRun" : "") + '}';
  }

  /**
   * Builds an {@link ItCareClient}. Required: {@link #clientId}, {@link #clientSecret}; the rest
   * (see {@link ClientBuilder}) has defaults. Not thread-safe.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String clientId;
    private String clientSecret;
    private String tokenUrl = DEFAULT_TOKEN_URL;
    private String scope;
    private boolean dryRun;
    private final List<ProgressListener<Action>> listeners = new ArrayList<>();

    private Builder() {}

    /** The OAuth client id (shown by {@code toString()}). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The OAuth client secret (never shown, logged or put in an exception message). */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * The full URL of the token endpoint, called exactly as given (default {@value
     * ItCareClient#DEFAULT_TOKEN_URL}); {@code https} unless loopback.
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    /** The {@code scope} of token requests (public clients send {@code openid}); default none. */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /** Sends every mutating request with {@code ITCare-DryRun: true} (default false). */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Told about every status change of every action this client polls (logs, progress bars). */
    public Builder progressListener(ProgressListener<Action> listener) {
      listeners.add(Objects.requireNonNull(listener, "progressListener"));
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or invalid (e.g. a
     *     plain {@code http} base or token URL to a non-loopback host)
     */
    public ItCareClient build() {
      String id = requireText(clientId, "clientId");
      String secret = requireText(clientSecret, "clientSecret");
      String tokenEndpoint = HttpsGuard.requireHttps("tokenUrl", tokenUrl).toString();
      ClientSettings settings = settings(DEFAULT_BASE_URL, RetryOptions.defaults());
      Gson gson = JSON.createGson().create();
      ClientRuntime base = settings.runtime(API, gson, new ItCareErrorParser()).build();
      try {
        // a token request changes nothing server-side: safe to retry like a GET
        ItCareTokenSource source = new ItCareTokenSource(
            base.withOptions(CallOptions.retry(RetryMode.ALWAYS)), tokenEndpoint,
            BasicCredentials.of(id, secret), scope);
        TokenCache.Builder cache = TokenCache.builder(source).name(API).clock(settings.clock());
        settings.executor().ifPresent(cache::executor);
        settings.tokenRefreshMargin().ifPresent(cache::refreshMargin);
        settings.tokenExpiryMargin().ifPresent(cache::expiryMargin);
        Interceptor auth = new BearerAuthInterceptor(cache.build());
        ClientRuntime runtime =
            base.withAuthentication(dryRun ? new DryRunInterceptor(auth) : auth);
        ActionTracker tracker = new ActionTracker(runtime, gson, settings.pollOptions(),
            settings.scheduler().orElse(null), listeners, settings.transport().callTimeout());
        return new ItCareClient(runtime, tracker, dryRun, id, tokenEndpoint);
      } catch (RuntimeException e) {
        base.close();
        throw e;
      }
    }

    @Override
    public String toString() {
      String baseUrl = configuredBaseUrl();
      return "ItCareClient.Builder{baseUrl=" + (baseUrl == null ? DEFAULT_BASE_URL : baseUrl)
          + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + '}';
    }
  }
}
