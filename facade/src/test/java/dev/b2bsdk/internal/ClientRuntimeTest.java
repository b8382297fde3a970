package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.core.error.NotFoundException;
import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.error.ThrottledException;
import dev.b2bsdk.core.error.TransportException;
import dev.b2bsdk.core.error.ValidationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

class ClientRuntimeTest {

  /** Stands in for a generated model. */
  static final class Pet {
    String name;

    Pet(String name) {
      this.name = name;
    }
  }

  /** Stands in for a generated Retrofit interface. */
  interface PetApi {
    @GET("pets/{id}")
    Call<Pet> getPet(@Path("id") String id);

    @POST("pets")
    Call<Pet> createPet(@Body Pet pet);

    @DELETE("pets/{id}")
    Call<Void> deletePet(@Path("id") String id);

    @GET("names")
    Call<String> names();
  }

  /** An ITCare-shaped error parser. */
  static final ErrorBodyParser PARSER = (status, contentType, body) -> {
    try {
      JsonObject o = JsonParser.parseString(body).getAsJsonObject();
      return ErrorDetails.of(o.get("errorCode").getAsString(), o.get("errorMessage").getAsString());
    } catch (RuntimeException e) {
      return ErrorDetails.EMPTY;
    }
  };

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = MutableClock.atEpoch();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private ClientRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    server.start();
    runtime = builder(RetryOptions.defaults()).build();
  }

  @AfterEach
  void stop() throws IOException {
    runtime.close();
    server.shutdown();
  }

  private static TransportOptions.Builder shortTimeouts() {
    return TransportOptions.builder().connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2)).writeTimeout(Duration.ofSeconds(2))
        .callTimeout(Duration.ofSeconds(10));
  }

  private ClientRuntime.Builder builder(RetryOptions retry) {
    return ClientRuntime.builder("Test")
        .baseUrl(server.url("/api").toString())
        .transport(shortTimeouts().build())
        .retry(retry)
        .errorParser(PARSER)
        .clock(clock)
        .sleeper(sleeper);
  }

  private void use(ClientRuntime replacement) {
    runtime.close();
    runtime = replacement;
  }

  private PetApi pets() {
    return runtime.create(PetApi.class);
  }

  @Test
  void successfulCallReturnsTheBodyAndAddsTheTrailingSlash() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"name\":\"Rex\"}"));

    assertThat(runtime.execute(pets().getPet("7")).name).isEqualTo("Rex");

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getPath()).isEqualTo("/api/pets/7");
    assertThat(recorded.getHeader("User-Agent")).isEqualTo("b2bsdk-java/dev (Test)");
    assertThat(runtime.baseUrl().toString()).endsWith("/api/");
  }

  @Test
  void noContentReturnsNull() {
    server.enqueue(new MockResponse().setResponseCode(204));
    assertThat(runtime.execute(pets().deletePet("7"))).isNull();
  }

  @Test
  void scalarResponsesAreReadAsText() {
    server.enqueue(new MockResponse().setBody("plain text"));
    assertThat(runtime.execute(pets().names())).isEqualTo("plain text");
  }

  @Test
  void errorStatusBecomesTheTypedExceptionWithTheParsedMessage() {
    server.enqueue(new MockResponse().setResponseCode(422).setBody(
        "{\"status\":\"BAD_REQUEST\",\"errorCode\":\"INVALID_FIELD_VALUE\",\"errorDesc\":\"name\","
            + "\"errorMessage\":\"Error on field 'name'\"}"));

    assertThatThrownBy(() -> runtime.execute(pets().createPet(new Pet(""))))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage())
              .isEqualTo("Test createPet → 422 INVALID_FIELD_VALUE: Error on field 'name'");
          assertThat(e.errorCode()).isEqualTo("INVALID_FIELD_VALUE");
          assertThat(e.operation()).isEqualTo("createPet");
          assertThat(e.requestMethod()).isEqualTo("POST");
          assertThat(e.requestUrl()).isEqualTo(server.url("/api/pets").toString());
          assertThat(e.bodySnippet()).contains("errorDesc");
        });
  }

  @Test
  void notFoundWithAnEmptyBody() {
    server.enqueue(new MockResponse().setResponseCode(404));
    assertThatThrownBy(() -> runtime.execute(pets().getPet("9")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Test getPet → 404 Not Found");
  }

  @Test
  void throttlingCarriesRetryAfterWhenRetriesAreOff() {
    use(builder(RetryOptions.none()).build());
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "12"));
    assertThatThrownBy(() -> runtime.execute(pets().getPet("1")))
        .isInstanceOfSatisfying(ThrottledException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
  }

  @Test
  void persistent500IsRetriedForACareCloudLikeConfigThenThrown() {
    use(builder(RetryOptions.builder().addRetryableStatus(500).build()).build());
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(500).setBody("<html>oops</html>"));
    }

    assertThatThrownBy(() -> runtime.execute(pets().getPet("1")))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.bodySnippet()).isEqualTo("<html>oops</html>");
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.delays()).hasSize(2);
  }

  @Test
  void htmlInsteadOfJsonIsAMalformedResponseWithStatusAndSnippet() {
    server.enqueue(new MockResponse().setBody("<html><body>Proxy login</body></html>")
        .setHeader("Content-Type", "text/html"));

    assertThatThrownBy(() -> runtime.execute(pets().getPet("1")))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.status()).isEqualTo(200);
          assertThat(e.operation()).isEqualTo("getPet");
          assertThat(e.bodySnippet()).startsWith("<html><body>Proxy login");
          assertThat(e.getCause()).isNotNull();
        });
  }

  @Test
  void emptyBodyWhereJsonWasExpectedIsMalformed() {
    server.enqueue(new MockResponse().setResponseCode(201));
    assertThatThrownBy(() -> runtime.execute(pets().createPet(new Pet("Rex"))))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.status()).isEqualTo(201);
          assertThat(e.getMessage()).contains("empty body");
        });
  }

  @Test
  void truncatedJsonIsMalformed() {
    server.enqueue(new MockResponse().setBody("{\"name\": \"Re"));
    assertThatThrownBy(() -> runtime.execute(pets().getPet("1")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void wrongJsonTypeIsMalformed() {
    server.enqueue(new MockResponse().setBody("[1,2,3]"));
    assertThatThrownBy(() -> runtime.execute(pets().getPet("1")))
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.bodySnippet()).isEqualTo("[1,2,3]"));
  }

  @Test
  void connectionRefusedIsATransportException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ClientRuntime refused = ClientRuntime.builder("Test")
        .baseUrl("http://127.0.0.1:" + closedPort + "/").transport(shortTimeouts().build())
        .retry(RetryOptions.none()).build()) {
      assertThatThrownBy(() -> refused.execute(refused.create(PetApi.class).getPet("1")))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.isTimeout()).isFalse();
            assertThat(e.operation()).isEqualTo("getPet");
          });
    }
  }

  @Test
  void readTimeoutIsATimeoutTransportExceptionAndAPostIsSentOnce() {
    use(builder(RetryOptions.defaults())
        .transport(shortTimeouts().readTimeout(Duration.ofMillis(300)).build()).build());
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("{}"));

    assertThatThrownBy(() -> runtime.execute(pets().createPet(new Pet("Rex"))))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.isTimeout()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void asyncCallsCompleteWithTheBodyOrTheTypedException() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"name\":\"Rex\"}"));
    server.enqueue(new MockResponse().setResponseCode(404));

    assertThat(runtime.executeAsync(pets().getPet("1")).get(5, TimeUnit.SECONDS).name).isEqualTo("Rex");

    CompletableFuture<Pet> missing = runtime.executeAsync(pets().getPet("2"));
    assertThatThrownBy(() -> missing.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(NotFoundException.class).hasMessage("Test getPet → 404 Not Found");
  }

  @Test
  void cancellingTheAsyncFutureCancelsTheHttpCall() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    retrofit2.Call<Pet> call = pets().getPet("1");
    CompletableFuture<Pet> future = runtime.executeAsync(call);
    server.takeRequest(5, TimeUnit.SECONDS); // the request is in flight

    assertThat(future.cancel(true)).isTrue();
    assertThat(call.isCanceled()).isTrue();
  }

  @Test
  void aClosedRuntimeRefusesCallsWithoutSendingThem() {
    runtime.close();
    assertThatThrownBy(() -> runtime.execute(pets().getPet("1")))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void asyncMalformedBodyIsTyped() {
    server.enqueue(new MockResponse().setBody("nope{"));
    CompletableFuture<Pet> future = runtime.executeAsync(pets().getPet("1"));
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.status()).isEqualTo(200));
  }

  @Test
  void optionsViewAddsHeadersAndCanOptAPostIntoRetries() throws Exception {
    ClientRuntime dryRun = runtime.withOptions(CallOptions.builder()
        .header("ITCare-DryRun", "true").retryMode(RetryMode.ALWAYS).build());
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("{\"name\":\"Rex\"}").setHeader("ITCare-DryRun", "true"));
    server.enqueue(new MockResponse().setBody("{\"name\":\"Rex\"}"));

    retrofit2.Response<Pet> response =
        dryRun.executeForResponse(dryRun.create(PetApi.class).createPet(new Pet("Rex")));
    assertThat(response.headers().get("ITCare-DryRun")).isEqualTo("true");
    assertThat(server.takeRequest().getHeader("ITCare-DryRun")).isEqualTo("true");
    assertThat(server.takeRequest().getHeader("ITCare-DryRun")).isEqualTo("true");

    runtime.execute(pets().getPet("1"));
    assertThat(server.takeRequest().getHeader("ITCare-DryRun")).isNull();

    dryRun.close(); // a view: must not close the shared client
    assertThat(runtime.okHttpClient().dispatcher().executorService().isShutdown()).isFalse();
    assertThat(dryRun.okHttpClient().connectionPool()).isSameAs(runtime.okHttpClient().connectionPool());
  }

  @Test
  void callerSuppliedClientKeepsItsInterceptorsPoolAndDispatcher() {
    AtomicInteger seen = new AtomicInteger();
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient mine = new OkHttpClient.Builder().connectionPool(pool)
        .addInterceptor(chain -> {
          seen.incrementAndGet();
          return chain.proceed(chain.request().newBuilder().header("X-Tenant", "acme").build());
        }).build();
    ClientRuntime withMine = builder(RetryOptions.defaults())
        .transport(shortTimeouts().client(mine).build()).build();
    server.enqueue(new MockResponse().setBody("{\"name\":\"Rex\"}"));

    withMine.execute(withMine.create(PetApi.class).getPet("1"));

    assertThat(seen).hasValue(1);
    assertThat(withMine.okHttpClient().connectionPool()).isSameAs(pool);
    assertThat(withMine.okHttpClient().dispatcher()).isSameAs(mine.dispatcher());
    assertThat(withMine.okHttpClient().retryOnConnectionFailure()).isFalse();
    assertThat(withMine.okHttpClient().callTimeoutMillis()).isEqualTo(10_000);
    withMine.close();
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void closingAnSdkOwnedRuntimeShutsItsDispatcherDown() {
    ClientRuntime owned = builder(RetryOptions.defaults()).build();
    ClientRuntime authenticated = owned.withAuthentication(chain -> chain.proceed(chain.request()));
    authenticated.close();
    assertThat(owned.okHttpClient().dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void plainHttpBaseUrlToARemoteHostIsRefused() {
    assertThatThrownBy(() -> ClientRuntime.builder("CareCloud").baseUrl("http://crm.example.com/rest").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must use https for non-loopback host crm.example.com");
    assertThatThrownBy(() -> runtime.retrofit("http://accounts.example.com/realms/", "tokenUrl"))
        .hasMessage("tokenUrl must use https for non-loopback host accounts.example.com");
  }

  @Test
  void anApiExceptionFromAnInterceptorIsUnwrapped() {
    ClientRuntime failing = runtime.withAuthentication(chain -> {
      throw new dev.b2bsdk.internal.ApiIOException(new dev.b2bsdk.core.error.AuthenticationException(
          ApiException.builder("Test").detail("access token unavailable")));
    });
    assertThatThrownBy(() -> failing.execute(failing.create(PetApi.class).getPet("1")))
        .isInstanceOf(dev.b2bsdk.core.error.AuthenticationException.class)
        .hasMessage("Test getPet → access token unavailable");
    assertThat(server.getRequestCount()).isZero();
  }
}
