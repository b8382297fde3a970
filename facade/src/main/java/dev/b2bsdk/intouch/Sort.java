package dev.b2bsdk.intouch;

import java.util.Objects;

/**
 * The order of an InTouch list: {@code orderBy} (a field of the listed records, e.g.
 * {@code modified}) and {@code desc}. Sent with every page request; where a list takes a
 * {@code Sort} or a query holding one, null means the server's order (neither parameter sent).
 * Immutable.
 *
 * <pre>{@code
 * client.listParties(Sort.descending("modified"))   // incremental sync: last changed first
 * }</pre>
 *
 * <p>Paging is by record offset: sort exports by a stable key (such as {@code id}), since
 * offset paging over a changing order can skip or repeat records.
 */
public final class Sort {

  private final String field;
  private final boolean descending;

  private Sort(String field, boolean descending) {
    if (Objects.requireNonNull(field, "field").isBlank()) {
      throw new IllegalArgumentException("sort field must not be blank");
    }
    this.field = field;
    this.descending = descending;
  }

  /** Ascending by {@code field} ({@code orderBy=field&desc=false}). */
  public static Sort ascending(String field) {
    return new Sort(field, false);
  }

  /** Descending by {@code field} ({@code orderBy=field&desc=true}). */
  public static Sort descending(String field) {
    return new Sort(field, true);
  }

  /** The field name as InTouch spells it. */
  public String field() {
    return field;
  }

  /** True for {@code desc=true}. */
  public boolean isDescending() {
    return descending;
  }

  /** The {@code orderBy} parameter for {@code sort}, or null to send none. */
  static String orderBy(Sort sort) {
    return sort == null ? null : sort.field;
  }

  /** The {@code desc} parameter for {@code sort}, or null to send none. */
  static Boolean desc(Sort sort) {
    return sort == null ? null : sort.descending;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sort && ((Sort) o).field.equals(field)
        && ((Sort) o).descending == descending;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, descending);
  }

  @Override
  public String toString() {
    return field + (descending ? " desc" : " asc");
  }
}
