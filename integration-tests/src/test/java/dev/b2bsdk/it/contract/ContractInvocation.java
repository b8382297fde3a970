package dev.b2bsdk.it.contract;

import retrofit2.Response;

/**
 * How a contract case exercises its operation. The default calls the generated method named
 * after the operationId with synthesised arguments; an override covers what that cannot (a token
 * endpoint the client calls by itself, an operation reached through a facade helper).
 */
@FunctionalInterface
public interface ContractInvocation {

  /** The default: {@link ContractCall#invokeGenerated()}. */
  ContractInvocation GENERATED = ContractCall::invokeGenerated;

  /**
   * Sends the operation's request(s) through the client and returns the operation's response,
   * or null when the client made the request by itself (a token request, a logout on close):
   * then only the journal and the validator judge it.
   */
  Response<?> invoke(ContractCall call) throws Exception;
}
