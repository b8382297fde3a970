package dev.b2bsdk.carecloud;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Filters and order of {@code listSegments} (both clients). Sent with every page. Immutable.
 */
public final class SegmentQuery {

  private static final SegmentQuery ALL = builder().build();

  private final List<String> segmentGroupIds;
  private final Sort sort;

  private SegmentQuery(Builder b) {
    this.segmentGroupIds = Queries.copy(b.segmentGroupIds, "segmentGroupIds");
    this.sort = b.sort;
  }

  /** No filter, the server's order. */
  public static SegmentQuery all() {
    return ALL;
  }

  /** A builder with no filter and no order set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    return new Builder().segmentGroupIds(segmentGroupIds).sort(sort);
  }

  /** {@code segment_group_ids[]}, or null. */
  public List<String> segmentGroupIds() {
    return segmentGroupIds;
  }

  /** The order, or null for the server's. */
  public Sort sort() {
    return sort;
  }

  @Override
  public String toString() {
    return "SegmentQuery{filters=" + Queries.names("segment_group_ids", segmentGroupIds)
        + ", sort=" + sort + '}';
  }

  /** Builds a {@link SegmentQuery}; every setting is optional. */
  public static final class Builder {
    private List<String> segmentGroupIds;
    private Sort sort;

    private Builder() {
    }

    /** Segments in any of these groups (at most 1000). */
    public Builder segmentGroupIds(Collection<String> ids) {
      this.segmentGroupIds = ids == null ? null : new ArrayList<>(ids);
      return this;
    }

    /** The order of the results. */
    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    /**
     * The immutable query.
     *
     * @throws IllegalArgumentException if more than 1000 group ids are given
     */
    public SegmentQuery build() {
      return new SegmentQuery(this);
    }
  }
}
