package dev.b2bsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.core.error.ClientClosedException;
import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.http.PolitenessOptions;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * The asynchronous path waits without threads: backoff, rate-limit spacing and request slots
 * are scheduled or queued, never slept or parked on a dispatcher thread. Every assertion is about
 * state (dispatcher counts, queued waiters, request counts), never about elapsed time: the waits
 * used are an hour long, so a thread that slept through one would make the test fail.
 */
class AsyncWaitsTest {

  interface Api {
    @GET("things/{id}")
    Call<String> get(@Path("id") String id);
  }

  private static final Duration HOUR = Duration.ofHours(1);

  private final MockWebServer server = new MockWebServer();
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

  private ClientRuntime.Builder builder(RetryOptions retry, int maxConcurrent) {
    return ClientRuntime.builder("Test")
        .baseUrl(server.url("/").toString())
        .transport(TransportOptions.builder().maxConcurrentRequests(maxConcurrent)
            .callTimeout(Duration.ZERO).readTimeout(Duration.ofSeconds(20)).build())
        .retry(retry); // the real Sleeper: waits are real (and an hour long)
  }

  private static RetryOptions hourLongRetryAfter() {
    return RetryOptions.builder().maxRetryAfter(HOUR).budget(HOUR.multipliedBy(2)).build();
  }

  private CompletableFuture<String> call(String id) {
    return runtime.executeAsync(runtime.create(Api.class).get(id));
  }

  private Dispatcher dispatcher() {
    return runtime.okHttpClient().dispatcher();
  }

  /**
   * Returns once the dispatcher runs no call (it finishes its bookkeeping just after the
   * callback). A call held by a sleeping or parked thread would keep it from ever returning:
   * the 10 s bound only turns that into a failure, it synchronises nothing.
   */
  private void awaitNoRunningCall() {
    long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (dispatcher().runningCallsCount() > 0) {
      assertThat(System.nanoTime()).as("a call still holds the dispatcher").isLessThan(bound);
      Thread.onSpinWait();
    }
  }

  @Test
  void maxConcurrentRequestsSizesTheSdksDispatcherAndLeavesACallersAlone() {
    runtime = builder(RetryOptions.none(), 7).build();
    assertThat(dispatcher().getMaxRequestsPerHost()).isEqualTo(7);
    assertThat(dispatcher().getMaxRequests()).isEqualTo(64);
    try (ClientRuntime defaults = ClientRuntime.builder("Test").baseUrl(server.url("/").toString())
        .build()) {
      assertThat(defaults.okHttpClient().dispatcher().getMaxRequestsPerHost()).isEqualTo(64);
    }
    okhttp3.OkHttpClient callers = new okhttp3.OkHttpClient();
    try (ClientRuntime derived = ClientRuntime.builder("Test").baseUrl(server.url("/").toString())
        .transport(TransportOptions.builder().client(callers).maxConcurrentRequests(100).build())
        .build()) {
      assertThat(derived.okHttpClient().dispatcher()).isSameAs(callers.dispatcher());
      assertThat(callers.dispatcher().getMaxRequestsPerHost()).isEqualTo(5); // OkHttp's default
    }
  }

