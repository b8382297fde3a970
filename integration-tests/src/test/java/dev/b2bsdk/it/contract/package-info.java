/**
 * Contract tests, written once and driven by the specs: for every operation of
 * {@code specs/<api>.yaml}, the facade client calls a WireMock stub that answers with the spec's
 * own success example, and the request the client sent and the stubbed response are validated
 * against the spec ({@code swagger-request-validator}). Any drift — a parameter, a body field, a
 * header, a path, an example that contradicts its schema, a model that drops a field — fails.
 *
 * <p>Per API, a small test class in {@code dev.b2bsdk.it.<api>} configures a
 * {@link dev.b2bsdk.it.contract.ContractSuite}: its surfaces (base path + client), overrides for
 * what the client does by itself (token requests, logins, logouts) and cases through facade
 * helpers (paging, {@code begin…}). Its coverage test prints
 * {@code contract coverage <api>: N/M operations} and fails naming any operation without a case.
 * {@code -Dcontract.verbose=true} prints every case's exchanges.
 */
package dev.b2bsdk.it.contract;
