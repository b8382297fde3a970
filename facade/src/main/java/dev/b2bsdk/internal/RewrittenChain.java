package dev.b2bsdk.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Interceptor.Chain;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An interceptor chain with another request, everything else delegated: how an interceptor that
 * wraps its successor (the runtime installs exactly one authentication interceptor) hands it a
 * rewritten request.
 */
public final class RewrittenChain implements Interceptor.Chain {
  private final Chain chain;
  private final Request request;

  public RewrittenChain(Chain chain, Request request) {
    this.chain = chain;
    this.request = request;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response proceed(Request request) throws IOException {
    return chain.proceed(request);
  }

  @Override
  public Connection connection() {
    return chain.connection();
  }

  @Override
  public Call call() {
    return chain.call();
  }

  @Override
  public int connectTimeoutMillis() {
    return chain.connectTimeoutMillis();
  }

  @Override
  public Chain withConnectTimeout(int timeout, TimeUnit unit) {
    return new RewrittenChain(chain.withConnectTimeout(timeout, unit), request);
  }

  @Override
  public int readTimeoutMillis() {
    return chain.readTimeoutMillis();
  }

  @Override
  public Chain withReadTimeout(int timeout, TimeUnit unit) {
    return new RewrittenChain(chain.withReadTimeout(timeout, unit), request);
  }

  @Override
  public int writeTimeoutMillis() {
    return chain.writeTimeoutMillis();
  }

  @Override
  public Chain withWriteTimeout(int timeout, TimeUnit unit) {
    return new RewrittenChain(chain.withWriteTimeout(timeout, unit), request);
  }
}
