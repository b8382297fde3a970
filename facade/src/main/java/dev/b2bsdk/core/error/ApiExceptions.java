package dev.b2bsdk.core.error;

import okhttp3.Request;

/**
 * Picks the exception type for an HTTP status. The one mapping every API shares:
 * <pre>
 *   401, 403      → AuthenticationException
 *   404, 410      → NotFoundException
 *   400, 409, 422 → ValidationException
 *   429           → ThrottledException
 *   5xx           → ServerException
 *   other         → ApiException
 * </pre>
 */
public final class ApiExceptions {

  private ApiExceptions() {
  }

  /** The exception for {@code builder.status()}, built from the builder. */
  public static ApiException forStatus(ApiException.Builder builder) {
    int status = builder.status();
    switch (status) {
      case 401:
      case 403:
        return new AuthenticationException(builder);
      case 404:
      case 410:
        return new NotFoundException(builder);
      case 400:
      case 409:
      case 422:
        return new ValidationException(builder);
      case 429:
        return new ThrottledException(builder);
      default:
        return status >= 500 && status <= 599
            ? new ServerException(builder)
            : new ApiException(builder);
    }
  }

  /**
   * {@code exception} with the request's method, redacted URL and operation filled in, when it
   * was raised where the request was not known (a converter, the token cache). The type and the
   * stack trace are kept; exceptions of other types than this package's are returned unchanged.
   */
  public static ApiException withRequest(ApiException exception, Request request) {
    if (request == null || exception.requestUrl() != null) {
      return exception;
    }
    ApiException.Builder b = exception.toBuilder().request(request);
    Class<?> type = exception.getClass();
    ApiException enriched;
    if (type == MalformedResponseException.class) {
      enriched = new MalformedResponseException(b);
    } else if (type == TransportException.class) {
      enriched = new TransportException(b);
    } else if (type == AuthenticationException.class) {
      enriched = new AuthenticationException(b);
    } else if (type == ThrottledException.class) {
      enriched = new ThrottledException(b);
    } else if (type == NotFoundException.class || type == ValidationException.class
        || type == ServerException.class || type == ApiException.class) {
      enriched = forStatus(b);
    } else {
      return exception;
    }
    enriched.setStackTrace(exception.getStackTrace());
    for (Throwable suppressed : exception.getSuppressed()) {
      enriched.addSuppressed(suppressed);
    }
    return enriched;
  }
}
