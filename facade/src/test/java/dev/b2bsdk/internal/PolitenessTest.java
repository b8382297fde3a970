package dev.b2bsdk.internal;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolitenessTest {

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void concurrencyLimitKeepsAtMostNRequestsInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Semaphore arrived = new Semaphore(0);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        arrived.release();
        release.await(10, TimeUnit.SECONDS);
        inFlight.decrementAndGet();
        return new MockResponse().setBody("ok");
      }
    });
    ConcurrencyLimitInterceptor limit = new ConcurrencyLimitInterceptor(2);
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(limit)
        .connectTimeout(2, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS)
        .callTimeout(20, TimeUnit.SECONDS).build();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> {
          try (Response r = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            return r.code();
          }
        }));
      }
      assertThat(arrived.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
      // four callers are now queued on the limiter: none reaches the server
      assertThat(arrived.tryAcquire(1, 300, TimeUnit.MILLISECONDS)).isFalse();
      assertThat(limit.inFlight()).isEqualTo(2);
      release.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(maxInFlight).hasValue(2);
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void waitingForASlotIsBoundedByTheCallTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(10, TimeUnit.SECONDS);
        return new MockResponse().setBody("ok");
      }
    });
    ConcurrencyLimitInterceptor limit = new ConcurrencyLimitInterceptor(1);
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(limit)
        .readTimeout(15, TimeUnit.SECONDS).callTimeout(20, TimeUnit.SECONDS).build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> holder = pool.submit(() -> {
        try (Response r = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
          return r.code();
        }
      });
      server.takeRequest(5, TimeUnit.SECONDS);
      OkHttpClient impatient = client.newBuilder().callTimeout(200, TimeUnit.MILLISECONDS).build();
      assertThatThrownBy(() -> impatient.newCall(new Request.Builder().url(server.url("/")).build()).execute())
          .isInstanceOf(InterruptedIOException.class).hasMessageContaining("timeout");
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rateLimitSpacesAttempts() throws IOException {
    RecordingSleeper sleeper = new RecordingSleeper(null);
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new RateLimitInterceptor(1.0, sleeper))
        .connectTimeout(2, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS)
        .callTimeout(0, TimeUnit.SECONDS).build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setBody("ok"));
      client.newCall(new Request.Builder().url(server.url("/")).build()).execute().close();
    }
    // a smooth limiter at 1/s: no wait, then about 1 s, then about 2 s (reserved, not slept)
    assertThat(sleeper.delays()).hasSize(3);
    assertThat(sleeper.delays().get(0)).isLessThan(Duration.ofMillis(100));
    assertThat(sleeper.delays().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(sleeper.delays().get(2)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
  }

  @Test
  void rateLimitFailsFastWhenTheWaitExceedsTheCallTimeout() throws IOException {
    RecordingSleeper sleeper = new RecordingSleeper(null);
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new RateLimitInterceptor(0.5, sleeper))
        .readTimeout(2, TimeUnit.SECONDS).callTimeout(1, TimeUnit.SECONDS).build();
    server.enqueue(new MockResponse().setBody("ok"));
    client.newCall(new Request.Builder().url(server.url("/")).build()).execute().close();

    assertThatThrownBy(() -> client.newCall(new Request.Builder().url(server.url("/")).build()).execute())
        .isInstanceOf(InterruptedIOException.class).hasMessageContaining("timeout");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
