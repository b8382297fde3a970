package dev.b2bsdk.it.contract;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Response;

/**
 * A target on a real facade client ({@code ItCareClient}, ...) built against the mock: a typed
 * suite calls the client's typed methods ({@link #client()}); a raw one takes the generated
 * interfaces from accessors of the client that return one (found by return type) and runs their
 * calls through {@code executor}. The requests the client makes by itself (token, login) are
 * stubbed from the spec's examples before each case — and validated like every other request.
 *
 * @param <C> the client type
 */
public final class FacadeClientTarget<C extends AutoCloseable> implements ContractTarget {
  private final C client;
  private final Function<Call<?>, Response<?>> executor;
  private final Consumer<ContractStubs> supportStubs;
  private final Map<Class<?>, Method> accessors = new HashMap<>();

  /**
   * @param client the client under test, built against the mock
   * @param executor the client's {@code executeForResponse}
   * @param supportStubs stubs the endpoints the client calls by itself (may do nothing)
   */
  public FacadeClientTarget(C client, Function<Call<?>, Response<?>> executor,
      Consumer<ContractStubs> supportStubs) {
    this.client = Objects.requireNonNull(client, "client");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.supportStubs = Objects.requireNonNull(supportStubs, "supportStubs");
    for (Method m : client.getClass().getMethods()) {
      if (m.getParameterCount() == 0 && m.getReturnType().isInterface()
          && !Modifier.isStatic(m.getModifiers())) {
        accessors.putIfAbsent(m.getReturnType(), m);
      }
    }
  }

  /** The client under test (for overrides that use its helpers). */
  public C client() {
    return client;
  }

  @Override
  public <S> S api(Class<S> service, SpecOperation operation) {
    Method accessor = accessors.get(service);
    if (accessor == null) {
      throw new IllegalStateException(client.getClass().getSimpleName() + " exposes no "
          + service.getSimpleName() + " for " + operation + "; register an override");
    }
    try {
      return service.cast(accessor.invoke(client));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public Response<?> execute(Call<?> call) {
    return executor.apply(call);
  }

  @Override
  public void stubSupportRequests(ContractStubs stubs) {
    supportStubs.accept(stubs);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing " + client.getClass().getSimpleName(), e);
    }
  }
}
