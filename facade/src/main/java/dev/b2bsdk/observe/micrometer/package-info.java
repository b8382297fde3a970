/**
 * Micrometer binding of {@link dev.b2bsdk.core.observe.SdkListener}: needs {@code
 * io.micrometer:micrometer-core} on the classpath (an optional dependency of the facade).
 */
package dev.b2bsdk.observe.micrometer;
