package dev.b2bsdk.core.error;

/**
 * The call was refused or ended because its client was closed: {@code close()} fails every
 * call still pending (waiting for a slot, a retry or a response) with this exception. A
 * {@link TransportException} with {@link #status()} 0; for a POST in flight the request may or
 * may not have reached the server.
 */
public class ClientClosedException extends TransportException {
  private static final long serialVersionUID = 1L;

  public ClientClosedException(Builder builder) {
    super(builder);
  }
}
