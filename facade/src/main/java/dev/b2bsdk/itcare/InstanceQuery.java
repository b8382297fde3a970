package dev.b2bsdk.itcare;

import java.util.List;
import java.util.Objects;

/**
 * Filters and sort of {@link ItCareClient#listInstances(InstanceQuery)}; sent with every page.
 * Immutable; unset filters are not sent. Multi-valued filters match any of their values; a
 * name starting with {@code !} negates it.
 *
 * <pre>{@code
 * InstanceQuery query = InstanceQuery.builder()
 *     .environments("PRODUCTION").families("DEBIAN").tags("application:itcare")
 *     .sort("name,asc")
 *     .build();
 * }</pre>
 */
public final class InstanceQuery {
  private static final InstanceQuery ALL = builder().build();

  private final List<Long> services;
  private final List<String> names;
  private final List<String> types;
  private final List<String> families;
  private final List<String> environments;
  private final List<String> statuses;
  private final List<String> tags;
  private final List<String> availabilityZones;
  private final List<String> ipAddresses;
  private final List<String> vlans;
  private final Boolean backupStatus;
  private final Boolean recoveryStatus;
  private final Boolean includedInPatchParty;
  private final Long cloud;
  private final String sort;

  private InstanceQuery(Builder b) {
    this.services = b.services;
    this.names = b.names;
    this.types = b.types;
    this.families = b.families;
    this.environments = b.environments;
    this.statuses = b.statuses;
    this.tags = b.tags;
    this.availabilityZones = b.availabilityZones;
    this.ipAddresses = b.ipAddresses;
    this.vlans = b.vlans;
    this.backupStatus = b.backupStatus;
    this.recoveryStatus = b.recoveryStatus;
    this.includedInPatchParty = b.includedInPatchParty;
    this.cloud = b.cloud;
    this.sort = b.sort;
  }

