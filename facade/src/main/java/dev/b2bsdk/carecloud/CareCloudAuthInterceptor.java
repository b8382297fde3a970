package dev.b2bsdk.carecloud;

import dev.b2bsdk.internal.BearerAuthInterceptor;
import dev.b2bsdk.internal.TokenCache;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.ApiExceptions;
import dev.b2bsdk.internal.ApiIOException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The authentication step of both CareCloud clients: the core {@link BearerAuthInterceptor}
 * (token, 401 → one re-authentication and one replay) plus two CareCloud rules.
 *
 * <ul>
 *   <li><b>Default {@code Accept-Language}.</b> Every generated method takes the header as its
 *       last parameter; a call that passes null gets the client's configured language, a call
 *       that passes a value keeps it.</li>
 *   <li><b>Token in the path.</b> Customer-interface operations on the device token
 *       ({@code /tokens/{token_id}/...}) carry the token in the path as well as in the header.
 *       When the bearer interceptor replays a request with a new token after a 401, the path
 *       segment that held the rejected token is replaced too; otherwise the replay would name a
 *       token the server has just refused.</li>
 *   <li><b>Closed client.</b> After {@code close()} no request leaves: an enterprise client would
 *       otherwise log in again and leave a session nobody logs out.</li>
 * </ul>
 */
final class CareCloudAuthInterceptor implements Interceptor {

  static final String ACCEPT_LANGUAGE = "Accept-Language";

  private final BearerAuthInterceptor bearer;
  private final String acceptLanguage;
  private final AtomicBoolean closed;

  /**
   * @param acceptLanguage the default language, or null to send none
   * @param closed set when the client is closed
   */
  CareCloudAuthInterceptor(TokenCache tokens, String acceptLanguage, AtomicBoolean closed) {
    this.bearer = new BearerAuthInterceptor(tokens);
    this.acceptLanguage = acceptLanguage;
    this.closed = closed;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (closed.get()) {
      throw new ApiIOException(ApiExceptions.forStatus(ApiException.builder(CareCloudClients.API)
          .request(request).detail("the client is closed")));
    }
    if (acceptLanguage != null && request.header(ACCEPT_LANGUAGE) == null) {
      request = request.newBuilder().header(ACCEPT_LANGUAGE, acceptLanguage).build();
    }
    return bearer.intercept(new TokenPathChain(chain, request));
  }

  /** The bearer value of an authorized request, or null. */
  static String bearerValue(Request request) {
    String header = request.header("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7) : null;
  }

  /**
   * Forwards to the real chain; remembers the token of the first attempt and, on a replay with
   * another token, replaces path segments equal to the first token.
   */
  private static final class TokenPathChain implements Chain {
    private final Chain delegate;
    private final Request request;
    private String firstToken;

    TokenPathChain(Chain delegate, Request request) {
      this.delegate = delegate;
      this.request = request;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response proceed(Request outgoing) throws IOException {
      String token = bearerValue(outgoing);
      if (firstToken == null) {
        firstToken = token;
      } else if (token != null && !token.equals(firstToken)) {
        outgoing = outgoing.newBuilder().url(replaceSegment(outgoing.url(), firstToken, token))
            .build();
      }
      return delegate.proceed(outgoing);
    }

    private static HttpUrl replaceSegment(HttpUrl url, String from, String to) {
      List<String> segments = url.pathSegments();
      HttpUrl.Builder b = url.newBuilder();
      for (int i = 0; i < segments.size(); i++) {
        if (segments.get(i).equals(from)) {
          b.setPathSegment(i, to);
        }
      }
      return b.build();
    }

    @Override
    public Connection connection() {
      return delegate.connection();
    }

    @Override
    public Call call() {
      return delegate.call();
    }

    @Override
    public int connectTimeoutMillis() {
      return delegate.connectTimeoutMillis();
    }

    @Override
    public Chain withConnectTimeout(int timeout, TimeUnit unit) {
      return new TokenPathChain(delegate.withConnectTimeout(timeout, unit), request);
    }

    @Override
    public int readTimeoutMillis() {
      return delegate.readTimeoutMillis();
    }

    @Override
    public Chain withReadTimeout(int timeout, TimeUnit unit) {
      return new TokenPathChain(delegate.withReadTimeout(timeout, unit), request);
    }

    @Override
    public int writeTimeoutMillis() {
      return delegate.writeTimeoutMillis();
    }

    @Override
    public Chain withWriteTimeout(int timeout, TimeUnit unit) {
      return new TokenPathChain(delegate.withWriteTimeout(timeout, unit), request);
    }
  }
}
