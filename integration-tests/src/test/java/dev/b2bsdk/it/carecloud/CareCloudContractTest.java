package dev.b2bsdk.it.carecloud;

import dev.b2bsdk.carecloud.CareCloudCustomerClient;
import dev.b2bsdk.carecloud.CareCloudEnterpriseClient;
import dev.b2bsdk.carecloud.Device;
import dev.b2bsdk.carecloud.DeviceSetup;
import dev.b2bsdk.carecloud.DeviceTokenStore;
import dev.b2bsdk.carecloud.LoginType;
import dev.b2bsdk.generated.carecloud.invoker.JSON;
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
 * Contract tests of CareCloud, run for each interface on its own base path: the operations of
 * {@code specs/carecloud.yaml} marked {@code x-interfaces: [enterprise]} through their typed
 * methods on a {@link CareCloudEnterpriseClient}, those marked {@code customer} through a
 * {@link CareCloudCustomerClient}; besides, the logins, logouts and device token the clients
 * request by themselves and the customer client's helpers. Requests and stubbed responses are
 * validated against the spec (see {@link ContractSuite}).
 */
class CareCloudContractTest {
  private static final String PROJECT = "/webservice/rest-api";
  private static final String ENTERPRISE = PROJECT + "/enterprise-interface/v1.0";
  private static final String CUSTOMER = PROJECT + "/customer-interface/v1.0";
  private static ContractSuite suite;

  @BeforeAll
  static void start() {
    suite = ContractSuite.builder("carecloud")
        .typed(CareCloudEnterpriseClient.class)
        .envelope("data")
        .gson(JSON.createGson().create())
        .surface("enterprise-interface", ENTERPRISE, op -> op.interfaces().contains("enterprise"),
            CareCloudContractTest::enterprise)
        .surface("customer-interface", CUSTOMER, op -> op.interfaces().contains("customer"),
            CareCloudContractTest::customer)
        // client-managed (no typed method): the enterprise token source logs in before the
        // first call and logs out when the client is closed
        .tokenSource("postUserLogin", call -> {
          call.withFreshClient("getCountries");
          return null;
        })
        .tokenSource("postUserLogout", call -> {
          call.withFreshClient("getCountries");
          return null;
        })
        // besides the typed methods: the device token a fresh customer client creates
        .facadeCase("customer-interface", "postToken", "client device token", call -> {
          call.withFreshClient("getCountries");
          return null;
        })
        // the customer client's helpers fill in the device token and build the bodies
        .facadeCase("customer-interface", "putToken", "updateDevice", call -> {
          call.client(CareCloudCustomerClient.class)
              .updateDevice(DeviceSetup.of("en", false, true), "push-token-1");
          return null;
        })
        .facadeCase("customer-interface", "postTokenLogin", "loginCustomer helper", call -> {
          call.client(CareCloudCustomerClient.class)
              .loginCustomer(LoginType.EMAIL, "[email protected]", ContractClients.SECRET);
          return null;
        })
        .facadeCase("customer-interface", "postTokenLogout", "logoutCustomer helper", call -> {
          call.client(CareCloudCustomerClient.class).logoutCustomer();
          return null;
        })
        .build();
  }

  private static FacadeClientTarget<CareCloudEnterpriseClient> enterprise(ContractStubs stubs) {
    CareCloudEnterpriseClient client =
        ContractClients.testDefaults(CareCloudEnterpriseClient.builder())
            .baseUrl(stubs.rootUrl() + PROJECT)
            .externalApplicationId("82de12eb8b138791e678fd11c3")
            .login(ContractClients.CLIENT_ID)
            .password(ContractClients.SECRET)
            .build();
    return new FacadeClientTarget<>(client, client::executeForResponse, s -> {
      s.stubOperation("postUserLogin", ENTERPRISE);
      s.stubOperation("postUserLogout", ENTERPRISE);
    });
  }

  private static FacadeClientTarget<CareCloudCustomerClient> customer(ContractStubs stubs) {
    CareCloudCustomerClient client =
        ContractClients.testDefaults(CareCloudCustomerClient.builder())
            .baseUrl(stubs.rootUrl() + PROJECT)
            .externalApplicationId("82de12eb8b138791e678fd11c3")
            .device(Device.builder().id("contract-device-1").system("Android 14")
                .name("Pixel 8").type("phone").build())
            .setup(DeviceSetup.of("en", false, true))
            // a store of its own: each fresh client must create its device token
            .tokenStore(DeviceTokenStore.inMemory())
            .build();
    return new FacadeClientTarget<>(client, client::executeForResponse, s -> {
      s.stubOperation("postToken", CUSTOMER);
      s.stubOperation("postTokenLogout", CUSTOMER);
    });
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
