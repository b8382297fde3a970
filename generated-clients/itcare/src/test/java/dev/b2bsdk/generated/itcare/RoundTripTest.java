package dev.b2bsdk.generated.itcare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.generated.itcare.api.ActionsApi;
import dev.b2bsdk.generated.itcare.api.AuthenticationApi;
import dev.b2bsdk.generated.itcare.api.DatabasesApi;
import dev.b2bsdk.generated.itcare.api.GlusterFsApi;
import dev.b2bsdk.generated.itcare.api.MatomoApi;
import dev.b2bsdk.generated.itcare.api.InstancesApi;
import dev.b2bsdk.generated.itcare.api.OverdriveApi;
import dev.b2bsdk.generated.itcare.api.ResourcesApi;
import dev.b2bsdk.generated.itcare.invoker.JSON;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.ActionStatus;
import dev.b2bsdk.generated.itcare.model.ActionTracking;
import dev.b2bsdk.generated.itcare.model.CreateInstanceRequest;
import dev.b2bsdk.generated.itcare.model.CreateOpensearchRequest;
import dev.b2bsdk.generated.itcare.model.CreatePostgresqlRequest;
import dev.b2bsdk.generated.itcare.model.CreateOverdriveRequest;
import dev.b2bsdk.generated.itcare.model.DeleteInstanceRequest;
import dev.b2bsdk.generated.itcare.model.Instance;
import dev.b2bsdk.generated.itcare.model.InstanceNetwork;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.generated.itcare.model.InstancePage;
import dev.b2bsdk.generated.itcare.model.InstanceStorage;
import dev.b2bsdk.generated.itcare.model.ItCareError;
import dev.b2bsdk.generated.itcare.model.OverdriveSizing;
import dev.b2bsdk.generated.itcare.model.PostgresqlOperation;
import dev.b2bsdk.generated.itcare.model.PostgresqlOperationRequest;
import dev.b2bsdk.generated.itcare.model.Resource;
import dev.b2bsdk.generated.itcare.model.ResourcePage;
import dev.b2bsdk.generated.itcare.model.Snapshot;
import dev.b2bsdk.generated.itcare.model.TokenResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;
import retrofit2.http.DELETE;
import retrofit2.http.HTTP;

/**
 * The generated ITCare client against WireMock: requests go out with the path, method, query,
 * headers and body the spec describes, and the fixtures (see {@code seed/README.md}) come back
 * as the right Java values, dates included.
 */
class RoundTripTest {

  private static final ZoneOffset PLUS_TWO = ZoneOffset.ofHours(2);
  private static final ZoneOffset PLUS_ONE = ZoneOffset.ofHours(1);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private Retrofit retrofit;

  @BeforeEach
  void setUp() {
    OkHttpClient okHttp = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .retryOnConnectionFailure(false)
        .build();
    retrofit = new Retrofit.Builder()
        .baseUrl(wm.baseUrl() + "/")
        .client(okHttp)
        .addConverterFactory(ScalarsConverterFactory.create())
        .addConverterFactory(GsonConverterFactory.create(new JSON().getGson()))
        .build();
  }

