package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PagedIterable;


import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.internal.Envelopes.InTouchPage;
import dev.b2bsdk.internal.Envelopes.Item;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Streams 1,000,000 items in 10,000 pages built on demand. Excluded from the normal build; run
 * with {@code -Db2bsdk.longTests=true} (see the class's tag {@code long}).
 */
@Tag("long")
@EnabledIfSystemProperty(named = "b2bsdk.longTests", matches = "true")
class PagingLongTest {
  private static final int PAGE = 100;
  private static final int PAGES = 10_000;
  private static final long TOTAL = (long) PAGE * PAGES;
  private static final int TRACKED = 50;

  @Test
  void streamsAMillionItemsFetchingOnDemandAndHoldingAtMostTwoPages() {
    AtomicLong consumed = new AtomicLong();
    AtomicLong fetches = new AtomicLong();
    // the first item of each of the last pages: reachable while the iterator keeps that page
    Deque<WeakReference<Item>> recentPages = new ArrayDeque<>();
    List<Integer> liveAtCheckpoints = new ArrayList<>();

    PageFetcher<InTouchPage> fetcher = r -> {
      long n = fetches.incrementAndGet();
      // on demand: every item before this page has been handed to the consumer, none prefetched
      assertThat(consumed.get()).as("items consumed when page %d is fetched", n)
          .isEqualTo(r.offset());
      if (n % 1000 == 0) liveAtCheckpoints.add(livePages(recentPages));
      List<Item> items = new ArrayList<>(PAGE);
      for (int i = 0; i < PAGE; i++) items.add(new Item((int) (r.offset() + i)));
      recentPages.addLast(new WeakReference<>(items.get(0)));
      if (recentPages.size() > TRACKED) recentPages.removeFirst();
      return new InTouchPage(TOTAL, r.offset(), PAGE, items);
    };

    PagedIterable<Item> all = PagedIterable.of(fetcher, Envelopes.INTOUCH).withPageSize(PAGE);
    AtomicLong idSum = new AtomicLong();
    all.stream().forEach(item -> {
      consumed.incrementAndGet();
      idSum.addAndGet(item.id());
    });

    assertThat(consumed.get()).isEqualTo(TOTAL);
    assertThat(idSum.get()).isEqualTo(TOTAL * (TOTAL - 1) / 2);
    assertThat(fetches.get()).isEqualTo(PAGES);
    assertThat(liveAtCheckpoints).hasSize(PAGES / 1000).allMatch(live -> live <= 2);
  }

  /**
   * Pages among the tracked ones still reachable. A full GC clears weak references to
   * unreachable objects; pages wrongly retained stay live whatever the number of GCs, so the
   * check fails honestly, and a retry loop absorbs a GC that ran only partly.
   */
  private static int livePages(Deque<WeakReference<Item>> recent) {
    int live = Integer.MAX_VALUE;
    for (int attempt = 0; attempt < 10 && live > 2; attempt++) {
      System.gc();
      live = (int) recent.stream().filter(ref -> ref.get() != null).count();
    }
    return live;
  }
}
