package dev.b2bsdk.itcare;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Marks every mutating request (POST, PUT, PATCH, DELETE) with {@code ITCare-DryRun: true}, then
 * hands it to the next interceptor (the bearer interceptor). Installed when the client is built
 * with {@code dryRun(true)}, so that calls made through the raw API accessors are dry runs too.
 * Reads are left alone; a request that already carries the header keeps its value.
 *
 * <p>It wraps its successor rather than preceding it in the chain because the runtime installs
 * exactly one authentication interceptor.
 */
final class DryRunInterceptor implements Interceptor {

  static final String HEADER = "ITCare-DryRun";
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final Interceptor next;

  DryRunInterceptor(Interceptor next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!MUTATING.contains(request.method()) || request.header(HEADER) != null) {
      return next.intercept(chain);
    }
    return next.intercept(new RewrittenChain(chain,
        request.newBuilder().header(HEADER, "true").build()));
  }

  /** {@code chain} with another request; everything else delegates. */
  private static final class RewrittenChain implements Chain {
    private final Chain chain;
    private final Request request;

    RewrittenChain(Chain chain, Request request) {
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
}
