package dev.b2bsdk.demo;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Records every HTTP exchange of one API's clients, as the caller sees it: installed on the
 * {@code OkHttpClient} given to the SDK builders, it sits outside the SDK's own interceptors, so
 * a request the SDK retried is one exchange, and a token request the SDK makes on the way is an
 * exchange of its own. The tour uses it for the steps the SDK performs implicitly (token, login,
 * device token) and to count action polls. Thread-safe.
 */
final class HttpTrace implements Interceptor {

  /**
   * One exchange: method, URL (never printed: its query may hold credentials), status (-1 when
   * no response came) and time to the response headers.
   */
  record Exchange(String method, HttpUrl url, int status, long nanos) {
    /** True for a 2xx answer. */
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final Consumer<Exchange> NOBODY = e -> { };

  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private volatile Consumer<Exchange> listener = NOBODY;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      record(new Exchange(request.method(), request.url(), response.code(),
          System.nanoTime() - start));
      return response;
    } catch (IOException | RuntimeException e) {
      record(new Exchange(request.method(), request.url(), -1, System.nanoTime() - start));
      throw e;
    }
  }

  private void record(Exchange exchange) {
    exchanges.add(exchange);
    listener.accept(exchange);
  }

  /** A position in the trace, for {@link #since}. */
  int mark() {
    return exchanges.size();
  }

  /** The exchanges recorded after {@code mark}, oldest first. */
  List<Exchange> since(int mark) {
    List<Exchange> all = List.copyOf(exchanges);
    return all.subList(Math.min(mark, all.size()), all.size());
  }

  /** Told about each exchange from now on, on the thread that made it; null for nobody. */
  void listener(Consumer<Exchange> listener) {
    this.listener = listener == null ? NOBODY : listener;
  }
}
