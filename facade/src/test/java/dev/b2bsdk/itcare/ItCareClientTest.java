package dev.b2bsdk.itcare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.NotFoundException;
import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.core.http.RedactingHttpLogger;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.polling.AsyncOperation;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Builder validation, secret hygiene, error mapping and spec coverage of {@link ItCareClient}. */
class ItCareClientTest extends ItCareWireMockTest {

  private static final Path SPEC = Path.of("..", "specs", "itcare.yaml");

  @Test
  void plainHttpBaseUrlToARemoteHostIsRefusedAtBuild() {
    assertThatThrownBy(() -> builder().baseUrl("http://api.cegedim.cloud/itcare").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl")
        .hasMessageContaining("https");
    assertThat(keycloak.getAllServeEvents()).isEmpty();
  }

  @Test
  void plainHttpTokenUrlToARemoteHostIsRefusedAtBuild() {
    assertThatThrownBy(() -> builder()
        .tokenUrl("http://accounts.cegedim.cloud/auth/realms/cloud/protocol/openid-connect/token")
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenUrl")
        .hasMessageContaining("https");
  }

  @Test
  void missingCredentialsAreNamedAtBuild() {
    assertThatThrownBy(() -> builder().clientId(null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("clientId is required");
    assertThatThrownBy(() -> builder().clientSecret(" ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("clientSecret is required");
  }

  @Test
  void defaultsAreTheVendorUrls() {
    try (ItCareClient c = ItCareClient.builder().clientId("id").clientSecret("secret").build()) {
      assertThat(c.toString())
          .contains("baseUrl=https://api.cegedim.cloud/itcare/")
          .contains("tokenUrl=https://accounts.cegedim.cloud/auth/realms/cloud/protocol/openid-connect/token")
          .contains("clientId=id");
    }
  }

  @Test
  void toStringShowsUrlAndClientIdButNoSecret() {
    ItCareClient.Builder builder = builder();
    client = builder.build();
    for (String s : List.of(builder.toString(), client.toString(),
        client.withOptions(ItCareClient.DRY_RUN).toString())) {
      assertThat(s).contains(CLIENT_ID).contains("127.0.0.1").doesNotContain(CLIENT_SECRET);
    }
  }

  @Test
  void logsAndExceptionsCarryNoSecret() {
    Logger logger = (Logger) LoggerFactory.getLogger(RedactingHttpLogger.LOGGER_NAME);
    Level previous = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    try {
      stubTokens("eyJaccess.tok1", "eyJaccess.tok2");
      api.stubFor(get(urlPathEqualTo("/itcare/compute/instances/1")).willReturn(aResponse()
          .withStatus(401)));
      client = builder().logging(HttpLogLevel.BODY).build();

      Throwable thrown = null;
      try {
        client.execute(client.instancesApi().getInstance(1L));
      } catch (AuthenticationException e) {
        thrown = e;
      }
      clock.advance(Duration.ofMinutes(30)); // next token request uses the refresh token
      try {
        client.execute(client.instancesApi().getInstance(1L));
      } catch (AuthenticationException e) {
        thrown = e;
      }

      String logs = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
          .collect(Collectors.joining("\n"));
      assertThat(logs).contains(TOKEN_PATH).contains("/itcare/compute/instances/1");
      String basic = Base64.getEncoder().encodeToString(
          (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
      for (String secret : List.of(CLIENT_SECRET, basic, "eyJaccess.tok1", "eyJaccess.tok2",
          "rt-eyJaccess.tok1", "rt-eyJaccess.tok2")) {
        assertThat(logs).doesNotContain(secret);
        assertThat(thrown).hasMessageNotContaining(secret);
      }
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(previous);
    }
  }

  @Test
  void errorStatusesMapToTypedExceptionsWithTheItCareBody() {
    stubTokens("tok1");
    api.stubFor(get(urlPathEqualTo("/itcare/compute/instances/404")).willReturn(
        aResponse().withStatus(404)));
    api.stubFor(get(urlPathEqualTo("/itcare/compute/instances/500")).willReturn(
        aResponse().withStatus(500).withHeader("Content-Type", "text/html")
            .withBody("<html><body>Internal error</body></html>")));
    client = builder().retry(RetryOptions.none()).build();

    assertThatThrownBy(() -> client.execute(client.instancesApi().getInstance(404L)))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.operation()).isEqualTo("getInstance");
          assertThat(e.getMessage()).isEqualTo("ITCare getInstance → 404 Not Found");
        });
    assertThatThrownBy(() -> client.execute(client.instancesApi().getInstance(500L)))
        .isInstanceOfSatisfying(ServerException.class,
            e -> assertThat(e.bodySnippet()).contains("Internal error"));
  }

  @Test
  void asyncExecutionCompletesWithTheBody() throws Exception {
    stubTokens("tok1");
    api.stubFor(get(urlPathEqualTo("/itcare/compute/services/40213")).willReturn(okJson(
        "{\"id\":40213,\"key\":\"ECOMWEB\",\"name\":\"E-commerce Web Front\"}")));
    client = builder().build();

    assertThat(client.executeAsync(client.servicesApi().getService(40213L))
        .get(10, java.util.concurrent.TimeUnit.SECONDS).getKey()).isEqualTo("ECOMWEB");
  }

  // ---------------------------------------------------------------- spec coverage

  /** operationId → the client's {@code begin…} method for it. */
  private static final Map<String, String> BEGIN = Map.ofEntries(
      Map.entry("createInstance", "beginCreateInstance"),
      Map.entry("patchInstance", "beginPatchInstance"),
      Map.entry("deleteInstance", "beginDeleteInstance"),
      Map.entry("createInstanceSnapshot", "beginCreateSnapshot"),
      Map.entry("deleteInstanceSnapshot", "beginDeleteInstanceSnapshot"),
      Map.entry("createOverdrive", "beginCreateOverdrive"),
      Map.entry("patchOverdrive", "beginPatchOverdrive"),
      Map.entry("deleteOverdrive", "beginDeleteOverdrive"),
      Map.entry("createGlusterFs", "beginCreateGlusterFs"),
      Map.entry("createPostgresql", "beginCreatePostgresql"),
      Map.entry("patchPostgresql", "beginPatchPostgresql"),
      Map.entry("deletePostgresql", "beginDeletePostgresql"),
      Map.entry("createMariadb", "beginCreateMariadb"),
      Map.entry("createRedis", "beginCreateRedis"),
      Map.entry("createOpensearch", "beginCreateOpensearch"),
      Map.entry("patchOpensearch", "beginPatchOpensearch"),
      Map.entry("deleteOpensearch", "beginDeleteOpensearch"),
      Map.entry("createApacheKafka", "beginCreateApacheKafka"),
      Map.entry("patchApacheKafka", "beginPatchApacheKafka"),
      Map.entry("deleteApacheKafka", "beginDeleteApacheKafka"),
      Map.entry("createRabbitmq", "beginCreateRabbitmq"),
      Map.entry("createMatomo", "beginCreateMatomo"),
      Map.entry("patchMatomo", "beginPatchMatomo"),
      Map.entry("deleteMatomo", "beginDeleteMatomo"));

  @Test
  void everyAsyncActionOfTheSpecHasABeginMethod() throws IOException {
    Set<String> async = operationsMarked("x-async-action: true");
    assertThat(async).isNotEmpty();
    assertThat(BEGIN.keySet()).containsExactlyInAnyOrderElementsOf(async);
    for (String operation : async) {
      assertThat(publicMethods(BEGIN.get(operation)))
          .as("begin method for %s", operation)
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m.getReturnType()).isEqualTo(AsyncOperation.class));
    }
    assertThat(publicMethods("beginStartInstance")).isNotEmpty();
    assertThat(publicMethods("beginStopInstance")).isNotEmpty();
    assertThat(publicMethods("beginRebootInstance")).isNotEmpty();
    assertThat(publicMethods("beginStartOverdrive")).isNotEmpty();
    assertThat(publicMethods("beginStopOverdrive")).isNotEmpty();
  }

  @Test
  void everyPagedOperationOfTheSpecHasAListMethod() throws IOException {
    Set<String> paged = operationsMarked("x-paging:");
    assertThat(paged).containsExactlyInAnyOrder("listInstances", "listResources", "listServices",
        "listOverdrives", "listGlusterFs", "listMatomos");
    for (String operation : paged) {
      assertThat(publicMethods(operation)).as("list method for %s", operation)
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m.getReturnType()).isEqualTo(PagedIterable.class));
    }
  }

  private static List<Method> publicMethods(String name) {
    return Arrays.stream(ItCareClient.class.getMethods())
        .filter(m -> m.getName().equals(name)).collect(Collectors.toList());
  }

  /** The operationIds whose operation block holds a line starting with {@code marker}. */
  private static Set<String> operationsMarked(String marker) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    String operation = null;
    for (String line : Files.readAllLines(SPEC)) {
      String t = line.trim();
      if (t.startsWith("operationId:")) {
        operation = t.substring("operationId:".length()).trim();
      } else if (t.startsWith(marker) && operation != null) {
        found.add(operation);
      } else if (t.equals("components:")) {
        break;
      }
    }
    return found;
  }
}
