package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ErrorDetails;

/**
 * Reads one API's error body into {@link ErrorDetails}: each API package supplies one.
 *
 * <p>Contract: {@link #parse} never throws. A body it does not understand (empty, HTML from a
 * proxy, truncated JSON) yields {@link ErrorDetails#EMPTY}; the raw snippet is kept on the
 * exception anyway. Callers still guard against a broken parser (see {@link #safely}).
 */
@FunctionalInterface
public interface ErrorBodyParser {

  /**
   * @param status the HTTP status code
   * @param contentType the response's {@code Content-Type}, or null
   * @param body the error body as text (possibly empty, possibly truncated), never null
   * @return what the body says, never null
   */
  ErrorDetails parse(int status, String contentType, String body);

  /** A parser that understands nothing: status and snippet only. */
  static ErrorBodyParser none() {
    return (status, contentType, body) -> ErrorDetails.EMPTY;
  }

  /** Runs {@code parser}, turning a broken parser's exception or null into {@link ErrorDetails#EMPTY}. */
  static ErrorDetails safely(ErrorBodyParser parser, int status, String contentType, String body) {
    if (parser == null) {
      return ErrorDetails.EMPTY;
    }
    try {
      ErrorDetails details = parser.parse(status, contentType, body == null ? "" : body);
      return details == null ? ErrorDetails.EMPTY : details;
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug must not replace the real error (the HTTP status) with a parser error.
      return ErrorDetails.EMPTY;
    }
  }
}
