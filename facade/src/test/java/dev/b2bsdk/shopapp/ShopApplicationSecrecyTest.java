package dev.b2bsdk.shopapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.ValidationException;
import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.generated.shopapp.model.ClientContact;
import dev.b2bsdk.generated.shopapp.model.NewInterfaceRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The token and the client secret never leave their one legitimate place: the token only in the
 * {@code Authorization} header, the secret only in the {@code GET /token} query (vendor design),
 * and neither in logs, exception messages or {@code toString()}.
 */
class ShopApplicationSecrecyTest {

  /** Not a JWT on purpose: redaction must not depend on recognising the token's shape. */
  private static final String TOKEN = "sa7f3c9e1d-opaque-token-Value";
  private static final UUID KEY = UUID.fromString("1b7e4b5c-2f7a-4c8e-9f00-0a1b2c3d4e5f");

  private ShopAppServer server;
  private final Logger sdkLogger = (Logger) LoggerFactory.getLogger("dev.b2bsdk");
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Level previousLevel;

  @BeforeEach
  void start() {
    server = new ShopAppServer();
    previousLevel = sdkLogger.getLevel();
    sdkLogger.setLevel(Level.DEBUG);
    logs.start();
    sdkLogger.addAppender(logs);
  }

  @AfterEach
  void stop() {
    sdkLogger.detachAppender(logs);
    sdkLogger.setLevel(previousLevel);
    server.close();
  }

  private void stubApi() {
    server.wm.stubFor(get(urlPathEqualTo("/token"))
        .willReturn(okJson(ShopAppServer.tokenJson(TOKEN, 3600))));
    server.wm.stubFor(get(urlPathEqualTo("/interfaces"))
        .willReturn(okJson("[\"" + KEY + "\"]")));
    server.wm.stubFor(get(urlPathEqualTo("/interfaces/" + KEY)).willReturn(okJson(
        "{\"date_creation\":\"2018-07-03 16:03:04\",\"statut\":1,\"url\":\"https://shop.example\","
            + "\"url_administration\":\"https://shop.example/admin\"}")));
    server.wm.stubFor(post(urlPathEqualTo("/interfaces"))
        .willReturn(okJson("{\"sa_key\":\"" + KEY + "\"}")));
    server.wm.stubFor(post(urlPathMatching("/interfaces/.*/prestations"))
        .willReturn(okJson("[{\"code\":\"IN-BTQZ-AMM\",\"reference_unique\":\"R1\"}]")));
    server.wm.stubFor(delete(urlPathMatching("/interfaces/.*/prestations/.*"))
        .willReturn(okJson("[{\"code\":\"IN-BTQZ-AMM\",\"reference_unique\":\"R1\"}]")));
    server.wm.stubFor(get(urlPathEqualTo("/prestation/NOPE"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":true,\"message\":\"Route inconnue\"}")));
  }

  private void exercise(ShopApplicationClient shop) {
    shop.interfaces().list();
    shop.interfaces().get(KEY);
    shop.interfaces().create(new NewInterfaceRequest()
        .guid("my-order-1")
        .prestations(List.of("IN-BTQST-S"))
        .client(new ClientContact().nom("Martin").email("martin@example.com")));
    shop.interfacePrestations().add(KEY, List.of("IN-BTQZ-AMM"));
    shop.interfacePrestations().delete(KEY, "IN-BTQZ-AMM");
    catchThrowableOfType(() -> shop.catalogue().get("NOPE"), ValidationException.class);
  }

  @Test
  void theTokenTravelsOnlyInTheAuthorizationHeader() {
    stubApi();
    try (ShopApplicationClient shop = server.builder().build()) {
      exercise(shop);
    }
    List<LoggedRequest> api = server.apiRequests();
    assertThat(api).hasSize(6);
    for (LoggedRequest r : api) {
      assertThat(r.getUrl()).as("URL and query of %s", r.getUrl())
          .doesNotContain(TOKEN).doesNotContain("token=").doesNotContain(ShopAppServer.SECRET);
      assertThat(r.getBodyAsString()).as("body of %s", r.getUrl())
          .doesNotContain(TOKEN).doesNotContain("\"token\"").doesNotContain(ShopAppServer.SECRET);
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
      r.getHeaders().all().stream()
          .filter(h -> !h.key().equalsIgnoreCase("Authorization"))
          .forEach(h -> assertThat(h.values().toString()).doesNotContain(TOKEN));
    }
    // the secret goes only where the vendor wants it, and the token request carries no token
    List<LoggedRequest> token = server.tokenRequests();
    assertThat(token).hasSize(1);
    assertThat(token.get(0).queryParameter("client_id").firstValue())
        .isEqualTo(ShopAppServer.CLIENT_ID);
    assertThat(token.get(0).queryParameter("client_secret").firstValue())
        .isEqualTo(ShopAppServer.SECRET);
    assertThat(token.get(0).getHeader("Authorization")).isNull();
  }