  /** No filter, server's default order. */
  public static InstanceQuery all() {
    return ALL;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Service ids ({@code services}). */
  public List<Long> services() {
    return services;
  }

  /** Names ({@code names}); {@code !name} excludes. */
  public List<String> names() {
    return names;
  }

  /** Types ({@code types}): WINDOWS, AIX, LINUX. */
  public List<String> types() {
    return types;
  }

  /** Families ({@code families}): DEBIAN, CENTOS, RHEL, ... */
  public List<String> families() {
    return families;
  }

  /** Environments ({@code environments}): PRODUCTION, DEVELOPMENT, ... */
  public List<String> environments() {
    return environments;
  }

  /** Statuses ({@code statuses}): ACTIVE, INACTIVE, ... */
  public List<String> statuses() {
    return statuses;
  }

  /** Tags ({@code tags}) as {@code key:value}. */
  public List<String> tags() {
    return tags;
  }

  /** Availability zones ({@code az}). */
  public List<String> availabilityZones() {
    return availabilityZones;
  }

  /** IP addresses ({@code ip}). */
  public List<String> ipAddresses() {
    return ipAddresses;
  }

  /** VLANs ({@code vlan}). */
  public List<String> vlans() {
    return vlans;
  }

  /** Backup status filter ({@code backupStatus}), or null. */
  public Boolean backupStatus() {
    return backupStatus;
  }

  /** Disaster-recovery status filter ({@code recoveryStatus}), or null. */
  public Boolean recoveryStatus() {
    return recoveryStatus;
  }

  /** Patch-party membership filter ({@code includedInPatchParty}), or null. */
  public Boolean includedInPatchParty() {
    return includedInPatchParty;
  }

  /** Cloud id ({@code clouds}), or null. */
  public Long cloud() {
    return cloud;
  }

  /** Sort criterion {@code property,asc|desc} ({@code sort}), or null. */
  public String sort() {
    return sort;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof InstanceQuery)) return false;
    InstanceQuery q = (InstanceQuery) o;
    return services.equals(q.services) && names.equals(q.names) && types.equals(q.types)
        && families.equals(q.families) && environments.equals(q.environments)
        && statuses.equals(q.statuses) && tags.equals(q.tags)
        && availabilityZones.equals(q.availabilityZones) && ipAddresses.equals(q.ipAddresses)
        && vlans.equals(q.vlans) && Objects.equals(backupStatus, q.backupStatus)
        && Objects.equals(recoveryStatus, q.recoveryStatus)
        && Objects.equals(includedInPatchParty, q.includedInPatchParty)
        && Objects.equals(cloud, q.cloud) && Objects.equals(sort, q.sort);
  }

  @Override
  public int hashCode() {
    return Objects.hash(services, names, types, families, environments, statuses, tags,
        availabilityZones, ipAddresses, vlans, backupStatus, recoveryStatus,
        includedInPatchParty, cloud, sort);
  }

  @Override
  public String toString() {
    return "InstanceQuery{services=" + services + ", names=" + names + ", types=" + types
        + ", families=" + families + ", environments=" + environments + ", statuses=" + statuses
        + ", tags=" + tags + ", az=" + availabilityZones + ", ip=" + ipAddresses + ", vlan="
        + vlans + ", backupStatus=" + backupStatus + ", recoveryStatus=" + recoveryStatus
        + ", includedInPatchParty=" + includedInPatchParty + ", cloud=" + cloud + ", sort="
        + sort + '}';
  }

  /** Builds an {@link InstanceQuery}; each setter replaces the previous values. */
  public static final class Builder {
    private List<Long> services = List.of();
    private List<String> names = List.of();
    private List<String> types = List.of();
    private List<String> families = List.of();
    private List<String> environments = List.of();
    private List<String> statuses = List.of();
    private List<String> tags = List.of();
    private List<String> availabilityZones = List.of();
    private List<String> ipAddresses = List.of();
    private List<String> vlans = List.of();
    private Boolean backupStatus;
    private Boolean recoveryStatus;
    private Boolean includedInPatchParty;
    private Long cloud;
    private String sort;

    private Builder() {}

    /** Sets {@link InstanceQuery#services()}. */
    public Builder services(Long... serviceIds) {
      this.services = List.of(serviceIds);
      return this;
    }

    /** Sets {@link InstanceQuery#services()}. */
    public Builder services(List<Long> serviceIds) {
      this.services = List.copyOf(serviceIds);
      return this;
    }

    /** Sets {@link InstanceQuery#names()}. */
    public Builder names(String... names) {
      this.names = List.of(names);
      return this;
    }

    /** Sets {@link InstanceQuery#types()}. */
    public Builder types(String... types) {
      this.types = List.of(types);
      return this;
    }

    /** Sets {@link InstanceQuery#families()}. */
    public Builder families(String... families) {
      this.families = List.of(families);
      return this;
    }

    /** Sets {@link InstanceQuery#environments()}. */
    public Builder environments(String... environments) {
      this.environments = List.of(environments);
      return this;
    }

    /** Sets {@link InstanceQuery#statuses()}. */
    public Builder statuses(String... statuses) {
      this.statuses = List.of(statuses);
      return this;
    }

    /** Sets {@link InstanceQuery#tags()}. */
    public Builder tags(String... tags) {
      this.tags = List.of(tags);
      return this;
    }

    /** Sets {@link InstanceQuery#availabilityZones()}. */
    public Builder availabilityZones(String... zones) {
      this.availabilityZones = List.of(zones);
      return this;
    }

    /** Sets {@link InstanceQuery#ipAddresses()}. */
    public Builder ipAddresses(String... ips) {
      this.ipAddresses = List.of(ips);
      return this;
    }

    /** Sets {@link InstanceQuery#vlans()}. */
    public Builder vlans(String... vlans) {
      this.vlans = List.of(vlans);
      return this;
    }

    /** Sets {@link InstanceQuery#backupStatus()}. */
    public Builder backupStatus(Boolean backupStatus) {
      this.backupStatus = backupStatus;
      return this;
    }

    /** Sets {@link InstanceQuery#recoveryStatus()}. */
    public Builder recoveryStatus(Boolean recoveryStatus) {
      this.recoveryStatus = recoveryStatus;
      return this;
    }

    /** Sets {@link InstanceQuery#includedInPatchParty()}. */
    public Builder includedInPatchParty(Boolean includedInPatchParty) {
      this.includedInPatchParty = includedInPatchParty;
      return this;
    }

    /** Sets {@link InstanceQuery#cloud()}. */
    public Builder cloud(Long cloudId) {
      this.cloud = cloudId;
      return this;
    }

    /** One criterion, {@code property} or {@code property,asc|desc} (ITCare takes only one). */
    public Builder sort(String sort) {
      this.sort = sort;
      return this;
    }

    /** The immutable query. */
    public InstanceQuery build() {
      return new InstanceQuery(this);
    }
  }
}
