package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.Page;
import dev.b2bsdk.core.paging.PageRequest;
import dev.b2bsdk.core.paging.PagedIterable;


import static dev.b2bsdk.internal.Envelopes.SPRING;
import static dev.b2bsdk.internal.FakeServer.ids;
import static dev.b2bsdk.internal.FakeServer.items;
import static dev.b2bsdk.internal.FakeServer.range;
import static dev.b2bsdk.internal.FakeServer.recording;
import static dev.b2bsdk.internal.FakeServer.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.internal.Envelopes.Item;
import dev.b2bsdk.internal.Envelopes.SpringPage;
import dev.b2bsdk.internal.FakeServer.RecordingFetcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringPagingTest {

  @Test
  void iteratesAllItemsRequestingConsecutivePageNumbers() {
    RecordingFetcher<SpringPage> fetcher = recording(FakeServer.spring(items(25), 1000));

    List<Integer> ids = ids(PagedIterable.of(fetcher, SPRING).withPageSize(10));

    assertThat(ids).isEqualTo(range(0, 25));
    assertThat(fetcher.pageNumbers()).containsExactly(0, 1, 2);
    assertThat(fetcher.sizes()).containsExactly(10, 10, 10);
  }

  @Test
  void serverCappedPageSizeIsUsedForTheNextPages() {
    RecordingFetcher<SpringPage> fetcher = recording(FakeServer.spring(items(120), 50));

    List<Integer> ids = ids(PagedIterable.of(fetcher, SPRING).withPageSize(100));

    assertThat(ids).isEqualTo(range(0, 120));
    assertThat(fetcher.pageNumbers()).containsExactly(0, 1, 2);
    assertThat(fetcher.sizes()).containsExactly(100, 50, 50);
  }

  @Test
  void emptyMiddlePageIsSkippedWhileTotalPagesSaysMoreRemain() {
    List<Item> data = items(20);
    RecordingFetcher<SpringPage> fetcher = recording(r -> r.pageNumber() == 1
        ? new SpringPage(List.of(), 30L, 3, 1, 10, false)
        : new SpringPage(slice(data, r.pageNumber() == 0 ? 0 : 10, 10), 30L, 3, r.pageNumber(),
            10, r.pageNumber() == 2));

    List<Integer> ids = ids(PagedIterable.of(fetcher, SPRING).withPageSize(10));

    assertThat(ids).isEqualTo(range(0, 20));
    assertThat(fetcher.fetches()).isEqualTo(3);
  }

  @Test
  void repeatedPageNumberStopsInsteadOfLooping() {
    List<Item> data = items(50);
    // a server that ignores the page parameter
    RecordingFetcher<SpringPage> fetcher =
        recording(r -> new SpringPage(slice(data, 0, 10), 50L, 5, 0, 10, false));

    List<Integer> ids = ids(PagedIterable.of(fetcher, SPRING).withPageSize(10));

    assertThat(ids).isEqualTo(range(0, 10));
    assertThat(fetcher.fetches()).isEqualTo(2);
  }

  @Test
  void lastFlagEndsIterationEvenIfTotalPagesSaysMore() {
    RecordingFetcher<SpringPage> fetcher =
        recording(r -> new SpringPage(slice(items(10), 0, 10), 30L, 3, 0, 10, true));

    assertThat(ids(PagedIterable.of(fetcher, SPRING).withPageSize(10))).hasSize(10);
    assertThat(fetcher.fetches()).isEqualTo(1);
  }

  @Test
  void totalPagesEndsIterationWhenTheLastFlagIsMissing() {
    List<Item> data = items(100);
    RecordingFetcher<SpringPage> fetcher = recording(r -> new SpringPage(
        slice(data, r.offset(), 10), null, 2, r.pageNumber(), 10, null));

    assertThat(ids(PagedIterable.of(fetcher, SPRING).withPageSize(10))).isEqualTo(range(0, 20));
    assertThat(fetcher.fetches()).isEqualTo(2);
  }

  @Test
  void pagesReportIndexOffsetTotalsAndRequest() {
    RecordingFetcher<SpringPage> fetcher = recording(FakeServer.spring(items(25), 1000));

    List<Page<Item>> pages = new ArrayList<>();
    PagedIterable.of(fetcher, SPRING).withPageSize(10).byPage().forEach(pages::add);

    assertThat(pages).hasSize(3);
    Page<Item> third = pages.get(2);
    assertThat(third.index()).isEqualTo(2);
    assertThat(third.offset()).isEqualTo(20);
    assertThat(third.items()).hasSize(5);
    assertThat(third.total()).isEqualTo(25);
    assertThat(third.totalPages()).isEqualTo(3);
    assertThat(third.request()).isEqualTo(PageRequest.ofPage(2, 10));
  }

  @Test
  void pageSizeDefaultsAndIsClampedToTheStyleMaximum() {
    RecordingFetcher<SpringPage> fetcher = recording(FakeServer.spring(items(3), 5000));

    PagedIterable.of(fetcher, SPRING).iterator().hasNext();
    PagedIterable.of(fetcher, SPRING).withPageSize(5000).iterator().hasNext();
    PagedIterable.of(fetcher, SPRING.withMaxPageSize(50)).withPageSize(80).iterator().hasNext();

    assertThat(fetcher.sizes()).containsExactly(SpringPaging.DEFAULT_PAGE_SIZE,
        SpringPaging.DEFAULT_MAX_PAGE_SIZE, 50);
  }
}
