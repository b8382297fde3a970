package dev.b2bsdk.core.paging;

import dev.b2bsdk.internal.PageAdapter;
import dev.b2bsdk.internal.PageFetcher;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, paged list result: iterate items, stream them, or walk page by page.
 *
 * <p><b>Fetching.</b> Nothing is fetched until the first item (or page) is asked for; then one
 * page at a time, only when the previous one is used up. No thread, no prefetch: a consumer holds
 * at most the page it is reading plus the one being fetched. {@code stream().limit(n)} and a
 * {@code break} out of a for loop fetch no further page. Each {@link #iterator()}, {@link
 * #stream()} or {@link #byPage()} call starts a new walk from the first page; this object is
 * immutable and may be shared, a single iterator may not.
 *
 * <p><b>Stop conditions and guards.</b> The walk ends when the server flags the last page, when
 * the next offset reaches the latest reported total, or - if no total is reported - on an empty or
 * short page. Empty pages are skipped while the total says more remain, up to {@link
 * PagingOptions#maxConsecutiveEmptyPages()} in a row. The page size the server reports is trusted
 * over the requested one when computing the next offset. A page whose offset does not move past
 * the previous one (a server ignoring the paging parameters) ends the walk and is dropped, and the
 * number of pages is capped at {@code ceil(total / pageSize) + slack}, so a misbehaving server
 * cannot make the loop run forever. Guard trips are logged at WARN.
 *
 * <p><b>Concurrent changes.</b> Paging is by offset, and the latest reported total is used: items
 * added or removed while the walk runs may be skipped or delivered twice, as with any offset
 * paging. Sort by a stable key (for example an id or a creation date) for consistent exports.
 *
 * <p><b>Errors.</b> An exception from the fetcher propagates unchanged from {@code hasNext()} or
 * {@code next()} ({@link java.io.IOException} wrapped in {@link java.io.UncheckedIOException}).
 * The iterator stays usable: the failed page was not consumed, so calling {@code hasNext()} again
 * sends the same request again, without skipping or repeating items.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final CursorFactory<T> cursors;
  private final PagingOptions options;

  private PagedIterable(CursorFactory<T> cursors, PagingOptions options) {
    this.cursors = cursors;
    this.options = options;
  }

  /** A paged iterable with {@link PagingOptions#defaults()}. */
  public static <E, T> PagedIterable<T> of(PageFetcher<E> fetcher, PageAdapter<E, T> adapter) {
    return of(fetcher, adapter, PagingOptions.defaults());
  }

  /** A paged iterable with the given options. */
  public static <E, T> PagedIterable<T> of(
      PageFetcher<E> fetcher, PageAdapter<E, T> adapter, PagingOptions options) {
    Objects.requireNonNull(fetcher, "fetcher");
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(options, "options");
    return new PagedIterable<>(o -> new PageCursor<>(fetcher, adapter, o), options);
  }

  /** A copy that requests pages of {@code pageSize} items (clamped to the style's maximum). */
  public PagedIterable<T> withPageSize(int pageSize) {
    return withOptions(options.toBuilder().pageSize(pageSize).build());
  }

  /** A copy with other paging options. */
  public PagedIterable<T> withOptions(PagingOptions options) {
    return new PagedIterable<>(cursors, Objects.requireNonNull(options, "options"));
  }

  /** The options of this iterable. */
  public PagingOptions options() {
    return options;
  }

  /** A new lazy iterator over all items, starting at the first page. */
  @Override
  public Iterator<T> iterator() {
    return new ItemIterator<>(cursors.open(options));
  }

  /**
   * A new sequential, lazy stream over all items. Short-circuiting operations fetch no further
   * page; closing the stream releases the page held.
   */
  public Stream<T> stream() {
    ItemIterator<T> it = new ItemIterator<>(cursors.open(options));
    return StreamSupport.stream(new SequentialSpliterator<>(it, Spliterator.ORDERED), false)
        .onClose(it::close);
  }

  /** Page-by-page view; empty pages are skipped. Each iterator starts at the first page. */
  public Iterable<Page<T>> byPage() {
    return () -> new PageIterator<>(cursors.open(options));
  }

  /** Sequential, lazy stream of the non-empty pages. */
  public Stream<Page<T>> streamByPage() {
    PageIterator<T> it = new PageIterator<>(cursors.open(options));
    return StreamSupport.stream(new SequentialSpliterator<>(it, Spliterator.ORDERED), false)
        .onClose(it::close);
  }

  /**
   * Fetches the first page only (one request), even if empty - for example to read the reported
   * total.
   */
  public Page<T> firstPage() {
    PageCursor<?, T> cursor = cursors.open(options);
    PageRequest first = cursor.pendingRequest();
    Page<T> page = cursor.nextPage();
    if (page != null) return page;
    return new Page<>(Collections.emptyList(), 0, first.offset(), null, null, first);
  }

  @FunctionalInterface
  private interface CursorFactory<T> {
    PageCursor<?, T> open(PagingOptions options);
  }

  private static final class ItemIterator<T> implements Iterator<T> {
    private PageCursor<?, T> cursor;
    private Iterator<T> current = Collections.emptyIterator();

    ItemIterator(PageCursor<?, T> cursor) {
      this.cursor = cursor;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (cursor == null) return false;
        current = Collections.emptyIterator(); // let the used page go before fetching the next
        Page<T> page = cursor.nextNonEmptyPage();
        if (page == null) {
          close();
          return false;
        }
        current = page.items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException();
      return current.next();
    }

    void close() {
      if (cursor != null) cursor.close();
      cursor = null;
      current = Collections.emptyIterator();
    }
  }

  private static final class PageIterator<T> implements Iterator<Page<T>> {
    private PageCursor<?, T> cursor;
    private Page<T> pending;

    PageIterator(PageCursor<?, T> cursor) {
      this.cursor = cursor;
    }

    @Override
    public boolean hasNext() {
      if (pending != null) return true;
      if (cursor == null) return false;
      pending = cursor.nextNonEmptyPage();
      if (pending == null) close();
      return pending != null;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) throw new NoSuchElementException();
      Page<T> page = pending;
      pending = null;
      return page;
    }

    void close() {
      if (cursor != null) cursor.close();
      cursor = null;
      pending = null;
    }
  }

  /** Never splits: splitting would fetch pages ahead into a buffer. */
  private static final class SequentialSpliterator<X> implements Spliterator<X> {
    private final Iterator<X> it;
    private final int characteristics;

    SequentialSpliterator(Iterator<X> it, int characteristics) {
      this.it = it;
      this.characteristics = characteristics;
    }

    @Override
    public boolean tryAdvance(Consumer<? super X> action) {
      if (!it.hasNext()) return false;
      action.accept(it.next());
      return true;
    }

    @Override
    public Spliterator<X> trySplit() {
      return null;
    }

    @Override
    public long estimateSize() {
      return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
      return characteristics;
    }
  }
}
