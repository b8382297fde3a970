package dev.b2bsdk.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Offset/count paging without a reported page size or offset: query {@code count} and {@code
 * offset}; the envelope reports the items and a total (for example CareCloud's {@code {data:
 * {<plural>: [...], total_items}}}).
 *
 * <p>The next offset is {@code offset + received} (a server may cap the count silently), or
 * {@code offset + requested count} after an empty page. The walk ends when the next offset
 * reaches the total, or - without a total - on a short or empty page. Immutable.
 *
 * @param <E> the envelope type
 * @param <T> the item type
 */
public final class OffsetPaging<E, T> implements PageAdapter<E, T> {
  /** Default page size when the caller sets none. */
  public static final int DEFAULT_PAGE_SIZE = 100;
  /** Default maximum page size. */
  public static final int DEFAULT_MAX_PAGE_SIZE = 1000;

  private final Function<? super E, ? extends List<? extends T>> items;
  private final Function<? super E, ? extends Number> total;
  private final int defaultPageSize;
  private final int maxPageSize;

  private OffsetPaging(
      Function<? super E, ? extends List<? extends T>> items,
      Function<? super E, ? extends Number> total,
      int defaultPageSize,
      int maxPageSize) {
    this.items = Objects.requireNonNull(items, "items");
    this.total = Objects.requireNonNull(total, "total");
    this.defaultPageSize = SpringPaging.checkSize(defaultPageSize);
    this.maxPageSize = SpringPaging.checkSize(maxPageSize);
  }

  /**
   * An adapter reading items and total through accessors, e.g. {@code OffsetPaging.of(e ->
   * e.getData().getCustomers(), e -> e.getData().getTotalItems())}. Accessors may return null.
   */
  public static <E, T> OffsetPaging<E, T> of(
      Function<? super E, ? extends List<? extends T>> items,
      Function<? super E, ? extends Number> total) {
    return new OffsetPaging<>(items, total, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGE_SIZE);
  }

  /** A copy with another default page size. */
  public OffsetPaging<E, T> withDefaultPageSize(int pageSize) {
    return new OffsetPaging<>(items, total, pageSize, maxPageSize);
  }

  /** A copy with another maximum page size. */
  public OffsetPaging<E, T> withMaxPageSize(int pageSize) {
    return new OffsetPaging<>(items, total, defaultPageSize, pageSize);
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
    return PageRequest.ofOffset(0, pageSize);
  }

  @Override
  public PageData<T> read(E envelope, PageRequest request) {
    return PageData.<T>builder(items.apply(envelope), request.offset())
        .total(total.apply(envelope))
        .build();
  }

  @Override
  public PageRequest nextRequest(PageRequest request, PageData<T> data) {
    int received = data.items().size();
    long step = received > 0 ? received : request.size();
    return PageRequest.ofOffset(data.offset() + step, request.size());
  }
}
