package dev.b2bsdk.carecloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.b2bsdk.internal.MutableClock;
import dev.b2bsdk.internal.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A CareCloud project on loopback (WireMock, dynamic port) with a test clock and a recording
 * sleeper, and builders for both clients with short timeouts.
 */
final class CareCloudMock implements AutoCloseable {

  static final String ROOT = "/webservice/rest-api";
  static final String ENTERPRISE = ROOT + "/enterprise-interface/v1.0/";
  static final String CUSTOMER = ROOT + "/customer-interface/v1.0/";
  static final String LOGIN = ENTERPRISE + "users/actions/login";
  static final String LOGOUT = ENTERPRISE + "users/actions/logout";
  static final String TOKENS = CUSTOMER + "tokens";

  static final String APP_ID = "82de12eb8b138791e678fd11c3";
  static final String LOGIN_NAME = "pos-integration";
  static final String PASSWORD = "s3cr3t-Pa55word";
  static final Device DEVICE = Device.builder().id("install-42").system("Android 14")
      .name("Pixel 8").type("phone").build();
  static final DeviceSetup SETUP = DeviceSetup.of("en", false, true);

  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  final WireMockServer wm;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final AtomicInteger scenarios = new AtomicInteger();

  static {
    // no logback-test.xml in this module: keep the server's DEBUG chatter out of the build log
    for (String noisy : List.of("org.eclipse.jetty", "com.github.tomakehurst", "WireMock",
        "org.apache.hc", "wiremock")) {
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy))
          .setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  CareCloudMock() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(80));
    wm.start();
    stubLogout(); // close() logs out; tests that care override or inspect it
    wm.stubFor(post(urlPathMatching(TOKENS + "/[^/]+/actions/logout"))
        .willReturn(aResponse().withStatus(204)));
  }

  /** The project URL a user would give: up to {@code /webservice/rest-api}. */
  String projectUrl() {
    return "http://127.0.0.1:" + wm.port() + ROOT;
  }

  CareCloudEnterpriseClient.Builder enterprise() {
    return CareCloudEnterpriseClient.builder()
        .baseUrl(projectUrl())
        .externalApplicationId(APP_ID)
        .login(LOGIN_NAME)
        .password(PASSWORD)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(30))
        .clock(clock)
        .sleeper(sleeper);
  }

  CareCloudCustomerClient.Builder customer(DeviceTokenStore store) {
    return CareCloudCustomerClient.builder()
        .baseUrl(projectUrl())
        .externalApplicationId(APP_ID)
        .device(DEVICE)
        .setup(SETUP)
        .tokenStore(store)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(30))
        .clock(clock)
        .sleeper(sleeper);
  }

  // ---------------------------------------------------------------- answers

  /** A login answer whose {@code valid_to} is {@code expiry} written in {@code zone}. */
  static ResponseDefinitionBuilder loginOk(String token, Instant expiry, ZoneId zone) {
    return loginOk(token, LocalDateTime.ofInstant(expiry, zone).format(LOCAL));
  }

  static ResponseDefinitionBuilder loginOk(String token, String validTo) {
    JsonObject user = new JsonObject();
    user.addProperty("user_id", "838b73aacb5ac326cec4030c80");
    user.addProperty("login", LOGIN_NAME);
    JsonObject data = new JsonObject();
    data.addProperty("bearer_token", token);
    data.addProperty("valid_to", validTo);
    data.add("user", user);
    return okJson(envelope(data).toString());
  }

  static ResponseDefinitionBuilder tokenCreated(String token) {
    JsonObject data = new JsonObject();
    data.addProperty("token_id", token);
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody(envelope(data).toString());
  }

  /** A CareCloud error answer. */
  static ResponseDefinitionBuilder error(int status, String exception, String detail) {
    JsonObject error = new JsonObject();
    error.addProperty("type", "https://example.com/errors/" + exception);
    error.addProperty("exception", exception);
    error.addProperty("title", "Error");
    error.addProperty("detail", detail);
    error.add("error_data", new JsonObject());
    JsonObject body = new JsonObject();
    body.add("error", error);
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  /** {@code {"data": {name: value}}}. */
  static ResponseDefinitionBuilder okJsonData(String name, String value) {
    JsonObject data = new JsonObject();
    data.addProperty(name, value);
    return okJson(envelope(data).toString());
  }

  static ResponseDefinitionBuilder store(String id) {
    JsonObject data = new JsonObject();
    data.addProperty("store_id", id);
    data.addProperty("name", "Store " + id);
    return okJson(envelope(data).toString());
  }

  /** {@code {"data": {"<plural>": [{<idField>: id}...], "total_items": total}}}. */
  static String list(String plural, String idField, List<String> ids, Integer total) {
    JsonArray items = new JsonArray();
    for (String id : ids) {
      JsonObject item = new JsonObject();
      item.addProperty(idField, id);
      items.add(item);
    }
    JsonObject data = new JsonObject();
    data.add(plural, items);
    if (total != null) {
      data.addProperty("total_items", total);
    }
    return envelope(data).toString();
  }

  static JsonObject envelope(JsonObject data) {
    JsonObject body = new JsonObject();
    body.add("data", data);
    return body;
  }

  // ---------------------------------------------------------------- stubs

  /** Answers {@code request} with each response in turn; the last one repeats. */
  void stubSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
    String scenario = "sequence-" + scenarios.incrementAndGet();
    for (int i = 0; i < responses.length; i++) {
      ScenarioMappingBuilder m = request.get().inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i)
          .willReturn(responses[i]);
      if (i < responses.length - 1) {
        m = m.willSetStateTo("step-" + (i + 1));
      }
      wm.stubFor(m);
    }
  }

  /** Logins answering the given responses in turn. */
  void stubLogins(ResponseDefinitionBuilder... responses) {
    stubSequence(() -> post(urlPathEqualTo(LOGIN)), responses);
  }

  /** {@code GET stores/s1} on the enterprise interface answers a store. */
  void stubStore(String base) {
    wm.stubFor(get(urlPathEqualTo(base + "stores/s1")).willReturn(store("s1")));
  }

  void stubLogout() {
    wm.stubFor(post(urlPathEqualTo(LOGOUT)).willReturn(aResponse().withStatus(204)));
  }

  // ---------------------------------------------------------------- journal

  List<LoggedRequest> posts(String path) {
    return wm.findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  List<LoggedRequest> gets(String path) {
    return wm.findAll(getRequestedFor(urlPathEqualTo(path)));
  }

  List<LoggedRequest> all() {
    return wm.findAll(anyRequestedFor(anyUrl()));
  }

  @Override
  public void close() {
    wm.stop();
  }
}
