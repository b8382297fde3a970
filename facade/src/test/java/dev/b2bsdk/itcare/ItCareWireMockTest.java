package dev.b2bsdk.itcare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Two WireMock servers on loopback: the ITCare API (under {@code /itcare}) and a Keycloak token
 * endpoint on another port and path, so that every test also proves the token URL is called
 * exactly as configured. A hand-moved clock, a recording sleeper and a manual executor for
 * background token refreshes: nothing sleeps.
 */
abstract class ItCareWireMockTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final String CLIENT_ID = "api-ecomweb";
  static final String CLIENT_SECRET = "s3cr3t-Cl1ent-Secret";
  static final String TOKEN_PATH = "/kc/realms/cloud/protocol/openid-connect/token";

  final MutableClock clock = new MutableClock(T0);
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final ManualExecutor refreshes = new ManualExecutor();
  WireMockServer api;
  WireMockServer keycloak;
  ItCareClient client;

  @BeforeEach
  void startServers() {
    api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(128));
    keycloak = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    keycloak.start();
  }

  @AfterEach
  void stopServers() {
    if (client != null) {
      client.close();
    }
    api.stop();
    keycloak.stop();
  }

  String apiBase() {
    return "http://127.0.0.1:" + api.port() + "/itcare";
  }

  String tokenUrl() {
    return "http://127.0.0.1:" + keycloak.port() + TOKEN_PATH;
  }

  /** A builder wired to the two servers, with test clock, sleeper, executor and short timeouts. */
  ItCareClient.Builder builder() {
    return ItCareClient.builder()
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .baseUrl(apiBase())
        .tokenUrl(tokenUrl())
        .clock(clock)
        .sleeper(d -> {
          sleeps.add(d);
          clock.advance(d);
        })
        .executor(refreshes)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10));
  }

  static String tokenJson(String accessToken, long expiresIn, String refreshToken,
      long refreshExpiresIn) {
    return "{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn
        + ",\"refresh_expires_in\":" + refreshExpiresIn + ",\"refresh_token\":\"" + refreshToken
        + "\",\"token_type\":\"bearer\",\"not-before-policy\":0,\"scope\":\"profile email\"}";
  }

  /**
   * Each token request (any grant) answers the next of {@code accessTokens} (20 min; refresh
   * token {@code rt-<token>}, 2 h); the last one repeats.
   */
  void stubTokens(String... accessTokens) {
    for (int i = 0; i < accessTokens.length; i++) {
      ScenarioMappingBuilder m = post(urlPathEqualTo(TOKEN_PATH))
          .inScenario("tokens")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "token-" + i)
          .willReturn(okJson(tokenJson(accessTokens[i], 1200, "rt-" + accessTokens[i], 7200)));
      if (i + 1 < accessTokens.length) {
        m = m.willSetStateTo("token-" + (i + 1));
      }
      keycloak.stubFor(m);
    }
  }

  /** Every token request fails with {@code status} and {@code body}, overriding earlier stubs. */
  void stubTokenFailure(int status, String body) {
    keycloak.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
        .willReturn(aResponse().withStatus(status)
            .withHeader("Content-Type", "application/json").withBody(body)));
  }

  List<LoggedRequest> tokenRequests() {
    return keycloak.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  List<LoggedRequest> apiRequests() {
    return api.findAll(anyRequestedFor(anyUrl()));
  }

  /** Runs background token refreshes only when the test says so. */
  static final class ManualExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    synchronized int pending() {
      return tasks.size();
    }

    /** Runs the queued tasks on the calling thread. */
    void runAll() {
      while (true) {
        Runnable next;
        synchronized (this) {
          next = tasks.poll();
        }
        if (next == null) {
          return;
        }
        next.run();
      }
    }
  }
}
