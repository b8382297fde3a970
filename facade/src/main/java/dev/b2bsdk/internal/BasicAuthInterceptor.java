package dev.b2bsdk.internal;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds a fixed {@code Authorization: Basic …} header (InTouch). A 401 is not retried: the same
 * credentials would be rejected again; the caller gets an {@code AuthenticationException}.
 * Refuses to send the credentials over plain http to a non-loopback host.
 */
public final class BasicAuthInterceptor implements Interceptor {

  private final String api;
  private final BasicCredentials credentials;

  /** @param api the API name for exception messages */
  public BasicAuthInterceptor(String api, BasicCredentials credentials) {
    this.api = Objects.requireNonNull(api, "api");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    SecureChannel.require(api, chain.request());
    return chain.proceed(chain.request().newBuilder()
        .header("Authorization", credentials.authorizationHeader())
        .build());
  }
}
