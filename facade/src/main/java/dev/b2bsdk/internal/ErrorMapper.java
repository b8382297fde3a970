package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.ApiExceptions;
import dev.b2bsdk.core.error.ClientClosedException;
import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.error.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns what came back from one API (an error response, an I/O failure) into the SDK's
 * exceptions, using that API's {@link ErrorBodyParser}. Thread-safe.
 */
public final class ErrorMapper {

  /** The most of an error body that is read and handed to the parser. */
  public static final int ERROR_BODY_LIMIT = 64 * 1024;

  private final UnaryOperator<ApiException> refiner;

  private final String api;
  private final ErrorBodyParser parser;
  private final Clock clock;

  public ErrorMapper(String api, ErrorBodyParser parser) {
    this(api, parser, Clock.systemUTC());
  }

  /** @param clock compares an HTTP-date {@code Retry-After} with now */
  public ErrorMapper(String api, ErrorBodyParser parser, Clock clock) {
    this(api, parser, clock, UnaryOperator.identity());
  }

  /**
   * @param refiner turns a mapped error-status exception into an API-specific subtype (e.g.
   *     CareCloud's 403 {@code interface_not_allowed}); identity for most APIs
   */
  public ErrorMapper(String api, ErrorBodyParser parser, Clock clock, UnaryOperator<ApiException> refiner) {
    this.refiner = Objects.requireNonNull(refiner, "refiner");
    this.api = Objects.requireNonNull(api, "api");
    this.parser = parser == null ? ErrorBodyParser.none() : parser;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The API's name used in every exception. */
  public String api() {
    return api;
  }

  /** A builder for this API, pre-filled with the request's method, URL and operation. */
  public ApiException.Builder builder(Request request) {
    return ApiException.builder(api).request(request);
  }

  /**
   * The exception for a non-2xx response. Reads at most {@link #ERROR_BODY_LIMIT} bytes of
   * {@code body} (which may be {@code response.body()} or Retrofit's buffered error body) and
   * closes it.
   */
  public ApiException fromResponse(Response response, ResponseBody body) {
    String text = "";
    String readFailure = null;
    String contentType = null;
    if (body != null) {
      MediaType type = body.contentType();
      contentType = type == null ? response.header("Content-Type") : type.toString();
      try (ResponseBody closing = body) {
        text = readUpTo(closing, ERROR_BODY_LIMIT);
      } catch (IOException e) {
        readFailure = "error body unreadable: " + e.getClass().getSimpleName();
      }
    }
    ErrorDetails details = ErrorBodyParser.safely(parser, response.code(), contentType, text);
    ApiException.Builder b = builder(response.request())
        .status(response.code())
        .details(details)
        .body(text)
        .detail(readFailure);
    RetryAfter.parse(response.header("Retry-After"), clock).ifPresent(b::retryAfter);
    return refiner.apply(ApiExceptions.forStatus(b));
  }

  /** The exception for a non-2xx response, reading {@code response.body()}. */
  public ApiException fromResponse(Response response) {
    return fromResponse(response, response.body());
  }

  /**
   * The exception for a call that failed without a usable response: the carried exception of
   * an {@link ApiIOException}, a {@link TransportException} for other I/O errors, or an existing
   * {@link ApiException} completed with the request.
   */
  public ApiException fromFailure(Request request, Throwable failure) {
    if (failure instanceof ApiIOException) {
      return ApiExceptions.withRequest(((ApiIOException) failure).apiException(), request);
    }
    if (failure instanceof ApiException) {
      return ApiExceptions.withRequest((ApiException) failure, request);
    }
    if (failure instanceof ClientClosedIOException) {
      return new ClientClosedException(builder(request)
          .detail(failure.getMessage() + ": the call did not complete")
          .cause(failure));
    }
    if (failure instanceof IOException) {
      return transport(request, (IOException) failure);
    }
    return ApiExceptions.forStatus(builder(request)
        .detail(failure.getClass().getSimpleName() + ": " + failure.getMessage())
        .cause(failure));
  }

  /** A {@link TransportException} for an I/O error. */
  public TransportException transport(Request request, IOException failure) {
    return new TransportException(builder(request)
        .detail(failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : ": " + failure.getMessage()))
        .timeout(isTimeout(failure))
        .cause(failure));
  }

  static boolean isTimeout(IOException failure) {
    if (!(failure instanceof InterruptedIOException)) {
      return false;
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
    return message.contains("timeout") || message.contains("timed out");
  }

  static String readUpTo(ResponseBody body, int limit) throws IOException {
    BufferedSource source = body.source();
    source.request(limit);
    long available = Math.min(source.getBuffer().size(), limit);
    MediaType type = body.contentType();
    return source.getBuffer().readString(available,
        type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8));
  }
}
