package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.core.http.RetryOptions;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = MutableClock.atEpoch();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private OkHttpClient client(RetryOptions options, double random, Interceptor... inner) {
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectTimeout(2, TimeUnit.SECONDS)
        .readTimeout(2, TimeUnit.SECONDS)
        .callTimeout(10, TimeUnit.SECONDS)
        .retryOnConnectionFailure(false)
        .addInterceptor(new RetryInterceptor(options, sleeper, clock, () -> random));
    for (Interceptor i : inner) {
      b.addInterceptor(i);
    }
    return b.build();
  }

  private OkHttpClient client(RetryOptions options) {
    return client(options, 0.5);
  }

  private Request get() {
    return new Request.Builder().url(server.url("/things")).build();
  }

  private Request post() {
    return new Request.Builder().url(server.url("/things"))
        .post(RequestBody.create("{\"a\":1}", MediaType.get("application/json"))).build();
  }

  private static int code(OkHttpClient client, Request request) throws IOException {
    try (Response r = client.newCall(request).execute()) {
      return r.code();
    }
  }

  @Test
  void getIsRetriedAfter503AndSucceeds() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("busy"));
    server.enqueue(new MockResponse().setBody("ok"));

    assertThat(code(client(RetryOptions.defaults()), get())).isEqualTo(200);

    assertThat(server.getRequestCount()).isEqualTo(2);
    // full jitter with random 0.5: half of base·2^0
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void backoffDoublesAndUsesTheThrottlingBaseAfter429() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setResponseCode(429));
    server.enqueue(new MockResponse().setResponseCode(504));
    server.enqueue(new MockResponse().setBody("ok"));
    RetryOptions options = RetryOptions.builder().maxAttempts(4).build();

    assertThat(code(client(options, 1.0), get())).isEqualTo(200);

    // after 502: 200ms·2^0; after 429: 1s·2^1; after 504: 200ms·2^2
    assertThat(sleeper.delays()).containsExactly(
        Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(800));
  }

  @Test
  void backoffIsCappedByMaxDelay() throws IOException {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    server.enqueue(new MockResponse().setBody("ok"));
    RetryOptions options = RetryOptions.builder().maxAttempts(4)
        .baseDelay(Duration.ofSeconds(8)).maxDelay(Duration.ofSeconds(10))
        .budget(Duration.ofMinutes(5)).build();

    assertThat(code(client(options, 1.0), get())).isEqualTo(200);

    assertThat(sleeper.delays()).containsExactly(
        Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void postIsNotRetriedAfter503() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));

    assertThat(code(client(RetryOptions.defaults()), post())).isEqualTo(503);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void postIsRetriedAfter503WhenTheRequestOptsIn() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));
    Request request = post().newBuilder()
        .tag(CallOptions.class, CallOptions.retry(RetryMode.ALWAYS)).build();

    assertThat(code(client(RetryOptions.defaults()), request)).isEqualTo(200);

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryModeNeverMakesOneAttempt() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));
    Request request = get().newBuilder()
        .tag(CallOptions.class, CallOptions.retry(RetryMode.NEVER)).build();

    assertThat(code(client(RetryOptions.defaults()), request)).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postIsRetriedWhenTheConnectionWasRefusedBeforeSending() throws IOException {
    AtomicInteger attempts = new AtomicInteger();
    Interceptor refuseFirst = chain -> {
      if (attempts.incrementAndGet() == 1) {
        throw new ConnectException("Failed to connect to localhost");
      }
      return chain.proceed(chain.request());
    };
    server.enqueue(new MockResponse().setBody("created"));

    assertThat(code(client(RetryOptions.defaults(), 0.5, refuseFirst), post())).isEqualTo(200);

    assertThat(attempts).hasValue(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postToAClosedPortIsRetriedUpToMaxAttempts() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AtomicInteger connects = new AtomicInteger();
    OkHttpClient client = client(RetryOptions.defaults()).newBuilder()
        .eventListener(new EventListener() {
          @Override
          public void connectStart(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
            connects.incrementAndGet();
          }
        }).build();
    Request request = new Request.Builder().url("http://127.0.0.1:" + closedPort + "/things")
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build();

    assertThatThrownBy(() -> client.newCall(request).execute())
        .isInstanceOf(ConnectException.class);
    assertThat(connects).hasValue(3);
    assertThat(sleeper.delays()).hasSize(2);
  }

  @Test
  void postIsNotRetriedAfterTheServerReadIt() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("ok"));
    OkHttpClient client = client(RetryOptions.defaults()).newBuilder()
        .readTimeout(300, TimeUnit.MILLISECONDS).build();

    assertThatThrownBy(() -> client.newCall(post()).execute())
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void getIsRetriedAfterAReadTimeout() throws IOException {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("ok"));
    OkHttpClient client = client(RetryOptions.defaults()).newBuilder()
        .readTimeout(300, TimeUnit.MILLISECONDS).build();

    assertThat(code(client, get())).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterSecondsReplacesTheComputedDelay() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
    server.enqueue(new MockResponse().setBody("ok"));

    assertThat(code(client(RetryOptions.defaults()), get())).isEqualTo(200);

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterHttpDateIsMeasuredOnTheClock() throws IOException {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(clock.instant().plusSeconds(7).atZone(ZoneOffset.UTC));
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", date));
    server.enqueue(new MockResponse().setBody("ok"));

    assertThat(code(client(RetryOptions.defaults()), get())).isEqualTo(200);

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterIsCappedAtMaxRetryAfter() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
    server.enqueue(new MockResponse().setBody("ok"));
    RetryOptions options = RetryOptions.builder()
        .maxRetryAfter(Duration.ofSeconds(30)).budget(Duration.ofMinutes(10)).build();

    assertThat(code(client(options), get())).isEqualTo(200);

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void noRetryStartsThatWouldEndBeyondTheBudget() throws IOException {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    RetryOptions options = RetryOptions.builder().maxAttempts(5)
        .baseDelay(Duration.ofSeconds(10)).budget(Duration.ofSeconds(15)).build();

    // waits would be 10 s, then 20 s: the second would end at 30 s > 15 s
    assertThat(code(client(options, 1.0), get())).isEqualTo(503);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void stopsAfterMaxAttemptsAndReturnsTheLastResponse() throws IOException {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse().setResponseCode(503).setBody("attempt " + i));
    }
    try (Response r = client(RetryOptions.defaults()).newCall(get()).execute()) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.body().string()).isEqualTo("attempt 2");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void nonRetryableStatusIsReturnedAtOnce() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(500));
    assertThat(code(client(RetryOptions.defaults()), get())).isEqualTo(500);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void oneShotBodyIsNeverReplayed() throws IOException {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/json");
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("{}");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
    Request request = new Request.Builder().url(server.url("/things")).put(oneShot).build();

    assertThat(code(client(RetryOptions.defaults()), request)).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void neverSentClassification() {
    assertThat(RetryInterceptor.provablyNeverSent(new ConnectException("refused"))).isTrue();
    assertThat(RetryInterceptor.provablyNeverSent(new java.net.UnknownHostException("x"))).isTrue();
    assertThat(RetryInterceptor.provablyNeverSent(new SocketTimeoutException("connect timed out"))).isTrue();
    assertThat(RetryInterceptor.provablyNeverSent(new SocketTimeoutException("timeout"))).isFalse();
    assertThat(RetryInterceptor.provablyNeverSent(new SocketTimeoutException("Read timed out"))).isFalse();
    assertThat(RetryInterceptor.provablyNeverSent(new java.net.SocketException("Connection reset"))).isFalse();
  }
}
