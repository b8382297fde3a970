package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PageRequest;

/**
 * One paging style as a strategy (SPI): where paging starts, how to read an envelope and how to
 * address the next page.
 *
 * <p>Adapters hold no state and no loop: the stop conditions and the guards against misbehaving
 * servers live once in {@link PagedIterable}. Implementations: {@link SpringPaging}, {@link
 * OffsetPaging}, {@link PositionPaging}.
 *
 * @param <E> the envelope type
 * @param <T> the item type
 */
public interface PageAdapter<E, T> {

  /** The page size used when the caller does not choose one. */
  int defaultPageSize();

  /** The largest page size the API accepts; larger requested sizes are clamped to it. */
  int maxPageSize();

  /** The request for the first page, for an already clamped {@code pageSize}. */
  PageRequest firstRequest(int pageSize);

  /** Reads one envelope; {@code request} is the request that produced it. */
  PageData<T> read(E envelope, PageRequest request);

  /**
   * The request that follows {@code data}. The core stops if its offset does not move past
   * {@code data.offset()}, so an adapter need not guard against that.
   */
  PageRequest nextRequest(PageRequest request, PageData<T> data);
}
