package dev.b2bsdk.it.contract.selftest.typed;

import dev.b2bsdk.core.client.ApiResponse;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.it.contract.selftest.good.Thing;
import dev.b2bsdk.it.contract.selftest.good.ThingsApi;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The {@code things} group of {@link SelftestClient}: each plain operation in its three forms
 * (value, {@code …WithResponse}, {@code …Async}) like a generated group. The flavours differ in
 * {@code get} ({@code getThing}) only, and {@link Lossy} in what it returns.
 */
public abstract class Things {
  private final ClientRuntime runtime;
  final ThingsApi api;

  Things(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.create(ThingsApi.class);
  }

  /** The value as returned; {@link Lossy} drops a field. */
  Thing unwrap(Thing thing) {
    return thing;
  }

  <T> ApiResponse<T> respond(Call<T> call) {
    Response<T> r = runtime.executeForResponse(call);
    return new ApiResponse<>(r.code(), r.headers().toMultimap(), r.body());
  }

  ApiResponse<Thing> thing(Call<Thing> call) {
    ApiResponse<Thing> r = respond(call);
    return new ApiResponse<>(r.statusCode(), r.headers(), unwrap(r.value()));
  }

  public Thing create(Thing thing) {
    return createWithResponse(thing).value();
  }

  public ApiResponse<Thing> createWithResponse(Thing thing) {
    return thing(api.createThing(thing));
  }

  public CompletableFuture<Thing> createAsync(Thing thing) {
    return CompletableFuture.supplyAsync(() -> create(thing));
  }

  public Thing getOther() {
    return getOtherWithResponse().value();
  }

  public ApiResponse<Thing> getOtherWithResponse() {
    return thing(api.getOther());
  }

  public CompletableFuture<Thing> getOtherAsync() {
    return CompletableFuture.supplyAsync(this::getOther);
  }

  public Thing getBroken() {
    return getBrokenWithResponse().value();
  }

  public ApiResponse<Thing> getBrokenWithResponse() {
    return thing(api.getBroken());
  }

  public CompletableFuture<Thing> getBrokenAsync() {
    return CompletableFuture.supplyAsync(this::getBroken);
  }

  public void getPublic() {
    getPublicWithResponse();
  }

  public ApiResponse<Void> getPublicWithResponse() {
    return respond(api.getPublic());
  }

  public CompletableFuture<Void> getPublicAsync() {
    return CompletableFuture.runAsync(this::getPublic);
  }

  /** Sends {@code verbose} from its params object. */
  public static class Good extends Things {
    Good(ClientRuntime runtime) {
      super(runtime);
    }

    public Thing get(Long id, GetParams params) {
      return getWithResponse(id, params).value();
    }

    public ApiResponse<Thing> getWithResponse(Long id, GetParams params) {
      return thing(api.getThing(id, params == null ? null : params.verbose));
    }

    public CompletableFuture<Thing> getAsync(Long id, GetParams params) {
      return CompletableFuture.supplyAsync(() -> get(id, params));
    }
  }

  /** Never sends {@code verbose}. */
  public static final class Ignoring extends Things {
    Ignoring(ClientRuntime runtime) {
      super(runtime);
    }

    public Thing get(Long id, GetParams params) {
      return getWithResponse(id, params).value();
    }

    public ApiResponse<Thing> getWithResponse(Long id, GetParams params) {
      return thing(api.getThing(id, null));
    }

    public CompletableFuture<Thing> getAsync(Long id, GetParams params) {
      return CompletableFuture.supplyAsync(() -> get(id, params));
    }
  }

  /** Cannot send {@code verbose}. */
  public static final class Narrow extends Things {
    Narrow(ClientRuntime runtime) {
      super(runtime);
    }

    public Thing get(Long id) {
      return getWithResponse(id).value();
    }

    public ApiResponse<Thing> getWithResponse(Long id) {
      return thing(api.getThing(id, null));
    }

    public CompletableFuture<Thing> getAsync(Long id) {
      return CompletableFuture.supplyAsync(() -> get(id));
    }
  }

  /** Has a params field the spec does not declare. */
  public static final class Stray extends Things {
    Stray(ClientRuntime runtime) {
      super(runtime);
    }

    public Thing get(Long id, StrayParams params) {
      return getWithResponse(id, params).value();
    }

    public ApiResponse<Thing> getWithResponse(Long id, StrayParams params) {
      return thing(api.getThing(id, params == null ? null : params.verbose));
    }

    public CompletableFuture<Thing> getAsync(Long id, StrayParams params) {
      return CompletableFuture.supplyAsync(() -> get(id, params));
    }
  }

  /** Drops {@code name} from every value it returns. */
  public static final class Lossy extends Good {
    Lossy(ClientRuntime runtime) {
      super(runtime);
    }

    @Override
    Thing unwrap(Thing thing) {
      if (thing == null) {
        return null;
      }
      Thing copy = new Thing();
      copy.id = thing.id;
      return copy;
    }
  }
}
