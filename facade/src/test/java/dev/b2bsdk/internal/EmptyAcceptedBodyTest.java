package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.core.error.MalformedResponseException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.http.POST;

/** A 202 without a body is "accepted, nothing to report"; other empty 2xx stay malformed. */
class EmptyAcceptedBodyTest {

  static final class Tracking {
    Long id;
  }

  interface JobApi {
    @POST("jobs")
    Call<Tracking> start();
  }

  private final MockWebServer server = new MockWebServer();
  private ClientRuntime runtime;
  private JobApi api;

  @BeforeEach
  void start() throws IOException {
    server.start();
    runtime = ClientRuntime.builder("TestAPI")
        .baseUrl(server.url("/").toString())
        .transport(TransportOptions.builder().callTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5)).build())
        .retry(RetryOptions.none())
        .build();
    api = runtime.create(JobApi.class);
  }

  @AfterEach
  void stop() throws IOException {
    runtime.close();
    server.shutdown();
  }

  @Test
  void emptyAcceptedBodyIsNull() {
    server.enqueue(new MockResponse().setResponseCode(202));
    Response<Tracking> response = runtime.executeForResponse(api.start());
    assertThat(response.code()).isEqualTo(202);
    assertThat(response.body()).isNull();
  }

  @Test
  void blankAcceptedBodyIsNull() {
    server.enqueue(new MockResponse().setResponseCode(202).setBody(" \n")
        .setHeader("Content-Type", "application/json"));
    assertThat(runtime.execute(api.start())).isNull();
  }

  @Test
  void acceptedBodyIsStillRead() {
    server.enqueue(new MockResponse().setResponseCode(202).setBody("{\"id\": 7}")
        .setHeader("Content-Type", "application/json"));
    assertThat(runtime.execute(api.start()).id).isEqualTo(7L);
  }

  @Test
  void asyncEmptyAcceptedBodyIsNull() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(202));
    assertThat(runtime.executeAsync(api.start()).get(5, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void emptyOkBodyIsStillMalformed() {
    server.enqueue(new MockResponse().setResponseCode(200));
    assertThatThrownBy(() -> runtime.execute(api.start()))
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.status()).isEqualTo(200));
  }
}
