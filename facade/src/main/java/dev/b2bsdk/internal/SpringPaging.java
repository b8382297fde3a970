package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PageRequest;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Spring Data pages: query {@code page} (0-based), {@code size}; envelope {@code {content,
 * totalElements, totalPages, number, size, last, ...}}.
 *
 * <p>The next request asks for page {@code number + 1} with the page size the server reports
 * (a server may cap the requested size). The walk ends on {@code last}, or when {@code number + 1
 * >= totalPages}. Immutable; {@code with...} methods return copies.
 *
 * @param <E> the envelope type (a generated model)
 * @param <T> the item type
 */
public final class SpringPaging<E, T> implements PageAdapter<E, T> {
  /** Default page size when the caller sets none. */
  public static final int DEFAULT_PAGE_SIZE = 100;
  /** Default maximum; Spring Data's own default {@code max-page-size} is 2000. */
  public static final int DEFAULT_MAX_PAGE_SIZE = 2000;

  private final Function<? super E, ? extends List<? extends T>> content;
  private final Function<? super E, ? extends Number> totalPages;
  private final Function<? super E, Boolean> last;
  private final Function<? super E, ? extends Number> number;
  private final Function<? super E, ? extends Number> size;
  private final Function<? super E, ? extends Number> totalElements;
  private final int defaultPageSize;
  private final int maxPageSize;

  private SpringPaging(
      Function<? super E, ? extends List<? extends T>> content,
      Function<? super E, ? extends Number> totalPages,
      Function<? super E, Boolean> last,
      Function<? super E, ? extends Number> number,
      Function<? super E, ? extends Number> size,
      Function<? super E, ? extends Number> totalElements,
      int defaultPageSize,
      int maxPageSize) {
    this.content = Objects.requireNonNull(content, "content");
    this.totalPages = Objects.requireNonNull(totalPages, "totalPages");
    this.last = Objects.requireNonNull(last, "last");
    this.number = Objects.requireNonNull(number, "number");
    this.size = Objects.requireNonNull(size, "size");
    this.totalElements = totalElements;
    this.defaultPageSize = checkSize(defaultPageSize);
    this.maxPageSize = checkSize(maxPageSize);
  }

  /**
   * An adapter reading the envelope through accessors, e.g. {@code SpringPaging.of(
   * InstancePage::getContent, InstancePage::getTotalPages, InstancePage::getLast,
   * InstancePage::getNumber, InstancePage::getSize)}. Accessors may return null.
   */
  public static <E, T> SpringPaging<E, T> of(
      Function<? super E, ? extends List<? extends T>> content,
      Function<? super E, ? extends Number> totalPages,
      Function<? super E, Boolean> last,
      Function<? super E, ? extends Number> number,
      Function<? super E, ? extends Number> size) {
    return new SpringPaging<>(content, totalPages, last, number, size, null,
        DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGE_SIZE);
  }

  /** A copy that also reads {@code totalElements}, so that pages report an item total. */
  public SpringPaging<E, T> withTotalElements(Function<? super E, ? extends Number> totalElements) {
    return new SpringPaging<>(content, totalPages, last, number, size,
        Objects.requireNonNull(totalElements, "totalElements"), defaultPageSize, maxPageSize);
  }

  /** A copy with another default page size. */
  public SpringPaging<E, T> withDefaultPageSize(int pageSize) {
    return new SpringPaging<>(content, totalPages, last, number, size, totalElements,
        pageSize, maxPageSize);
  }

  /** A copy with another maximum page size. */
  public SpringPaging<E, T> withMaxPageSize(int pageSize) {
    return new SpringPaging<>(content, totalPages, last, number, size, totalElements,
        defaultPageSize, pageSize);
  }

  @Override
  public int defaultPageSize() {
    return defaultPageSize;
  }

  @Override
  public int maxPageSize() {
    return maxPageSize;
  }

  @Override
  public PageRequest firstRequest(int pageSize) {
    return PageRequest.ofPage(0, pageSize);
  }

  @Override
  public PageData<T> read(E envelope, PageRequest request) {
    Number n = number.apply(envelope);
    Number s = size.apply(envelope);
    int pageSize = s != null && s.intValue() > 0 ? s.intValue() : request.size();
    long pageNumber = n != null && n.longValue() >= 0 ? n.longValue() : request.pageNumber();
    return PageData.<T>builder(content.apply(envelope), pageNumber * pageSize)
        .size(pageSize)
        .totalPages(totalPages.apply(envelope))
        .total(totalElements == null ? null : totalElements.apply(envelope))
        .last(last.apply(envelope))
        .build();
  }

  @Override
  public PageRequest nextRequest(PageRequest request, PageData<T> data) {
    int pageSize = data.size() != null ? data.size() : request.size();
    long nextNumber = data.offset() / pageSize + 1;
    return PageRequest.ofPage((int) Math.min(Integer.MAX_VALUE, nextNumber), pageSize);
  }

  static int checkSize(int size) {
    if (size < 1) throw new IllegalArgumentException("page size must be >= 1: " + size);
    return size;
  }
}
