package dev.b2bsdk.carecloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.b2bsdk.carecloud.CareCloudMock.APP_ID;
import static dev.b2bsdk.carecloud.CareCloudMock.CUSTOMER;
import static dev.b2bsdk.carecloud.CareCloudMock.DEVICE;
import static dev.b2bsdk.carecloud.CareCloudMock.ENTERPRISE;
import static dev.b2bsdk.carecloud.CareCloudMock.LOGIN;
import static dev.b2bsdk.carecloud.CareCloudMock.error;
import static dev.b2bsdk.carecloud.CareCloudMock.loginOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.b2bsdk.core.client.ApiResponse;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.error.ValidationException;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.carecloud.model.PostCardRequest;
import dev.b2bsdk.generated.carecloud.model.PutCardRequest;
import dev.b2bsdk.generated.carecloud.model.PostCustomerResponseData;
import dev.b2bsdk.generated.carecloud.model.PostCustomerRequest;
import dev.b2bsdk.generated.carecloud.model.Store;
import dev.b2bsdk.generated.carecloud.model.PostTokenRequest;
import dev.b2bsdk.generated.carecloud.model.PutVoucherRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Errors, retries, headers and project time through the clients. */
class CareCloudClientTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  private CareCloudMock mock;

  @BeforeEach
  void start() {
    mock = new CareCloudMock();
    mock.stubLogins(loginOk("tok-A", mock.clock.instant().plus(Duration.ofHours(7)), PRAGUE));
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  @Test
  void a400CarriesTheInvalidParamsAsFieldProblems() {
    mock.wm.stubFor(post(urlPathEqualTo(ENTERPRISE + "customers")).willReturn(aResponse()
        .withStatus(400).withHeader("Content-Type", "application/json").withBody(
            "{\"error\":{\"exception\":\"invalid_parameters_exception\",\"title\":\"Bad\","
                + "\"detail\":\"Invalid parameters\",\"error_data\":{\"invalid_params\":[{"
                + "\"name\":\"email\",\"reason\":\"already_exists\",\"value\":\"a@b.cz\","
                + "\"message\":\"E-mail already exists\"}]}}}")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      ValidationException e = catchThrowableOfType(() -> client.customers()
          .create(new PostCustomerRequest().autologin(false)), ValidationException.class);
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errorCode()).isEqualTo("invalid_parameters_exception");
      assertThat(e.serviceMessage()).isEqualTo("Invalid parameters");
      assertThat(e.problems()).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("email");
        assertThat(p.code()).isEqualTo("already_exists");
        assertThat(p.message()).isEqualTo("E-mail already exists");
      });
      assertThat(e.getMessage())
          .isEqualTo("CareCloud postCustomer → 400 invalid_parameters_exception: Invalid parameters");
    }
  }

  @Test
  void interfaceNotAllowedIsItsOwnAuthenticationSubtypeSyncAndAsync() throws Exception {
    DeviceTokenStore store = DeviceTokenStore.inMemory();
    store.save(APP_ID, DEVICE.id(), "dev-1");
    mock.wm.stubFor(put(urlPathEqualTo(CUSTOMER + "cards/k1")).willReturn(aResponse()
        .withStatus(403).withHeader("Content-Type", "application/json").withBody(
            "{\"error\":{\"type\":\"forbidden\",\"exception\":\"interface_not_allowed_exception\","
                + "\"title\":\"Forbidden\",\"detail\":\"Resource is not allowed in this interface\","
                + "\"error_data\":{\"invalid_resource_name\":\"cards\",\"interface\":\"customer\"}}}")));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      InterfaceNotAllowedException e = catchThrowableOfType(
          () -> client.cards().update("k1", new PutCardRequest()),
          InterfaceNotAllowedException.class);
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.resourceName()).isEqualTo("cards");
      assertThat(e.interfaceName()).isEqualTo("customer");
      assertThat(e.operation()).isEqualTo("putCard");
      assertThat(e.getMessage()).contains("interface_not_allowed_exception");

      ExecutionException async = catchThrowableOfType(() -> client.cards()
          .updateAsync("k1", new PutCardRequest()).get(10, TimeUnit.SECONDS),
          ExecutionException.class);
      assertThat(async.getCause()).isInstanceOf(InterfaceNotAllowedException.class);
    }
    // a 403 is never retried
    assertThat(mock.wm.findAll(putRequestedFor(urlPathEqualTo(CUSTOMER + "cards/k1")))).hasSize(2);
  }

  @Test
  void anOperationTheClientsInterfaceDoesNotServeFailsBeforeSendingNamingIt() {
    DeviceTokenStore store = DeviceTokenStore.inMemory();
    store.save(APP_ID, DEVICE.id(), "dev-1");
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      assertThatThrownBy(() -> client.cards().create(new PostCardRequest()))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage("postCard is not served by the customer interface (only: enterprise)");
      assertThatThrownBy(() -> client.cards().createAsync(new PostCardRequest()))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> client.customersActions().getCustomerSearch())
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageStartingWith("getCustomerSearch is not served by the customer interface");
    }
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      assertThatThrownBy(() -> client.tokens().create(new PostTokenRequest()))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage("postToken is not served by the enterprise interface (only: customer)");
    }
    assertThat(mock.wm.findAll(postRequestedFor(urlPathMatching(".*/cards")))).isEmpty();
    assertThat(mock.gets(ENTERPRISE + "customers/actions/search-customers")).isEmpty();
    assertThat(mock.gets(CUSTOMER + "customers/actions/search-customers")).isEmpty();
    assertThat(mock.posts(ENTERPRISE + "tokens")).isEmpty();
  }

  @Test
  void anOrdinary403StaysAPlainAuthenticationException() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1"))
        .willReturn(error(403, "permission_denied_exception", "No right to read stores")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      AuthenticationException e = catchThrowableOfType(
          () -> client.stores().get("s1"), AuthenticationException.class);
      assertThat(e).isNotInstanceOf(InterfaceNotAllowedException.class);
    }
  }

  @Test
  void a500IsRetriedForAGetWithBackoff() {
    mock.stubSequence(() -> get(urlPathEqualTo(ENTERPRISE + "stores/s1")),
        error(500, "internal_error", "oops"), aResponse().withStatus(503),
        CareCloudMock.store("s1"));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      assertThat(client.stores().get("s1").getStoreId()).isEqualTo("s1");
    }
    assertThat(mock.gets(ENTERPRISE + "stores/s1")).hasSize(3);
    assertThat(mock.sleeper.delays()).hasSize(2);
  }

  @Test
  void a500IsNotRetriedForAPostUnlessTheCallerOptsIn() {
    mock.stubSequence(() -> post(urlPathEqualTo(ENTERPRISE + "customers")),
        error(500, "internal_error", "oops"),
        aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"data\":{\"customer_id\":\"c9\"}}"));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      catchThrowableOfType(() -> client.customers()
          .create(new PostCustomerRequest().autologin(false)), ServerException.class);
      assertThat(mock.posts(ENTERPRISE + "customers")).hasSize(1);

      mock.stubSequence(() -> post(urlPathEqualTo(ENTERPRISE + "customers")),
          error(500, "internal_error", "oops"),
          aResponse().withStatus(201).withHeader("Content-Type", "application/json")
              .withBody("{\"data\":{\"customer_id\":\"c9\"}}"));
      CareCloudEnterpriseClient retrying = client.withOptions(CallOptions.retry(RetryMode.ALWAYS));
      assertThat(retrying.customers().create(new PostCustomerRequest().autologin(false))
          .getCustomerId()).isEqualTo("c9");
    }
    assertThat(mock.posts(ENTERPRISE + "customers")).hasSize(3);
  }

  @Test
  void theAsyncFormCompletesWithTheUnwrappedBodyAndCancellingItCancelsTheHttpCall()
      throws Exception {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1")).willReturn(CareCloudMock.store("s1")));
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/slow"))
        .willReturn(CareCloudMock.store("slow").withFixedDelay(10_000)));
    List<String> cancelled = new CopyOnWriteArrayList<>();
    OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void canceled(okhttp3.Call call) {
        cancelled.add(call.request().url().encodedPath());
      }
    }).build();
    try (CareCloudEnterpriseClient client = mock.enterprise().okHttpClient(http).build()) {
      assertThat(client.stores().getAsync("s1").get(10, TimeUnit.SECONDS).getStoreId())
          .isEqualTo("s1");
      assertThat(cancelled).isEmpty();

      CompletableFuture<Store> future = client.stores().getAsync("slow");
      assertThat(future.cancel(true)).isTrue();
      assertThat(future).isCancelled();
      assertThat(cancelled).containsExactly(ENTERPRISE + "stores/slow");
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Test
  void theWithResponseFormKeepsStatusAndHeadersAndUnwrapsTheBody() {
    mock.wm.stubFor(post(urlPathEqualTo(ENTERPRISE + "customers")).willReturn(aResponse()
        .withStatus(201).withHeader("Content-Type", "application/json")
        .withHeader("X-Request-Id", "rq-7")
        .withBody("{\"data\":{\"customer_id\":\"c9\"}}")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      ApiResponse<PostCustomerResponseData> response =
          client.customers().createWithResponse(new PostCustomerRequest().autologin(false));
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.header("x-request-id")).isEqualTo("rq-7");
      assertThat(response.value().getCustomerId()).isEqualTo("c9");
    }
  }

  @Test
  void aMissingBodyOrPathParameterFailsBeforeSendingNamingIt() {
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      assertThatThrownBy(() -> client.customers().get(null))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("customer_id is required");
      assertThatThrownBy(() -> client.customers().getAsync(""))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("customer_id is required");
      assertThatThrownBy(() -> client.customers().create(null))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("body is required");
      assertThatThrownBy(() -> client.vouchers().update("v1", null))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("body is required");
      assertThatThrownBy(() -> client.vouchers().update(null, new PutVoucherRequest()))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("voucher_id is required");
    }
    assertThat(mock.all()).noneMatch(r -> r.getUrl().contains("/customers")
        || r.getUrl().contains("/vouchers"));
  }

  @Test
  void acceptLanguageIsSentOnEveryRequestAndAPerCallValueWins() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1")).willReturn(CareCloudMock.store("s1")));
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores"))
        .willReturn(okJson(CareCloudMock.list("stores", "store_id", List.of("s1"), 1))));
    try (CareCloudEnterpriseClient client = mock.enterprise().acceptLanguage("cs").build()) {
      client.stores().get("s1");
      CareCloudEnterpriseClient german = client.withOptions(
          CallOptions.builder().header("Accept-Language", "de").build());
      german.stores().get("s1");
      client.stores().list().forEach(store -> { });
    }
    assertThat(mock.posts(LOGIN).get(0).getHeader("Accept-Language")).isEqualTo("cs");
    assertThat(mock.gets(ENTERPRISE + "stores/s1")).extracting(r -> r.getHeader("Accept-Language"))
        .containsExactly("cs", "de");
    assertThat(mock.gets(ENTERPRISE + "stores")).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Accept-Language")).isEqualTo("cs"));
    assertThat(mock.posts(CareCloudMock.LOGOUT).get(0).getHeader("Accept-Language"))
        .isEqualTo("cs");
  }

  @Test
  void withoutALanguageNoHeaderIsSent() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1")).willReturn(CareCloudMock.store("s1")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      client.stores().get("s1");
    }
    assertThat(mock.gets(ENTERPRISE + "stores/s1").get(0).containsHeader("Accept-Language"))
        .isFalse();
  }

  @Test
  void projectTimeHelpersUseTheProjectZone() {
    try (CareCloudEnterpriseClient client = mock.enterprise()
        .projectZone(ZoneId.of("Pacific/Auckland")).build()) {
      LocalDateTime local = LocalDateTime.of(2026, 1, 1, 20, 0);
      assertThat(client.toInstant(local)).isEqualTo(Instant.parse("2026-01-01T07:00:00Z"));
      assertThat(client.toLocalDateTime(Instant.parse("2026-07-01T00:00:00Z")))
          .isEqualTo(LocalDateTime.of(2026, 7, 1, 12, 0)); // NZST, UTC+12
      assertThat(client.toInstant(null)).isNull();
      assertThat(client.toLocalDateTime(null)).isNull();
    }
  }

  @Test
  void generatedModelsReadProjectLocalDateTimes() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "customers/c1")).willReturn(okJson(
        "{\"data\":{\"customer_id\":\"c1\",\"last_change\":\"2019-06-23 11:47:22\",\"state\":1}}")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      LocalDateTime changed = client.customers().get("c1").getLastChange();
      assertThat(client.toInstant(changed)).isEqualTo(Instant.parse("2019-06-23T09:47:22Z"));
    }
  }

  @Test
  void noSecretReachesTheLogs() {
    Logger sdk = (Logger) LoggerFactory.getLogger("dev.b2bsdk");
    Level previous = sdk.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    sdk.addAppender(logs);
    sdk.setLevel(Level.DEBUG);
    DeviceTokenStore store = DeviceTokenStore.inMemory();
    mock.wm.stubFor(post(urlPathEqualTo(CareCloudMock.TOKENS))
        .willReturn(CareCloudMock.tokenCreated("devtok-0123456789abcdef")));
    mock.wm.stubFor(post(urlPathEqualTo(CareCloudMock.TOKENS + "/devtok-0123456789abcdef/actions/login"))
        .willReturn(CareCloudMock.okJsonData("customer_id", "c1")));
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1")).willReturn(CareCloudMock.store("s1")));
    try {
      try (CareCloudEnterpriseClient e = mock.enterprise().logging(HttpLogLevel.BODY).build();
          CareCloudCustomerClient c = mock.customer(store).logging(HttpLogLevel.BODY).build()) {
        e.stores().get("s1");
        c.loginCustomer(LoginType.EMAIL, "john@example.com", "cust-Pa55word");
      }
    } finally {
      sdk.detachAppender(logs);
      sdk.setLevel(previous);
    }
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(CareCloudMock.PASSWORD)
          .doesNotContain("tok-A").doesNotContain("devtok-0123456789abcdef")
          .doesNotContain("cust-Pa55word");
    }
  }

  @Test
  void anApiExceptionNeverCarriesTheTokenInItsUrl() {
    DeviceTokenStore store = DeviceTokenStore.inMemory();
    store.save(APP_ID, DEVICE.id(), "devtok-secret-42");
    mock.wm.stubFor(post(urlPathEqualTo(CareCloudMock.TOKENS + "/devtok-secret-42/actions/login"))
        .willReturn(error(400, "invalid_credentials", "Wrong password")));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      ApiException e = catchThrowableOfType(() -> client.loginCustomer(LoginType.EMAIL,
          "john@example.com", "pw"), ApiException.class);
      assertThat(e.requestUrl()).doesNotContain("devtok-secret-42");
      assertThat(e.getMessage()).doesNotContain("devtok-secret-42");
    }
  }
}
