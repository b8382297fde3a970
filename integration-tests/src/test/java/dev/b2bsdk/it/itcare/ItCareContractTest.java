package dev.b2bsdk.it.itcare;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.b2bsdk.core.paging.Sort;
import dev.b2bsdk.core.polling.AsyncOperation;
import dev.b2bsdk.generated.itcare.invoker.JSON;
import dev.b2bsdk.generated.itcare.model.CreatePostgresqlRequest;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.DeleteInstanceRequest;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.it.contract.ContractCall;
import dev.b2bsdk.it.contract.ContractClients;
import dev.b2bsdk.it.contract.ContractStubs;
import dev.b2bsdk.it.contract.ContractSuite;
import dev.b2bsdk.it.contract.FacadeClientTarget;
import dev.b2bsdk.it.contract.MutableClock;
import dev.b2bsdk.itcare.InstancesOperations;
import dev.b2bsdk.itcare.ItCareClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import retrofit2.Response;

/**
 * Contract tests of ITCare: every operation of {@code specs/itcare.yaml} called through its typed
 * method on an {@link ItCareClient} against WireMock (the client-managed token endpoint through
 * the client's token source), the client's requests (its own token requests included) and the
 * stubbed responses validated against the spec (see {@link ContractSuite}).
 *
 * <p>The API is served under {@code /itcare} and the token endpoint at the mock's root, as
 * Keycloak serves it on its own host.
 */
class ItCareContractTest {
  private static final String BASE = "/itcare";
  private static final String TOKEN_PATH = "/auth/realms/cloud/protocol/openid-connect/token";
  private static ContractSuite suite;

  @BeforeAll
  static void start() {
    suite = ContractSuite.builder("itcare")
        .typed(ItCareClient.class)
        .gson(JSON.createGson().create())
        .surface("itcare", BASE, op -> true, ItCareContractTest::client)
        .route("/auth/", "/")
        .operationBasePath("getToken", "/")
        // client-managed: no typed method, the token source requests it before every call
        .tokenSource("getToken", ItCareContractTest::token)
        // the typed calls with other arguments: filters and sort on every page, dry runs
        .facadeCase("itcare", "listInstances", "instances().list(filters, sort).firstPage()",
            call -> {
              call.client(ItCareClient.class).instances().list(
                  InstancesOperations.ListParams.builder().environments(List.of("PRODUCTION"))
                      .statuses(List.of("ACTIVE")).sort(Sort.asc("name")).build())
                  .firstPage();
              assertSent(call, "listInstances", "environments=PRODUCTION", "statuses=ACTIVE",
                  "sort=name%2Casc", "page=0", "size=100");
              return null;
            })
        .facadeCase("itcare", "patchInstance", "dry run instances().beginPatch(stop)", call -> {
          AsyncOperation<Action> op = call.client(ItCareClient.class)
              .withOptions(ItCareClient.DRY_RUN).instances()
              .beginPatch(1204571L, new InstanceOperationRequest().operation(InstanceOperation.STOP));
          assertThat(op.dryRun()).as("dry run").isTrue();
          if (call.contractCase().responseHeaders().containsKey("ITCare-DryRun")) {
            assertThat(op.dryRunEchoed()).as("ITCare-DryRun echoed").isTrue();
          }
          assertThat(header(call, "patchInstance", "ITCare-DryRun")).isEqualTo("true");
          return null;
        })
        .facadeCase("itcare", "deleteInstance", "instances().beginDelete with change reference",
            call -> {
              call.client(ItCareClient.class).instances().beginDelete(1204571L,
                  new DeleteInstanceRequest().changeReference("CHG0012345"));
              assertThat(call.stubs().wireMock().getAllServeEvents().get(0).getRequest()
                  .getBodyAsString()).contains("CHG0012345");
              return null;
            })
        .facadeCase("itcare", "deleteOverdrive", "dry run overdrive().beginDelete", call -> {
          call.client(ItCareClient.class).withOptions(ItCareClient.DRY_RUN).overdrive()
              .beginDelete(77L);
          assertThat(header(call, "deleteOverdrive", "ITCare-DryRun")).isEqualTo("true");
          return null;
        })
        .facadeCase("itcare", "listMatomos", "matomo().list().firstPage() in the vendor media type",
            call -> {
              call.client(ItCareClient.class).matomo().list().firstPage();
              return null;
            })
        .facadeCase("itcare", "createPostgresql", "dry run beginCreatePostgresql", call -> {
          CreatePostgresqlRequest request = JSON.createGson().create().fromJson(
              call.contractCase().requestBody().toString(), CreatePostgresqlRequest.class);
          call.client(ItCareClient.class).withOptions(ItCareClient.DRY_RUN)
              .databases().beginCreatePostgresql(request);
          return null;
        })
        .facadeCase("itcare", "deleteInstanceSnapshot", "beginDeleteInstanceSnapshot", call -> {
          call.client(ItCareClient.class).instances().beginDeleteSnapshot(1204571L, "1204571-snap-42");
          return null;
        })
        .build();
  }

