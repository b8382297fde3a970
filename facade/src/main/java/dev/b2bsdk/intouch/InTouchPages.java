package dev.b2bsdk.intouch;

import dev.b2bsdk.core.http.ClientRuntime;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.paging.PositionPaging;
import dev.b2bsdk.generated.intouch.model.PageInfo;
import java.util.List;
import java.util.function.Function;
import retrofit2.Call;

/**
 * The one paging helper behind every {@code list…} of {@link InTouchClient}: every generated page
 * type extends {@link PageInfo} ({@code total, position, size}), so only the item accessor and the
 * call differ per operation. The loop and its guards live in the core's {@link PagedIterable};
 * {@link PositionPaging} trusts the {@code size} the server reports and caps requests at 1000.
 */
final class InTouchPages {

  /** The generated list method with the caller's filters bound: paging and sort vary per page. */
  @FunctionalInterface
  interface PageCall<E> {
    Call<E> page(Integer position, Integer size, String orderBy, Boolean desc);
  }

  private final ClientRuntime runtime;

  InTouchPages(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * A lazy list whose every page request carries {@code sort} (null: the server's order) and the
   * filters bound in {@code call}.
   */
  <E extends PageInfo, T> PagedIterable<T> list(Function<? super E, ? extends List<? extends T>> items,
      Sort sort, PageCall<E> call) {
    String orderBy = Sort.orderBy(sort);
    Boolean desc = Sort.desc(sort);
    PositionPaging<E, T> adapter = PositionPaging.<E, T>of(items,
        PageInfo::getTotal, PageInfo::getPosition, PageInfo::getSize);
    return PagedIterable.of(request -> runtime.execute(call.page(
        Math.toIntExact(request.offset()), request.size(), orderBy, desc)), adapter);
  }
}
