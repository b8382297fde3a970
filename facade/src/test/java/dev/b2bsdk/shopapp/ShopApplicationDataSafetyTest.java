package dev.b2bsdk.shopapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.internal.RedactingHttpLogger;
import dev.b2bsdk.generated.shopapp.model.Prestation;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 13 through a real client: exact prices, precise read errors, personal data in logs. */
class ShopApplicationDataSafetyTest {

  private static final String PRESTATION = "{\"code\":\"IN-BTQST-S\",\"nom\":\"Boutique\","
      + "\"prix\":4999999999999999.99,\"prestations_associees\":[],\"x_vendor\":{\"a\":null}}";

  private ShopAppServer server;
  private final Logger logger = (Logger) LoggerFactory.getLogger(RedactingHttpLogger.LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level previousLevel;

  @BeforeEach
  void start() {
    server = new ShopAppServer();
    server.stubTokens("tok-ds-1");
    previousLevel = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
    server.close();
  }

  private String logged() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void priceKeepsItsExactDecimalValueAndUnknownFieldsAreReachable() {
    server.wm.stubFor(get(urlPathEqualTo("/prestation/IN-BTQST-S")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json").withBody(PRESTATION)));
    try (ShopApplicationClient shop = server.builder().build()) {
      Prestation p = shop.catalogue().get("IN-BTQST-S");
      // a double would read 5.0E15
      assertThat(p.getPrix()).isEqualTo(new BigDecimal("4999999999999999.99"));
      assertThat(p.getAdditionalProperty("x_vendor").toString()).isEqualTo("{\"a\":null}");
      assertThat(p.getPrestationsAssociees()).isEmpty();
    }
  }

  @Test
  void aValueOfTheWrongTypeIsNamedByOperationPathAndExpectedType() {
    server.wm.stubFor(get(urlPathEqualTo("/prestation/IN-BTQST-S")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":\"IN-BTQST-S\",\"prestations_associees\":[\"A\",\"B\"],\"prix\":\"sur devis\"}")));
    try (ShopApplicationClient shop = server.builder().build()) {
      assertThatThrownBy(() -> shop.catalogue().get("IN-BTQST-S"))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.operation()).isEqualTo("getPrestation");
            assertThat(e.bodySnippet()).contains("sur devis");
          })
          .hasMessage("Shop Application getPrestation → 200: "
              + "$.prix: expected a number, got \"sur devis\"");
    }
  }

  @Test
  void anElementOfTheWrongTypeInsideAListIsNamedByItsIndex() {
    server.wm.stubFor(get(urlPathEqualTo("/prestation/IN-BTQST-S")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":\"IN-BTQST-S\",\"prestations_associees\":[\"A\",{\"code\":\"B\"}]}")));
    try (ShopApplicationClient shop = server.builder().build()) {
      assertThatThrownBy(() -> shop.catalogue().get("IN-BTQST-S"))
          .hasMessageEndingWith("$.prestations_associees[1]: expected a string, got an object");
    }
  }

  @Test
  void bodyLogsMaskPersonalDataByDefault() {
    server.wm.stubFor(get(urlPathEqualTo("/prestation/IN-BTQST-S")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":\"IN-BTQST-S\",\"client\":{\"nom\":\"Martin\",\"prenom\":\"Claire\","
            + "\"email\":\"claire.martin@example.fr\",\"telephone\":\"+33 6 12 34 56 78\","
            + "\"adresse\":\"3 rue des Lilas\"},\"note\":\"contact claire.martin@example.fr\"}")));
    try (ShopApplicationClient shop = server.builder().logging(HttpLogLevel.BODY).build()) {
      shop.catalogue().get("IN-BTQST-S");
    }
    assertThat(logged()).contains("IN-BTQST-S").contains("\"prenom\":\"PERSONAL\"")
        .doesNotContain("Claire").doesNotContain("claire.martin@example.fr")
        .doesNotContain("+33 6 12 34 56 78");
  }

  @Test
  void logPersonalDataTrueLogsThemUnmasked() {
    server.wm.stubFor(get(urlPathEqualTo("/prestation/IN-BTQST-S")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":\"IN-BTQST-S\",\"client\":{\"prenom\":\"Claire\","
            + "\"email\":\"claire.martin@example.fr\"}}")));
    try (ShopApplicationClient shop = server.builder().logging(HttpLogLevel.BODY)
        .logPersonalData(true).build()) {
      shop.catalogue().get("IN-BTQST-S");
    }
    assertThat(logged()).contains("Claire").contains("claire.martin@example.fr");
  }
}
