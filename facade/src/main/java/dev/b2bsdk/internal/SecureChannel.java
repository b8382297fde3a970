package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import okhttp3.Request;

/** The check both auth interceptors make before attaching a credential. */
final class SecureChannel {

  private SecureChannel() {
  }

  /** Throws unless the request goes over https or stays on the loopback interface. */
  static void require(String api, Request request) throws ApiIOException {
    if (!HttpsGuard.isSecure(request.url())) {
      throw new ApiIOException(new AuthenticationException(ApiException.builder(api)
          .request(request)
          .detail("refusing to send credentials over plain http to non-loopback host "
              + request.url().host())));
    }
  }

  /** True if the request can be sent a second time (its body is not one-shot or duplex). */
  static boolean replayable(Request request) {
    return request.body() == null || !(request.body().isOneShot() || request.body().isDuplex());
  }
}
