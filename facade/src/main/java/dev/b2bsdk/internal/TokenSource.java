package dev.b2bsdk.internal;

import java.io.IOException;

/**
 * Obtains access tokens for one API: each API package implements it (OAuth2 client credentials
 * with refresh, a login call, a device-token call). Called by {@link TokenCache}, never
 * concurrently with itself, on the calling thread or the cache's executor.
 *
 * <p>A source's HTTP calls must not pass through the bearer interceptor (use the unauthenticated
 * runtime) and must be bounded by timeouts: callers wait for a blocking fetch.
 */
@FunctionalInterface
public interface TokenSource {

  /**
   * Obtains a new token.
   *
   * @param previous the token being replaced (possibly expired or rejected), or null on the first
   *     fetch; its refresh token, if still valid, may be used instead of a new grant
   * @return the new token, never null
   * @throws IOException if the token endpoint could not be reached or read; an
   *     {@code ApiException} (unchecked) if it answered with an error
   */
  AccessToken fetch(AccessToken previous) throws IOException;

  /**
   * Ends the session of {@code token} on the server (logout). Default: nothing to do.
   *
   * @throws IOException if the server could not be told
   */
  default void revoke(AccessToken token) throws IOException {
  }
}
