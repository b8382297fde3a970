/**
 * Machinery of the SDK, not its API: the runtime and its interceptors (limits, retries,
 * authentication, logging), the token cache, error parsing and redaction, the page adapters and
 * what generated code calls ({@link dev.b2bsdk.internal.OperationInvoker}). Public only because
 * the API packages and the generated typed layer live in other packages; anything here may change
 * in any release. Use the clients, their builders and the types of {@code dev.b2bsdk.core.*}.
 */
package dev.b2bsdk.internal;