  @Test
  void aBackoffHoldsNoDispatcherThreadAndCancellingTheFutureCancelsIt() throws Exception {
    // one request per host at a time: a dispatcher thread sleeping through the hour-long
    // backoff would keep the healthy call below from ever starting
    runtime = builder(hourLongRetryAfter(), 1).build();
    CountDownLatch throttled = new CountDownLatch(1);
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().endsWith("/throttled")) {
          throttled.countDown();
          return new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600");
        }
        return new MockResponse().setBody("ok");
      }
    });

    CompletableFuture<String> waiting = call("throttled");
    assertThat(throttled.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(call("healthy").get(10, TimeUnit.SECONDS)).isEqualTo("ok");

    assertThat(waiting).isNotDone();
    awaitNoRunningCall(); // the throttled call holds no dispatcher slot while it waits
    assertThat(runtime.pipeline().pendingCalls()).isEqualTo(1);
    assertThat(waiting.cancel(true)).isTrue();
    assertThat(runtime.pipeline().pendingCalls()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRateLimitWaitIsScheduledNotSlept() throws Exception {
    runtime = builder(RetryOptions.none(), 64)
        .politeness(PolitenessOptions.of(0, 1.0 / 3600)).build(); // one request an hour
    server.enqueue(new MockResponse().setBody("first"));
    assertThat(call("1").get(10, TimeUnit.SECONDS)).isEqualTo("first");
    awaitNoRunningCall(); // the first call's dispatcher bookkeeping ends after its callback

    CompletableFuture<String> second = call("2");

    // the permit is reserved when the call is enqueued; the attempt waits on the timer
    assertThat(dispatcher().runningCallsCount()).isZero();
    assertThat(dispatcher().queuedCallsCount()).isZero();
    assertThat(second.cancel(true)).isTrue();
    assertThat(runtime.pipeline().pendingCalls()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCallWaitingForARequestSlotIsQueuedNotParked() throws Exception {
    runtime = builder(RetryOptions.none(), 64).politeness(PolitenessOptions.of(1, 0)).build();
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getPath().endsWith("/slow")) {
          arrived.countDown();
          release.await(20, TimeUnit.SECONDS);
        }
        return new MockResponse().setBody(request.getPath());
      }
    });

    CompletableFuture<String> slow = call("slow");
    CompletableFuture<String> queued = call("queued");
    CompletableFuture<String> cancelled = call("cancelled");

    assertThat(dispatcher().runningCallsCount()).isEqualTo(1); // only the call holding the slot
    RequestSlots slots = runtime.pipeline().slots;
    assertThat(slots.waiting()).isEqualTo(2);
    assertThat(cancelled.cancel(true)).isTrue();
    assertThat(slots.waiting()).isEqualTo(1);

    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("/things/slow");
    assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("/things/queued");
    assertThat(slots.inFlight()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(2); // the cancelled call never went out
  }

  @Test
  void asynchronousRetriesFollowTheStrategyOnTheTimer() throws Exception {
    runtime = builder(RetryOptions.builder().baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(1)).build(), 64).build();
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setBody("third"));

    assertThat(call("x").get(10, TimeUnit.SECONDS)).isEqualTo("third");
    assertThat(server.getRequestCount()).isEqualTo(3);

    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(503));
    assertThatThrownBy(() -> call("y").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void closeFailsPendingCallsWithClientClosed() throws Exception {
    runtime = builder(hourLongRetryAfter(), 64).build();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch throttled = new CountDownLatch(1);
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getPath().endsWith("/throttled")) {
          throttled.countDown();
          return new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600");
        }
        held.countDown();
        release.await(20, TimeUnit.SECONDS);
        return new MockResponse().setBody("late");
      }
    });
    CompletableFuture<String> inBackoff = call("throttled");
    CompletableFuture<String> inFlight = call("held");
    CompletableFuture<String> syncCall = CompletableFuture.supplyAsync(
        () -> runtime.execute(runtime.create(Api.class).get("sync-held")));
    assertThat(throttled.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    while (runtime.pipeline().pendingCalls() < 3) {
      Thread.onSpinWait(); // the synchronous call registers on its own thread
    }

    runtime.close();
    release.countDown();

    for (CompletableFuture<String> f : new CompletableFuture[] {inBackoff, inFlight, syncCall}) {
      assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause()
          .isInstanceOf(ClientClosedException.class)
          .hasMessageContaining("Test client closed");
    }
    assertThatThrownBy(() -> call("after").get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(ClientClosedException.class);
    assertThatThrownBy(() -> runtime.execute(runtime.create(Api.class).get("after")))
        .isInstanceOf(ClientClosedException.class);
    assertThat(runtime.pipeline().pendingCalls()).isZero();
  }

  @Test
  void aRecordingSleeperSeesTheAsynchronousWaits() throws Exception {
    RecordingSleeper recorder = new RecordingSleeper(null);
    runtime = builder(hourLongRetryAfter(), 64).sleeper(recorder).build();
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
    server.enqueue(new MockResponse().setBody("after an hour of virtual time"));

    assertThat(call("x").get(10, TimeUnit.SECONDS)).isEqualTo("after an hour of virtual time");
    assertThat(recorder.delays()).containsExactly(HOUR);
  }

  @Test
  void noThreadOfTheSdkRemainsAfterTheLastClose() throws Exception {
    Set<Thread> baseline = new HashSet<>(Thread.getAllStackTraces().keySet());
    runtime = builder(RetryOptions.builder().baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(1)).build(), 64).build();
    ClientRuntime second = builder(RetryOptions.none(), 64).build();
    server.enqueue(new MockResponse().setResponseCode(503)); // a retry: the timer runs
    server.enqueue(new MockResponse().setBody("a"));
    server.enqueue(new MockResponse().setBody("b"));
    assertThat(call("a").get(10, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(second.executeAsync(second.create(Api.class).get("b")).get(10, TimeUnit.SECONDS))
        .isEqualTo("b");

    second.close();
    runtime.close();
    server.shutdown();

    for (Thread t : Thread.getAllStackTraces().keySet()) {
      // OkHttp's task runner and Okio's timeout watchdog are the libraries' JVM-wide daemons
      if (!baseline.contains(t) && !t.getName().startsWith("OkHttp TaskRunner")
          && !t.getName().equals("Okio Watchdog")) {
        t.join(10_000); // threads end by themselves: joined, not waited for by time
        assertThat(t.isAlive()).as("thread %s still alive", t.getName()).isFalse();
      }
    }
  }
}
