package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.paging.PagingOptions;

import static dev.b2bsdk.internal.Envelopes.CARECLOUD;
import static dev.b2bsdk.internal.FakeServer.ids;
import static dev.b2bsdk.internal.FakeServer.items;
import static dev.b2bsdk.internal.FakeServer.range;
import static dev.b2bsdk.internal.FakeServer.recording;
import static dev.b2bsdk.internal.FakeServer.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.internal.Envelopes.CareCloudData;
import dev.b2bsdk.internal.Envelopes.CareCloudList;
import dev.b2bsdk.internal.Envelopes.Item;
import dev.b2bsdk.internal.FakeServer.RecordingFetcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetPagingTest {

  private static CareCloudList page(List<Item> items, Long total) {
    return new CareCloudList(new CareCloudData(items, total));
  }

  @Test
  void iteratesAllItemsRequestingConsecutiveOffsets() {
    RecordingFetcher<CareCloudList> fetcher = recording(FakeServer.carecloud(items(25), 1000));

    List<Integer> ids = ids(PagedIterable.of(fetcher, CARECLOUD).withPageSize(10));

    assertThat(ids).isEqualTo(range(0, 25));
    assertThat(fetcher.offsets()).containsExactly(0L, 10L, 20L);
    assertThat(fetcher.sizes()).containsExactly(10, 10, 10);
  }

  @Test
  void silentlyCappedCountAdvancesByTheItemsReceived() {
    RecordingFetcher<CareCloudList> fetcher = recording(FakeServer.carecloud(items(120), 50));

    List<Integer> ids = ids(PagedIterable.of(fetcher, CARECLOUD).withPageSize(100));

    assertThat(ids).isEqualTo(range(0, 120));
    assertThat(fetcher.offsets()).containsExactly(0L, 50L, 100L);
  }

  @Test
  void emptyMiddlePageIsSkippedWhileTheTotalSaysMoreRemain() {
    List<Item> data = items(30);
    RecordingFetcher<CareCloudList> fetcher = recording(r -> r.offset() == 10
        ? page(List.of(), 30L)
        : page(slice(data, r.offset(), r.size()), 30L));

    List<Integer> ids = ids(PagedIterable.of(fetcher, CARECLOUD).withPageSize(10));

    List<Integer> expected = new ArrayList<>(range(0, 10));
    expected.addAll(range(20, 30));
    assertThat(ids).isEqualTo(expected);
    assertThat(fetcher.offsets()).containsExactly(0L, 10L, 20L);
  }

  @Test
  void withoutTotalAShortOrEmptyPageEndsIteration() {
    List<Item> data25 = items(25);
    RecordingFetcher<CareCloudList> shortPage =
        recording(r -> page(slice(data25, r.offset(), r.size()), null));
    assertThat(ids(PagedIterable.of(shortPage, CARECLOUD).withPageSize(10)))
        .isEqualTo(range(0, 25));
    assertThat(shortPage.fetches()).isEqualTo(3);

    List<Item> data20 = items(20);
    RecordingFetcher<CareCloudList> emptyPage =
        recording(r -> page(slice(data20, r.offset(), r.size()), null));
    assertThat(ids(PagedIterable.of(emptyPage, CARECLOUD).withPageSize(10)))
        .isEqualTo(range(0, 20));
    assertThat(emptyPage.fetches()).isEqualTo(3);
  }

  @Test
  void fullPagesPastTheTotalDoNotLoop() {
    List<Item> endless = items(10_000);
    // keeps answering full pages whatever the offset, while claiming 25 items
    RecordingFetcher<CareCloudList> fetcher =
        recording(r -> page(slice(endless, r.offset(), r.size()), 25L));

    assertThat(ids(PagedIterable.of(fetcher, CARECLOUD).withPageSize(10)))
        .isEqualTo(range(0, 30));
    assertThat(fetcher.offsets()).containsExactly(0L, 10L, 20L);
  }

  @Test
  void aShrinkingTotalIsFollowed() {
    List<Item> data = items(100);
    RecordingFetcher<CareCloudList> fetcher = recording(
        r -> page(slice(data, r.offset(), r.size()), r.offset() < 20 ? 100L : 25L));

    assertThat(ids(PagedIterable.of(fetcher, CARECLOUD).withPageSize(10)))
        .isEqualTo(range(0, 30));
    assertThat(fetcher.offsets()).containsExactly(0L, 10L, 20L);
  }

  @Test
  void aGrowingTotalIsFollowed() {
    List<Item> data = items(40);
    RecordingFetcher<CareCloudList> fetcher = recording(
        r -> page(slice(data, r.offset(), r.size()), r.offset() == 0 ? 15L : 40L));

    assertThat(ids(PagedIterable.of(fetcher, CARECLOUD).withPageSize(10)))
        .isEqualTo(range(0, 40));
    assertThat(fetcher.offsets()).containsExactly(0L, 10L, 20L, 30L);
  }

  @Test
  void growthReportedOnlyPastTheLastSeenTotalIsNotSeen() {
    List<Item> data = items(40);
    RecordingFetcher<CareCloudList> fetcher = recording(
        r -> page(slice(data, r.offset(), r.size()), r.offset() < 20 ? 20L : 40L));

    // the walk ends where the latest total says; offset paging cannot see later growth
    assertThat(ids(PagedIterable.of(fetcher, CARECLOUD).withPageSize(10)))
        .isEqualTo(range(0, 20));
    assertThat(fetcher.offsets()).containsExactly(0L, 10L);
  }

  @Test
  void anEndlessRunOfEmptyPagesStopsAfterTheConfiguredCount() {
    List<Item> data = items(10);
    RecordingFetcher<CareCloudList> fetcher =
        recording(r -> page(slice(data, r.offset(), r.size()), 1000L));

    assertThat(ids(PagedIterable.of(fetcher, CARECLOUD).withPageSize(10))).hasSize(10);
    assertThat(fetcher.fetches()).isEqualTo(1 + 3);

    RecordingFetcher<CareCloudList> patient =
        recording(r -> page(slice(data, r.offset(), r.size()), 1000L));
    PagingOptions five = PagingOptions.builder().pageSize(10).maxConsecutiveEmptyPages(5).build();
    assertThat(ids(PagedIterable.of(patient, CARECLOUD, five))).hasSize(10);
    assertThat(patient.fetches()).isEqualTo(1 + 5);
  }
}
