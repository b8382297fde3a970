package dev.b2bsdk.it.contract;

import retrofit2.Response;

/**
 * How a contract case exercises its operation. The default of a typed suite calls the
 * operation's typed method ({@code client.<group>().<method>(…)}, found in the API's
 * {@link OperationIndex}); that of a raw suite the generated Retrofit method named after the
 * operationId. An override or a facade case covers what that cannot (a token endpoint the client
 * calls by itself, a helper that builds the request).
 */
@FunctionalInterface
public interface ContractInvocation {

  /** The default of a raw suite: {@link ContractCall#invokeGenerated()}. */
  ContractInvocation GENERATED = ContractCall::invokeGenerated;

  /** The default of a typed suite: {@link ContractCall#invokeTyped()}; checks its own result. */
  ContractInvocation TYPED = call -> {
    call.invokeTyped();
    return null;
  };

  /**
   * Sends the operation's request(s) through the client and returns the operation's response,
   * or null when the client made the request by itself (a token request, a logout on close):
   * then only the journal and the validator judge it.
   */
  Response<?> invoke(ContractCall call) throws Exception;
}
