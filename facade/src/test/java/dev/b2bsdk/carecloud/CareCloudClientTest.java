package dev.b2bsdk.carecloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.b2bsdk.carecloud.CareCloudMock.APP_ID;
import static dev.b2bsdk.carecloud.CareCloudMock.CUSTOMER;
import static dev.b2bsdk.carecloud.CareCloudMock.DEVICE;
import static dev.b2bsdk.carecloud.CareCloudMock.ENTERPRISE;
import static dev.b2bsdk.carecloud.CareCloudMock.LOGIN;
import static dev.b2bsdk.carecloud.CareCloudMock.error;
import static dev.b2bsdk.carecloud.CareCloudMock.loginOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.error.ValidationException;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.carecloud.model.CardCreateRequest;
import dev.b2bsdk.generated.carecloud.model.CustomerCreateRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
      ValidationException e = catchThrowableOfType(() -> client.execute(client.customersApi()
          .createCustomer(new CustomerCreateRequest().autologin(false), null)),
          ValidationException.class);
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errorCode()).isEqualTo("invalid_parameters_exception");
      assertThat(e.serviceMessage()).isEqualTo("Invalid parameters");
      assertThat(e.problems()).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("email");
        assertThat(p.code()).isEqualTo("already_exists");
        assertThat(p.message()).isEqualTo("E-mail already exists");
      });
      assertThat(e.getMessage())
          .isEqualTo("CareCloud createCustomer → 400 invalid_parameters_exception: Invalid parameters");
    }
  }

  @Test
  void interfaceNotAllowedIsItsOwnAuthenticationSubtypeSyncAndAsync() throws Exception {
    DeviceTokenStore store = DeviceTokenStore.inMemory();
    store.save(APP_ID, DEVICE.id(), "dev-1");
    mock.wm.stubFor(post(urlPathEqualTo(CUSTOMER + "cards")).willReturn(aResponse()
        .withStatus(403).withHeader("Content-Type", "application/json").withBody(
            "{\"error\":{\"type\":\"forbidden\",\"exception\":\"interface_not_allowed_exception\","
                + "\"title\":\"Forbidden\",\"detail\":\"Resource is not allowed in this interface\","
                + "\"error_data\":{\"invalid_resource_name\":\"cards\",\"interface\":\"customer\"}}}")));
    try (CareCloudCustomerClient client = mock.customer(store).build()) {
      InterfaceNotAllowedException e = catchThrowableOfType(() -> client.execute(
          client.cardsApi().createCard(new CardCreateRequest(), null)),
          InterfaceNotAllowedException.class);
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.resourceName()).isEqualTo("cards");
      assertThat(e.interfaceName()).isEqualTo("customer");
      assertThat(e.operation()).isEqualTo("createCard");
      assertThat(e.getMessage()).contains("interface_not_allowed_exception");

      ExecutionException async = catchThrowableOfType(() -> client.executeAsync(
          client.cardsApi().createCard(new CardCreateRequest(), null)).get(10, TimeUnit.SECONDS),
          ExecutionException.class);
      assertThat(async.getCause()).isInstanceOf(InterfaceNotAllowedException.class);
    }
    assertThat(mock.posts(CUSTOMER + "cards")).hasSize(2); // a 403 is never retried
  }

  @Test
  void anOrdinary403StaysAPlainAuthenticationException() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1"))
        .willReturn(error(403, "permission_denied_exception", "No right to read stores")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      AuthenticationException e = catchThrowableOfType(
          () -> client.execute(client.storesApi().getStore("s1", null)),
          AuthenticationException.class);
      assertThat(e).isNotInstanceOf(InterfaceNotAllowedException.class);
    }
  }

  @Test
  void a500IsRetriedForAGetWithBackoff() {
    mock.stubSequence(() -> get(urlPathEqualTo(ENTERPRISE + "stores/s1")),
        error(500, "internal_error", "oops"), aResponse().withStatus(503),
        CareCloudMock.store("s1"));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      assertThat(client.execute(client.storesApi().getStore("s1", null)).getData().getStoreId())
          .isEqualTo("s1");
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
      catchThrowableOfType(() -> client.execute(client.customersApi()
          .createCustomer(new CustomerCreateRequest().autologin(false), null)),
          ServerException.class);
      assertThat(mock.posts(ENTERPRISE + "customers")).hasSize(1);

      mock.stubSequence(() -> post(urlPathEqualTo(ENTERPRISE + "customers")),
          error(500, "internal_error", "oops"),
          aResponse().withStatus(201).withHeader("Content-Type", "application/json")
              .withBody("{\"data\":{\"customer_id\":\"c9\"}}"));
      CareCloudEnterpriseClient retrying = client.withOptions(CallOptions.retry(RetryMode.ALWAYS));
      assertThat(retrying.execute(retrying.customersApi().createCustomer(
          new CustomerCreateRequest().autologin(false), null)).getData().getCustomerId())
          .isEqualTo("c9");
    }
    assertThat(mock.posts(ENTERPRISE + "customers")).hasSize(3);
  }

  @Test
  void executeAsyncCompletesWithTheBodyAndCancellingItCancelsTheCall() throws Exception {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1")).willReturn(CareCloudMock.store("s1")));
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/slow"))
        .willReturn(CareCloudMock.store("slow").withFixedDelay(10_000)));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      assertThat(client.executeAsync(client.storesApi().getStore("s1", null))
          .get(10, TimeUnit.SECONDS).getData().getStoreId()).isEqualTo("s1");

      retrofit2.Call<?> slow = client.storesApi().getStore("slow", null);
      var future = client.executeAsync(slow);
      assertThat(future.cancel(true)).isTrue();
      assertThat(slow.isCanceled()).isTrue();
    }
  }

  @Test
  void acceptLanguageIsSentOnEveryRequestAndAPerCallValueWins() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1")).willReturn(CareCloudMock.store("s1")));
    try (CareCloudEnterpriseClient client = mock.enterprise().acceptLanguage("cs").build()) {
      client.execute(client.storesApi().getStore("s1", null));
      client.execute(client.storesApi().getStore("s1", "en"));
      CareCloudEnterpriseClient german = client.withOptions(
          CallOptions.builder().header("Accept-Language", "de").build());
      german.execute(german.storesApi().getStore("s1", null));
    }
    assertThat(mock.posts(LOGIN).get(0).getHeader("Accept-Language")).isEqualTo("cs");
    assertThat(mock.gets(ENTERPRISE + "stores/s1")).extracting(r -> r.getHeader("Accept-Language"))
        .containsExactly("cs", "en", "de");
    assertThat(mock.posts(CareCloudMock.LOGOUT).get(0).getHeader("Accept-Language"))
        .isEqualTo("cs");
  }

  @Test
  void withoutALanguageNoHeaderIsSent() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores/s1")).willReturn(CareCloudMock.store("s1")));
    try (CareCloudEnterpriseClient client = mock.enterprise().build()) {
      client.execute(client.storesApi().getStore("s1", null));
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
      LocalDateTime changed = client.execute(client.customersApi().getCustomer("c1", null))
          .getData().getLastChange();
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
        e.execute(e.storesApi().getStore("s1", null));
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