  @ParameterizedTest
  @EnumSource(value = HttpLogLevel.class, names = {"BASIC", "HEADERS", "BODY"})
  void httpLogsShowTheTrafficButNeitherSecretNorToken(HttpLogLevel level) {
    stubApi();
    try (ShopApplicationClient shop = server.builder().logging(level).build()) {
      exercise(shop);
    }
    String logged = logged();
    // the log is real: the token call and the API calls are in it
    assertThat(logged).contains("/token").contains("/interfaces/" + KEY).contains("400");
    if (level == HttpLogLevel.BODY) {
      assertThat(logged).contains("Route inconnue").contains("my-order-1");
    }
    assertNoSecret(logged);
    assertThat(logged).doesNotContain("client_secret=").doesNotContain("client_id=");
  }

  @Test
  void tokenEndpoint500LeaksNothingIntoExceptionOrLogs() {
    server.wm.stubFor(get(urlPathEqualTo("/token"))
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":true,\"message\":\"Erreur interne\"}")));
    server.wm.stubFor(get(urlPathEqualTo("/interfaces")).willReturn(okJson("[]")));
    AuthenticationException e;
    try (ShopApplicationClient shop = server.builder().logging(HttpLogLevel.BODY).build()) {
      e = catchThrowableOfType(() -> shop.interfaces().list(), AuthenticationException.class);
    }
    assertThat(e).hasMessageContaining("Shop Application").hasMessageContaining("Erreur interne");
    assertThat(((ApiException) e.getCause()).status()).isEqualTo(500);
    assertThat(((ApiException) e.getCause()).requestUrl())
        .isEqualTo(server.baseUrl() + "/token");
    assertCleanThroughout(e);
    assertNoSecret(logged());
  }

  @Test
  void tokenEndpoint401LeaksNothingIntoExceptionOrLogs() {
    server.wm.stubFor(get(urlPathEqualTo("/token"))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":true,\"message\":\"Identifiants invalides\"}")));
    AuthenticationException e;
    try (ShopApplicationClient shop = server.builder().logging(HttpLogLevel.BODY).build()) {
      e = catchThrowableOfType(() -> shop.interfaces().list(), AuthenticationException.class);
    }
    assertThat(e).hasMessageContaining("Identifiants invalides");
    assertThat(e.getCause()).isInstanceOf(AuthenticationException.class);
    assertCleanThroughout(e);
    assertNoSecret(logged());
  }

  @Test
  void tokenEndpointConnectionResetLeaksNothing() {
    server.wm.stubFor(get(urlPathEqualTo("/token"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    AuthenticationException e;
    try (ShopApplicationClient shop = server.builder().logging(HttpLogLevel.BODY).build()) {
      e = catchThrowableOfType(() -> shop.interfaces().list(), AuthenticationException.class);
    }
    assertThat(e).hasMessageContaining("Shop Application");
    assertCleanThroughout(e);
    assertNoSecret(logged());
  }

  @Test
  void expiredTokenRefreshIsAsQuietAsTheFirstFetch() {
    stubApi();
    try (ShopApplicationClient shop = server.builder().logging(HttpLogLevel.BODY).build()) {
      shop.interfaces().list();
      server.clock.advance(Duration.ofHours(2));
      shop.interfaces().list();
    }
    assertThat(server.tokenRequests()).hasSize(2);
    assertNoSecret(logged());
  }

  @Test
  void toStringsShowBaseUrlAndClientIdOnly() {
    ShopApplicationClient.Builder builder = server.builder();
    assertThat(builder.toString()).contains(ShopAppServer.CLIENT_ID).contains(server.baseUrl())
        .doesNotContain(ShopAppServer.SECRET);
    try (ShopApplicationClient shop = builder.build()) {
      assertThat(shop.toString()).contains(ShopAppServer.CLIENT_ID).contains(server.baseUrl())
          .doesNotContain(ShopAppServer.SECRET);
    }
  }

  private String logged() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : logs.list) {
      lines.add(event.getFormattedMessage());
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        lines.add(ThrowableProxyUtil.asString(thrown));
      }
    }
    return String.join("\n", lines);
  }

  private static void assertNoSecret(String text) {
    assertThat(text).doesNotContain(ShopAppServer.SECRET).doesNotContain(TOKEN);
  }

  /** Message, toString, every cause and the printed stack trace are free of secrets. */
  private void assertCleanThroughout(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    List<String> texts = new ArrayList<>();
    texts.add(trace.toString());
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
      if (t instanceof ApiException) {
        ApiException api = (ApiException) t;
        texts.add(String.valueOf(api.requestUrl()));
        texts.add(String.valueOf(api.bodySnippet()));
      }
    }
    String all = texts.stream().collect(Collectors.joining("\n"));
    assertNoSecret(all);
    assertThat(all).doesNotContain("client_secret").doesNotContain("client_id=")
        .doesNotContain(ShopAppServer.CLIENT_ID + "&");
  }
}
