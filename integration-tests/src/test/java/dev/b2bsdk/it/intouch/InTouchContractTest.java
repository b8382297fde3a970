package dev.b2bsdk.it.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.generated.intouch.invoker.JSON;
import dev.b2bsdk.generated.intouch.model.Party;
import dev.b2bsdk.generated.intouch.model.PartyInput;
import dev.b2bsdk.intouch.InTouchClient;
import dev.b2bsdk.it.contract.ContractClients;
import dev.b2bsdk.it.contract.ContractStubs;
import dev.b2bsdk.it.contract.ContractSuite;
import dev.b2bsdk.it.contract.FacadeClientTarget;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Contract tests of InTouch: every operation of {@code specs/intouch.yaml} called through its
 * typed method on an {@link InTouchClient} (HTTP Basic) against WireMock under {@code /api}, requests and stubbed
 * responses validated against the spec (see {@link ContractSuite}).
 */
class InTouchContractTest {
  private static final String BASE = "/api";
  private static ContractSuite suite;

  @BeforeAll
  static void start() {
    suite = ContractSuite.builder("intouch")
        .typed(InTouchClient.class)
        .gson(JSON.createGson().create())
        .surface("intouch", BASE, op -> true, InTouchContractTest::client)
        // besides the typed method: the create helper that reads the id from Location
        .facadeCase("intouch", "createParty", "createParty(input) reads the Location id", call -> {
          PartyInput input = JSON.createGson().create().fromJson(
              call.contractCase().requestBody().toString(), PartyInput.class);
          Party created = call.client(InTouchClient.class).createParty(input);
          assertThat(created.getId()).as("party id").isNotNull();
          return null;
        })
        .build();
  }

  private static FacadeClientTarget<InTouchClient> client(ContractStubs stubs) {
    InTouchClient client = ContractClients.testDefaults(InTouchClient.builder())
        .baseUrl(stubs.rootUrl() + BASE)
        .username(ContractClients.CLIENT_ID)
        .password(ContractClients.SECRET)
        .build();
    return new FacadeClientTarget<>(client, client::executeForResponse, s -> { });
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
