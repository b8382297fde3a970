package dev.b2bsdk.it.itcare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.generated.itcare.invoker.JSON;
import dev.b2bsdk.generated.itcare.model.CreatePostgresqlRequest;
import dev.b2bsdk.it.contract.ContractCall;
import dev.b2bsdk.it.contract.ContractClients;
import dev.b2bsdk.it.contract.ContractStubs;
import dev.b2bsdk.it.contract.ContractSuite;
import dev.b2bsdk.it.contract.FacadeClientTarget;
import dev.b2bsdk.it.contract.MutableClock;
import dev.b2bsdk.itcare.InstanceQuery;
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
 * Contract tests of ITCare: every operation of {@code specs/itcare.yaml} called through an
 * {@link ItCareClient} against WireMock, the client's requests (its own token requests included)
 * and the stubbed responses validated against the spec (see {@link ContractSuite}).
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
        .generatedPackage("dev.b2bsdk.generated.itcare.api")
        .gson(JSON.createGson().create())
        .surface("itcare", BASE, op -> true, ItCareContractTest::client)
        .route("/auth/", "/")
        .operationBasePath("getToken", "/")
        .override("getToken", ItCareContractTest::token)
        // requests the facade builds itself: page parameters, begin… bodies and headers
        .facadeCase("itcare", "listInstances", "listInstances(query).firstPage()", call -> {
          call.client(ItCareClient.class).listInstances(InstanceQuery.builder()
              .environments("PRODUCTION").statuses("ACTIVE").build()).firstPage();
          return null;
        })
        .facadeCase("itcare", "listResources", "listResources().firstPage()", call -> {
          call.client(ItCareClient.class).listResources().firstPage();
          return null;
        })
        .facadeCase("itcare", "listServices", "listServices().firstPage()", call -> {
          call.client(ItCareClient.class).listServices().firstPage();
          return null;
        })
        .facadeCase("itcare", "listActions", "listActions()", call -> {
          call.client(ItCareClient.class).listActions();
          return null;
        })
        .facadeCase("itcare", "patchInstance", "beginStopInstance", call -> {
          call.client(ItCareClient.class).beginStopInstance(1204571L);
          return null;
        })
        .facadeCase("itcare", "patchInstance", "dry run beginRebootInstance", call -> {
          call.client(ItCareClient.class).withOptions(ItCareClient.DRY_RUN)
              .beginRebootInstance(1204571L);
          return null;
        })
        .facadeCase("itcare", "deleteInstance", "beginDeleteInstance with change reference",
            call -> {
              call.client(ItCareClient.class).beginDeleteInstance(1204571L, "CHG0012345");
              return null;
            })
        .facadeCase("itcare", "patchOverdrive", "beginStartOverdrive", call -> {
          call.client(ItCareClient.class).beginStartOverdrive(77L);
          return null;
        })
        .facadeCase("itcare", "deleteOverdrive", "beginDeleteOverdrive", call -> {
          call.client(ItCareClient.class).beginDeleteOverdrive(77L);
          return null;
        })
        .facadeCase("itcare", "listMatomos", "listMatomos().firstPage() in the vendor media type",
            call -> {
              call.client(ItCareClient.class).listMatomos().firstPage();
              return null;
            })
        .facadeCase("itcare", "createPostgresql", "dry run beginCreatePostgresql", call -> {
          CreatePostgresqlRequest request = JSON.createGson().create().fromJson(
              call.contractCase().requestBody().toString(), CreatePostgresqlRequest.class);
          call.client(ItCareClient.class).withOptions(ItCareClient.DRY_RUN)
              .beginCreatePostgresql(request);
          return null;
        })
        .facadeCase("itcare", "deleteInstanceSnapshot", "beginDeleteInstanceSnapshot", call -> {
          call.client(ItCareClient.class).beginDeleteInstanceSnapshot(1204571L, "1204571-snap-42");
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
