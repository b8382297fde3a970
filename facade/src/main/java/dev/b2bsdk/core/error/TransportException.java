package dev.b2bsdk.core.error;

/**
 * No usable HTTP response arrived: connection refused, DNS failure, TLS failure, reset, or a
 * timeout ({@link #isTimeout()}). {@link #status()} is 0 and the cause is the I/O exception.
 * For a POST the request may or may not have reached the server.
 */
public class TransportException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final boolean timeout;

  public TransportException(Builder builder) {
    super(builder);
    this.timeout = builder.timeout;
  }

  /** True when a connect, read, write or call timeout ended the call. */
  public boolean isTimeout() {
    return timeout;
  }

  @Override
  public Builder toBuilder() {
    return super.toBuilder().timeout(timeout);
  }
}
