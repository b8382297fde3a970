package dev.b2bsdk.internal;

import dev.b2bsdk.core.observe.SdkListener;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * Feeds an {@link SdkListener} from the OkHttp chain: {@link #callInterceptor()} sits before the
 * retry interceptor and tags the request with an attempt counter; {@link #attemptInterceptor()}
 * sits after it (before authentication, so a 401 replay is not a retry) and reports each attempt,
 * and each retry with the previous attempt's outcome as its reason. Listener failures are logged
 * and swallowed.
 */
public final class Observation {
  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.observe");

  private final String api;
  private final SdkListener listener;

  private Observation(String api, SdkListener listener) {
    this.api = api;
    this.listener = listener;
  }

  /** The observation of {@code api}, or null when {@code listener} is null or {@link SdkListener#NONE}. */
  public static Observation of(String api, SdkListener listener) {
    return listener == null || listener == SdkListener.NONE ? null : new Observation(api, safe(listener));
  }

  /** A listener that logs and swallows what {@code listener} throws. */
  public static SdkListener safe(SdkListener listener) {
    return new SdkListener() {
      @Override
      public void onRequestStart(RequestStart event) {
        run(() -> listener.onRequestStart(event));
      }

      @Override
      public void onRequestEnd(RequestEnd event) {
        run(() -> listener.onRequestEnd(event));
      }

      @Override
      public void onRetry(Retry event) {
        run(() -> listener.onRetry(event));
      }

      @Override
      public void onTokenRefresh(TokenRefresh event) {
        run(() -> listener.onTokenRefresh(event));
      }

      @Override
      public void onPoll(Poll event) {
        run(() -> listener.onPoll(event));
      }

      private void run(Runnable r) {
        try {
          r.run();
        } catch (RuntimeException e) {
          LOG.warn("SDK listener failed", e);
        }
      }
    };
  }

  public SdkListener listener() {
    return listener;
  }

  /** Attempts of one call, carried by the request through the retry interceptor. */
  private static final class Attempts {
    final AtomicInteger count = new AtomicInteger();
    volatile String lastOutcome;
  }

  /** Tags each call with its attempt counter; goes before the retry interceptor. */
  public Interceptor callInterceptor() {
    return chain -> {
      Request request = chain.request();
      if (request.tag(Attempts.class) != null) {
        return chain.proceed(request);
      }
      return chain.proceed(request.newBuilder().tag(Attempts.class, new Attempts()).build());
    };
  }

  /** Reports each attempt; goes after the retry interceptor, before authentication. */
  public Interceptor attemptInterceptor() {
    return chain -> {
      Request request = chain.request();
      Attempts attempts = request.tag(Attempts.class);
      int attempt = attempts == null ? 1 : attempts.count.incrementAndGet();
      String operation = operation(request);
      if (attempt > 1) {
        listener.onRetry(new SdkListener.Retry(api, operation, request.method(), attempt,
            attempts.lastOutcome == null ? "unknown" : attempts.lastOutcome));
      }
      SdkListener.RequestStart start = new SdkListener.RequestStart(api, operation,
          request.method(), urlTemplate(request), request.url().host(), request.url().port(),
          attempt);
      listener.onRequestStart(start);
      long began = System.nanoTime();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException | RuntimeException e) {
        String type = e.getClass().getSimpleName();
        if (attempts != null) {
          attempts.lastOutcome = type;
        }
        listener.onRequestEnd(new SdkListener.RequestEnd(start, 0,
            Duration.ofNanos(System.nanoTime() - began), type));
        throw e;
      }
      if (attempts != null) {
        attempts.lastOutcome = "status " + response.code();
      }
      listener.onRequestEnd(new SdkListener.RequestEnd(start, response.code(),
          Duration.ofNanos(System.nanoTime() - began), null));
      return response;
    };
  }

  /** A token source that reports each fetch. */
  public TokenSource observe(TokenSource source) {
    return new TokenSource() {
      @Override
      public AccessToken fetch(AccessToken previous) throws IOException {
        long began = System.nanoTime();
        try {
          AccessToken token = source.fetch(previous);
          listener.onTokenRefresh(new SdkListener.TokenRefresh(api, true,
              Duration.ofNanos(System.nanoTime() - began), null));
          return token;
        } catch (IOException | RuntimeException e) {
          listener.onTokenRefresh(new SdkListener.TokenRefresh(api, false,
              Duration.ofNanos(System.nanoTime() - began), e.getClass().getSimpleName()));
          throw e;
        }
      }

      @Override
      public void revoke(AccessToken token) throws IOException {
        source.revoke(token);
      }
    };
  }

  /** The spec's operationId: the Retrofit method's name. */
  static String operation(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation == null ? "unknown" : invocation.method().getName();
  }

  /**
   * The Retrofit annotation's relative path ({@code customers/{customer_id}}); null for a request
   * not made by Retrofit (its path is not reported: it may hold an id or a token).
   */
  static String urlTemplate(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation != null) {
      for (Annotation a : invocation.method().getAnnotations()) {
        String path = pathOf(a);
        if (path != null) {
          return path;
        }
      }
    }
    return null;
  }

  private static String pathOf(Annotation a) {
    if (a instanceof retrofit2.http.GET g) {
      return g.value();
    } else if (a instanceof retrofit2.http.POST p) {
      return p.value();
    } else if (a instanceof retrofit2.http.PUT p) {
      return p.value();
    } else if (a instanceof retrofit2.http.DELETE d) {
      return d.value();
    } else if (a instanceof retrofit2.http.PATCH p) {
      return p.value();
    } else if (a instanceof retrofit2.http.HEAD h) {
      return h.value();
    } else if (a instanceof retrofit2.http.HTTP h) {
      return h.path();
    }
    return null;
  }
}
