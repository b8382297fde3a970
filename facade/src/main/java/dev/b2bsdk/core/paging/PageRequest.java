package dev.b2bsdk.core.paging;

/**
 * The paging parameters of one page request: a record offset, a page number and a page size.
 *
 * <p>Both addressing forms are always present so that a fetcher can send whichever its API
 * understands: offset-style APIs read {@link #offset()}, page-number APIs read {@link
 * #pageNumber()}. Immutable.
 */
public final class PageRequest {
  private final long offset;
  private final int pageNumber;
  private final int size;

  private PageRequest(long offset, int pageNumber, int size) {
    if (offset < 0) throw new IllegalArgumentException("offset < 0: " + offset);
    if (pageNumber < 0) throw new IllegalArgumentException("pageNumber < 0: " + pageNumber);
    if (size < 1) throw new IllegalArgumentException("size < 1: " + size);
    this.offset = offset;
    this.pageNumber = pageNumber;
    this.size = size;
  }

  /** A request for {@code size} records starting at record {@code offset} (0-based). */
  public static PageRequest ofOffset(long offset, int size) {
    if (size < 1) throw new IllegalArgumentException("size < 1: " + size);
    return new PageRequest(offset, (int) Math.min(Integer.MAX_VALUE, offset / size), size);
  }

  /** A request for page {@code pageNumber} (0-based) of pages holding {@code size} records. */
  public static PageRequest ofPage(int pageNumber, int size) {
    return new PageRequest((long) pageNumber * size, pageNumber, size);
  }

  /** The 0-based offset of the first record requested. */
  public long offset() {
    return offset;
  }

  /**
   * The 0-based page number; for offset-style requests this is {@code offset / size} rounded
   * down and only informative.
   */
  public int pageNumber() {
    return pageNumber;
  }

  /** The number of records requested (already clamped to the style's maximum). */
  public int size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof PageRequest)) return false;
    PageRequest that = (PageRequest) o;
    return offset == that.offset && pageNumber == that.pageNumber && size == that.size;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(offset) * 31 * 31 + pageNumber * 31 + size;
  }

  @Override
  public String toString() {
    return "PageRequest{offset=" + offset + ", pageNumber=" + pageNumber + ", size=" + size + '}';
  }
}
