package dev.b2bsdk.internal;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.error.FieldProblem;
import dev.b2bsdk.core.http.TransportOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;

class BasicAuthInterceptorTest {

  interface PartiesApi {
    @GET("parties")
    Call<String> listParties();
  }

  private final MockWebServer server = new MockWebServer();
  private final BasicCredentials credentials = BasicCredentials.of("api-user", "pa55wörd");
  private ClientRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    server.start();
    runtime = ClientRuntime.builder("InTouch").baseUrl(server.url("/api").toString())
        .transport(TransportOptions.builder().connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(10)).build())
        .errorParser((status, type, body) -> body.contains("problems")
            ? new ErrorDetails(null, null, List.of(new FieldProblem(null, "Invalid login", "SEVERE")))
            : ErrorDetails.EMPTY)
        .authentication(new BasicAuthInterceptor("InTouch", credentials))
        .build();
  }

  @AfterEach
  void stop() throws IOException {
    runtime.close();
    server.shutdown();
  }

  @Test
  void sendsUtf8BasicCredentials() throws Exception {
    server.enqueue(new MockResponse().setBody("[]"));
    runtime.execute(runtime.create(PartiesApi.class).listParties());
    assertThat(server.takeRequest().getHeader("Authorization"))
        .isEqualTo("Basic " + java.util.Base64.getEncoder()
            .encodeToString("api-user:pa55wörd".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void a401IsTypedAfterOneAttempt() {
    server.enqueue(new MockResponse().setResponseCode(401)
        .setBody("{\"ok\":false,\"status\":401,\"problems\":[{\"level\":\"SEVERE\",\"message\":\"Invalid login\"}]}"));
    server.enqueue(new MockResponse().setBody("[]"));

    assertThatThrownBy(() -> runtime.execute(runtime.create(PartiesApi.class).listParties()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("InTouch listParties → 401: Invalid login");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusesPlainHttpToARemoteHost() {
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new BasicAuthInterceptor("InTouch", credentials))
        .callTimeout(5, TimeUnit.SECONDS).build();
    assertThatThrownBy(() -> client.newCall(
        new Request.Builder().url("http://crm.example.cz/api/parties").build()).execute())
        .isInstanceOf(ApiIOException.class)
        .hasMessageContaining("plain http");
  }
}
