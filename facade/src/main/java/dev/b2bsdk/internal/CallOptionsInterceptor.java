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
    okhttp3.Request request = chain.request();
    // a call from the runtime's Retrofit has them already (PipelineCall.prepared)
    return chain.proceed(request.tag(CallOptions.class) == options ? request
        : options.applyTo(request));
  }
}
