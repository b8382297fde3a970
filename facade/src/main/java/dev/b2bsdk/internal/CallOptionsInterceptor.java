package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.CallOptions;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Applies one {@link CallOptions} to every request of a client view; installed first. */
final class CallOptionsInterceptor implements Interceptor {
  private final CallOptions options;

  CallOptionsInterceptor(CallOptions options) {
    this.options = options;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(options.applyTo(chain.request()));
  }
}
