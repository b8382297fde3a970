package dev.b2bsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.core.client.ApiResponse;
import dev.b2bsdk.core.error.NotFoundException;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;
import dev.b2bsdk.core.polling.AsyncOperation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/** What every generated method delegates to: unwrap, status and headers, async, checks. */
class OperationInvokerTest {

  /** A CareCloud-shaped envelope {@code {"data": {...}}}. */
  static final class Envelope {
    Pet data;
  }

  static final class Pet {
    String name;
  }

  /** Stands in for a generated Retrofit interface. */
  interface PetApi {
    @GET("pets/{id}")
    Call<Envelope> getPet(@Path("id") String id);
  }

  private final MockWebServer server = new MockWebServer();
  private ClientRuntime runtime;
  private OperationInvoker invoker;
  private PetApi api;

  @BeforeEach
  void start() throws IOException {
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    runtime = ClientRuntime.builder("Test")
        .baseUrl(server.url("/api").toString())
        .transport(TransportOptions.builder().connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(20)).writeTimeout(Duration.ofSeconds(2))
            .callTimeout(Duration.ofSeconds(30)).build())
        .retry(RetryOptions.none())
        .authentication(chain -> chain.proceed(chain.request().newBuilder()
            .header("Authorization", "Bearer secret-token").build()))
        .build();
    invoker = new OperationInvoker(runtime, null, null);
    api = invoker.create(PetApi.class);
  }

  @AfterEach
  void stop() throws IOException {
    runtime.close();
    server.shutdown();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(body);
  }

  @Test
  void callUnwrapsTheEnvelope() {
    server.enqueue(json(200, "{\"data\":{\"name\":\"Rex\"}}"));
    server.enqueue(json(200, "{\"data\":{\"name\":\"Fido\"}}"));

    String name = invoker.call(api.getPet("1"), e -> e.data.name);
    Envelope whole = invoker.call(api.getPet("2"), OperationInvoker.identity());

    assertThat(name).isEqualTo("Rex");
    assertThat(whole.data.name).isEqualTo("Fido");
  }

  @Test
  void callWithResponseKeepsStatusAndCaseInsensitiveHeadersAndUnwraps() {
    server.enqueue(json(201, "{\"data\":{\"name\":\"Rex\"}}")
        .setHeader("Location", "/api/pets/7")
        .addHeader("X-Tag", "a").addHeader("X-Tag", "b"));

    ApiResponse<String> response = invoker.callWithResponse(api.getPet("7"), e -> e.data.name);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.value()).isEqualTo("Rex");
    assertThat(response.header("location")).isEqualTo("/api/pets/7");
    assertThat(response.header("LOCATION")).isEqualTo("/api/pets/7");
    assertThat(response.headers().get("x-tag")).containsExactly("a", "b");
    assertThat(response.header("X-Absent")).isNull();
    Map<String, List<String>> headers = response.headers();
    assertThatThrownBy(() -> headers.put("X-New", List.of("c")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void callWithResponseOfAnEmptyBodyHasANullValue() {
    server.enqueue(new MockResponse().setResponseCode(204));

    ApiResponse<Pet> response =
        invoker.callWithResponse(api.getPet("1"), e -> e == null ? null : e.data);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.value()).isNull();
  }

  @Test
  void anErrorStatusIsTheSdksExceptionOnEveryForm() {
    server.enqueue(json(404, "{}"));
    server.enqueue(json(404, "{}"));
    server.enqueue(json(404, "{}"));

    assertThatThrownBy(() -> invoker.call(api.getPet("1"), e -> e.data))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> invoker.callWithResponse(api.getPet("1"), e -> e.data))
        .isInstanceOf(NotFoundException.class);
    CompletableFuture<Pet> async = invoker.callAsync(api.getPet("1"), e -> e.data);
    assertThatThrownBy(() -> async.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void callAsyncCompletesWithTheUnwrappedValue() throws Exception {
    server.enqueue(json(200, "{\"data\":{\"name\":\"Rex\"}}"));

    assertThat(invoker.callAsync(api.getPet("1"), e -> e.data.name).get(10, TimeUnit.SECONDS))
        .isEqualTo("Rex");
  }

  @Test
  void anUnwrapFailureFailsTheFuture() {
    server.enqueue(json(200, "{}")); // no data: the unwrap function throws

    CompletableFuture<String> future = invoker.callAsync(api.getPet("1"), e -> e.data.name);

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NullPointerException.class);
  }

  @Test
  void cancellingTheAsyncFormCancelsTheHttpCallInFlight() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    Call<Envelope> call = api.getPet("slow");

    CompletableFuture<Pet> future = invoker.callAsync(call, e -> e.data);
    RecordedRequest arrived = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(arrived).as("the request reached the server").isNotNull();
    assertThat(call.isCanceled()).isFalse();

    assertThat(future.cancel(true)).isTrue();

    assertThat(future).isCancelled();
    assertThat(call.isCanceled()).isTrue();
  }

  @Test
  void theAnonymousProxySendsNoCredentials() throws Exception {
    server.enqueue(json(200, "{\"data\":{\"name\":\"Rex\"}}"));
    server.enqueue(json(200, "{\"data\":{\"name\":\"Rex\"}}"));

    invoker.call(api.getPet("1"), e -> e.data);
    invoker.call(invoker.createAnonymous(PetApi.class).getPet("1"), e -> e.data);

    assertThat(server.takeRequest(10, TimeUnit.SECONDS).getHeader("Authorization"))
        .isEqualTo("Bearer secret-token");
    assertThat(server.takeRequest(10, TimeUnit.SECONDS).getHeader("Authorization")).isNull();
  }

  @Test
  void theInterfaceCheckNamesTheOperationAndTheInterfacesThatServeIt() {
    OperationInvoker customer = new OperationInvoker(runtime, "customer", null);

    assertThatThrownBy(() -> customer.requireInterface("createCard", "enterprise"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("createCard is not served by the customer interface (only: enterprise)");
    customer.requireInterface("getCard", "enterprise", "customer");
    invoker.requireInterface("createCard", "enterprise"); // one interface only: no check
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void beginHandsTheCallToTheApisPollerAndFailsWithoutOne() {
    AtomicReference<String> started = new AtomicReference<>();
    AsyncOperation<String> poller = AsyncOperation.untracked("accepted");
    OperationInvoker withPoller = new OperationInvoker(runtime, null, (operationId, call) -> {
      started.set(operationId + " " + call.request().url().encodedPath());
      return poller;
    });

    AsyncOperation<Object> op = withPoller.begin("patchPet", api.getPet("9"));

    assertThat(op).isSameAs(poller);
    assertThat(started.get()).isEqualTo("patchPet /api/pets/9");
    assertThatThrownBy(() -> invoker.begin("patchPet", api.getPet("9")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("patchPet");
    assertThat(server.getRequestCount()).isZero();
  }
}