  private static String seed(String name) {
    try (InputStream in = RoundTripTest.class.getResourceAsStream("/seed/" + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void instancePageReadsEnvelopeItemsAndOffsetDatesWithoutColon() throws IOException {
    wm.stubFor(get(urlPathEqualTo("/compute/instances")).willReturn(okJson(seed("instances-page.json"))));

    Response<InstancePage> response = retrofit.create(InstancesApi.class).listInstances(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        0, 20, "name,asc").execute();

    assertThat(response.code()).isEqualTo(200);
    InstancePage page = response.body();
    assertThat(page.getTotalElements()).isEqualTo(2L);
    assertThat(page.getTotalPages()).isEqualTo(1);
    assertThat(page.getNumber()).isZero();
    assertThat(page.getSize()).isEqualTo(20);
    assertThat(page.getNumberOfElements()).isEqualTo(2);
    assertThat(page.getFirst()).isTrue();
    assertThat(page.getLast()).isTrue();
    assertThat(page.getEmpty()).isFalse();
    assertThat(page.getSort().getSorted()).isTrue();
    assertThat(page.getPageable().getPageSize()).isEqualTo(20);
    assertThat(page.getPageable().getOffset()).isZero();

    assertThat(page.getContent()).hasSize(2);
    Instance web = page.getContent().get(0);
    assertThat(web.getId()).isEqualTo(1204571L);
    assertThat(web.getName()).isEqualTo("pdebwebsrv01");
    assertThat(web.getStatus()).isEqualTo("ACTIVE");
    assertThat(web.getType()).isEqualTo("LINUX");
    assertThat(web.getFamily()).isEqualTo("DEBIAN");
    assertThat(web.getServiceId()).isEqualTo(40213L);
    assertThat(web.getInternalResourceId()).isEqualTo(5350129L);
    assertThat(web.getCreationTime())
        .isEqualTo(OffsetDateTime.of(2016, 6, 1, 12, 27, 19, 0, PLUS_TWO));
    assertThat(web.getCreationTime().getOffset()).isEqualTo(PLUS_TWO);
    assertThat(web.getCpu()).isEqualTo(4);
    assertThat(web.getRam()).isEqualTo(8);
    assertThat(web.getTotalSizeDisks()).isEqualTo(120.0);
    assertThat(web.getAvailabilityZone()).isEqualTo("EB-A");
    assertThat(web.getNetwork().getTechnicalID()).isEqualTo("EB_1125_DMZ8");
    assertThat(web.getNetwork().getCidr()).isEqualTo("10.59.13.0/24");
    assertThat(web.getNetwork().getDns()).extracting("alias", "domain")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pdebwebsrv01", "hosting.cegedim.cloud"),
            org.assertj.core.groups.Tuple.tuple("www-ecom", "cegedim.cloud"));

    Instance sql = page.getContent().get(1);
    assertThat(sql.getStatus()).isEqualTo("INACTIVE");
    assertThat(sql.getComment()).isNull();
    assertThat(sql.getCreationTime())
        .isEqualTo(OffsetDateTime.of(2019, 11, 18, 8, 5, 42, 0, PLUS_ONE));
    assertThat(sql.getTotalSizeDisks()).isEqualTo(250.5);
    assertThat(sql.getNetwork().getDns()).isEmpty();

    wm.verify(getRequestedFor(urlPathEqualTo("/compute/instances"))
        .withQueryParam("page", equalTo("0"))
        .withQueryParam("size", equalTo("20"))
        .withQueryParam("sort", equalTo("name,asc")));
  }

  @Test
  void instanceFiltersGoOutAsRepeatedQueryParameters() throws IOException {
    wm.stubFor(get(urlPathEqualTo("/compute/instances")).willReturn(okJson(seed("instances-page.json"))));

    retrofit.create(InstancesApi.class).listInstances(
        List.of(40213L, 40388L),
        List.of("pdebwebsrv01", "!pwinsqlsrv02"),
        List.of("LINUX", "WINDOWS"),
        List.of("DEBIAN", "RHEL"),
        List.of("PRODUCTION"),
        List.of("ACTIVE", "INACTIVE"),
        List.of("application:itcare", "team:web"),
        List.of("EB-A", "EB-B"),
        List.of("10.59.13.29"),
        List.of("EB_1125_DMZ8"),
        true, false, true, 12L,
        1, 50, "creationTime,desc").execute();

    wm.verify(getRequestedFor(urlPathEqualTo("/compute/instances"))
        .withQueryParam("services", havingExactly("40213", "40388"))
        .withQueryParam("names", havingExactly("pdebwebsrv01", "!pwinsqlsrv02"))
        .withQueryParam("types", havingExactly("LINUX", "WINDOWS"))
        .withQueryParam("families", havingExactly("DEBIAN", "RHEL"))
        .withQueryParam("environments", havingExactly("PRODUCTION"))
        .withQueryParam("statuses", havingExactly("ACTIVE", "INACTIVE"))
        .withQueryParam("tags", havingExactly("application:itcare", "team:web"))
        .withQueryParam("az", havingExactly("EB-A", "EB-B"))
        .withQueryParam("ip", havingExactly("10.59.13.29"))
        .withQueryParam("vlan", havingExactly("EB_1125_DMZ8"))
        .withQueryParam("backupStatus", equalTo("true"))
        .withQueryParam("recoveryStatus", equalTo("false"))
        .withQueryParam("includedInPatchParty", equalTo("true"))
        .withQueryParam("clouds", equalTo("12"))
        .withQueryParam("page", equalTo("1"))
        .withQueryParam("size", equalTo("50"))
        .withQueryParam("sort", equalTo("creationTime,desc")));
    // Repeated keys (explode: true), never one comma-joined value.
    String url = wm.getAllServeEvents().get(0).getRequest().getUrl();
    assertThat(url).contains("services=40213&services=40388").doesNotContain("40213,40388");
  }

  @Test
  void actionReadsStatusAndDates() throws IOException {
    wm.stubFor(get(urlEqualTo("/actions/987654")).willReturn(okJson(seed("action.json"))));

    Action action = retrofit.create(ActionsApi.class).getAction(987654L).execute().body();

    assertThat(action.getId()).isEqualTo(987654L);
    assertThat(action.getStatus()).isEqualTo(ActionStatus.SUCCESS);
    assertThat(action.getMessage()).isEqualTo("Instance pdebwebsrv01 stopped");
    assertThat(action.getProcess()).isEqualTo("STOP_INSTANCE");
    assertThat(action.getResourceName()).isEqualTo("pdebwebsrv01");
    assertThat(action.getResourceType()).isEqualTo("INSTANCE");
    assertThat(action.getSubmittedBy()).isEqualTo("api-ecomweb");
    assertThat(action.getSubmittedAt()).isEqualTo(OffsetDateTime.of(2024, 6, 12, 9, 15, 2, 0, PLUS_TWO));
    assertThat(action.getLastUpdatedAt()).isEqualTo(OffsetDateTime.of(2024, 6, 12, 9, 17, 45, 0, PLUS_TWO));
    assertThat(action.getCompletedAt()).isEqualTo(OffsetDateTime.of(2024, 6, 12, 9, 17, 45, 0, PLUS_TWO));
    wm.verify(getRequestedFor(urlEqualTo("/actions/987654")));
  }

  @Test
  void actionListIsAPlainArrayFilteredByRepeatedStatuses() throws IOException {
    wm.stubFor(get(urlPathEqualTo("/actions")).willReturn(okJson(seed("actions.json"))));

    List<Action> actions = retrofit.create(ActionsApi.class).listActions(
        "pdebwebsrv01", 5350129L, 40213L, List.of(ActionStatus.IN_PROGRESS, ActionStatus.ERROR), 77L)
        .execute().body();

    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).getStatus()).isEqualTo(ActionStatus.IN_PROGRESS);
    assertThat(actions.get(0).getCompletedAt()).isNull();
    wm.verify(getRequestedFor(urlPathEqualTo("/actions"))
        .withQueryParam("resourceName", equalTo("pdebwebsrv01"))
        .withQueryParam("resourceId", equalTo("5350129"))
        .withQueryParam("serviceId", equalTo("40213"))
        .withQueryParam("statuses", havingExactly("IN_PROGRESS", "ERROR"))
        .withQueryParam("requestId", equalTo("77")));
  }

