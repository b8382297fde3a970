package dev.b2bsdk.core.paging;

import java.util.List;

/**
 * One page of results as the server returned it. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final int index;
  private final long offset;
  private final Long total;
  private final Long totalPages;
  private final PageRequest request;

  Page(List<T> items, int index, long offset, Long total, Long totalPages, PageRequest request) {
    this.items = items;
    this.index = index;
    this.offset = offset;
    this.total = total;
    this.totalPages = totalPages;
    this.request = request;
  }

  /** The items of this page, unmodifiable, never null. */
  public List<T> items() {
    return items;
  }

  /** 0-based position of this page among the pages this walk fetched, empty ones included. */
  public int index() {
    return index;
  }

  /** The absolute 0-based offset of the first item (the server's if it reports one). */
  public long offset() {
    return offset;
  }

  /**
   * The total number of items the server reported with this page, or null if it reports none.
   * It may change from page to page when the data set changes during the iteration.
   */
  public Long total() {
    return total;
  }

  /** The total number of pages the server reported with this page, or null. */
  public Long totalPages() {
    return totalPages;
  }

  /** The request that produced this page. */
  public PageRequest request() {
    return request;
  }

  @Override
  public String toString() {
    return "Page{index=" + index + ", offset=" + offset + ", items=" + items.size()
        + ", total=" + total + ", totalPages=" + totalPages + ", request=" + request + '}';
  }
}
