package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.Page;
import dev.b2bsdk.core.paging.PageRequest;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.paging.PagingOptions;

import static dev.b2bsdk.internal.Envelopes.INTOUCH;
import static dev.b2bsdk.internal.FakeServer.ids;
import static dev.b2bsdk.internal.FakeServer.items;
import static dev.b2bsdk.internal.FakeServer.range;
import static dev.b2bsdk.internal.FakeServer.recording;
import static dev.b2bsdk.internal.FakeServer.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.b2bsdk.internal.Envelopes.InTouchPage;
import dev.b2bsdk.internal.Envelopes.Item;
import dev.b2bsdk.internal.FakeServer.RecordingFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PagedIterableTest {
  private final RecordingFetcher<InTouchPage> fetcher =
      recording(FakeServer.intouch(items(25), 1000));
  private final PagedIterable<Item> paged = PagedIterable.of(fetcher, INTOUCH).withPageSize(10);

  @Test
  void nothingIsFetchedUntilAnItemIsAskedFor() {
    Iterator<Item> it = paged.iterator();
    Stream<Item> stream = paged.stream();
    Iterable<Page<Item>> pages = paged.byPage();
    pages.iterator();

    assertThat(fetcher.fetches()).isZero();
    assertThat(it.hasNext()).isTrue();
    assertThat(fetcher.fetches()).isEqualTo(1);
    stream.close();
  }

  @Test
  void streamLimitFetchesNoFurtherPage() {
    assertThat(paged.stream().limit(5).map(Item::id).collect(Collectors.toList()))
        .containsExactly(0, 1, 2, 3, 4);
    assertThat(fetcher.fetches()).isEqualTo(1);

    assertThat(paged.stream().limit(10).count()).isEqualTo(10);
    assertThat(fetcher.fetches()).isEqualTo(2); // a new walk, still one page

    assertThat(paged.stream().limit(11).count()).isEqualTo(11);
    assertThat(fetcher.fetches()).isEqualTo(4);
  }

  @Test
  void breakingOutOfAForLoopFetchesNoFurtherPage() {
    int seen = 0;
    for (Item item : paged) {
      seen++;
      if (item.id() == 9) break; // the last item of the first page
    }

    assertThat(seen).isEqualTo(10);
    assertThat(fetcher.fetches()).isEqualTo(1);
  }

  @Test
  void findFirstFetchesOnePage() {
    assertThat(paged.stream().filter(i -> i.id() == 3).findFirst()).isPresent();
    assertThat(fetcher.fetches()).isEqualTo(1);
  }

  @Test
  void parallelStreamStillFetchesLazily() {
    assertThat(paged.stream().parallel().limit(3).count()).isEqualTo(3);
    assertThat(fetcher.fetches()).isEqualTo(1);
  }

  @Test
  void fetcherExceptionPropagatesAsIsAndTheIteratorResumesWithTheSamePage() {
    IllegalStateException boom = new IllegalStateException("503 from the API layer");
    AtomicInteger calls = new AtomicInteger();
    List<Item> data = items(25);
    RecordingFetcher<InTouchPage> flaky = recording(r -> {
      if (calls.incrementAndGet() == 2) throw boom;
      return new InTouchPage(25L, r.offset(), 10, slice(data, r.offset(), 10));
    });
    Iterator<Item> it = PagedIterable.of(flaky, INTOUCH).withPageSize(10).iterator();

    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) ids.add(it.next().id());
    assertThat(catchThrowable(it::hasNext)).isSameAs(boom);
    while (it.hasNext()) ids.add(it.next().id());

    assertThat(ids).isEqualTo(range(0, 25));
    assertThat(flaky.offsets()).containsExactly(0L, 10L, 10L, 20L);
  }

  @Test
  void ioExceptionIsWrappedInUncheckedIoException() {
    IOException io = new IOException("connection reset");
    PagedIterable<Item> failing = PagedIterable.of(r -> {
      throw io;
    }, INTOUCH);

    assertThatThrownBy(() -> failing.iterator().hasNext())
        .isInstanceOf(UncheckedIOException.class).hasCause(io);
  }

  @Test
  void nullEnvelopeEndsTheIteration() {
    RecordingFetcher<InTouchPage> noBody = recording(r -> null);

    Iterator<Item> it = PagedIterable.of(noBody, INTOUCH).iterator();

    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    assertThat(noBody.fetches()).isEqualTo(1);
  }

  @Test
  void everyIterationStartsAgainFromTheFirstPage() {
    assertThat(ids(paged)).isEqualTo(range(0, 25));
    assertThat(ids(paged)).isEqualTo(range(0, 25));
    assertThat(fetcher.offsets()).containsExactly(0L, 10L, 20L, 0L, 10L, 20L);
  }

  @Test
  void byPageSkipsEmptyPagesAndFirstPageDoesNot() {
    List<Item> data = items(30);
    RecordingFetcher<InTouchPage> holey = recording(r -> new InTouchPage(30L, r.offset(), 10,
        r.offset() == 0 || r.offset() == 10 ? List.of() : slice(data, r.offset(), 10)));
    PagedIterable<Item> p = PagedIterable.of(holey, INTOUCH).withPageSize(10);

    List<Page<Item>> pages = p.streamByPage().collect(Collectors.toList());
    assertThat(pages).extracting(Page::offset).containsExactly(20L);
    assertThat(pages.get(0).index()).isEqualTo(2);

    Page<Item> first = p.firstPage();
    assertThat(first.items()).isEmpty();
    assertThat(first.total()).isEqualTo(30);
    assertThat(holey.fetches()).isEqualTo(3 + 1);
  }

  @Test
  void pageItemsAreImmutableCopies() {
    Page<Item> first = paged.firstPage();
    assertThatThrownBy(() -> first.items().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(fetcher.fetches()).isEqualTo(1);
  }

  @Test
  void invalidOptionsAreRejected() {
    assertThatThrownBy(() -> paged.withPageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PagingOptions.builder().maxConsecutiveEmptyPages(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageRequest.ofOffset(-1, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
