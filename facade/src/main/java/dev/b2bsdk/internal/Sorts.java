package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.Sort;

/** How each paging style sends a {@link Sort}; null (the server's order) sends nothing. */
public final class Sorts {

  private Sorts() {
  }

  /** The field ({@code sort_field}, {@code orderBy}). */
  public static String field(Sort sort) {
    return sort == null ? null : sort.field();
  }

  /** The direction as one of two labels ({@code sort_direction=ASC|DESC}). */
  public static String direction(Sort sort, String asc, String desc) {
    return sort == null ? null : sort.isAscending() ? asc : desc;
  }

  /** Spring Data's one parameter: {@code field,asc} or {@code field,desc}. */
  public static String spring(Sort sort) {
    return sort == null ? null : sort.field() + (sort.isAscending() ? ",asc" : ",desc");
  }

  /** A descending flag ({@code desc=true}); null when unsorted. */
  public static Boolean descending(Sort sort) {
    return sort == null ? null : !sort.isAscending();
  }
}
