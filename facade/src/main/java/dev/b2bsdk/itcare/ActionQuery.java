package dev.b2bsdk.itcare;

import dev.b2bsdk.generated.itcare.model.ActionStatus;
import java.util.List;
import java.util.Objects;

/**
 * Filters of {@link ItCareClient#listActions(ActionQuery)} ({@code GET /actions}, not paged).
 * Immutable; unset filters are not sent.
 *
 * <pre>{@code
 * List<Action> running = client.listActions(
 *     ActionQuery.builder().resourceName("pdebwebsrv01")
 *         .statuses(ActionStatus.IN_PROGRESS).build());
 * }</pre>
 */
public final class ActionQuery {
  private static final ActionQuery ALL = builder().build();

  private final String resourceName;
  private final Long resourceId;
  private final Long serviceId;
  private final List<ActionStatus> statuses;
  private final Long requestId;

  private ActionQuery(Builder b) {
    this.resourceName = b.resourceName;
    this.resourceId = b.resourceId;
    this.serviceId = b.serviceId;
    this.statuses = b.statuses;
    this.requestId = b.requestId;
  }

  /** No filter. */
  public static ActionQuery all() {
    return ALL;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code resourceName}, or null. */
  public String resourceName() {
    return resourceName;
  }

  /** {@code resourceId}, or null. */
  public Long resourceId() {
    return resourceId;
  }

  /** {@code serviceId}, or null. */
  public Long serviceId() {
    return serviceId;
  }

  /** {@code statuses}; empty for any. */
  public List<ActionStatus> statuses() {
    return statuses;
  }

  /** {@code requestId}, or null. */
  public Long requestId() {
    return requestId;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ActionQuery)) return false;
    ActionQuery q = (ActionQuery) o;
    return Objects.equals(resourceName, q.resourceName) && Objects.equals(resourceId, q.resourceId)
        && Objects.equals(serviceId, q.serviceId) && statuses.equals(q.statuses)
        && Objects.equals(requestId, q.requestId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resourceName, resourceId, serviceId, statuses, requestId);
  }

  @Override
  public String toString() {
    return "ActionQuery{resourceName=" + resourceName + ", resourceId=" + resourceId
        + ", serviceId=" + serviceId + ", statuses=" + statuses + ", requestId=" + requestId + '}';
  }

  /** Builds an {@link ActionQuery}. */
  public static final class Builder {
    private String resourceName;
    private Long resourceId;
    private Long serviceId;
    private List<ActionStatus> statuses = List.of();
    private Long requestId;

    private Builder() {}

    /** Sets {@link ActionQuery#resourceName()}. */
    public Builder resourceName(String resourceName) {
      this.resourceName = resourceName;
      return this;
    }

    /** Sets {@link ActionQuery#resourceId()}. */
    public Builder resourceId(Long resourceId) {
      this.resourceId = resourceId;
      return this;
    }

    /** Sets {@link ActionQuery#serviceId()}. */
    public Builder serviceId(Long serviceId) {
      this.serviceId = serviceId;
      return this;
    }

    /** Sets {@link ActionQuery#statuses()}. */
    public Builder statuses(ActionStatus... statuses) {
      this.statuses = List.of(statuses);
      return this;
    }

    /** The id of the request that started the actions. */
    public Builder requestId(Long requestId) {
      this.requestId = requestId;
      return this;
    }

    /** The immutable query. */
    public ActionQuery build() {
      return new ActionQuery(this);
    }
  }
}
