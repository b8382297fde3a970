package dev.b2bsdk.core.observe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a client does, as it does it: implement the methods you need (all default to nothing) and
 * pass the listener to a client builder's {@code listener(...)}.
 *
 * <p>Events carry names, numbers and statuses only: never a URL's query, a header, a body, a
 * credential or a token. {@code operation} is the spec's operationId ({@code getCustomer}), or
 * {@code "unknown"} for a request the SDK did not build from a spec operation.
 *
 * <p>Threading: methods are called on the thread doing the work and must return quickly. Of one
 * attempt, {@link #onRequestStart} and {@link #onRequestEnd} are called on the same thread, in that
 * order; on that thread, the only events between them are those of a token request the attempt
 * needed (properly nested). A listener that throws is logged ({@code dev.b2bsdk.observe}) and
 * ignored: it never fails a call.
 */
public interface SdkListener {

  /** A listener that does nothing. */
  SdkListener NONE = new SdkListener() {};

  /** An HTTP attempt is about to be sent ({@code attempt} 1, then 2, 3 … for retries). */
  default void onRequestStart(RequestStart event) {}

  /** An HTTP attempt ended: a response arrived ({@code status}) or none did ({@code status} 0). */
  default void onRequestEnd(RequestEnd event) {}

  /** The retry policy will send the request again; {@code reason} says why. */
  default void onRetry(Retry event) {}

  /** A token was requested (first one, expiry, 401): success or failure and how long it took. */
  default void onTokenRefresh(TokenRefresh event) {}

  /** One poll of an asynchronous operation (ITCare action) returned a status. */
  default void onPoll(Poll event) {}

  /** Calls every listener in order. */
  static SdkListener composite(List<SdkListener> listeners) {
    List<SdkListener> all = List.copyOf(listeners);
    if (all.size() == 1) {
      return all.get(0);
    }
    return new SdkListener() {
      @Override
      public void onRequestStart(RequestStart event) {
        all.forEach(l -> l.onRequestStart(event));
      }

      @Override
      public void onRequestEnd(RequestEnd event) {
        all.forEach(l -> l.onRequestEnd(event));
      }

      @Override
      public void onRetry(Retry event) {
        all.forEach(l -> l.onRetry(event));
      }

      @Override
      public void onTokenRefresh(TokenRefresh event) {
        all.forEach(l -> l.onTokenRefresh(event));
      }

      @Override
      public void onPoll(Poll event) {
        all.forEach(l -> l.onPoll(event));
      }
    };
  }

  /**
   * An attempt about to be sent.
   *
   * @param api the API's name ({@code ITCare}, {@code CareCloud}, {@code ShopApplication}, {@code InTouch})
   * @param operation the spec's operationId
   * @param method the HTTP method
   * @param urlTemplate the operation's path template relative to the base URL
   *     ({@code customers/{customer_id}}), or the request's path when it has none; never a query
   * @param serverAddress the host
   * @param serverPort the port
   * @param attempt 1 for the first attempt, then 2, 3 … for retries
   */
  record RequestStart(String api, String operation, String method, String urlTemplate,
      String serverAddress, int serverPort, int attempt) {
    public RequestStart {
      Objects.requireNonNull(api, "api");
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(method, "method");
    }
  }

  /**
   * An attempt that ended.
   *
   * @param start the attempt
   * @param status the HTTP status, 0 when no response arrived
   * @param duration from sending to the response's headers (or the failure)
   * @param errorType the exception's simple class name when no response arrived, else null
   */
  record RequestEnd(RequestStart start, int status, Duration duration, String errorType) {
    /** Micrometer's and OpenTelemetry's outcome: SUCCESS, REDIRECTION, CLIENT_ERROR, SERVER_ERROR or UNKNOWN. */
    public String outcome() {
      if (status >= 200 && status < 300) {
        return "SUCCESS";
      } else if (status >= 300 && status < 400) {
        return "REDIRECTION";
      } else if (status >= 400 && status < 500) {
        return "CLIENT_ERROR";
      } else if (status >= 500 && status < 600) {
        return "SERVER_ERROR";
      }
      return "UNKNOWN";
    }
  }

  /**
   * A retry.
   *
   * @param api the API
   * @param operation the spec's operationId
   * @param method the HTTP method
   * @param nextAttempt the attempt about to be sent (2, 3, …)
   * @param reason why: {@code status 503} or the I/O error's simple class name ({@code SocketTimeoutException})
   */
  record Retry(String api, String operation, String method, int nextAttempt, String reason) {}

  /**
   * A token request.
   *
   * @param api the API
   * @param success whether a token was obtained
   * @param duration how long it took
   * @param errorType the failure's simple class name, else null
   */
  record TokenRefresh(String api, boolean success, Duration duration, String errorType) {}

  /**
   * A poll.
   *
   * @param api the API
   * @param operation the operation that started the asynchronous work ({@code patchInstance})
   * @param operationId the server's id of the work (ITCare action id)
   * @param status the raw status the server reported ({@code IN_PROGRESS}, {@code SUCCESS} …)
   */
  record Poll(String api, String operation, String operationId, String status) {}
}
