package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ApiException;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs Retrofit calls of one API and returns the body or throws the SDK's exceptions:
 * <ul>
 *   <li>2xx → the converted body ({@code null} for 204/205 and empty {@code Void} calls);</li>
 *   <li>non-2xx → the typed {@link ApiException} for the status, with the body parsed by the
 *       API's parser;</li>
 *   <li>an I/O error → {@code TransportException}; an error the SDK's interceptors raised
 *       (token failure) → that exception;</li>
 *   <li>a 2xx body that cannot be converted → {@code MalformedResponseException}.</li>
 * </ul>
 * Every exception names the operation (the Retrofit method) and the redacted request URL.
 * Thread-safe.
 */
public final class CallExecutor {

  private final ErrorMapper errors;

  public CallExecutor(ErrorMapper errors) {
    this.errors = Objects.requireNonNull(errors, "errors");
  }

  /** Executes {@code call} and returns its body. */
  public <T> T execute(Call<T> call) {
    return executeForResponse(call).body();
  }

  /** Executes {@code call} and returns the successful response (headers, status, body). */
  public <T> Response<T> executeForResponse(Call<T> call) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException | ApiException e) {
      throw errors.fromFailure(call.request(), e);
    }
    return successful(response);
  }

  /** Enqueues {@code call}; the future completes with its body. Cancelling it cancels the call. */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    return enqueue(call, Response::body);
  }

  /**
   * Enqueues {@code call}; the future completes with the successful response or fails with the
   * same exceptions {@link #executeForResponse} throws. Cancelling it cancels the HTTP call.
   */
  public <T> CompletableFuture<Response<T>> executeForResponseAsync(Call<T> call) {
    return enqueue(call, Function.identity());
  }

  // One future whose cancel() reaches the HTTP call: a derived stage (thenApply) would not.
  private <T, R> CompletableFuture<R> enqueue(Call<T> call, Function<Response<T>, R> result) {
    CompletableFuture<R> future = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        // cancel the future first: cancelling the call first lets its onFailure complete the
        // future on the dispatcher thread, and cancel() would then report false
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        call.cancel();
        return cancelled;
      }
    };
    call.enqueue(new Callback<T>() {
      @Override
      public void onResponse(Call<T> c, Response<T> response) {
        try {
          future.complete(result.apply(successful(response)));
        } catch (ApiException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<T> c, Throwable failure) {
        future.completeExceptionally(failure instanceof IOException || failure instanceof ApiException
            ? errors.fromFailure(c.request(), failure)
            : failure);
      }
    });
    return future;
  }

  private <T> Response<T> successful(Response<T> response) {
    if (response.isSuccessful()) {
      return response;
    }
    throw errors.fromResponse(response.raw(), response.errorBody());
  }
}
