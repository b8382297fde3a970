package dev.b2bsdk.core.error;

/**
 * The service refused the credentials (401), refused access (403), or no valid token could be
 * obtained (status 0 or the token endpoint's status; the cause holds the token source's failure).
 * Retrying the same call with the same credentials will not help.
 */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(Builder builder) {
    super(builder);
  }
}
