package dev.b2bsdk.intouch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.b2bsdk.core.client.ApiResponse;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.FieldProblem;
import dev.b2bsdk.core.error.NotFoundException;
import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.error.TransportException;
import dev.b2bsdk.core.error.ValidationException;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.generated.intouch.model.About;
import dev.b2bsdk.generated.intouch.model.Party;
import dev.b2bsdk.generated.intouch.model.PartyInput;
import dev.b2bsdk.generated.intouch.model.PartyType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Builder, authentication, creates and error mapping of {@link InTouchClient}. */
class InTouchClientTest {

  private static final String PARTY_241 = "{\"id\":241,\"type\":\"INDIVIDUAL\","
      + "\"firstname\":\"Jan\",\"surname\":\"Novák\",\"birthday\":\"1980-02-29\","
      + "\"entered\":\"2019-01-07T09:00:00\",\"enteredBy\":\"api\"}";

  private InTouchServer server;

  @BeforeEach
  void start() {
    server = new InTouchServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String problems(int status, String field, String message) {
    return "{\"ok\":false,\"status\":" + status + ",\"problems\":[{\"level\":\"SEVERE\""
        + (field == null ? "" : ",\"field\":\"" + field + "\"") + ",\"message\":\"" + message
        + "\"}]}";
  }

  private void stubError(com.github.tomakehurst.wiremock.client.MappingBuilder request,
      int status, String body) {
    server.wm.stubFor(request.willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void baseUrlAndCredentialsAreRequiredAndNamed() {
    assertThatThrownBy(() -> InTouchClient.builder().username("u").password("p").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("baseUrl is required");
    assertThatThrownBy(() -> InTouchClient.builder().baseUrl("https://crm.example.cz/api")
        .password("p").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("username is required");
    assertThatThrownBy(() -> InTouchClient.builder().baseUrl("https://crm.example.cz/api")
        .username("u").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("password is required");
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefusedAtBuild() {
    assertThatThrownBy(() -> InTouchClient.builder().baseUrl("http://crm.example.cz/api")
        .username("u").password("p").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl")
        .hasMessageContaining("https");
  }

  @Test
  void toStringsShowBaseUrlAndUserButNoPassword() {
    InTouchClient.Builder builder = server.builder();
    assertThat(builder.toString()).contains(server.baseUrl()).contains(InTouchServer.USER)
        .doesNotContain(InTouchServer.PASSWORD);
    try (InTouchClient crm = builder.build()) {
      assertThat(crm.toString()).contains(server.baseUrl() + "/").contains(InTouchServer.USER)
          .doesNotContain(InTouchServer.PASSWORD).doesNotContain(InTouchServer.BASIC);
    }
  }

  @Test
  void basicAuthenticationGoesWithEveryRequestOfASecuredOperation() {
    server.wm.stubFor(get(urlPathEqualTo("/api/about")).willReturn(okJson(
        "{\"crmId\":\"ANNECA\",\"mode\":100,\"timeZone\":\"Europe/Prague\",\"version\":[6,3,0,0]}")));
    server.wm.stubFor(get(urlPathEqualTo("/api/parties/241")).willReturn(okJson(PARTY_241)));
    server.stubPage("/parties", 0, 1, 2, 0, 1);
    server.stubPage("/parties", 1, 1, 2, 1, 1);
    server.wm.stubFor(put(urlPathEqualTo("/api/parties/241")).willReturn(okJson(PARTY_241)));
    server.wm.stubFor(patch(urlPathEqualTo("/api/parties/241")).willReturn(okJson(PARTY_241)));
    server.wm.stubFor(post(urlPathEqualTo("/api/parties")).willReturn(aResponse().withStatus(201)
        .withHeader("Location", server.baseUrl() + "/parties/241")
        .withHeader("Content-Type", "application/json").withBody(PARTY_241)));

    try (InTouchClient crm = server.builder().build()) {
      About about = crm.about().get();
      assertThat(about.getMode()).isEqualTo(100);
      Party party = crm.parties().get(241L);
      assertThat(party.getBirthday()).isEqualTo(LocalDate.of(1980, 2, 29));
      assertThat(party.getEntered()).isEqualTo(LocalDateTime.of(2019, 1, 7, 9, 0));
      assertThat(crm.parties().list().withPageSize(1).stream()).hasSize(2);
      crm.parties().update(241L, new PartyInput().surname("Nováková"));
      crm.parties().patch(241L, new PartyInput().phone("+420 123"));
      crm.createParty(new PartyInput().surname("Novák"));
    }
    List<LoggedRequest> requests = server.requests();
    assertThat(requests).hasSize(7);
    // GET /about is public in the spec (security: []): it goes without credentials
    assertThat(requests).filteredOn(r -> r.getUrl().equals("/api/about")).singleElement()
        .satisfies(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    assertThat(requests).filteredOn(r -> !r.getUrl().equals("/api/about")).hasSize(6)
        .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo(InTouchServer.BASIC));
  }

  @Test
  void wrongCredentialsFailAfterOneRequestNamingInTouch() {
    stubError(get(urlPathEqualTo("/api/parties/1")), 401,
        problems(401, null, "Invalid user name or password"));
    try (InTouchClient crm = server.builder().retry(RetryOptions.defaults()).build()) {
      assertThatThrownBy(() -> crm.parties().get(1L))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.api()).isEqualTo("InTouch");
            assertThat(e.status()).isEqualTo(401);
          })
          .hasMessage("InTouch getParty → 401: Invalid user name or password")
          .hasMessageNotContaining(InTouchServer.PASSWORD);
    }
    assertThat(server.requests()).hasSize(1);
    assertThat(server.sleeper.delays()).isEmpty();
  }

  @Test
  void unknownIdIsANotFoundExceptionWithTheProblemMessage() {
    stubError(get(urlPathEqualTo("/api/parties/999")), 404,
        problems(404, null, "Record 999 not found"));
    try (InTouchClient crm = server.builder().build()) {
      assertThatThrownBy(() -> crm.parties().get(999L))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.serviceMessage()).isEqualTo("Record 999 not found");
            assertThat(e.problems())
                .containsExactly(new FieldProblem(null, "Record 999 not found", "SEVERE"));
          })
          .hasMessage("InTouch getParty → 404: Record 999 not found");
    }
  }

  @Test
  void validationProblemsCarryFieldMessageAndLevel() {
    stubError(post(urlPathEqualTo("/api/parties")), 400, "{\"ok\":false,\"status\":400,"
        + "\"problems\":[{\"level\":\"SEVERE\",\"field\":\"surname\",\"message\":\"is required\"},"
        + "{\"level\":\"WARNING\",\"field\":\"email\",\"message\":\"looks invalid\"}]}");
    try (InTouchClient crm = server.builder().build()) {
      assertThatThrownBy(() -> crm.createParty(new PartyInput().email("x@")))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.problems()).containsExactly(
                new FieldProblem("surname", "is required", "SEVERE"),
                new FieldProblem("email", "looks invalid", "WARNING"));
            assertThat(e.operation()).isEqualTo("createParty");
          })
          .hasMessage("InTouch createParty → 400: surname: is required; email: looks invalid");
    }
  }

  @Test
  void anHtmlErrorPageIsStillATypedException() {
    server.wm.stubFor(get(urlPathEqualTo("/api/parties/1")).willReturn(aResponse()
        .withStatus(503).withHeader("Content-Type", "text/html")
        .withBody("<html><body>Maintenance</body></html>")));
    try (InTouchClient crm = server.builder().build()) {
      assertThatThrownBy(() -> crm.parties().get(1L))
          .isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.problems()).isEmpty();
            assertThat(e.bodySnippet()).contains("Maintenance");
          });
    }
  }

  @Test
  void createReturnsTheStoredRecordAndSendsNoId() {
    server.wm.stubFor(post(urlPathEqualTo("/api/parties")).willReturn(aResponse().withStatus(201)
        .withHeader("Location", server.baseUrl() + "/parties/241")
        .withHeader("Content-Type", "application/json").withBody(PARTY_241)));
    try (InTouchClient crm = server.builder().build()) {
      Party created = crm.createParty(new PartyInput().type(PartyType.INDIVIDUAL)
          .firstname("Jan").surname("Novák").birthday(LocalDate.of(1980, 2, 29)));
      assertThat(created.getId()).isEqualTo(241L);
      assertThat(created.getSurname()).isEqualTo("Novák");
      assertThat(created.getEnteredBy()).isEqualTo("api");
    }
    LoggedRequest sent = server.requests().get(0);
    JsonObject body = JsonParser.parseString(sent.getBodyAsString()).getAsJsonObject();
    assertThat(body.has("id")).isFalse();
    assertThat(body.get("surname").getAsString()).isEqualTo("Novák");
    assertThat(body.get("birthday").getAsString()).isEqualTo("1980-02-29");
  }

  @Test
  void createTakesTheIdFromLocationWhenTheBodyLacksIt() {
    server.wm.stubFor(post(urlPathEqualTo("/api/parties")).willReturn(aResponse().withStatus(201)
        .withHeader("Location", server.baseUrl() + "/parties/2412")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"surname\":\"Novák\",\"entered\":\"2019-01-07T09:00:00\"}")));
    try (InTouchClient crm = server.builder().build()) {
      Party created = crm.createParty(new PartyInput().surname("Novák"));
      assertThat(created.getId()).isEqualTo(2412L);
      assertThat(created.getSurname()).isEqualTo("Novák");
      assertThat(created.getEntered()).isEqualTo(LocalDateTime.of(2019, 1, 7, 9, 0));
    }
  }

  @Test
  void theWithResponseFormOfACreateExposesStatusAndLocation() {
    server.wm.stubFor(post(urlPathEqualTo("/api/parties")).willReturn(aResponse().withStatus(201)
        .withHeader("Location", server.baseUrl() + "/parties/2412")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"surname\":\"Novák\"}")));
    try (InTouchClient crm = server.builder().build()) {
      ApiResponse<Party> created =
          crm.parties().createWithResponse(new PartyInput().surname("Novák"));
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.header("location")).isEqualTo(server.baseUrl() + "/parties/2412");
      assertThat(created.value().getSurname()).isEqualTo("Novák");
    }
    server.wm.verify(1, postRequestedFor(urlPathEqualTo("/api/parties")));
  }

  @Test
  void aMissingPathParameterOrBodyFailsBeforeSendingNamingIt() {
    try (InTouchClient crm = server.builder().build()) {
      assertThatThrownBy(() -> crm.parties().get(null))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("id is required");
      assertThatThrownBy(() -> crm.parties().update(241L, null))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("body is required");
      assertThatThrownBy(() -> crm.comments().listPartyComments(null))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("id is required");
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void idFromLocationReadsTheLastNumericSegment() {
    assertThat(InTouchClient.idFromLocation("https://crm.example.cz/api/parties/2412")).isEqualTo(2412L);
    assertThat(InTouchClient.idFromLocation("https://crm.example.cz/api/parties/2412/")).isEqualTo(2412L);
    assertThat(InTouchClient.idFromLocation("/api/parties/77")).isEqualTo(77L);
    assertThat(InTouchClient.idFromLocation("https://crm.example.cz/api/parties/abc")).isNull();
    assertThat(InTouchClient.idFromLocation(null)).isNull();
    assertThat(InTouchClient.withLocationId(null, null)).isNull();
  }

  @Test
  void aCreateThatMayHaveReachedTheServerIsNeverResent() {
    server.wm.stubFor(post(urlPathEqualTo("/api/parties"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (InTouchClient crm = server.builder().retry(RetryOptions.defaults()).build()) {
      assertThatThrownBy(() -> crm.createParty(new PartyInput().surname("Novák")))
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.operation()).isEqualTo("createParty"));
    }
    server.wm.verify(1, postRequestedFor(urlPathEqualTo("/api/parties")));
    assertThat(server.sleeper.delays()).isEmpty();
  }

  @Test
  void aReadThatFailsTheSameWayIsRetried() {
    server.wm.stubFor(get(urlPathEqualTo("/api/parties/241")).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.wm.stubFor(get(urlPathEqualTo("/api/parties/241")).inScenario("flaky")
        .whenScenarioStateIs("ok").willReturn(okJson(PARTY_241)));
    try (InTouchClient crm = server.builder().retry(RetryOptions.defaults()).build()) {
      assertThat(crm.parties().get(241L).getId()).isEqualTo(241L);
    }
    server.wm.verify(2, getRequestedFor(urlPathEqualTo("/api/parties/241")));
    assertThat(server.sleeper.delays()).hasSize(1);
  }

  @Test
  void throttlingIsRetriedAfterTheServersRetryAfter() {
    server.wm.stubFor(get(urlPathEqualTo("/api/parties/241")).inScenario("busy")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
            .withHeader("Content-Type", "application/json")
            .withBody(problems(429, null, "Too many requests"))));
    server.wm.stubFor(get(urlPathEqualTo("/api/parties/241")).inScenario("busy")
        .whenScenarioStateIs("free").willReturn(okJson(PARTY_241)));
    try (InTouchClient crm = server.builder().retry(RetryOptions.defaults()).build()) {
      assertThat(crm.parties().get(241L).getId()).isEqualTo(241L);
    }
    assertThat(server.sleeper.delays()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void optionsViewAndAsyncCallsKeepTheCredentials() throws Exception {
    server.wm.stubFor(get(urlPathEqualTo("/api/parties/241")).willReturn(okJson(PARTY_241)));
    try (InTouchClient crm = server.builder().build()) {
      InTouchClient traced =
          crm.withOptions(CallOptions.builder().header("X-Request-Id", "r-1").build());
      assertThat(traced.parties().get(241L).getId()).isEqualTo(241L);
      assertThat(crm.parties().getAsync(241L).get(10, TimeUnit.SECONDS)
          .getSurname()).isEqualTo("Novák");
    }
    server.wm.verify(1, getRequestedFor(urlPathEqualTo("/api/parties/241"))
        .withHeader("X-Request-Id", equalTo("r-1")));
    server.wm.verify(2, getRequestedFor(urlPathEqualTo("/api/parties/241"))
        .withHeader("Authorization", equalTo(InTouchServer.BASIC)));
  }
}
