package dev.b2bsdk.itcare;

import java.util.List;
import java.util.Objects;

/**
 * Filters and sort of {@link ItCareClient#listServices(ServiceQuery)}; sent with every page.
 * Immutable; unset filters are not sent.
 */
public final class ServiceQuery {
  private static final ServiceQuery ALL = builder().build();

  private final List<String> names;
  private final String sort;

  private ServiceQuery(Builder b) {
    this.names = b.names;
    this.sort = b.sort;
  }

  /** No filter, server's default order. */
  public static ServiceQuery all() {
    return ALL;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Names ({@code names}); {@code !name} excludes. */
  public List<String> names() {
    return names;
  }

  /** Sort criterion {@code property,asc|desc} ({@code sort}), or null. */
  public String sort() {
    return sort;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceQuery && names.equals(((ServiceQuery) o).names)
        && Objects.equals(sort, ((ServiceQuery) o).sort);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, sort);
  }

  @Override
  public String toString() {
    return "ServiceQuery{names=" + names + ", sort=" + sort + '}';
  }

  /** Builds a {@link ServiceQuery}. */
  public static final class Builder {
    private List<String> names = List.of();
    private String sort;

    private Builder() {}

    /** Sets {@link ServiceQuery#names()}. */
    public Builder names(String... names) {
      this.names = List.of(names);
      return this;
    }

    /** One criterion, {@code property} or {@code property,asc|desc}. */
    public Builder sort(String sort) {
      this.sort = sort;
      return this;
    }

    /** The immutable query. */
    public ServiceQuery build() {
      return new ServiceQuery(this);
    }
  }
}
