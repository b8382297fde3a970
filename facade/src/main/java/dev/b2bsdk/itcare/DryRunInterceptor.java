package dev.b2bsdk.itcare;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import dev.b2bsdk.internal.RewrittenChain;
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
}
