package dev.b2bsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.error.ThrottledException;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;
import java.io.IOException;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;

/** The per-client retry quota trips under an outage and recovers with successes; equal jitter on 429. */
class RetryQuotaTest {

  interface Api {
    @GET("x")
    Call<String> get();
  }

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = MutableClock.atEpoch();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private ClientRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    if (runtime != null) {
      runtime.close();
    }
    server.shutdown();
  }

  @Test
  void bucketTakesTheCostAndSuccessesRefillIt() {
    RetryQuota quota = new RetryQuota(10, 5);
    assertThat(quota.tryAcquireRetry()).isTrue();
    assertThat(quota.tryAcquireRetry()).isTrue();
    assertThat(quota.tryAcquireRetry()).isFalse();
    assertThat(quota.available()).isZero();
    for (int i = 0; i < 4; i++) {
      quota.onSuccess();
    }
    assertThat(quota.tryAcquireRetry()).isFalse();
    quota.onSuccess();
    assertThat(quota.tryAcquireRetry()).isTrue();
    for (int i = 0; i < 100; i++) {
      quota.onSuccess();
    }
    assertThat(quota.available()).isEqualTo(10); // never above the capacity
    assertThat(new RetryQuota(0, 5).tryAcquireRetry()).isTrue(); // 0 = no quota
  }

  @Test
  void anOutageTripsTheQuotaAndSuccessesBringRetriesBack() {
    runtime = ClientRuntime.builder("Test").baseUrl(server.url("/").toString())
        .transport(TransportOptions.builder().callTimeout(Duration.ofSeconds(10)).build())
        .retry(RetryOptions.builder().retryQuota(10).retryCost(5).build())
        .clock(clock).sleeper(sleeper).build();
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> runtime.execute(runtime.create(Api.class).get()))
          .isInstanceOf(ServerException.class);
    }
    // the first call retried twice (10 tokens); the quota was then empty: one attempt each
    assertThat(server.getRequestCount()).isEqualTo(5);

    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setBody("ok"));
      assertThat(runtime.execute(runtime.create(Api.class).get())).isEqualTo("ok");
    }
    // five successes gave back one retry: 503, then 503 again, no third attempt
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    assertThatThrownBy(() -> runtime.execute(runtime.create(Api.class).get()))
        .isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(12);
  }

  @Test
  void a429WithoutRetryAfterWaitsAtLeastHalfItsBackoff() {
    RetryStrategy zero = new RetryStrategy(RetryOptions.defaults(), clock, () -> 0.0,
        new RetryQuota(0, 5));
    runtime = ClientRuntime.builder("Test").baseUrl(server.url("/").toString())
        .retry(RetryOptions.defaults()).clock(clock).sleeper(sleeper).build();
    okhttp3.Request request = new okhttp3.Request.Builder().url(server.url("/x")).build();
    RetryStrategy.Attempts attempts = zero.begin(request, dev.b2bsdk.core.http.RetryMode.SAFE);
    okhttp3.Response throttled = new okhttp3.Response.Builder().request(request)
        .protocol(okhttp3.Protocol.HTTP_1_1).code(429).message("Too Many Requests").build();
    // random 0: full jitter would wait 0 ms; equal jitter waits half the 1 s throttling base
    assertThat(attempts.next(throttled, null, false)).isEqualTo(Duration.ofMillis(500));
    assertThat(attempts.next(throttled, null, false)).isEqualTo(Duration.ofSeconds(1));
    RetryStrategy.Attempts other = zero.begin(request, dev.b2bsdk.core.http.RetryMode.SAFE);
    okhttp3.Response unavailable = throttled.newBuilder().code(503).build();
    assertThat(other.next(unavailable, null, false)).isZero(); // 5xx keeps full jitter
    assertThat(ThrottledException.class).isNotNull();
  }
}
