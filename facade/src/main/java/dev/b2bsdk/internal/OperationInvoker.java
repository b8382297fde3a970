package dev.b2bsdk.internal;

import dev.b2bsdk.core.client.ApiResponse;
import dev.b2bsdk.core.paging.PageRequest;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.polling.AsyncOperation;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Response;

/**
 * What every generated operation method does, written once: run the Retrofit call through the
 * client's runtime, unwrap the envelope, and wrap paged and asynchronous operations in the
 * core's {@link PagedIterable} and the API's poller. One per client (and per
 * {@code withOptions} view); immutable.
 */
public final class OperationInvoker {

  /** Starts the poller of an asynchronous operation (ITCare: 202 + action id). */
  @FunctionalInterface
  public interface AsyncStarter {
    AsyncOperation<?> begin(String operationId, Call<?> call);
  }

  private static final Function<Object, Object> IDENTITY = x -> x;

  private final ClientRuntime runtime;
  private final String interfaceName;
  private final AsyncStarter starter;

  /**
   * @param interfaceName the interface this client serves (CareCloud {@code enterprise} or
   *     {@code customer}), or null when the API has one
   * @param starter the API's poller factory, or null when it has no asynchronous operations
   */
  public OperationInvoker(ClientRuntime runtime, String interfaceName, AsyncStarter starter) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.interfaceName = interfaceName;
    this.starter = starter;
  }

  /** The runtime the calls go through. */
  public ClientRuntime runtime() {
    return runtime;
  }

  /** The Retrofit proxy of a generated interface, bound to the runtime. */
  public <S> S create(Class<S> api) {
    return runtime.create(api);
  }

  /** The Retrofit proxy of a generated interface whose calls carry no credentials. */
  public <S> S createAnonymous(Class<S> api) {
    return runtime.withoutAuthentication().create(api);
  }

  /** The unwrap function of a body returned as it is. */
  @SuppressWarnings("unchecked")
  public static <T> Function<T, T> identity() {
    return (Function<T, T>) IDENTITY;
  }

  /** Executes and unwraps; throws the SDK's exceptions. */
  public <E, T> T call(Call<E> call, Function<? super E, ? extends T> unwrap) {
    return unwrap.apply(runtime.execute(call));
  }

  /** Executes and unwraps, keeping the status and headers. */
  public <E, T> ApiResponse<T> callWithResponse(Call<E> call,
      Function<? super E, ? extends T> unwrap) {
    Response<E> response = runtime.executeForResponse(call);
    return new ApiResponse<>(response.code(), response.headers().toMultimap(),
        unwrap.apply(response.body()));
  }

  /** Enqueues; cancelling the returned future cancels the HTTP call. */
  public <E, T> CompletableFuture<T> callAsync(Call<E> call,
      Function<? super E, ? extends T> unwrap) {
    CompletableFuture<E> source = runtime.executeAsync(call);
    CompletableFuture<T> result = new CompletableFuture<>();
    source.whenComplete((body, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
        return;
      }
      try {
        result.complete(unwrap.apply(body));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    result.whenComplete((v, t) -> {
      if (result.isCancelled()) {
        source.cancel(true);
      }
    });
    return result;
  }

  /** A lazy paged list; {@code page} binds the caller's filters, so every page carries them. */
  public <E, T> PagedIterable<T> list(Function<PageRequest, Call<E>> page,
      PageAdapter<E, T> adapter) {
    return PagedIterable.of(request -> runtime.execute(page.apply(request)), adapter);
  }

  /** Sends an asynchronous operation and returns its poller. */
  @SuppressWarnings("unchecked")
  public <R> AsyncOperation<R> begin(String operationId, Call<?> call) {
    if (starter == null) {
      throw new IllegalStateException(operationId + ": this client has no poller");
    }
    return (AsyncOperation<R>) starter.begin(operationId, call);
  }

  /**
   * Fails before sending when this client's interface does not serve the operation, naming the
   * interfaces that do.
   */
  public void requireInterface(String operationId, String... interfaces) {
    if (interfaceName != null && !Arrays.asList(interfaces).contains(interfaceName)) {
      throw new UnsupportedOperationException(operationId + " is not served by the "
          + interfaceName + " interface (only: " + String.join(", ", interfaces) + ")");
    }
  }
}
