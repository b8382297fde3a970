package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PageRequest;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Position paging with an echoing envelope: query {@code position} (record offset) and {@code
 * size}; envelope {@code {total, position, size, items}} (InTouch style) where {@code size} is the
 * page size the server actually used.
 *
 * <p>The next position is the reported {@code position + size}: the server's size is trusted
 * over the requested one. A reported position that does not move forward ends the walk (see
 * {@link PagedIterable}). Default maximum page size 1000. Immutable.
 *
 * @param <E> the envelope type
 * @param <T> the item type
 */
public final class PositionPaging<E, T> implements PageAdapter<E, T> {
  /** Default page size when the caller sets none. */
  public static final int DEFAULT_PAGE_SIZE = 100;
  /** Default maximum page size (InTouch documents 1000). */
  public static final int DEFAULT_MAX_PAGE_SIZE = 1000;

  private final Function<? super E, ? extends List<? extends T>> items;
  private final Function<? super E, ? extends Number> total;
  private final Function<? super E, ? extends Number> position;
  private final Function<? super E, ? extends Number> size;
  private final int defaultPageSize;
  private final int maxPageSize;

  private PositionPaging(
      Function<? super E, ? extends List<? extends T>> items,
      Function<? super E, ? extends Number> total,
      Function<? super E, ? extends Number> position,
      Function<? super E, ? extends Number> size,
      int defaultPageSize,
      int maxPageSize) {
    this.items = Objects.requireNonNull(items, "items");
    this.total = Objects.requireNonNull(total, "total");
    this.position = Objects.requireNonNull(position, "position");
    this.size = Objects.requireNonNull(size, "size");
    this.defaultPageSize = SpringPaging.checkSize(defaultPageSize);
    this.maxPageSize = SpringPaging.checkSize(maxPageSize);
  }

  /**
   * An adapter reading the envelope through accessors, e.g. {@code PositionPaging.of(
   * ContactList::getItems, ContactList::getTotal, ContactList::getPosition, ContactList::getSize)}.
   * Accessors may return null.
   */
  public static <E, T> PositionPaging<E, T> of(
      Function<? super E, ? extends List<? extends T>> items,
      Function<? super E, ? extends Number> total,
      Function<? super E, ? extends Number> position,
      Function<? super E, ? extends Number> size) {
    return new PositionPaging<>(items, total, position, size,
        DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGE_SIZE);
  }

  /** A copy with another default page size. */
  public PositionPaging<E, T> withDefaultPageSize(int pageSize) {
    return new PositionPaging<>(items, total, position, size, pageSize, maxPageSize);
  }

  /** A copy with another maximum page size. */
  public PositionPaging<E, T> withMaxPageSize(int pageSize) {
    return new PositionPaging<>(items, total, position, size, defaultPageSize, pageSize);
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
    Number p = position.apply(envelope);
    long offset = p != null && p.longValue() >= 0 ? p.longValue() : request.offset();
    return PageData.<T>builder(items.apply(envelope), offset)
        .size(size.apply(envelope))
        .total(total.apply(envelope))
        .build();
  }

  @Override
  public PageRequest nextRequest(PageRequest request, PageData<T> data) {
    long step;
    if (data.size() != null) {
      step = data.size();
    } else {
      step = data.items().isEmpty() ? request.size() : data.items().size();
    }
    return PageRequest.ofOffset(data.offset() + step, request.size());
  }
}
