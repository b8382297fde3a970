package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PageRequest;

import java.util.List;
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

  // Offset paging is position paging whose envelope reports neither its offset nor its page
  // size: one strategy, so the step and stop rules cannot drift apart.
  private final PositionPaging<E, T> delegate;

  private OffsetPaging(PositionPaging<E, T> delegate) {
    this.delegate = delegate;
  }

  /**
   * An adapter reading items and total through accessors, e.g. {@code OffsetPaging.of(e ->
   * e.getData().getCustomers(), e -> e.getData().getTotalItems())}. Accessors may return null.
   */
  public static <E, T> OffsetPaging<E, T> of(
      Function<? super E, ? extends List<? extends T>> items,
      Function<? super E, ? extends Number> total) {
    return new OffsetPaging<>(PositionPaging.<E, T>of(items, total, e -> null, e -> null)
        .withDefaultPageSize(DEFAULT_PAGE_SIZE)
        .withMaxPageSize(DEFAULT_MAX_PAGE_SIZE));
  }

  /** A copy with another default page size. */
  public OffsetPaging<E, T> withDefaultPageSize(int pageSize) {
    return new OffsetPaging<>(delegate.withDefaultPageSize(pageSize));
  }

  /** A copy with another maximum page size. */
  public OffsetPaging<E, T> withMaxPageSize(int pageSize) {
    return new OffsetPaging<>(delegate.withMaxPageSize(pageSize));
  }

  @Override
  public int defaultPageSize() {
    return delegate.defaultPageSize();
  }

  @Override
  public int maxPageSize() {
    return delegate.maxPageSize();
  }

  @Override
  public PageRequest firstRequest(int pageSize) {
    return delegate.firstRequest(pageSize);
  }

  @Override
  public PageData<T> read(E envelope, PageRequest request) {
    return delegate.read(envelope, request);
  }

  @Override
  public PageRequest nextRequest(PageRequest request, PageData<T> data) {
    return delegate.nextRequest(request, data);
  }
}
