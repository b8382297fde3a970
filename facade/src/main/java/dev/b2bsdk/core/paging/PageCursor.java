package dev.b2bsdk.core.paging;

import dev.b2bsdk.internal.PageAdapter;
import dev.b2bsdk.internal.PageData;
import dev.b2bsdk.internal.PageFetcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One walk over the pages of a list: the single place where the paging loop and its guards live.
 *
 * <p>Holds no page: a page is handed to the caller and forgotten, so a consumer keeps at most
 * the page it is reading plus the one being fetched. Not thread-safe.
 */
final class PageCursor<E, T> {
  private static final Logger LOG = LoggerFactory.getLogger(PageCursor.class);

  private final PageFetcher<E> fetcher;
  private final PageAdapter<E, T> adapter;
  private final PagingOptions options;

  private PageRequest next; // null once the walk is over
  private boolean seenAny;
  private long lastOffset;
  private int pagesFetched;
  private int consecutiveEmpty;
  private Long total; // latest reported
  private Long totalPages; // latest reported
  private long maxEnd; // largest end offset ever reported, for the page cap
  private long minStep = Long.MAX_VALUE;

  PageCursor(PageFetcher<E> fetcher, PageAdapter<E, T> adapter, PagingOptions options) {
    this.fetcher = fetcher;
    this.adapter = adapter;
    this.options = options;
    this.next = adapter.firstRequest(pageSize(adapter, options));
  }

  static int pageSize(PageAdapter<?, ?> adapter, PagingOptions options) {
    int max = Math.max(1, adapter.maxPageSize());
    int requested = options.pageSize() != null ? options.pageSize() : adapter.defaultPageSize();
    return Math.max(1, Math.min(requested, max));
  }

  /** The request the next fetch will send, or null once the walk is over. */
  PageRequest pendingRequest() {
    return next;
  }

  /** Next page with at least one item, or null at the end. */
  Page<T> nextNonEmptyPage() {
    Page<T> page;
    do {
      page = nextPage();
    } while (page != null && page.items().isEmpty());
    return page;
  }

  /**
   * Fetches the next page (possibly empty), or returns null at the end. If the fetcher throws,
   * nothing changes: the next call sends the same request again.
   */
  Page<T> nextPage() {
    if (next == null) return null;
    PageRequest request = next;
    E envelope;
    try {
      envelope = fetcher.fetch(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (envelope == null) {
      return stop("no envelope for " + request, false);
    }
    PageData<T> data = adapter.read(envelope, request);
    int index = pagesFetched++;
    long offset = data.offset();
    if (seenAny && offset <= lastOffset) {
      // the server ignored the paging parameters: this page repeats one already delivered
      return stop("repeated offset " + offset + " after " + lastOffset + " for " + request, true);
    }
    seenAny = true;
    lastOffset = offset;
    if (data.total() != null) total = data.total();
    if (data.totalPages() != null) totalPages = data.totalPages();
    Page<T> page =
        new Page<>(data.items(), index, offset, data.total(), data.totalPages(), request);
    next = decideNext(request, data, offset);
    return page;
  }

  private PageRequest decideNext(PageRequest request, PageData<T> data, long offset) {
    if (Boolean.TRUE.equals(data.last())) {
      return end("server flagged the last page");
    }
    PageRequest candidate = adapter.nextRequest(request, data);
    long step = candidate.offset() - offset;
    if (step <= 0) {
      return warnEnd("next request " + candidate + " does not move past offset " + offset);
    }
    minStep = Math.min(minStep, step);
    int expected = data.size() != null ? data.size() : request.size();
    Long end = total != null ? total : (totalPages != null ? totalPages * expected : null);
    if (end != null) {
      maxEnd = Math.max(maxEnd, end);
      if (candidate.offset() >= end) return end("reached the reported total " + end);
    }
    if (data.items().isEmpty()) {
      consecutiveEmpty++;
      if (end == null) return end("empty page and no total reported");
      if (consecutiveEmpty >= options.maxConsecutiveEmptyPages()) {
        return warnEnd(consecutiveEmpty + " empty pages in a row below the total " + end);
      }
    } else {
      consecutiveEmpty = 0;
    }
    if (end == null && data.last() == null && data.items().size() < expected) {
      return end("short page and no total reported");
    }
    if (end != null) {
      long cap = ceilDiv(maxEnd, minStep) + options.pageCapSlack();
      if (pagesFetched >= cap) {
        return warnEnd("fetched " + pagesFetched + " pages, more than the total " + maxEnd
            + " can fill");
      }
    }
    if (pagesFetched >= options.maxPages()) {
      return end("reached maxPages " + options.maxPages());
    }
    return candidate;
  }

  private static long ceilDiv(long a, long b) {
    return a / b + (a % b == 0 ? 0 : 1);
  }

  private Page<T> stop(String why, boolean warn) {
    if (warn) warnEnd(why);
    else end(why);
    return null;
  }

  private PageRequest end(String why) {
    LOG.debug("paging stops: {}", why);
    next = null;
    return null;
  }

  private PageRequest warnEnd(String why) {
    // a guard tripped: the server misbehaves, the caller may be missing data
    LOG.warn("paging stops early: {}", why);
    next = null;
    return null;
  }

  /** Ends the walk; later calls return null. */
  void close() {
    next = null;
  }
}
