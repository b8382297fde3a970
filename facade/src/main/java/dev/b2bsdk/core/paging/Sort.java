package dev.b2bsdk.core.paging;

import java.util.Objects;

/**
 * The order of a list, the same for the four APIs: one field (as the vendor spells it) and a
 * direction. Each API sends it its own way (CareCloud {@code sort_field}/{@code sort_direction},
 * ITCare {@code sort=field,asc}, InTouch {@code orderBy}/{@code desc}). Immutable.
 *
 * <p>Sort long exports by a stable key: paging over a changing order can skip or repeat items.
 *
 * <pre>{@code
 * carecloud.stores().list(ListParams.builder().sort(Sort.desc("last_change")).build())
 * }</pre>
 */
public final class Sort {

  private final String field;
  private final boolean ascending;

  private Sort(String field, boolean ascending) {
    if (Objects.requireNonNull(field, "sort field").isBlank()) {
      throw new IllegalArgumentException("sort field must not be blank");
    }
    this.field = field;
    this.ascending = ascending;
  }

  /** Ascending by {@code field}. */
  public static Sort asc(String field) {
    return new Sort(field, true);
  }

  /** Descending by {@code field}. */
  public static Sort desc(String field) {
    return new Sort(field, false);
  }

  /** The field name as the vendor spells it. */
  public String field() {
    return field;
  }

  /** Whether the order is ascending. */
  public boolean isAscending() {
    return ascending;
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
    return field + (ascending ? " asc" : " desc");
  }
}
