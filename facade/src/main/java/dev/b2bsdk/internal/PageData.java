package dev.b2bsdk.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a {@link PageAdapter} reads out of one envelope, in a form the core loop understands.
 *
 * <p>Every field except the items and the offset is optional ({@code null}) because each API
 * reports a different subset. Immutable.
 *
 * @param <T> the item type
 */
public final class PageData<T> {
  private final List<T> items;
  private final long offset;
  private final Integer size;
  private final Long total;
  private final Long totalPages;
  private final Boolean last;

  private PageData(Builder<T> b) {
    this.items = b.items;
    this.offset = b.offset;
    this.size = b.size;
    this.total = b.total;
    this.totalPages = b.totalPages;
    this.last = b.last;
  }

  /**
   * Starts a builder.
   *
   * @param items the page's items; {@code null} is read as an empty page
   * @param offset the absolute 0-based offset of the first item: the server's if it reports one,
   *     else the requested one
   */
  public static <T> Builder<T> builder(List<? extends T> items, long offset) {
    return new Builder<>(items, offset);
  }

  /** The items, unmodifiable, never null. */
  public List<T> items() {
    return items;
  }

  /** The absolute offset of the first item. */
  public long offset() {
    return offset;
  }

  /** The page size the server says it used, or null if it does not say. */
  public Integer size() {
    return size;
  }

  /** The total number of items the server reports, or null. */
  public Long total() {
    return total;
  }

  /** The total number of pages the server reports, or null. */
  public Long totalPages() {
    return totalPages;
  }

  /** The server's "last page" flag, or null if it has none. */
  public Boolean last() {
    return last;
  }

  @Override
  public String toString() {
    return "PageData{items=" + items.size() + ", offset=" + offset + ", size=" + size
        + ", total=" + total + ", totalPages=" + totalPages + ", last=" + last + '}';
  }

  /** Builder of {@link PageData}. */
  public static final class Builder<T> {
    private final List<T> items;
    private final long offset;
    private Integer size;
    private Long total;
    private Long totalPages;
    private Boolean last;

    private Builder(List<? extends T> items, long offset) {
      // one defensive copy: the page must not change if the envelope is mutated later
      this.items = items == null || items.isEmpty()
          ? Collections.emptyList()
          : Collections.unmodifiableList(new ArrayList<>(items));
      this.offset = offset;
    }

    /** The server's page size; ignored when null or not positive. */
    public Builder<T> size(Number size) {
      this.size = size == null || size.intValue() < 1 ? null : size.intValue();
      return this;
    }

    /** The reported total of items; ignored when null or negative. */
    public Builder<T> total(Number total) {
      this.total = total == null || total.longValue() < 0 ? null : total.longValue();
      return this;
    }

    /** The reported total of pages; ignored when null or negative. */
    public Builder<T> totalPages(Number totalPages) {
      this.totalPages =
          totalPages == null || totalPages.longValue() < 0 ? null : totalPages.longValue();
      return this;
    }

    /** The server's "last page" flag, or null. */
    public Builder<T> last(Boolean last) {
      this.last = last;
      return this;
    }

    public PageData<T> build() {
      return new PageData<>(this);
    }
  }
}
