package dev.b2bsdk.it.contract;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.Supplier;
import retrofit2.Call;
import retrofit2.Response;

/** What an invocation of one {@link ContractCase} works with. */
public final class ContractCall {
  private final ContractCase contractCase;
  private final ContractTarget target;
  private final Method generatedMethod;
  private final ArgumentSynthesizer synthesizer;
  private final ContractStubs stubs;
  private final Supplier<ContractTarget> newTarget;
  private final Function<String, Method> methods;
  private final Function<String, ContractCase> firstCase;
  private final String basePath;
  private final TypedInvoker typed;

  ContractCall(ContractCase contractCase, ContractTarget target, Method generatedMethod,
      ArgumentSynthesizer synthesizer, ContractStubs stubs, Supplier<ContractTarget> newTarget,
      Function<String, Method> methods, Function<String, ContractCase> firstCase,
      String basePath, TypedInvoker typed) {
    this.contractCase = contractCase;
    this.target = target;
    this.generatedMethod = generatedMethod;
    this.synthesizer = synthesizer;
    this.stubs = stubs;
    this.newTarget = newTarget;
    this.methods = methods;
    this.firstCase = firstCase;
    this.basePath = basePath;
    this.typed = typed;
  }

  public ContractCase contractCase() {
    return contractCase;
  }

  public ContractTarget target() {
    return target;
  }

  /** The stubs of the current case (to add a stub an override needs). */
  public ContractStubs stubs() {
    return stubs;
  }

  /**
   * The facade client of the target, for overrides that exercise a facade helper.
   *
   * @throws IllegalStateException if the target is not a {@link FacadeClientTarget} of that type
   */
  public <C> C client(Class<C> type) {
    if (target instanceof FacadeClientTarget<?> facade && type.isInstance(facade.client())) {
      return type.cast(facade.client());
    }
    throw new IllegalStateException("the target is not a " + type.getSimpleName());
  }

  /**
   * With a client built afresh for the purpose (so that it authenticates anew: token request,
   * login), calls {@code operationId} — stubbed from its first example — through it, then closes
   * it (a logout it makes on close is validated too). For operations the client performs by
   * itself: the override returns null and the suite checks the journal for them.
   */
  public void withFreshClient(String operationId) throws Exception {
    // the suite has stubbed what clients of this surface request by themselves, before the
    // case's own stub (which must stay the most recent, so that it wins)
    try (ContractTarget fresh = newTarget.get()) {
      callThrough(fresh, operationId);
    }
  }

  /**
   * Calls {@code operationId} (stubbed from its first example) through {@code through}: its
   * typed method in a typed suite (then checked, and null is returned), else the generated one.
   */
  public Response<?> callThrough(ContractTarget through, String operationId) throws Exception {
    ContractCase other = firstCase.apply(operationId);
    stubs.stub(other, basePath);
    if (typed != null) {
      typed.invoke(clientOf(through), other, stubs);
      return null;
    }
    Method m = methods.apply(operationId);
    Object api = through.api(m.getDeclaringClass(), other.operation());
    return through.execute((Call<?>) invoke(m, api, synthesizer.arguments(m, other)));
  }

  /**
   * Calls the case's operation through the typed layer of the target's client and checks the
   * result (status, headers, value without loss, query and page parameters sent); see
   * {@link TypedInvoker}.
   */
  public void invokeTyped() throws Exception {
    if (typed == null) {
      throw new IllegalStateException("not a typed suite");
    }
    typed.invoke(clientOf(target), contractCase, stubs);
  }

  private static Object clientOf(ContractTarget target) {
    if (target instanceof FacadeClientTarget<?> facade) {
      return facade.client();
    }
    throw new IllegalStateException("a typed call needs a FacadeClientTarget, not " + target);
  }

  /** The generated method named after the operationId, or null if the client has none. */
  public Method generatedMethod() {
    return generatedMethod;
  }

  /** The generated method's arguments synthesised from the spec's examples. */
  public Object[] arguments() {
    return synthesizer.arguments(requireMethod(), contractCase);
  }

  /** Calls the generated method through the target and executes the call. */
  public Response<?> invokeGenerated() throws Exception {
    Method m = requireMethod();
    Object api = target.api(m.getDeclaringClass(), contractCase.operation());
    return target.execute((Call<?>) invoke(m, api, arguments()));
  }

  private static Object invoke(Method m, Object api, Object[] args) throws Exception {
    try {
      return m.invoke(api, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  private Method requireMethod() {
    if (generatedMethod == null) {
      throw new IllegalStateException(contractCase.operation()
          + ": no generated method of that name; register an override");
    }
    return generatedMethod;
  }
}
