package dev.b2bsdk.intouch;

/**
 * Filter and order of {@link InTouchClient#listBusCases(BusCaseQuery)}. Sent with every page.
 * Immutable; unset settings are not sent.
 *
 * <pre>{@code
 * client.listBusCases(BusCaseQuery.builder().caseType(3).sort(Sort.descending("modified")).build())
 * }</pre>
 */
public final class BusCaseQuery {

  private static final BusCaseQuery ALL = builder().build();

  private final Integer caseType;
  private final Sort sort;

  private BusCaseQuery(Builder b) {
    this.caseType = b.caseType;
    this.sort = b.sort;
  }

  /** Every type, the server's order. */
  public static BusCaseQuery all() {
    return ALL;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    return new Builder().caseType(caseType).sort(sort);
  }

  /** {@code caseType}, or null for every type. */
  public Integer caseType() {
    return caseType;
  }

  /** The order, or null for the server's. */
  public Sort sort() {
    return sort;
  }

  @Override
  public String toString() {
    return "BusCaseQuery{caseType=" + caseType + ", sort=" + sort + '}';
  }

  /** Builds a {@link BusCaseQuery}; every setting is optional. */
  public static final class Builder {
    private Integer caseType;
    private Sort sort;

    private Builder() {
    }

    /**
     * Only cases of this type; their type-specific attributes are then included (without it, only
     * the attributes common to all types are).
     */
    public Builder caseType(Integer caseType) {
      this.caseType = caseType;
      return this;
    }

    /** The order of the results. */
    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    public BusCaseQuery build() {
      return new BusCaseQuery(this);
    }
  }
}
