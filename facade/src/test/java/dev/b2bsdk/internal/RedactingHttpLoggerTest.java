package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.core.http.TransportOptions;


import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Query;

class RedactingHttpLoggerTest {

  interface TokenApi {
    @GET("token")
    Call<String> token(@Query("client_id") String id, @Query("client_secret") String secret);

    @POST("users/actions/login")
    Call<String> login(@Query("access_token") String token, @Body Object body);
  }

  private final MockWebServer server = new MockWebServer();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RedactingHttpLogger.LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level previousLevel;

  @BeforeEach
  void start() throws IOException {
    server.start();
    previousLevel = logger.getLevel();
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void stop() throws IOException {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
    server.shutdown();
  }

  private ClientRuntime runtime(HttpLogLevel level) {
    return ClientRuntime.builder("Shop").baseUrl(server.url("/").toString())
        .transport(TransportOptions.builder().connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(5)).build())
        .logging(level)
        .authentication(chain -> chain.proceed(chain.request().newBuilder()
            .header("Authorization", "Bearer sekret-bearer-value").header("Cookie", "sid=sekret-cookie")
            .build()))
        .build();
  }

  private String logged() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void debugLogShowsTrafficButNoSecret() throws Exception {
    logger.setLevel(Level.DEBUG);
    server.enqueue(new MockResponse().setBody("{\"access_token\":\"sekret-issued\",\"expires_in\":3600}")
        .setHeader("Content-Type", "application/json").setHeader("Set-Cookie", "sid=sekret-set"));
    server.enqueue(new MockResponse().setBody("{\"data\":{\"bearer_token\":\"sekret-login\"}}")
        .setHeader("Content-Type", "application/json"));
    try (ClientRuntime runtime = runtime(HttpLogLevel.BODY)) {
      TokenApi api = runtime.create(TokenApi.class);
      runtime.execute(api.token("my-client", "sekret-client-secret"));
      runtime.execute(api.login("sekret-query-token",
          java.util.Map.of("login", "jane", "password", "sekret-password")));
    }

    String log = logged();
    assertThat(log)
        .contains("--> GET " + server.url("/token"), "<-- 200 GET " + server.url("/token"))
        .contains("--> POST " + server.url("/users/actions/login") + "?access_token=REDACTED")
        .contains("\"login\":\"jane\"", "\"expires_in\":3600", "Authorization: REDACTED")
        .doesNotContain("sekret");
  }

  @Test
  void silentUnlessTheLoggerIsAtDebug() {
    logger.setLevel(Level.INFO);
    server.enqueue(new MockResponse().setBody("ok"));
    try (ClientRuntime runtime = runtime(HttpLogLevel.BODY)) {
      runtime.execute(runtime.create(TokenApi.class).token("a", "b"));
    }
    assertThat(appender.list).isEmpty();
  }

  @Test
  void silentUnlessEnabledInTheOptions() {
    logger.setLevel(Level.DEBUG);
    server.enqueue(new MockResponse().setBody("ok"));
    try (ClientRuntime runtime = runtime(HttpLogLevel.NONE)) {
      runtime.execute(runtime.create(TokenApi.class).token("a", "b"));
    }
    assertThat(appender.list).isEmpty();
  }

  @Test
  void basicLevelOmitsHeadersAndBodies() {
    logger.setLevel(Level.DEBUG);
    server.enqueue(new MockResponse().setBody("{\"name\":\"visible-only-at-body-level\"}"));
    try (ClientRuntime runtime = runtime(HttpLogLevel.BASIC)) {
      runtime.execute(runtime.create(TokenApi.class).token("a", "b"));
    }
    assertThat(logged()).contains("<-- 200 GET").doesNotContain("Authorization", "visible-only");
  }

  @Test
  void gzipResponseBodiesAreDecodedForTheLogAndStillReachTheCaller() throws IOException {
    logger.setLevel(Level.DEBUG);
    Buffer gzipped = new Buffer();
    try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
      sink.writeUtf8("{\"refresh_token\":\"sekret-gz\",\"name\":\"zipped\"}");
    }
    server.enqueue(new MockResponse().setBody(gzipped).setHeader("Content-Encoding", "gzip")
        .setHeader("Content-Type", "application/json"));
    String body;
    try (ClientRuntime runtime = runtime(HttpLogLevel.BODY)) {
      body = runtime.execute(runtime.create(TokenApi.class).token("a", "b"));
    }
    assertThat(body).contains("sekret-gz");
    assertThat(logged()).contains("\"name\":\"zipped\"").doesNotContain("sekret");
  }
}
