package dev.b2bsdk.carecloud;

/**
 * Filters and order of {@code listVouchers} (both clients); every filter set must match. Sent
 * with every page. Immutable.
 *
 * <pre>{@code
 * VoucherQuery.builder().customerId(id).valid(true).applied(false).build()
 * }</pre>
 */
public final class VoucherQuery {

  private static final VoucherQuery ALL = builder().build();

  private final String customerId;
  private final String code;
  private final String storeId;
  private final Boolean valid;
  private final Boolean applied;
  private final String rewardId;
  private final Sort sort;

  private VoucherQuery(Builder b) {
    this.customerId = b.customerId;
    this.code = b.code;
    this.storeId = b.storeId;
    this.valid = b.valid;
    this.applied = b.applied;
    this.rewardId = b.rewardId;
    this.sort = b.sort;
  }

  /** No filter, the server's order. */
  public static VoucherQuery all() {
    return ALL;
  }

  /** A builder with no filter and no order set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    return new Builder().customerId(customerId).code(code).storeId(storeId).valid(valid)
        .applied(applied).rewardId(rewardId).sort(sort);
  }

  /** {@code customer_id}, or null. */
  public String customerId() {
    return customerId;
  }

  /** {@code code}, or null. */
  public String code() {
    return code;
  }

  /** {@code store_id}, or null. */
  public String storeId() {
    return storeId;
  }

  /** {@code is_valid}, or null. */
  public Boolean valid() {
    return valid;
  }

  /** {@code is_applied}, or null. */
  public Boolean applied() {
    return applied;
  }

  /** {@code reward_id}, or null. */
  public String rewardId() {
    return rewardId;
  }

  /** The order, or null for the server's. */
  public Sort sort() {
    return sort;
  }

  @Override
  public String toString() {
    return "VoucherQuery{filters=" + Queries.names("customer_id", customerId, "code", code,
        "store_id", storeId, "is_valid", valid, "is_applied", applied, "reward_id", rewardId)
        + ", sort=" + sort + '}';
  }

  /** Builds a {@link VoucherQuery}; every setting is optional. */
  public static final class Builder {
    private String customerId;
    private String code;
    private String storeId;
    private Boolean valid;
    private Boolean applied;
    private String rewardId;
    private Sort sort;

    private Builder() {
    }

    /** Vouchers of this customer. */
    public Builder customerId(String customerId) {
      this.customerId = customerId;
      return this;
    }

    /** The voucher with this code. */
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /** Vouchers of this store. */
    public Builder storeId(String storeId) {
      this.storeId = storeId;
      return this;
    }

    /** Vouchers valid (true) or not valid (false) today. */
    public Builder valid(Boolean valid) {
      this.valid = valid;
      return this;
    }

    /** Vouchers already applied (true) or not (false). */
    public Builder applied(Boolean applied) {
      this.applied = applied;
      return this;
    }

    /** Vouchers created from this reward. */
    public Builder rewardId(String rewardId) {
      this.rewardId = rewardId;
      return this;
    }

    /** The order of the results. */
    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    /** The immutable query. */
    public VoucherQuery build() {
      return new VoucherQuery(this);
    }
  }
}
