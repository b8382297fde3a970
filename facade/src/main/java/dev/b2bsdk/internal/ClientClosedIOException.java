package dev.b2bsdk.internal;

import java.io.IOException;

/**
 * A call ended, or was refused, because its client was closed. {@link ErrorMapper} turns it
 * into a {@link dev.b2bsdk.core.error.ClientClosedException}; never retried.
 */
final class ClientClosedIOException extends IOException {
  private static final long serialVersionUID = 1L;

  ClientClosedIOException(String api) {
    super(api + " client closed");
  }
}
