package dev.b2bsdk.itcare;

import java.util.List;
import java.util.Objects;

/**
 * Filters and sort of {@link ItCareClient#listResources(ResourceQuery)} ({@code GET
 * /compute/resources}, resources of every category); sent with every page. Immutable; unset
 * filters are not sent.
 *
 * <pre>{@code
 * ResourceQuery query = ResourceQuery.builder()
 *     .categories("MANAGED_DATABASE").services(40213L).sort("name,asc").build();
 * }</pre>
 */
public final class ResourceQuery {
  private static final ResourceQuery ALL = builder().build();

  private final List<String> categories;
  private final List<String> types;
  private final List<String> families;
  private final List<Long> services;
  private final List<String> names;
  private final List<String> environments;
  private final List<String> statuses;
  private final List<String> tags;
  private final String sort;

  private ResourceQuery(Builder b) {
    this.categories = b.categories;
    this.types = b.types;
    this.families = b.families;
    this.services = b.services;
    this.names = b.names;
    this.environments = b.environments;
    this.statuses = b.statuses;
    this.tags = b.tags;
    this.sort = b.sort;
  }

  /** No filter, server's default order. */
  public static ResourceQuery all() {
    return ALL;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Categories ({@code categories}): INSTANCE, MANAGED_DATABASE, LOAD_BALANCER, ... */
  public List<String> categories() {
    return categories;
  }

  /** Types ({@code types}): LINUX, WINDOWS, POSTGRESQL, ... */
  public List<String> types() {
    return types;
  }

  /** Families ({@code families}). */
  public List<String> families() {
    return families;
  }

  /** Service ids ({@code services}). */
  public List<Long> services() {
    return services;
  }

  /** Names ({@code names}); {@code !name} excludes. */
  public List<String> names() {
    return names;
  }

  /** Environments ({@code environments}). */
  public List<String> environments() {
    return environments;
  }

  /** Statuses ({@code statuses}). */
  public List<String> statuses() {
    return statuses;
  }

  /** Tags ({@code tags}) as {@code key:value}. */
  public List<String> tags() {
    return tags;
  }

  /** Sort criterion {@code property,asc|desc} ({@code sort}), or null. */
  public String sort() {
    return sort;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ResourceQuery)) return false;
    ResourceQuery q = (ResourceQuery) o;
    return categories.equals(q.categories) && types.equals(q.types)
        && families.equals(q.families) && services.equals(q.services) && names.equals(q.names)
        && environments.equals(q.environments) && statuses.equals(q.statuses)
        && tags.equals(q.tags) && Objects.equals(sort, q.sort);
  }

  @Override
  public int hashCode() {
    return Objects.hash(categories, types, families, services, names, environments, statuses,
        tags, sort);
  }

  @Override
  public String toString() {
    return "ResourceQuery{categories=" + categories + ", types=" + types + ", families="
        + families + ", services=" + services + ", names=" + names + ", environments="
        + environments + ", statuses=" + statuses + ", tags=" + tags + ", sort=" + sort + '}';
  }

  /** Builds a {@link ResourceQuery}; each setter replaces the previous values. */
  public static final class Builder {
    private List<String> categories = List.of();
    private List<String> types = List.of();
    private List<String> families = List.of();
    private List<Long> services = List.of();
    private List<String> names = List.of();
    private List<String> environments = List.of();
    private List<String> statuses = List.of();
    private List<String> tags = List.of();
    private String sort;

    private Builder() {}

    /** Sets {@link ResourceQuery#categories()}. */
    public Builder categories(String... categories) {
      this.categories = List.of(categories);
      return this;
    }

    /** Sets {@link ResourceQuery#types()}. */
    public Builder types(String... types) {
      this.types = List.of(types);
      return this;
    }

    /** Sets {@link ResourceQuery#families()}. */
    public Builder families(String... families) {
      this.families = List.of(families);
      return this;
    }

    /** Sets {@link ResourceQuery#services()}. */
    public Builder services(Long... serviceIds) {
      this.services = List.of(serviceIds);
      return this;
    }

    /** Sets {@link ResourceQuery#names()}. */
    public Builder names(String... names) {
      this.names = List.of(names);
      return this;
    }

    /** Sets {@link ResourceQuery#environments()}. */
    public Builder environments(String... environments) {
      this.environments = List.of(environments);
      return this;
    }

    /** Sets {@link ResourceQuery#statuses()}. */
    public Builder statuses(String... statuses) {
      this.statuses = List.of(statuses);
      return this;
    }

    /** Sets {@link ResourceQuery#tags()}. */
    public Builder tags(String... tags) {
      this.tags = List.of(tags);
      return this;
    }

    /** One criterion, {@code property} or {@code property,asc|desc}. */
    public Builder sort(String sort) {
      this.sort = sort;
      return this;
    }

    /** The immutable query. */
    public ResourceQuery build() {
      return new ResourceQuery(this);
    }
  }
}
