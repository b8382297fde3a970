/**
 * Contract tests, written once and driven by the specs: for every operation of
 * {@code specs/<api>.yaml}, the facade client calls a WireMock stub that answers with the spec's
 * own success example, and the request the client sent and the stubbed response are validated
 * against the spec ({@code swagger-request-validator}). Any drift — a parameter, a body field, a
 * header, a path, an example that contradicts its schema, a model that drops a field — fails.
 *
 * <p>Per API, a small test class in {@code dev.b2bsdk.it.<api>} configures a typed
 * {@link dev.b2bsdk.it.contract.ContractSuite}: its surfaces (base path + client), the token
 * source case of a client-managed operation, and extra cases through facade helpers (what the
 * client does by itself: logins, logouts, device tokens; helpers such as
 * {@code createParty}). Every operation's own cases call its typed method
 * ({@code client.<group>().<method>(…)}, found in the facade's {@code operations.tsv}; see
 * {@link dev.b2bsdk.it.contract.TypedInvoker}). Its coverage test prints
 * {@code contract coverage <api>: N/M operations} and {@code typed operations <api>: N/M}, and
 * fails naming any operation without a case or not reached through a typed method (or, when
 * client-managed, the token source). {@code -Dcontract.verbose=true} prints every case's
 * exchanges.
 */
package dev.b2bsdk.it.contract;
