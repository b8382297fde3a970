package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.paging.PagingOptions;


import static dev.b2bsdk.internal.Envelopes.INTOUCH;
import static dev.b2bsdk.internal.FakeServer.ids;
import static dev.b2bsdk.internal.FakeServer.items;
import static dev.b2bsdk.internal.FakeServer.range;
import static dev.b2bsdk.internal.FakeServer.recording;
import static dev.b2bsdk.internal.FakeServer.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.internal.Envelopes.InTouchPage;
import dev.b2bsdk.internal.Envelopes.Item;
import dev.b2bsdk.internal.FakeServer.RecordingFetcher;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PositionPagingTest {

  @Test
  void iteratesAllItemsRequestingConsecutivePositions() {
    RecordingFetcher<InTouchPage> fetcher = recording(FakeServer.intouch(items(25), 1000));

    List<Integer> ids = ids(PagedIterable.of(fetcher, INTOUCH).withPageSize(10));

    assertThat(ids).isEqualTo(range(0, 25));
    assertThat(fetcher.offsets()).containsExactly(0L, 10L, 20L);
    assertThat(fetcher.sizes()).containsExactly(10, 10, 10);
  }

  @Test
  void theServersReportedSizeIsTrustedOverTheRequestedOne() {
    RecordingFetcher<InTouchPage> fetcher = recording(FakeServer.intouch(items(120), 50));

    List<Integer> ids = ids(PagedIterable.of(fetcher, INTOUCH).withPageSize(100));

    assertThat(ids).isEqualTo(range(0, 120));
    assertThat(fetcher.offsets()).containsExactly(0L, 50L, 100L);
  }

  @Test
  void emptyMiddlePageIsSkipped() {
    List<Item> data = items(30);
    RecordingFetcher<InTouchPage> fetcher = recording(r -> new InTouchPage(30L, r.offset(), 10,
        r.offset() == 10 ? List.of() : slice(data, r.offset(), 10)));

    assertThat(ids(PagedIterable.of(fetcher, INTOUCH).withPageSize(10))).hasSize(20)
        .doesNotContain(10, 15, 19);
    assertThat(fetcher.offsets()).containsExactly(0L, 10L, 20L);
  }

  @Test
  void repeatedPositionStopsInsteadOfLooping() {
    List<Item> data = items(100);
    RecordingFetcher<InTouchPage> fetcher =
        recording(r -> new InTouchPage(100L, 0L, 10, slice(data, 0, 10)));

    assertThat(ids(PagedIterable.of(fetcher, INTOUCH).withPageSize(10))).isEqualTo(range(0, 10));
    assertThat(fetcher.fetches()).isEqualTo(2);
  }

  @Test
  void positionMovingBackwardsStops() {
    List<Item> data = items(100);
    // answers 0, 10, 0, 10, ... : a cycle, not just a repeat of the previous page
    RecordingFetcher<InTouchPage> fetcher = recording(r -> {
      long position = r.offset() >= 20 ? 0 : r.offset();
      return new InTouchPage(100L, position, 10, slice(data, position, 10));
    });

    assertThat(ids(PagedIterable.of(fetcher, INTOUCH).withPageSize(10))).isEqualTo(range(0, 20));
    assertThat(fetcher.fetches()).isEqualTo(3);
  }

  @Test
  void slowlyAdvancingPositionsAreCutOffByThePageCap() {
    List<Item> data = items(1000);
    AtomicLong calls = new AtomicLong();
    // reports a position that creeps forward by one instead of by the page size
    RecordingFetcher<InTouchPage> fetcher = recording(r -> {
      long position = calls.getAndIncrement();
      return new InTouchPage(100L, position, 10, slice(data, position, 10));
    });

    PagedIterable.of(fetcher, INTOUCH).withPageSize(10).forEach(i -> { });

    // ceil(100 / 10) pages + slack 2
    assertThat(fetcher.fetches()).isEqualTo(12);
  }

  @Test
  void maxPagesCapsTheWalk() {
    RecordingFetcher<InTouchPage> fetcher = recording(FakeServer.intouch(items(1000), 1000));
    PagingOptions options = PagingOptions.builder().pageSize(10).maxPages(4).build();

    assertThat(ids(PagedIterable.of(fetcher, INTOUCH, options))).isEqualTo(range(0, 40));
    assertThat(fetcher.fetches()).isEqualTo(4);
  }

  @Test
  void pageSizeIsClampedToTheInTouchMaximumOf1000() {
    RecordingFetcher<InTouchPage> fetcher = recording(FakeServer.intouch(items(3), 5000));

    PagedIterable.of(fetcher, INTOUCH).withPageSize(5000).iterator().hasNext();
    PagedIterable.of(fetcher, INTOUCH).iterator().hasNext();
    PagedIterable.of(fetcher, INTOUCH.withMaxPageSize(200)).withPageSize(500).iterator().hasNext();

    assertThat(fetcher.sizes()).containsExactly(1000, PositionPaging.DEFAULT_PAGE_SIZE, 200);
  }

  @Test
  void reportedSizeLargerThanTheItemsOnTheLastPageEndsCleanly() {
    List<Item> data = items(25);
    RecordingFetcher<InTouchPage> fetcher = recording(
        r -> new InTouchPage(25L, r.offset(), 20, slice(data, r.offset(), 20)));

    assertThat(ids(PagedIterable.of(fetcher, INTOUCH).withPageSize(20))).isEqualTo(range(0, 25));
    assertThat(fetcher.offsets()).containsExactly(0L, 20L);
  }
}
