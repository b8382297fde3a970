package dev.b2bsdk.intouch;

/**
 * Filters and order of {@link InTouchClient#listComments(CommentQuery)}: the notes of records of
 * one type ({@code srcType}) and/or of one record ({@code srcId}). Sent with every page.
 * Immutable; unset settings are not sent.
 *
 * <pre>{@code
 * client.listComments(CommentQuery.builder().srcType(1).srcId("241").build())
 * }</pre>
 */
public final class CommentQuery {

  private static final CommentQuery ALL = builder().build();

  private final Integer srcType;
  private final String srcId;
  private final Sort sort;

  private CommentQuery(Builder b) {
    this.srcType = b.srcType;
    this.srcId = b.srcId;
    this.sort = b.sort;
  }

  /** Every note, the server's order. */
  public static CommentQuery all() {
    return ALL;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    return new Builder().srcType(srcType).srcId(srcId).sort(sort);
  }

  /** {@code srcType}, or null. */
  public Integer srcType() {
    return srcType;
  }

  /** {@code srcId}, or null. */
  public String srcId() {
    return srcId;
  }

  /** The order, or null for the server's. */
  public Sort sort() {
    return sort;
  }

  @Override
  public String toString() {
    return "CommentQuery{srcType=" + srcType + ", srcId=" + srcId + ", sort=" + sort + '}';
  }

  /** Builds a {@link CommentQuery}; every setting is optional. */
  public static final class Builder {
    private Integer srcType;
    private String srcId;
    private Sort sort;

    private Builder() {
    }

    /** Only notes of records of this type. */
    public Builder srcType(Integer srcType) {
      this.srcType = srcType;
      return this;
    }

    /** Only notes of the record with this id. */
    public Builder srcId(String srcId) {
      this.srcId = srcId;
      return this;
    }

    /** The order of the results. */
    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    public CommentQuery build() {
      return new CommentQuery(this);
    }
  }
}
