package dev.b2bsdk.carecloud;

/**
 * Filters and order of {@code listRewards} (both clients); every filter set must match. Sent with
 * every page. Immutable.
 */
public final class RewardQuery {

  private static final RewardQuery ALL = builder().build();

  private final String code;
  private final Integer rewardGroup;
  private final Boolean automated;
  private final Sort sort;

  private RewardQuery(Builder b) {
    this.code = b.code;
    this.rewardGroup = b.rewardGroup;
    this.automated = b.automated;
    this.sort = b.sort;
  }

  /** No filter, the server's order. */
  public static RewardQuery all() {
    return ALL;
  }

  /** A builder with no filter and no order set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    return new Builder().code(code).rewardGroup(rewardGroup).automated(automated).sort(sort);
  }

  /** {@code code}, or null. */
  public String code() {
    return code;
  }

  /** {@code reward_group}, or null. */
  public Integer rewardGroup() {
    return rewardGroup;
  }

  /** {@code is_automated}, or null. */
  public Boolean automated() {
    return automated;
  }

  /** The order, or null for the server's. */
  public Sort sort() {
    return sort;
  }

  @Override
  public String toString() {
    return "RewardQuery{filters=" + Queries.names("code", code, "reward_group", rewardGroup,
        "is_automated", automated) + ", sort=" + sort + '}';
  }

  /** Builds a {@link RewardQuery}; every setting is optional. */
  public static final class Builder {
    private String code;
    private Integer rewardGroup;
    private Boolean automated;
    private Sort sort;

    private Builder() {
    }

    /** The reward with this code. */
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /** Rewards of this group. */
    public Builder rewardGroup(Integer rewardGroup) {
      this.rewardGroup = rewardGroup;
      return this;
    }

    /** Automated (true) or manual (false) rewards. */
    public Builder automated(Boolean automated) {
      this.automated = automated;
      return this;
    }

    /** The order of the results. */
    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    /** The immutable query. */
    public RewardQuery build() {
      return new RewardQuery(this);
    }
  }
}
