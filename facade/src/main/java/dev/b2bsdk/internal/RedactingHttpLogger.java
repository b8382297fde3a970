package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.HttpLogLevel;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs HTTP traffic to SLF4J logger {@code dev.b2bsdk.http} at DEBUG, with every secret passed
 * through {@link Redactor}: credential headers, secret query parameters, token URLs' queries,
 * secret JSON and form fields. Off unless both the level is above {@link HttpLogLevel#NONE} and
 * the logger is enabled for DEBUG.
 *
 * <p>A network interceptor: it sees each attempt separately (retries, the 401 replay) with the
 * headers actually sent. Bodies: only textual ones, at most {@value #BODY_LIMIT} bytes, never a
 * one-shot or duplex request body; response bodies are peeked (gzip decoded), not consumed.
 * Personal data in bodies (names, e-mail addresses, phones, birthdates, addresses) is masked
 * unless the client was built with {@code logPersonalData(true)}.
 */
public final class RedactingHttpLogger implements Interceptor {

  /** The logger's name. */
  public static final String LOGGER_NAME = "dev.b2bsdk.http";

  static final int BODY_LIMIT = 4096;

  private final HttpLogLevel level;
  private final boolean logPersonalData;
  private final Logger log;

  /** A logger that masks personal data in bodies. */
  public RedactingHttpLogger(HttpLogLevel level) {
    this(level, false);
  }

  /** @param logPersonalData true to log names, e-mails, phones, birthdates and addresses in bodies */
  public RedactingHttpLogger(HttpLogLevel level, boolean logPersonalData) {
    this(level, logPersonalData, LoggerFactory.getLogger(LOGGER_NAME));
  }

  RedactingHttpLogger(HttpLogLevel level, Logger log) {
    this(level, false, log);
  }

  RedactingHttpLogger(HttpLogLevel level, boolean logPersonalData, Logger log) {
    this.level = Objects.requireNonNull(level, "level");
    this.logPersonalData = logPersonalData;
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogLevel.NONE || !log.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String target = request.method() + " " + Redactor.url(request.url());
    StringBuilder out = new StringBuilder("--> ").append(target);
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      appendHeaders(out, request.headers());
    }
    if (level == HttpLogLevel.BODY) {
      appendRequestBody(out, request.body());
    }
    log.debug(out.toString());

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.debug("<-- FAILED {} ({} ms): {}", target, elapsedMillis(start),
          e.getClass().getSimpleName());
      throw e;
    }
    out = new StringBuilder("<-- ").append(response.code()).append(' ').append(target)
        .append(" (").append(elapsedMillis(start)).append(" ms)");
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      appendHeaders(out, response.headers());
    }
    if (level == HttpLogLevel.BODY) {
      appendResponseBody(out, response);
    }
    log.debug(out.toString());
    return response;
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static void appendHeaders(StringBuilder out, Headers headers) {
    for (String line : Redactor.headers(headers)) {
      out.append("\n  ").append(line);
    }
  }

  private void appendRequestBody(StringBuilder out, RequestBody body) {
    if (body == null) {
      return;
    }
    try {
      if (body.isOneShot() || body.isDuplex() || !isText(body.contentType())
          || body.contentLength() > 16 * BODY_LIMIT) {
        out.append("\n  (body not logged: ").append(body.contentLength()).append(" bytes)");
        return;
      }
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      out.append("\n\n").append(render(buffer, body.contentType()));
    } catch (IOException e) {
      out.append("\n  (body unreadable)");
    }
  }

  private void appendResponseBody(StringBuilder out, Response response) {
    ResponseBody body = response.body();
    if (body == null || !isText(body.contentType())) {
      return;
    }
    try {
      BufferedSource peek = body.source().peek();
      Source source = "gzip".equalsIgnoreCase(response.header("Content-Encoding"))
          ? new GzipSource(peek) : peek;
      Buffer buffer = new Buffer();
      while (buffer.size() < BODY_LIMIT && source.read(buffer, BODY_LIMIT - buffer.size()) != -1) {
        // keep reading until the limit or the end
      }
      if (buffer.size() > 0) {
        out.append("\n\n").append(render(buffer, body.contentType()));
      }
    } catch (IOException e) {
      out.append("\n  (body unreadable)");
    }
  }

  private String render(Buffer buffer, MediaType contentType) throws IOException {
    Charset charset = contentType == null ? StandardCharsets.UTF_8
        : contentType.charset(StandardCharsets.UTF_8);
    long size = buffer.size();
    String text = buffer.readByteString(Math.min(size, BODY_LIMIT)).string(charset);
    String safe = Redactor.text(text);
    return (logPersonalData ? safe : Redactor.personalData(safe)) + (size > BODY_LIMIT ? "…" : "");
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return true;
    }
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return type.type().equalsIgnoreCase("text") || subtype.contains("json")
        || subtype.contains("xml") || subtype.contains("x-www-form-urlencoded");
  }
}
