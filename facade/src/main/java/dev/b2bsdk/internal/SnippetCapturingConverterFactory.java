package dev.b2bsdk.internal;

import com.google.gson.stream.MalformedJsonException;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.MalformedResponseException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Wraps the next response converter (Gson, scalars) so that a 2xx body it cannot read becomes a
 * {@link MalformedResponseException} carrying the HTTP status and the first KiB of the body.
 *
 * <p>The snippet is peeked ({@code source().peek()}) before the delegate consumes the body. The
 * status is not visible to a converter; {@link #statusRecorder()} (an application interceptor the
 * {@link ClientRuntime} installs) notes the final status on the current thread, which is the
 * thread Retrofit converts on for both {@code execute()} and {@code enqueue()}. Without the
 * recorder the status reads 0. Register this factory before the converters it wraps.
 *
 * <p>A {@code 202 Accepted} with an empty (or blank) body converts to {@code null}, as Retrofit does for 204
 * and 205: "accepted, nothing to report" is a valid answer, not a malformed one. Any other 2xx
 * with an empty body where content was expected stays a {@link MalformedResponseException}.
 */
public final class SnippetCapturingConverterFactory extends Converter.Factory {

  private static final ThreadLocal<int[]> LAST_STATUS = ThreadLocal.withInitial(() -> new int[1]);
  private static final Interceptor STATUS_RECORDER = chain -> {
    okhttp3.Response response = chain.proceed(chain.request());
    LAST_STATUS.get()[0] = response.code();
    return response;
  };

  private final String api;

  private SnippetCapturingConverterFactory(String api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /** A factory whose exceptions name {@code api}. */
  public static SnippetCapturingConverterFactory create(String api) {
    return new SnippetCapturingConverterFactory(api);
  }

  /** The interceptor that lets exceptions carry the real 2xx status. */
  public static Interceptor statusRecorder() {
    return STATUS_RECORDER;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> delegate =
        retrofit.nextResponseBodyConverter(this, type, annotations);
    return body -> {
      // raw bytes only: decoded to text just when needed (an empty 202, a failure), so that
      // a successful call pays for one small array copy and nothing else
      byte[] head = peekHead(body);
      Charset charset = charset(body);
      if (LAST_STATUS.get()[0] == 202 && isBlankBody(head, charset)) {
        // 202 Accepted may come without a body (ITCare documents it), like 204: no value
        return null;
      }
      try {
        return delegate.convert(body);
      } catch (MalformedJsonException | EOFException e) {
        throw malformed(new String(head, charset), e);
      } catch (RuntimeException e) {
        // JsonIOException may wrap a genuine network failure: that stays an I/O error.
        Throwable cause = e.getCause();
        if (cause instanceof IOException && !(cause instanceof MalformedJsonException)
            && !(cause instanceof EOFException)) {
          throw (IOException) cause;
        }
        throw malformed(new String(head, charset), e);
      }
    };
  }

  private MalformedResponseException malformed(String snippet, Exception e) {
    ApiException.Builder b = ApiException.builder(api)
        .status(LAST_STATUS.get()[0])
        .body(snippet)
        .detail(snippet == null || snippet.isEmpty()
            ? "empty body where content was expected"
            : describe(e))
        .cause(e);
    return new MalformedResponseException(b);
  }

  /**
   * What went wrong: a value of the wrong type is named by its JSON path, the declared type and
   * what arrived ({@code $.content[3].internalResourceId: expected a number, got "ir-100"}, from
   * the generated {@code JSON.ModelReadException}); anything else by the parser's message.
   */
  static String describe(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getClass().getSimpleName().equals("ModelReadException")) {
        return c.getMessage();
      }
    }
    return "unreadable body (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
  }

  /** True if the head is the whole body and holds only whitespace. */
  private static boolean isBlankBody(byte[] head, Charset charset) {
    return head.length < Redactor.SNIPPET_LIMIT && new String(head, charset).isBlank();
  }

  /**
   * The first bytes of the body, without consuming them. Copied into a plain array: copying into
   * another Okio Buffer would share (and so never recycle) a segment on every call.
   */
  private static byte[] peekHead(ResponseBody body) throws IOException {
    BufferedSource source = body.source();
    source.request(Redactor.SNIPPET_LIMIT);
    Buffer buffer = source.getBuffer();
    int size = (int) Math.min(buffer.size(), Redactor.SNIPPET_LIMIT);
    ByteArrayOutputStream head = new ByteArrayOutputStream(size);
    buffer.copyTo(head, 0, size);
    return head.toByteArray();
  }

  private static Charset charset(ResponseBody body) {
    MediaType type = body.contentType();
    return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
  }
}
