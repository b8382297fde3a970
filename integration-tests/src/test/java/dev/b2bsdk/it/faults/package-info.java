/**
 * The fault matrix of the SDK: {@link dev.b2bsdk.it.faults.FaultMatrixTest} runs every client
 * ({@link dev.b2bsdk.it.faults.ClientUnderTest}, one adapter per API) through every fault of
 * {@link dev.b2bsdk.it.faults.FaultCatalog} (transport failures, timeouts, throttling, 5xx, token
 * failures, malformed and surprising payloads) on the testkit mocks, and checks the outcome, the
 * elapsed time, the request journal (no create sent twice) and the logs (no secret).
 */
package dev.b2bsdk.it.faults;
