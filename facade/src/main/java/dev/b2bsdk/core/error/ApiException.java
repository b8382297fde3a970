package dev.b2bsdk.core.error;

import dev.b2bsdk.internal.RedactedCause;

import dev.b2bsdk.internal.Redactor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import retrofit2.Invocation;

/**
 * The base of every exception the SDK throws for a failed call: the service answered with an
 * error, the answer could not be read, or no answer came at all.
 *
 * <p>{@link #getMessage()} is one readable line, for example
 * {@code ITCare createInstance → 422 INVALID_FIELD_VALUE: Error on field 'name'}. The parts are
 * available one by one for code that branches. Nothing here contains a credential: URLs and
 * snippets pass through {@link Redactor}.
 *
 * <p>Subtypes exist only where callers branch: {@link AuthenticationException},
 * {@link NotFoundException}, {@link ValidationException}, {@link ThrottledException},
 * {@link ServerException}, {@link TransportException}, {@link MalformedResponseException}. Other
 * packages may add their own (e.g. a failed long-running action) by extending this class with a
 * {@link Builder}. {@link ApiExceptions#forStatus} picks the subtype for an HTTP status.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private final int status;
  private final String api;
  private final String operation;
  private final String errorCode;
  private final String serviceMessage;
  private final transient List<FieldProblem> problems;
  private final String bodySnippet;
  private final String requestMethod;
  private final String requestUrl;
  private final String detail;

  /** Subclasses pass the builder on; the builder stays usable for further exceptions. */
  protected ApiException(Builder b) {
    super(message(b), b.cause);
    this.status = b.status;
    this.api = b.api;
    this.operation = b.operation;
    this.errorCode = b.errorCode;
    this.serviceMessage = b.serviceMessage;
    this.problems = List.copyOf(b.problems);
    this.bodySnippet = b.bodySnippet;
    this.requestMethod = b.requestMethod;
    this.requestUrl = b.requestUrl;
    this.detail = b.detail;
  }

  /** A builder for the named API ({@code "ITCare"}, {@code "CareCloud"}, ...). */
  public static Builder builder(String api) {
    return new Builder(api);
  }

  /** A builder holding every part of this exception, to enrich it or re-type it. */
  public Builder toBuilder() {
    Builder b = new Builder(api);
    b.status = status;
    b.operation = operation;
    b.errorCode = errorCode;
    b.serviceMessage = serviceMessage;
    b.problems = problems;
    b.bodySnippet = bodySnippet;
    b.requestMethod = requestMethod;
    b.requestUrl = requestUrl;
    b.detail = detail;
    b.cause = getCause();
    return b;
  }

  /** The HTTP status, or 0 when no HTTP response was received. */
  public int status() {
    return status;
  }

  /** The API's name, e.g. {@code "ITCare"}. */
  public String api() {
    return api;
  }

  /** The operation (Retrofit method name = the spec's operationId), or null when unknown. */
  public String operation() {
    return operation;
  }

  /** The service's machine-readable error code, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** The service's human-readable message, or null. */
  public String serviceMessage() {
    return serviceMessage;
  }

  /** Per-field problems the service reported; empty, never null. */
  public List<FieldProblem> problems() {
    return problems == null ? List.of() : problems;
  }

  /** The first ≤ 1 KiB of the response body, secrets redacted; null when there was no body. */
  public String bodySnippet() {
    return bodySnippet;
  }

  /** The HTTP method of the failed request, or null. */
  public String requestMethod() {
    return requestMethod;
  }

  /** The URL of the failed request with secrets redacted, or null. */
  public String requestUrl() {
    return requestUrl;
  }

  private static String message(Builder b) {
    StringBuilder out = new StringBuilder(b.api);
    if (b.operation != null) {
      out.append(' ').append(b.operation);
    } else if (b.requestMethod != null && b.requestUrl != null) {
      HttpUrl url = HttpUrl.parse(b.requestUrl);
      out.append(' ').append(b.requestMethod).append(' ')
          .append(url == null ? b.requestUrl : url.encodedPath());
    }
    out.append(" → ");
    String text = b.serviceMessage != null && !b.serviceMessage.isBlank() ? b.serviceMessage : null;
    if (text == null && !b.problems.isEmpty()) {
      text = b.problems.get(0).describe();
      if (b.problems.size() > 1) {
        text += " (+" + (b.problems.size() - 1) + " more)";
      }
    }
    if (text == null) {
      text = b.detail;
    }
    if (b.status > 0) {
      out.append(b.status);
      if (b.errorCode != null) {
        out.append(' ').append(b.errorCode);
      }
      if (text == null && b.errorCode == null) {
        text = REASONS.getOrDefault(b.status, null);
        if (text != null) {
          return out.append(' ').append(text).toString();
        }
      }
    } else {
      // no HTTP response: the code (if any) and the explanation carry the message
      if (b.errorCode != null) {
        out.append(b.errorCode).append(": ");
      }
      return out.append(text != null && !text.isEmpty() ? text : "no response").toString();
    }
    if (text != null && !text.isEmpty()) {
      out.append(": ").append(text);
    }
    return out.toString();
  }

  /**
   * Collects the parts of an exception. Mutable, not thread-safe; build with
   * {@link ApiExceptions#forStatus} or a subtype's constructor.
   */
  public static final class Builder {
    final String api;
    int status;
    String operation;
    String errorCode;
    String serviceMessage;
    List<FieldProblem> problems = List.of();
    String bodySnippet;
    String requestMethod;
    String requestUrl;
    String detail;
    Throwable cause;
    Duration retryAfter;
    boolean timeout;

    private Builder(String api) {
      this.api = Objects.requireNonNull(api, "api");
    }

    /** The HTTP status; 0 (the default) means no response. */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** The operation name; usually set by {@link #request(Request)}. */
    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /** The service's message; passed through {@link Redactor#text} in case it echoes a credential. */
    public Builder serviceMessage(String serviceMessage) {
      this.serviceMessage = Redactor.text(serviceMessage);
      return this;
    }

    public Builder problems(List<FieldProblem> problems) {
      this.problems = problems == null ? List.of() : List.copyOf(problems);
      return this;
    }

    /** Code, message and problems from a parsed error body. */
    public Builder details(ErrorDetails details) {
      if (details != null) {
        errorCode(details.errorCode());
        serviceMessage(details.message());
        problems(details.problems());
      }
      return this;
    }

    /** The raw body; kept redacted and truncated to {@link Redactor#SNIPPET_LIMIT} characters. */
    public Builder body(String body) {
      this.bodySnippet = body == null || body.isEmpty() ? null : Redactor.snippet(body);
      return this;
    }

    /** Method, redacted URL and, when Retrofit made the request, the operation name. */
    public Builder request(Request request) {
      if (request == null) {
        return this;
      }
      this.requestMethod = request.method();
      this.requestUrl = Redactor.url(request.url());
      Invocation invocation = request.tag(Invocation.class);
      if (invocation != null && operation == null) {
        this.operation = invocation.method().getName();
      }
      return this;
    }

    /** A fallback explanation when the service gave none (e.g. the I/O error's message). */
    public Builder detail(String detail) {
      this.detail = Redactor.text(detail);
      return this;
    }

    /**
     * The cause. A cause whose message (or whose causes' messages) holds a secret is replaced
     * by a {@link RedactedCause} copy; any other is kept as it is.
     */
    public Builder cause(Throwable cause) {
      this.cause = RedactedCause.safe(cause);
      return this;
    }

    /** Used by {@link ThrottledException}. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /** Used by {@link TransportException}. */
    public Builder timeout(boolean timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The HTTP status collected so far. */
    public int status() {
      return status;
    }
  }
}