  @Test
  void tokenRequestSendsAFormBodyAndReadsTheVendorSample() throws IOException {
    String tokenPath = "/auth/realms/cloud/protocol/openid-connect/token";
    wm.stubFor(post(urlEqualTo(tokenPath)).willReturn(okJson(seed("token.json"))));
    AuthenticationApi auth = retrofit.create(AuthenticationApi.class);

    TokenResponse token = auth.getToken("client_credentials", null, "openid").execute().body();

    assertThat(token.getAccessToken()).isEqualTo("...");
    assertThat(token.getExpiresIn()).isEqualTo(1200L);
    assertThat(token.getRefreshExpiresIn()).isEqualTo(7200L);
    assertThat(token.getRefreshToken()).isEqualTo("...");
    assertThat(token.getTokenType()).isEqualTo("bearer");
    assertThat(token.getScope()).isNull();
    wm.verify(postRequestedFor(urlEqualTo(tokenPath))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=client_credentials&scope=openid")));

    auth.getToken("refresh_token", "eyJhbGciOi.refresh", null).execute();
    wm.verify(postRequestedFor(urlEqualTo(tokenPath))
        .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=eyJhbGciOi.refresh")));
  }

  @Test
  void instanceStopSendsDryRunAndReadsTheTrackingBody() throws IOException {
    wm.stubFor(patch(urlEqualTo("/compute/instances/1204571")).willReturn(aResponse()
        .withStatus(202)
        .withHeader("Content-Type", "application/json")
        .withHeader("ITCare-DryRun", "true")
        .withBody(seed("tracking-202.json"))));

    Response<ActionTracking> response = retrofit.create(InstancesApi.class).patchInstance(
        1204571L, new InstanceOperationRequest().operation(InstanceOperation.STOP), true).execute();

    assertThat(response.code()).isEqualTo(202);
    assertThat(response.headers().get("ITCare-DryRun")).isEqualTo("true");
    ActionTracking tracking = response.body();
    assertThat(tracking.getId()).isEqualTo(987654L);
    assertThat(tracking.getStatus()).isEqualTo("IN_PROGRESS");
    assertThat(tracking.getMessage()).isEqualTo("Stop of instance pdebwebsrv01 submitted");
    // options is null, so it is left out rather than sent as {}.
    wm.verify(patchRequestedFor(urlEqualTo("/compute/instances/1204571"))
        .withHeader("ITCare-DryRun", equalTo("true"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"operation\": \"stop\"}")));
  }

  @Test
  void dryRunHeaderIsOmittedWhenNull() throws IOException {
    wm.stubFor(patch(urlEqualTo("/compute/instances/1204571")).willReturn(aResponse()
        .withStatus(202).withHeader("Content-Type", "application/json").withBody(seed("tracking-202.json"))));

    retrofit.create(InstancesApi.class).patchInstance(1204571L,
        new InstanceOperationRequest().operation(InstanceOperation.START).putOptionsItem("changeReference", "RFC_123"),
        null).execute();

    LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
    assertThat(sent.containsHeader("ITCare-DryRun")).isFalse();
    wm.verify(patchRequestedFor(urlEqualTo("/compute/instances/1204571"))
        .withRequestBody(equalToJson("{\"operation\": \"start\", \"options\": {\"changeReference\": \"RFC_123\"}}")));
  }

  @Test
  void createInstanceSerialisesTheBodyExactly() throws IOException {
    wm.stubFor(post(urlEqualTo("/compute/instances")).willReturn(aResponse()
        .withStatus(202).withHeader("Content-Type", "application/json").withBody(seed("tracking-202.json"))));

    CreateInstanceRequest body = new CreateInstanceRequest()
        .name("pdebwebsrv03").area("EB1").az("EB-A").family("DEBIAN").version("12")
        .resourceId("3021").serviceId(40213L).environment("PRODUCTION").comment("Third web front node");
    Response<ActionTracking> response = retrofit.create(InstancesApi.class).createInstance(body, false).execute();

    assertThat(response.code()).isEqualTo(202);
    wm.verify(postRequestedFor(urlEqualTo("/compute/instances"))
        .withHeader("ITCare-DryRun", equalTo("false"))
        .withRequestBody(equalToJson("{\"name\": \"pdebwebsrv03\", \"area\": \"EB1\", \"az\": \"EB-A\","
            + " \"family\": \"DEBIAN\", \"version\": \"12\", \"resourceId\": \"3021\", \"serviceId\": 40213,"
            + " \"environment\": \"PRODUCTION\", \"comment\": \"Third web front node\"}")));
  }

  @Test
  void createOverdriveSerialisesTheVendorExample() throws IOException {
    wm.stubFor(post(urlEqualTo("/storage/overdrive")).willReturn(aResponse()
        .withStatus(202).withHeader("Content-Type", "application/json").withBody(seed("tracking-202.json"))));

    CreateOverdriveRequest body = new CreateOverdriveRequest().name("poverdrive01").region("EB")
        .sizing(OverdriveSizing.XS).serviceId(123L).password("Password!!??")
        .driveSiteUri("demo.mydrive.cegedim.cloud");
    retrofit.create(OverdriveApi.class).createOverdrive(body, null).execute();

    wm.verify(postRequestedFor(urlEqualTo("/storage/overdrive"))
        .withRequestBody(equalToJson("{\"name\": \"poverdrive01\", \"region\": \"EB\", \"sizing\": \"XS\","
            + " \"serviceId\": 123, \"password\": \"Password!!??\", \"driveSiteUri\": \"demo.mydrive.cegedim.cloud\"}")));
  }

  @Test
  void overdriveDeleteWithoutBodyReachesTheServer() throws IOException {
    wm.stubFor(delete(urlEqualTo("/storage/overdrive/123")).willReturn(aResponse()
        .withStatus(202).withHeader("Content-Type", "application/json").withBody(seed("tracking-202.json"))));

    Response<ActionTracking> response = retrofit.create(OverdriveApi.class).deleteOverdrive(123L, true).execute();

    assertThat(response.code()).isEqualTo(202);
    assertThat(response.body().getId()).isEqualTo(987654L);
    wm.verify(deleteRequestedFor(urlEqualTo("/storage/overdrive/123")).withHeader("ITCare-DryRun", equalTo("true")));
  }

  /**
   * Known trap, documented for the facade: the vendor allows a 202 with no body, and Retrofit's
   * Gson converter fails on an empty body instead of returning null.
   */
  @Test
  void emptyAcceptedBodyFailsInTheGsonConverter() {
    wm.stubFor(delete(urlEqualTo("/storage/overdrive/123")).willReturn(aResponse().withStatus(202)));

    assertThatThrownBy(() -> retrofit.create(OverdriveApi.class).deleteOverdrive(123L, null).execute())
        .isInstanceOf(EOFException.class);
  }

  /**
   * DELETE with a body. The stock retrofit2 template emits {@code @DELETE} plus {@code @Body},
   * which Retrofit rejects before sending anything; a template that honours the spec's
   * {@code x-delete-with-body} emits {@code @HTTP(method = "DELETE", hasBody = true)} instead.
   * This test asserts whichever the generated code is, so it shows when the trap is fixed.
   */
  @Test
  void deleteInstanceWithBody() throws Exception {
    Method method = InstancesApi.class.getMethod("deleteInstance", Long.class, Boolean.class, DeleteInstanceRequest.class);
    HTTP http = method.getAnnotation(HTTP.class);
    InstancesApi api = retrofit.create(InstancesApi.class);
    DeleteInstanceRequest body = new DeleteInstanceRequest().changeReference("RFC_123");

    if (http == null) {
      assertThat(method.isAnnotationPresent(DELETE.class)).isTrue();
      assertThatThrownBy(() -> api.deleteInstance(1204571L, null, body).execute())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Non-body HTTP method cannot contain @Body");
      wm.verify(0, anyRequestedFor(anyUrl()));
    } else {
      assertThat(http.method()).isEqualTo("DELETE");
      assertThat(http.hasBody()).isTrue();
      wm.stubFor(delete(urlEqualTo("/compute/instances/1204571")).willReturn(aResponse()
          .withStatus(202).withHeader("Content-Type", "application/json").withBody(seed("tracking-202.json"))));
      Response<ActionTracking> response = api.deleteInstance(1204571L, true, body).execute();
      assertThat(response.code()).isEqualTo(202);
      wm.verify(deleteRequestedFor(urlEqualTo("/compute/instances/1204571"))
          .withHeader("ITCare-DryRun", equalTo("true"))
          .withRequestBody(equalToJson("{\"changeReference\": \"RFC_123\"}")));
    }
  }

  @Test
  void instanceDetailStorageSnapshotsAndNetworks() throws IOException {
    wm.stubFor(get(urlEqualTo("/compute/instances/1204571")).willReturn(okJson(seed("instance.json"))));
    wm.stubFor(get(urlEqualTo("/compute/instances/1204571/storage")).willReturn(okJson(seed("instance-storage.json"))));
    wm.stubFor(get(urlEqualTo("/compute/instances/1204571/networks")).willReturn(okJson(seed("instance-networks.json"))));
    wm.stubFor(get(urlEqualTo("/compute/instances/1204571/snapshots")).willReturn(aResponse().withStatus(204)));
    InstancesApi api = retrofit.create(InstancesApi.class);

    Instance instance = api.getInstance(1204571L).execute().body();
    assertThat(instance.getName()).isEqualTo("pdebwebsrv01");
    assertThat(instance.getCreationTime()).isEqualTo(OffsetDateTime.of(2016, 6, 1, 12, 27, 19, 0, PLUS_TWO));

    InstanceStorage storage = api.getInstanceStorage(1204571L).execute().body();
    assertThat(storage.getTotalSizeDisks()).isEqualTo(120.0);
    assertThat(storage.getFileSystems()).extracting("mountingPoint").containsExactly("/", "/var/www");
    assertThat(storage.getFileSystems().get(1).getFree()).isEqualTo(60.3);

    List<InstanceNetwork> networks = api.listInstanceNetworks(1204571L).execute().body();
    assertThat(networks).singleElement().extracting(InstanceNetwork::getScope).isEqualTo("DMZ");

    Response<List<Snapshot>> snapshots = api.listInstanceSnapshots(1204571L).execute();
    assertThat(snapshots.code()).isEqualTo(204);
    assertThat(snapshots.body()).isNull();
  }

  @Test
  void resourcePageReadsMixedCategories() throws IOException {
    wm.stubFor(get(urlPathEqualTo("/compute/resources")).willReturn(okJson(seed("resources-page.json"))));

    ResourcePage page = retrofit.create(ResourcesApi.class).listResources(
        List.of("INSTANCE", "MANAGED_DATABASE"), null, null, List.of(40213L), null, null, null, null, 0, 2, null)
        .execute().body();

    assertThat(page.getContent()).extracting("category").containsExactly("INSTANCE", "MANAGED_DATABASE");
    assertThat(page.getContent().get(1).getPath()).isEqualTo("/databases/postgresql");
    assertThat(page.getContent().get(1).getCreationTime())
        .isEqualTo(OffsetDateTime.of(2023, 2, 7, 10, 44, 3, 0, PLUS_ONE));
    assertThat(page.getSort().getUnsorted()).isTrue();
    assertThat(page.getPageable()).isNull();
    wm.verify(getRequestedFor(urlPathEqualTo("/compute/resources"))
        .withQueryParam("categories", havingExactly("INSTANCE", "MANAGED_DATABASE"))
        .withQueryParam("services", havingExactly("40213")));
  }

  @Test
  void errorBodyParsesIntoTheErrorSchema() throws IOException {
    wm.stubFor(post(urlEqualTo("/compute/instances")).willReturn(aResponse()
        .withStatus(400).withHeader("Content-Type", "application/json").withBody(seed("error-400.json"))));

    Response<ActionTracking> response = retrofit.create(InstancesApi.class)
        .createInstance(new CreateInstanceRequest().name(""), null).execute();

    assertThat(response.code()).isEqualTo(400);
    ItCareError error = new JSON().getGson().fromJson(response.errorBody().string(), ItCareError.class);
    assertThat(error.getStatus()).isEqualTo("BAD_REQUEST");
    assertThat(error.getErrorCode()).isEqualTo("INVALID_FIELD_VALUE");
    assertThat(error.getErrorDesc()).isEqualTo("name");
    assertThat(error.getErrorMessage()).isEqualTo("Error on field 'name'");
  }

  @Test
  void snapshotIdsAreStringsAndASnapshotIsDeletedByItsId() throws IOException {
    wm.stubFor(get(urlEqualTo("/compute/instances/1204571/snapshots")).willReturn(okJson(
        "[{\"id\": \"1204571-snap-42\", \"label\": \"before-upgrade\", \"creationUser\": \"Jean Dupont\","
            + " \"creationTime\": \"2024-06-11T21:02:10.000+0200\", \"recoveryTime\": null,"
            + " \"changeReference\": \"RFC_123\", \"size\": 19.6}]")));
    // the vendor's reference renders the answer of asynchronous DELETEs as 200 OK
    wm.stubFor(delete(urlEqualTo("/compute/instances/1204571/snapshots/1204571-snap-42")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json").withBody(seed("tracking-202.json"))));
    InstancesApi api = retrofit.create(InstancesApi.class);

    Snapshot snapshot = api.listInstanceSnapshots(1204571L).execute().body().get(0);
    assertThat(snapshot.getId()).isEqualTo("1204571-snap-42");
    assertThat(snapshot.getLabel()).isEqualTo("before-upgrade");
    assertThat(snapshot.getChangeReference()).isEqualTo("RFC_123");
    assertThat(snapshot.getSize()).isEqualTo(19.6);
    assertThat(snapshot.getRecoveryTime()).isNull();

    Response<ActionTracking> deleted = api.deleteInstanceSnapshot(1204571L, snapshot.getId(), true).execute();
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.body().getId()).isEqualTo(987654L);
    wm.verify(deleteRequestedFor(urlEqualTo("/compute/instances/1204571/snapshots/1204571-snap-42"))
        .withHeader("ITCare-DryRun", equalTo("true")));
  }

  /** Lists answered with the vendor media type, dates with {@code Z} and {@code +00:00}. */
  @Test
  void vendorMediaTypeListsAndEveryOffsetShapeParse() throws IOException {
    String vendorType = "application/vnd.cegedim-it.v1+json";
    wm.stubFor(get(urlPathEqualTo("/analytics/matomo")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", vendorType)
        .withBody("{\"content\": [{\"id\": 5100, \"name\": \"pmatomo01\", \"internalResourceId\": 7305100,"
            + " \"creationTime\": \"2025-07-06T11:01:21.263Z\", \"backupStatus\": true,"
            + " \"actionsInProgress\": [{\"id\": 1, \"internalId\": 77, \"status\": \"IN_PROGRESS\","
            + " \"lastUpdatedAt\": \"2025-07-06T11:01:21.263Z\"}],"
            + " \"availableActions\": [{\"available\": false, \"operation\": \"stop\","
            + " \"unavailabilityCauses\": [\"ACTION_IN_PROGRESS\"]}],"
            + " \"backupPolicyDetails\": {\"policies\": [{\"policyId\": \"daily-7d\", \"durationInHours\": 2}]}}],"
            + " \"totalElements\": 1, \"totalPages\": 1, \"number\": 0, \"size\": 20, \"last\": true}")));
    wm.stubFor(get(urlPathEqualTo("/storage/glusterfs")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", vendorType)
        .withBody("{\"content\": [{\"id\": 4100, \"creationTime\": \"2022-11-02T09:32:02.000+00:00\"}],"
            + " \"totalElements\": 1, \"last\": true}")));

    Resource matomo = retrofit.create(MatomoApi.class).listMatomos(List.of("pmatomo01"), "12", 0, 20, null)
        .execute().body().getContent().get(0);
    assertThat(matomo.getCreationTime()).isEqualTo(OffsetDateTime.of(2025, 7, 6, 11, 1, 21, 263_000_000, ZoneOffset.UTC));
    assertThat(matomo.getActionsInProgress().get(0).getInternalId()).isEqualTo(77L);
    assertThat(matomo.getAvailableActions().get(0).getUnavailabilityCauses()).containsExactly("ACTION_IN_PROGRESS");
    assertThat(matomo.getBackupPolicyDetails().getPolicies().get(0).getPolicyId()).isEqualTo("daily-7d");
    wm.verify(getRequestedFor(urlPathEqualTo("/analytics/matomo")).withQueryParam("clouds", equalTo("12")));

    Resource gluster = retrofit.create(GlusterFsApi.class).listGlusterFs(null, null, null, null, null, null,
        null, null, null, null, null, 12L, List.of("Cluster"), null, List.of("10.%.62"), 0, 20, null)
        .execute().body().getContent().get(0);
    assertThat(gluster.getCreationTime()).isEqualTo(OffsetDateTime.of(2022, 11, 2, 9, 32, 2, 0, ZoneOffset.UTC));
    wm.verify(getRequestedFor(urlPathEqualTo("/storage/glusterfs"))
        .withQueryParam("topologies", equalTo("Cluster"))
        .withQueryParam("virtualIps", equalTo("10.%.62")));
  }

  @Test
  void databaseCreationsSendTheVendorFieldsWithTheirDeclaredTypes() throws IOException {
    wm.stubFor(post(urlPathMatching("/databases/.*")).willReturn(aResponse()
        .withStatus(202).withHeader("Content-Type", "application/json").withBody(seed("tracking-202.json"))));
    DatabasesApi api = retrofit.create(DatabasesApi.class);

    api.createPostgresql(new CreatePostgresqlRequest().productCode("deb12pg16").name("ppgsqlecom02")
        .nodeSizing("2cpu4gb").diskSize(40).admPassword("Adm1n!Passw0rd").serviceId(123L).networkId("132")
        .topology("STANDALONE").allowedReplicationLag(10), true).execute();
    wm.verify(postRequestedFor(urlEqualTo("/databases/postgresql"))
        .withHeader("ITCare-DryRun", equalTo("true"))
        .withRequestBody(equalToJson("{\"productCode\": \"deb12pg16\", \"name\": \"ppgsqlecom02\","
            + " \"nodeSizing\": \"2cpu4gb\", \"diskSize\": 40, \"admPassword\": \"Adm1n!Passw0rd\","
            + " \"serviceId\": 123, \"networkId\": \"132\", \"topology\": \"STANDALONE\","
            + " \"allowedReplicationLag\": 10}")));

    // OpenSearch's node count is a string in the vendor's schema and example
    api.createOpensearch(new CreateOpensearchRequest().name("popensearch01").instanceCount("3")
        .nodePrefix("OPESTC"), null).execute();
    wm.verify(postRequestedFor(urlEqualTo("/databases/opensearch"))
        .withRequestBody(equalToJson("{\"name\": \"popensearch01\", \"instanceCount\": \"3\","
            + " \"nodePrefix\": \"OPESTC\"}")));
  }

  @Test
  void restoreOptionsGoOutAsGiven() throws IOException {
    wm.stubFor(patch(urlEqualTo("/databases/postgresql/500061854")).willReturn(aResponse()
        .withStatus(202).withHeader("Content-Type", "application/json").withBody(seed("tracking-202.json"))));

    retrofit.create(DatabasesApi.class).patchPostgresql(500061854L, new PostgresqlOperationRequest()
        .operation(PostgresqlOperation.RESTORE)
        .putOptionsItem("sourceId", 1234)
        .putOptionsItem("stop", "BEFORE")
        .putOptionsItem("timestamp", "2022-11-02T09:32:02.000+00:00"), null).execute();

    wm.verify(patchRequestedFor(urlEqualTo("/databases/postgresql/500061854"))
        .withRequestBody(equalToJson("{\"operation\": \"restore\", \"options\": {\"sourceId\": 1234,"
            + " \"stop\": \"BEFORE\", \"timestamp\": \"2022-11-02T09:32:02.000+00:00\"}}")));
  }

  @Test
  void unknownActionStatusDoesNotBreakParsing() {
    Action action = new JSON().getGson().fromJson("{\"id\": 1, \"status\": \"CANCELLED\"}", Action.class);
    assertThat(action.getStatus()).isEqualTo(ActionStatus.fromValue("CANCELLED"));
    assertThat(action.getStatus().isKnown()).isFalse();
    assertThat(new JSON().getGson().toJson(action)).contains("\"status\":\"CANCELLED\"");
    assertThat(action.getId()).isEqualTo(1L);
  }
}
