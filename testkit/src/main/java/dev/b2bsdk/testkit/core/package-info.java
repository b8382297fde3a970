/**
 * Machinery the four mocks share, written once: the WireMock-backed {@link
 * dev.b2bsdk.testkit.core.MockServer} base (one catch-all stub, one dispatching transformer, one
 * lock), routing with path templates, request and response values, JSON helpers, token issuing and
 * expiry on a {@link java.time.Clock}, HTTP auth parsing, fault injection ({@link
 * dev.b2bsdk.testkit.core.Faults}, {@link dev.b2bsdk.testkit.core.Fault}), paging arithmetic,
 * sorting and filtering of records, the deterministic data generator, and the spec-driven default
 * responder that answers every operation of a mock's spec no stateful route serves ({@code
 * SpecResponder}: the spec read with Jackson YAML, requests validated, examples or synthesised
 * values answered, {@code x-paging} honoured). No API-specific code.
 */
package dev.b2bsdk.testkit.core;
