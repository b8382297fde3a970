package dev.b2bsdk.carecloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.b2bsdk.carecloud.CareCloudMock.APP_ID;
import static dev.b2bsdk.carecloud.CareCloudMock.CUSTOMER;
import static dev.b2bsdk.carecloud.CareCloudMock.DEVICE;
import static dev.b2bsdk.carecloud.CareCloudMock.TOKENS;
import static dev.b2bsdk.carecloud.CareCloudMock.error;
import static dev.b2bsdk.carecloud.CareCloudMock.tokenCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.core.error.AuthenticationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device token and the customer login end to end; the WireMock journal is the evidence. */
class CustomerTokenTest {

  private static final String STORE = CUSTOMER + "stores/s1";

  private CareCloudMock mock;
  private DeviceTokenStore store;

  @BeforeEach
  void start() {
    mock = new CareCloudMock();
    store = DeviceTokenStore.inMemory();
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  private static void getStore(CareCloudCustomerClient client) {
    assertThat(client.stores().get("s1").getStoreId())
        .isEqualTo("s1");
  }

  private List<String> storeTokens() {
    List<String> tokens = new ArrayList<>();
    for (LoggedRequest r : mock.gets(STORE)) {
      tokens.add(r.getHeader("Authorization"));
    }
    return tokens;
  }

  @Test
  void createsOneTokenSendsTheDeviceAndSavesIt() {
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(tokenCreated("dev-1")));
    mock.stubStore(CUSTOMER);
    try (CareCloudCustomerClient client = mock.customer(store).pushToken("push-9").build()) {
      getStore(client);
      getStore(client);
    }
    List<LoggedRequest> creations = mock.posts(TOKENS);
    assertThat(creations).hasSize(1);
    assertThat(creations.get(0).getBodyAsString()).isEqualToIgnoringWhitespace("{"
        + "\"device\":{\"device_id\":\"install-42\",\"device_system\":\"Android 14\","
        + "\"device_name\":\"Pixel 8\",\"device_type\":\"phone\"},"
        + "\"setup\":{\"language_id\":\"en\",\"allowed_gps\":false,\"allowed_notifications\":true},"
        + "\"external_application_id\":\"" + APP_ID + "\",\"push_token\":\"push-9\"}");
    assertThat(creations.get(0).getHeader("Authorization")).isNull();
    assertThat(storeTokens()).containsExactly("Bearer dev-1", "Bearer dev-1");
    assertThat(store.load(APP_ID, DEVICE.id())).contains("dev-1");
  }

  @Test
  void aSecondClientWithTheSameStoreReusesTheTokenWithoutPostTokens() {
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(tokenCreated("dev-1")));
    mock.stubStore(CUSTOMER);
    try (CareCloudCustomerClient first = mock.customer(store).build()) {
      getStore(first);
    }
    assertThat(mock.posts(TOKENS)).hasSize(1);
    mock.wm.resetRequests();

