package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ApiExceptions;
import dev.b2bsdk.core.error.AuthenticationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} from a {@link TokenCache}, and recovers once from a
 * 401.
 *
 * <p>On a 401: if the request carried the cache's current token, that token is invalidated and a
 * new one fetched (if it carried an older token, someone else already refreshed: the current one
 * is used, no fetch); the request is then sent once more with the new token, and whatever comes
 * back is returned: a second 401 reaches the caller as an {@code AuthenticationException} with
 * the server's message. There is never a loop: unlike OkHttp's {@code Authenticator}, which
 * follows up to 20 times, this interceptor replays at most once. A request whose body can only be
 * sent once is not replayed.
 *
 * <p>Refuses to send a token over plain http to a non-loopback host. Token failures and the
 * refusal surface as {@link ApiIOException} carrying an {@link AuthenticationException}, which
 * the SDK's call executor unwraps. Install it on the API client only, never on the client the
 * {@link TokenSource} uses.
 */
public final class BearerAuthInterceptor implements Interceptor {

  private final TokenCache tokens;

  public BearerAuthInterceptor(TokenCache tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    SecureChannel.require(tokens.name(), request);
    AccessToken token = token(request);
    Response response = chain.proceed(authorized(request, token));
    if (response.code() != 401 || !SecureChannel.replayable(request)) {
      return response;
    }
    tokens.invalidate(token);
    AccessToken fresh;
    try {
      fresh = token(request);
    } catch (IOException | RuntimeException e) {
      response.close();
      throw e;
    }
    if (fresh.value().equals(token.value())) {
      return response; // the source handed back the rejected token: a replay cannot succeed
    }
    response.close();
    return chain.proceed(authorized(request, fresh));
  }

  private AccessToken token(Request request) throws IOException {
    try {
      return tokens.get();
    } catch (AuthenticationException e) {
      if (e.getCause() instanceof InterruptedException) {
        InterruptedIOException interrupted = new InterruptedIOException(e.getMessage());
        interrupted.initCause(e);
        throw interrupted;
      }
      throw new ApiIOException(ApiExceptions.withRequest(e, request));
    }
  }

  private static Request authorized(Request request, AccessToken token) {
    return request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
  }
}