  /**
   * The client requests its tokens by itself: a fresh client must authenticate first; for the
   * spec's refresh example, its token must also expire (on a clock of the test's), so that the
   * client renews it with the refresh token.
   */
  private static Response<?> token(ContractCall call) throws Exception {
    String grant = call.contractCase().requestBody().path("grant_type").asText();
    if (!"refresh_token".equals(grant)) {
      call.withFreshClient("getService");
      return null;
    }
    MutableClock clock = new MutableClock(Instant.parse("2024-03-12T09:00:00Z"));
    try (FacadeClientTarget<ItCareClient> fresh = client(call.stubs(), clock)) {
      call.callThrough(fresh, "getService");
      clock.advance(Duration.ofMinutes(21)); // past the 20-minute token, within the 2-hour refresh token
      call.callThrough(fresh, "getService");
    }
    List<String> grants = call.stubs().wireMock().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals(TOKEN_PATH))
        .map(e -> e.getRequest().getBodyAsString())
        .toList();
    assertThat(grants).as("token requests").hasSize(2);
    assertThat(grants).anySatisfy(body -> assertThat(body).contains("grant_type=client_credentials"));
    assertThat(grants).anySatisfy(body -> assertThat(body).contains("grant_type=refresh_token"));
    return null;
  }

  /** The request of {@code operationId} carried each {@code name=value} (as encoded). */
  private static void assertSent(ContractCall call, String operationId, String... query) {
    String url = request(call, operationId).getRequest().getUrl();
    for (String q : query) {
      assertThat(url).as("request of %s", operationId).contains(q);
    }
  }

  private static String header(ContractCall call, String operationId, String name) {
    return request(call, operationId).getRequest().getHeader(name);
  }

  private static ServeEvent request(ContractCall call, String operationId) {
    String path = call.contractCase().operation().path().replaceAll("\\{[^}]+}", "[^/]+");
    return call.stubs().wireMock().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().split("\\?")[0].matches(".*" + path))
        .findFirst().orElseThrow(() -> new AssertionError("no request of " + operationId));
  }

  private static FacadeClientTarget<ItCareClient> client(ContractStubs stubs) {
    return client(stubs, Clock.systemUTC());
  }

  private static FacadeClientTarget<ItCareClient> client(ContractStubs stubs, Clock clock) {
    ItCareClient client = ContractClients.testDefaults(ItCareClient.builder())
        .clock(clock)
        .baseUrl(stubs.rootUrl() + BASE)
        .tokenUrl(stubs.rootUrl() + TOKEN_PATH)
        .clientId(ContractClients.CLIENT_ID)
        .clientSecret(ContractClients.SECRET)
        .build();
    return new FacadeClientTarget<>(client, client::executeForResponse,
        s -> s.stubOperation("getToken", "/"));
  }

  @AfterAll
  static void stop() {
    if (suite != null) {
      suite.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> everyOperationMatchesTheSpec() {
    return suite.dynamicTests();
  }

  @Test
  void everyOperationHasAContractTest() {
    suite.assertCoverage();
  }
}
