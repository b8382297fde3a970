package dev.b2bsdk.core.error;

/** The service failed (5xx). Thrown after the retry policy gave up, if it retried at all. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerException(Builder builder) {
    super(builder);
  }
}
