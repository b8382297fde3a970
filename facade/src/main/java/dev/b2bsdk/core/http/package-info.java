/**
 * HTTP machinery shared by every API: transport defaults, the retry policy, politeness limits,
 * the redacting logger, the HTTPS guard, and {@link dev.b2bsdk.core.http.ClientRuntime}, which
 * assembles them into one OkHttp client and Retrofit instance per API client.
 *
 * <p>Interceptor order (outermost first): caller's own interceptors → call options → user agent →
 * concurrency limit → retry → rate limit → authentication → [OkHttp] → logging (network).
 */
package dev.b2bsdk.core.http;
