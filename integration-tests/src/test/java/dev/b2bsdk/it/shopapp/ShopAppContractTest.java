package dev.b2bsdk.it.shopapp;

import dev.b2bsdk.generated.shopapp.invoker.JSON;
import dev.b2bsdk.it.contract.ContractClients;
import dev.b2bsdk.it.contract.ContractStubs;
import dev.b2bsdk.it.contract.ContractSuite;
import dev.b2bsdk.it.contract.FacadeClientTarget;
import dev.b2bsdk.shopapp.ShopApplicationClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Contract tests of the Shop Application API: every operation of {@code specs/shopapp.yaml}
 * called through its typed method on a {@link ShopApplicationClient} against WireMock (and the
 * token request the client makes by itself), the client's requests (its
 * own {@code GET /token} included) and the stubbed responses validated against the spec (see
 * {@link ContractSuite}).
 */
class ShopAppContractTest {
  private static ContractSuite suite;

  @BeforeAll
  static void start() {
    suite = ContractSuite.builder("shopapp")
        .typed(ShopApplicationClient.class)
        .gson(JSON.createGson().create())
        .surface("shopapp", "/", op -> true, ShopAppContractTest::client)
        // client-managed: no typed method, the token source requests it before every call
        .tokenSource("getToken", call -> {
          call.withFreshClient("listPrestations");
          return null;
        })
        .build();
  }

  private static FacadeClientTarget<ShopApplicationClient> client(ContractStubs stubs) {
    ShopApplicationClient client = ContractClients.testDefaults(ShopApplicationClient.builder())
        .baseUrl(stubs.rootUrl())
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
