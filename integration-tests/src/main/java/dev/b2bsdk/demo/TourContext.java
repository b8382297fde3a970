package dev.b2bsdk.demo;

import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.polling.PollOptions;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * What every API's tour shares: the HTTP client (one connection pool and dispatcher for the
 * run), the client settings, the page size and whether the write steps run. Immutable.
 */
final class TourContext {

  /** Polling against the mocks: they answer at once, so a short schedule keeps the demo quick. */
  private static final PollOptions MOCK_POLLING = PollOptions.builder()
      .initialInterval(Duration.ofMillis(200))
      .multiplier(1.5)
      .maxInterval(Duration.ofSeconds(1))
      .totalTimeout(Duration.ofMinutes(1))
      .perPollTimeout(Duration.ofSeconds(10))
      .build();

  /** Polling real servers: the SDK's schedule, with a budget a demo can wait for. */
  private static final PollOptions SERVER_POLLING = PollOptions.builder()
      .totalTimeout(Duration.ofMinutes(15))
      .build();

  private final OkHttpClient http;
  private final Integer pageSize;
  private final boolean writes;
  private final boolean mocks;

  TourContext(OkHttpClient http, Integer pageSize, boolean writes, boolean mocks) {
    this.http = http;
    this.pageSize = pageSize;
    this.writes = writes;
    this.mocks = mocks;
  }

  /** Whether the write steps run. */
  boolean writes() {
    return writes;
  }

  /** The page size to request, or null for the SDK's default. */
  Integer pageSize() {
    return pageSize;
  }

  /** {@code list} with the run's page size, if one was given. */
  <T> PagedIterable<T> paged(PagedIterable<T> list) {
    return pageSize == null ? list : list.withPageSize(pageSize);
  }

  /**
   * Applies the run's settings to an SDK builder: the shared HTTP client with {@code trace}
   * outermost, explicit timeouts, and the polling schedule.
   */
  <B extends ClientBuilder<B>> B configure(B builder, HttpTrace trace) {
    return builder
        .okHttpClient(http.newBuilder().addInterceptor(trace).build())
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .pollOptions(mocks ? MOCK_POLLING : SERVER_POLLING);
  }
}
