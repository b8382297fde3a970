package dev.b2bsdk.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Sets {@code User-Agent} unless an outer interceptor (the caller's) already did. */
final class UserAgentInterceptor implements Interceptor {
  private final String userAgent;

  UserAgentInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("User-Agent") != null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header("User-Agent", userAgent).build());
  }
}
