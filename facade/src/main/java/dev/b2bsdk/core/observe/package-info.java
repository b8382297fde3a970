/**
 * Observability SPI: {@link dev.b2bsdk.core.observe.SdkListener} receives every HTTP attempt
 * (start and end, with API, operation, attempt, status and duration), every retry with its
 * reason, every token refresh and every poll of an asynchronous operation. Set one per client
 * with {@code listener(...)} on its builder. No dependency: the Micrometer and OpenTelemetry
 * bindings ({@code dev.b2bsdk.observe.micrometer}, {@code dev.b2bsdk.observe.otel}) are optional.
 */
package dev.b2bsdk.core.observe;