    try (CareCloudCustomerClient second = mock.customer(store).build()) {
      getStore(second);
    }
    assertThat(mock.posts(TOKENS)).isEmpty();
    assertThat(storeTokens()).containsExactly("Bearer dev-1");
  }

  @Test
  void aTokenSavedByAnEarlierRunIsUsedAsIs() {
    store.save(APP_ID, DEVICE.id(), "saved-7");
    mock.stubStore(CUSTOMER);
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      getStore(client);
    }
    assertThat(mock.posts(TOKENS)).isEmpty();
    assertThat(storeTokens()).containsExactly("Bearer saved-7");
  }

  @Test
  void concurrentFirstCallsCreateExactlyOneToken() throws Exception {
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS))
        .willReturn(tokenCreated("dev-1").withFixedDelay(200)));
    mock.stubStore(CUSTOMER);
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 256; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return client.stores().get("s1").getStoreId();
        }));
      }
      go.countDown();
      for (Future<String> r : results) {
        assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo("s1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(mock.posts(TOKENS)).hasSize(1);
    assertThat(storeTokens()).hasSize(256).containsOnly("Bearer dev-1");
  }

  @Test
  void a401OnTheStoredTokenCreatesOneNewTokenSavesItAndRetriesOnce() {
    store.save(APP_ID, DEVICE.id(), "old-1");
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(tokenCreated("new-2")));
    mock.wm.stubFor(get(urlPathEqualTo(STORE)).withHeader("Authorization", equalTo("Bearer old-1"))
        .willReturn(error(401, "unauthorized_exception", "Token is not valid")));
    mock.wm.stubFor(get(urlPathEqualTo(STORE)).withHeader("Authorization", equalTo("Bearer new-2"))
        .willReturn(CareCloudMock.store("s1")));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      getStore(client);
      getStore(client);
    }
    assertThat(mock.posts(TOKENS)).hasSize(1);
    assertThat(storeTokens()).containsExactly("Bearer old-1", "Bearer new-2", "Bearer new-2");
    assertThat(store.load(APP_ID, DEVICE.id())).contains("new-2");
  }

  @Test
  void aPersistent401FailsTypedAfterExactlyTwoAttempts() {
    store.save(APP_ID, DEVICE.id(), "old-1");
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(tokenCreated("new-2")));
    mock.wm.stubFor(get(urlPathEqualTo(STORE))
        .willReturn(error(401, "unauthorized_exception", "Token is not valid")));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      AuthenticationException e = catchThrowableOfType(() -> getStore(client),
          AuthenticationException.class);
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.getMessage()).contains("CareCloud getStore").contains("Token is not valid");
    }
    assertThat(storeTokens()).containsExactly("Bearer old-1", "Bearer new-2");
    assertThat(mock.posts(TOKENS)).hasSize(1);
  }

  @Test
  void anotherInstanceRenewedTheTokenSoA401UsesTheStoredOneWithoutCreating() {
    store.save(APP_ID, DEVICE.id(), "old-1");
    mock.wm.stubFor(get(urlPathEqualTo(STORE)).withHeader("Authorization", equalTo("Bearer old-1"))
        .willReturn(error(401, "unauthorized_exception", "Token is not valid")));
    mock.wm.stubFor(get(urlPathEqualTo(STORE)).withHeader("Authorization", equalTo("Bearer new-2"))
        .willReturn(CareCloudMock.store("s1")));
    mock.wm.stubFor(get(urlPathEqualTo(CUSTOMER + "stores/s0"))
        .willReturn(CareCloudMock.store("s0")));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      client.stores().get("s0"); // loads old-1
      store.save(APP_ID, DEVICE.id(), "new-2"); // another instance replaced it meanwhile
      getStore(client);
    }
    assertThat(mock.posts(TOKENS)).isEmpty();
    assertThat(storeTokens()).containsExactly("Bearer old-1", "Bearer new-2");
  }

  @Test
  void aRefusedTokenCreationFailsTypedWithoutALoop() {
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS))
        .willReturn(error(403, "external_application_not_found", "Unknown application")));
    mock.stubStore(CUSTOMER);
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      AuthenticationException e = catchThrowableOfType(() -> getStore(client),
          AuthenticationException.class);
      assertThat(e.getMessage()).startsWith("CareCloud").contains("Unknown application");
    }
    assertThat(mock.posts(TOKENS)).hasSize(1);
    assertThat(mock.gets(STORE)).isEmpty();
    assertThat(store.load(APP_ID, DEVICE.id())).isEmpty();
  }

  @Test
  void loginCustomerBindsTheTokenAndCloseLogsOutOnceKeepingTheToken() {
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(tokenCreated("dev-1")));
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS + "/dev-1/actions/login"))
        .withHeader("Authorization", equalTo("Bearer dev-1"))
        .withRequestBody(equalToJson("{\"login_type\":\"email\","
            + "\"login_value\":\"john@example.com\",\"password\":\"cust-Pa55\"}"))
        .willReturn(CareCloudMock.okJsonData("customer_id", "8ea6abece4cd0a4ded0a29f093")));
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS + "/dev-1/actions/logout"))
        .willReturn(aResponse().withStatus(204)));
    CareCloudCustomerClient client = mock.customer(store).build();
    assertThat(client.customerId()).isEmpty();
    assertThat(client.loginCustomer(LoginType.EMAIL, "john@example.com", "cust-Pa55"))
        .isEqualTo("8ea6abece4cd0a4ded0a29f093");
    assertThat(client.customerId()).contains("8ea6abece4cd0a4ded0a29f093");
    client.close();
    client.close();
    List<LoggedRequest> logouts = mock.posts(TOKENS + "/dev-1/actions/logout");
    assertThat(logouts).hasSize(1);
    assertThat(logouts.get(0).getHeader("Authorization")).isEqualTo("Bearer dev-1");
    assertThat(store.load(APP_ID, DEVICE.id())).contains("dev-1");
    assertThat(mock.posts(TOKENS)).hasSize(1);
  }

  @Test
  void logoutCustomerEndsTheLoginSoCloseSendsNoSecondLogout() {
    store.save(APP_ID, DEVICE.id(), "dev-1");
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS + "/dev-1/actions/login"))
        .willReturn(CareCloudMock.okJsonData("customer_id", "c-1")));
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS + "/dev-1/actions/logout"))
        .willReturn(aResponse().withStatus(204)));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      client.loginCustomer(LoginType.CARD, "1000000000016", "pin");
      client.logoutCustomer();
      assertThat(client.customerId()).isEmpty();
    }
    assertThat(mock.posts(TOKENS + "/dev-1/actions/logout")).hasSize(1);
  }

  @Test
  void closeWithoutCustomerLoginSendsNoLogout() {
    store.save(APP_ID, DEVICE.id(), "dev-1");
    mock.stubStore(CUSTOMER);
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      getStore(client);
    }
    assertThat(mock.wm.findAll(com.github.tomakehurst.wiremock.client.WireMock
        .postRequestedFor(urlPathMatching(".*/logout")))).isEmpty();
  }

  /** The replay after a 401 names the new token in the path as well as in the header. */
  @Test
  void a401OnATokenPathOperationReplaysWithTheNewTokenInThePath() {
    store.save(APP_ID, DEVICE.id(), "old-1");
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(tokenCreated("new-2")));
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS + "/old-1/actions/login"))
        .willReturn(error(401, "unauthorized_exception", "Token is not valid")));
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS + "/new-2/actions/login"))
        .withHeader("Authorization", equalTo("Bearer new-2"))
        .willReturn(CareCloudMock.okJsonData("customer_id", "c-1")));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      assertThat(client.loginCustomer(LoginType.PHONE, "420123456789", "pw")).isEqualTo("c-1");
    }
    assertThat(mock.posts(TOKENS + "/old-1/actions/login")).hasSize(1);
    assertThat(mock.posts(TOKENS + "/new-2/actions/login")).hasSize(1);
    assertThat(mock.posts(TOKENS)).hasSize(1);
    // close logged out the token the customer is bound to now
    assertThat(mock.posts(TOKENS + "/new-2/actions/logout")).hasSize(1);
    assertThat(mock.posts(TOKENS + "/old-1/actions/logout")).isEmpty();
  }

  @Test
  void updateDeviceSendsSetupAndPushTokenToTheOwnToken() {
    store.save(APP_ID, DEVICE.id(), "dev-1");
    mock.wm.stubFor(put(urlPathEqualTo(TOKENS + "/dev-1")).willReturn(aResponse().withStatus(204)));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      client.updateDevice(DeviceSetup.of("cs", true, false), "push-new");
    }
    assertThat(mock.wm.findAll(com.github.tomakehurst.wiremock.client.WireMock
        .putRequestedFor(urlPathEqualTo(TOKENS + "/dev-1"))).get(0).getBodyAsString())
        .isEqualToIgnoringWhitespace("{\"setup\":{\"language_id\":\"cs\",\"allowed_gps\":true,"
            + "\"allowed_notifications\":false},\"push_token\":\"push-new\"}");
  }

  @Test
  void aFailingStoreIsBypassedNotFatal() {
    AtomicInteger saves = new AtomicInteger();
    DeviceTokenStore broken = new DeviceTokenStore() {
      @Override
      public Optional<String> load(String app, String device) {
        throw new IllegalStateException("keychain locked");
      }

      @Override
      public void save(String app, String device, String token) {
        saves.incrementAndGet();
        throw new IllegalStateException("keychain locked");
      }

      @Override
      public void clear(String app, String device) {
      }
    };
    mock.wm.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(tokenCreated("dev-1")));
    mock.stubStore(CUSTOMER);
    try (CareCloudCustomerClient client = mock.customer(broken).build()) {
      getStore(client);
      getStore(client);
    }
    assertThat(saves).hasValue(1);
    assertThat(storeTokens()).containsExactly("Bearer dev-1", "Bearer dev-1");
  }
}
