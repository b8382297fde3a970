package dev.b2bsdk.testkit.core;

import java.util.List;

/**
 * Paging arithmetic shared by the mocks: the effective page size (the smaller of what the client
 * asked, the API's own maximum and the mock's configured {@code maxPageSize}) and the slice of a
 * list a page holds. Envelopes are the APIs' business; the numbers are computed here once.
 */
public final class Paging {

  private Paging() {
  }

  /**
   * The page size the server uses.
   *
   * @param requested what the client asked (already defaulted)
   * @param apiMax the API's own cap, or {@code 0} for none
   * @param configuredMax the mock's {@code maxPageSize}, or {@code 0} for none
   */
  public static int effectiveSize(long requested, int apiMax, int configuredMax) {
    long size = requested;
    if (apiMax > 0) {
      size = Math.min(size, apiMax);
    }
    if (configuredMax > 0) {
      size = Math.min(size, configuredMax);
    }
    return (int) Math.max(1, Math.min(size, Integer.MAX_VALUE));
  }

  /** Items {@code [offset, offset + limit)} of {@code all} (empty past the end). */
  public static <T> List<T> slice(List<T> all, long offset, int limit) {
    if (offset >= all.size() || limit <= 0) {
      return List.of();
    }
    int from = (int) offset;
    int to = (int) Math.min(all.size(), offset + (long) limit);
    return List.copyOf(all.subList(from, to));
  }

  /** Number of pages of {@code size} holding {@code total} items. */
  public static int pageCount(long total, int size) {
    return (int) ((total + size - 1) / size);
  }
}
