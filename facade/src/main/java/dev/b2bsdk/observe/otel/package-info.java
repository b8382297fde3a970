/**
 * OpenTelemetry tracing hook ({@link dev.b2bsdk.core.observe.SdkListener}): needs {@code
 * io.opentelemetry:opentelemetry-api} on the classpath (an optional dependency of the facade).
 */
package dev.b2bsdk.observe.otel;
