package dev.b2bsdk.shopapp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.internal.MutableClock;
import dev.b2bsdk.internal.RecordingSleeper;
import dev.b2bsdk.core.http.RetryOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** A WireMock Shop Application on loopback, with helpers to stub tokens and read the journal. */
final class ShopAppServer implements AutoCloseable {

  static final String CLIENT_ID = "shop-client-42";
  static final String SECRET = "s3cr3t-Shop-Value-9f1";

  final WireMockServer wm;
  final MutableClock clock = MutableClock.atEpoch();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);

  ShopAppServer() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(64));
    wm.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + wm.port();
  }

  /** A builder for this server: test clock and sleeper, short timeouts, no retries. */
  ShopApplicationClient.Builder builder() {
    return ShopApplicationClient.builder()
        .baseUrl(baseUrl())
        .clientId(CLIENT_ID)
        .clientSecret(SECRET)
        .clock(clock)
        .sleeper(sleeper)
        .retry(RetryOptions.none())
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(15));
  }

  static String tokenJson(String token, int expiresIn) {
    return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
        + expiresIn + "}";
  }

  /** {@code GET /token} answers these tokens in turn (one hour each), then WireMock's 404. */
  void stubTokens(String... tokens) {
    for (int i = 0; i < tokens.length; i++) {
      wm.stubFor(get(urlPathEqualTo("/token"))
          .inScenario("tokens")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "issued-" + i)
          .willSetStateTo("issued-" + (i + 1))
          .willReturn(okJson(tokenJson(tokens[i], 3600))));
    }
  }

  /** Every request received, oldest first. */
  List<LoggedRequest> requests() {
    // WireMock lists the newest first
    List<LoggedRequest> all = wm.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .collect(Collectors.toList());
    Collections.reverse(all);
    return all;
  }

  List<LoggedRequest> tokenRequests() {
    return requests().stream().filter(ShopAppServer::isTokenRequest).collect(Collectors.toList());
  }

  List<LoggedRequest> apiRequests() {
    return requests().stream().filter(r -> !isTokenRequest(r)).collect(Collectors.toList());
  }

  static boolean isTokenRequest(LoggedRequest r) {
    return r.getUrl().startsWith("/token");
  }

  @Override
  public void close() {
    wm.stop();
  }
}
