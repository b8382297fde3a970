package dev.b2bsdk.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.core.http.PolitenessOptions;
import dev.b2bsdk.core.http.RetryOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default concurrency limit of {@link InTouchClient}: a server that holds every request until
 * released shows how many requests the client lets in flight at once.
 */
class InTouchPolitenessTest {

  private static final int CALLERS = 10;

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger arrived = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile CountDownLatch arrivals;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        arrived.incrementAndGet();
        arrivals.countDown();
        try {
          release.await(20, TimeUnit.SECONDS);
        } finally {
          inFlight.decrementAndGet();
        }
        return new MockResponse().setHeader("Content-Type", "application/json")
            .setBody("{\"id\":1,\"surname\":\"Novák\"}");
      }
    });
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    release.countDown();
    server.shutdown();
  }

  private InTouchClient.Builder builder() {
    return InTouchClient.builder()
        .baseUrl(server.url("/api").toString())
        .username(InTouchServer.USER)
        .password(InTouchServer.PASSWORD)
        .retry(RetryOptions.none())
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(20))
        .callTimeout(Duration.ofSeconds(30));
  }

  /** Starts {@link #CALLERS} concurrent calls, waits until {@code expected} reach the server. */
  private int inFlightWith(InTouchClient crm, int expected) throws Exception {
    arrivals = new CountDownLatch(expected);
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        calls.add(pool.submit(() -> crm.parties().get(1L)));
      }
      assertThat(arrivals.await(10, TimeUnit.SECONDS)).as("%d requests arrive", expected).isTrue();
      // a request beyond the limit would arrive now if the client let it through
      CountDownLatch oneMore = new CountDownLatch(1);
      arrivals = oneMore;
      boolean extra = oneMore.await(300, TimeUnit.MILLISECONDS);
      int atOnce = arrived.get();
      release.countDown();
      for (Future<?> call : calls) {
        call.get(20, TimeUnit.SECONDS);
      }
      assertThat(extra).as("a request beyond %d", expected).isFalse();
      return atOnce;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void atMostFourRequestsAreInFlightByDefault() throws Exception {
    try (InTouchClient crm = builder().build()) {
      assertThat(inFlightWith(crm, InTouchClient.DEFAULT_MAX_CONCURRENT_REQUESTS)).isEqualTo(4);
    }
    assertThat(maxInFlight.get()).isEqualTo(4);
    assertThat(server.getRequestCount()).isEqualTo(CALLERS);
  }

  @Test
  void theLimitCanBeRaised() throws Exception {
    try (InTouchClient crm = builder().politeness(PolitenessOptions.of(7, 0)).build()) {
      assertThat(inFlightWith(crm, 7)).isEqualTo(7);
    }
    assertThat(maxInFlight.get()).isEqualTo(7);
    assertThat(server.getRequestCount()).isEqualTo(CALLERS);
  }
}
