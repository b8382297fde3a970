package dev.b2bsdk.carecloud;

import java.util.Objects;

/**
 * The order of a list: {@code sort_field} (any first-level field of the listed records, e.g.
 * {@code last_change}) and {@code sort_direction}. Immutable. Sort paged exports by a stable key:
 * offset paging over a changing order can skip or repeat records.
 *
 * <pre>{@code
 * client.listStores(Sort.descending("last_change"))
 * }</pre>
 */
public final class Sort {

  private final String field;
  private final boolean ascending;

  private Sort(String field, boolean ascending) {
    if (Objects.requireNonNull(field, "field").isBlank()) {
      throw new IllegalArgumentException("sort field must not be blank");
    }
    this.field = field;
    this.ascending = ascending;
  }

  /** Ascending by {@code field} ({@code sort_direction=ASC}). */
  public static Sort ascending(String field) {
    return new Sort(field, true);
  }

  /** Descending by {@code field} ({@code sort_direction=DESC}). */
  public static Sort descending(String field) {
    return new Sort(field, false);
  }

  /** The field name as CareCloud spells it. */
  public String field() {
    return field;
  }

  /** {@code ASC} or {@code DESC}. */
  public String direction() {
    return ascending ? "ASC" : "DESC";
  }

  static String field(Sort sort) {
    return sort == null ? null : sort.field;
  }

  static String direction(Sort sort) {
    return sort == null ? null : sort.direction();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sort && ((Sort) o).field.equals(field) && ((Sort) o).ascending == ascending;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, ascending);
  }

  @Override
  public String toString() {
    return field + ' ' + direction();
  }
}
