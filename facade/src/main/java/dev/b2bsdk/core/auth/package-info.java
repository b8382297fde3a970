/**
 * Credentials and the token lifecycle, written once for every API: the {@link
 * dev.b2bsdk.core.auth.TokenSource} SPI an API implements (OAuth2 client credentials, a login
 * call, a device token), the {@link dev.b2bsdk.core.auth.TokenCache} that decides when to
 * refresh (FRESH / STALE / EXPIRED, one fetch in flight), and the OkHttp interceptors that put
 * the credential on each request.
 */
package dev.b2bsdk.core.auth;
