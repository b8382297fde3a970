package dev.b2bsdk.demo;

import dev.b2bsdk.core.paging.Page;
import dev.b2bsdk.core.paging.PagedIterable;
import java.util.function.Consumer;

/**
 * The outcome of walking a paged list: items, pages received and the page size requested.
 * Immutable.
 *
 * @param pageSize the size the first page was requested with, or null if no page came back
 */
record PageCount(long items, int pages, Integer pageSize) {

  /**
   * Walks every page of {@code list} (each page one successful list response; a request the SDK
   * retried is still one page), handing each item to {@code each}.
   */
  static <T> PageCount walk(PagedIterable<T> list, Consumer<? super T> each) {
    long items = 0;
    int pages = 0;
    Integer size = null;
    for (Page<T> page : list.byPage()) {
      pages++;
      if (size == null) {
        size = page.request().size();
      }
      items += page.items().size();
      page.items().forEach(each);
    }
    return new PageCount(items, pages, size);
  }

  /** E.g. {@code 120 customers in 2 pages of <= 100}. */
  String describe(String plural) {
    return items + " " + plural + " in " + pages + (pages == 1 ? " page" : " pages")
        + (pageSize == null ? "" : " of <= " + pageSize);
  }
}
