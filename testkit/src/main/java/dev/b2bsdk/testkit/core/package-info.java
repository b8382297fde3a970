/**
 * Machinery the four mocks share, written once: the WireMock-backed {@link
 * dev.b2bsdk.testkit.core.MockServer} base (one catch-all stub, one dispatching transformer, one
 * lock), routing with path templates, request and response values, JSON helpers, token issuing and
 * expiry on a {@link java.time.Clock}, HTTP auth parsing, fault injection ({@link
 * dev.b2bsdk.testkit.core.Faults}, {@link dev.b2bsdk.testkit.core.Fault}), paging arithmetic,
 * sorting and filtering of records, and the deterministic data generator. No API-specific code.
 */
package dev.b2bsdk.testkit.core;
