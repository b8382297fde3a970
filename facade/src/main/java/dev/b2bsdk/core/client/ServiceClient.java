package dev.b2bsdk.core.client;

import dev.b2bsdk.internal.ClientRuntime;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.Response;

/**
 * What every API client does with a call of its generated interfaces, written once: run it and
 * return the body, the whole response, or a future, turning every failure into the SDK's typed
 * exceptions; and release the client's resources on {@link #close()}.
 */
public abstract class ServiceClient implements AutoCloseable {

  /** The client's runtime: its OkHttp client, Retrofit, error mapping and lifecycle. */
  protected final ClientRuntime runtime;

  protected ServiceClient(ClientRuntime runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /**
   * The escape hatch: a proxy of one of the API's generated Retrofit interfaces
   * ({@code dev.b2bsdk.generated.<api>.api}), authenticated like this client; run its calls with
   * {@link #execute}. Prefer the typed methods, which set managed headers and unwrap envelopes.
   */
  public <S> S rawApi(Class<S> retrofitInterface) {
    return runtime.create(retrofitInterface);
  }

  /**
   * Executes a call of one of this client's API interfaces.
   *
   * @return the body ({@code null} for an empty 204)
   * @throws dev.b2bsdk.core.error.ApiException or a subtype for an error status, a transport
   *     failure, an unreadable body or an unobtainable token
   */
  public <T> T execute(Call<T> call) {
    return runtime.execute(call);
  }

  /** Like {@link #execute} but returns the whole successful response (status, headers such as {@code Location}). */
  public <T> Response<T> executeForResponse(Call<T> call) {
    return runtime.executeForResponse(call);
  }

  /**
   * Enqueues the call; the future completes with the body or fails with the exceptions
   * {@link #execute} throws. Cancelling the future cancels the HTTP call.
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    return runtime.executeAsync(call);
  }

  /**
   * Releases the connections and threads the SDK created (not those of a caller-supplied
   * OkHttpClient); afterwards every call fails. A view from {@code withOptions} releases nothing.
   */
  @Override
  public void close() {
    runtime.close();
  }
}
