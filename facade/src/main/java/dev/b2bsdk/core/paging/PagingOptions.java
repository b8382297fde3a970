package dev.b2bsdk.core.paging;

/**
 * Per-call paging settings: page size and the limits of the loop guards. Immutable; build with
 * {@link #builder()}.
 */
public final class PagingOptions {
  private static final PagingOptions DEFAULTS = builder().build();

  private final Integer pageSize;
  private final int maxConsecutiveEmptyPages;
  private final int pageCapSlack;
  private final long maxPages;

  private PagingOptions(Builder b) {
    this.pageSize = b.pageSize;
    this.maxConsecutiveEmptyPages = b.maxConsecutiveEmptyPages;
    this.pageCapSlack = b.pageCapSlack;
    this.maxPages = b.maxPages;
  }

  /** Default options: style's default page size, 3 empty pages in a row, slack 2, no page cap. */
  public static PagingOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.pageSize = pageSize;
    b.maxConsecutiveEmptyPages = maxConsecutiveEmptyPages;
    b.pageCapSlack = pageCapSlack;
    b.maxPages = maxPages;
    return b;
  }

  /** The requested page size, or null for the style's default. */
  public Integer pageSize() {
    return pageSize;
  }

  /** Iteration stops after this many empty pages in a row, even if the total says more remain. */
  public int maxConsecutiveEmptyPages() {
    return maxConsecutiveEmptyPages;
  }

  /** Pages allowed beyond {@code ceil(total / pageSize)} before the iteration is cut off. */
  public int pageCapSlack() {
    return pageCapSlack;
  }

  /** Absolute cap on the pages one iteration fetches; {@link Long#MAX_VALUE} for none. */
  public long maxPages() {
    return maxPages;
  }

  @Override
  public String toString() {
    return "PagingOptions{pageSize=" + pageSize + ", maxConsecutiveEmptyPages="
        + maxConsecutiveEmptyPages + ", pageCapSlack=" + pageCapSlack + ", maxPages=" + maxPages
        + '}';
  }

  /** Builder of {@link PagingOptions}. */
  public static final class Builder {
    private Integer pageSize;
    private int maxConsecutiveEmptyPages = 3;
    private int pageCapSlack = 2;
    private long maxPages = Long.MAX_VALUE;

    private Builder() {}

    /**
     * Page size to request; clamped to the style's maximum. {@code null} selects the style's
     * default.
     */
    public Builder pageSize(Integer pageSize) {
      if (pageSize != null && pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public Builder maxConsecutiveEmptyPages(int n) {
      if (n < 1) throw new IllegalArgumentException("maxConsecutiveEmptyPages must be >= 1: " + n);
      this.maxConsecutiveEmptyPages = n;
      return this;
    }

    public Builder pageCapSlack(int slack) {
      if (slack < 0) throw new IllegalArgumentException("pageCapSlack must be >= 0: " + slack);
      this.pageCapSlack = slack;
      return this;
    }

    public Builder maxPages(long maxPages) {
      if (maxPages < 1) throw new IllegalArgumentException("maxPages must be >= 1: " + maxPages);
      this.maxPages = maxPages;
      return this;
    }

    public PagingOptions build() {
      return new PagingOptions(this);
    }
  }
}
