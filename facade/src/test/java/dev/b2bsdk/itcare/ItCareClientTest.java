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
import dev.b2bsdk.internal.RedactingHttpLogger;
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
        client.instances().get(1L);
      } catch (AuthenticationException e) {
        thrown = e;
      }
      clock.advance(Duration.ofMinutes(30)); // next token request uses the refresh token
      try {
        client.instances().get(1L);
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

    assertThatThrownBy(() -> client.instances().get(404L))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.operation()).isEqualTo("getInstance");
          assertThat(e.getMessage()).isEqualTo("ITCare getInstance → 404 Not Found");
        });
    assertThatThrownBy(() -> client.instances().get(500L))
        .isInstanceOfSatisfying(ServerException.class,
            e -> assertThat(e.bodySnippet()).contains("Internal error"));
  }

  @Test
  void asyncExecutionCompletesWithTheBody() throws Exception {
    stubTokens("tok1");
    api.stubFor(get(urlPathEqualTo("/itcare/compute/services/40213")).willReturn(okJson(
        "{\"id\":40213,\"key\":\"ECOMWEB\",\"name\":\"E-commerce Web Front\"}")));
    client = builder().build();

    assertThat(client.services().getAsync(40213L)
        .get(10, java.util.concurrent.TimeUnit.SECONDS).getKey()).isEqualTo("ECOMWEB");
  }

  // ---------------------------------------------------------------- spec coverage

  /**
   * Every {@code x-async-action} operation of the spec has a typed {@code begin…} method
   * returning the poller, reachable from the client through its tag's accessor.
   */
  @Test
  void everyAsyncActionOfTheSpecHasABeginMethod() throws Exception {
    Set<String> async = operationsMarked("x-async-action: true");
    assertThat(async).contains("createInstance", "patchInstance",
        "deleteInstance", "createInstanceSnapshot", "createOverdrive", "patchOverdrive",
        "deleteOverdrive");
    Map<String, String[]> index = operationIndex();
    for (String operation : async) {
      String[] row = index.get(operation);
      assertThat(row).as("typed method for %s", operation).isNotNull();
      assertThat(row[3]).isEqualTo("async");
      assertThat(row[2]).startsWith("begin");
      assertThat(typedMethods(row[1], row[2])).as("%s.%s", row[1], row[2]).isNotEmpty()
          .allSatisfy(m -> assertThat(m.getReturnType()).isEqualTo(AsyncOperation.class));
    }
    assertThat(typedMethods("instances", "beginPatch")).isNotEmpty();
    assertThat(typedMethods("overdrive", "beginDelete")).isNotEmpty();
  }

  @Test
  void everyPagedOperationOfTheSpecHasAListMethod() throws Exception {
    Set<String> paged = operationsMarked("x-paging:");
    assertThat(paged).contains("listInstances", "listResources", "listServices");
    Map<String, String[]> index = operationIndex();
    for (String operation : paged) {
      String[] row = index.get(operation);
      assertThat(row).as("typed method for %s", operation).isNotNull();
      assertThat(row[3]).isEqualTo("paged");
      assertThat(typedMethods(row[1], row[2])).as("%s.%s", row[1], row[2]).hasSize(2)
          .allSatisfy(m -> assertThat(m.getReturnType()).isEqualTo(PagedIterable.class));
    }
  }

  /** operationId → its row of the generated {@code operations.tsv}. */
  private static Map<String, String[]> operationIndex() throws IOException {
    try (var in = ItCareClient.class.getResourceAsStream("operations.tsv")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.split("\t")).collect(Collectors.toMap(r -> r[0], r -> r));
    }
  }

  /** The public methods {@code name} of the group the client's {@code accessor()} returns. */
  private static List<Method> typedMethods(String accessor, String name) throws Exception {
    Class<?> group = ItCareClient.class.getMethod(accessor).getReturnType();
    return Arrays.stream(group.getMethods())
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
