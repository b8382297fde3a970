package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;

/**
 * One Retrofit call of an SDK client. {@link #execute()} runs the OkHttp call on the caller's
 * thread (the interceptors may block that thread, and only that one); {@link #enqueue} hands the
 * call to {@link AsyncAttempts}. Either way the call is known to its {@link CallPipeline} until
 * it ends, so closing the client fails it with "client closed".
 */
final class PipelineCall implements Call {

  private final CallPipeline pipeline;
  private final OkHttpClient client;
  private final Request request;
  private final RetryMode mode;
  private final CallOptions options;
  private boolean executed; // guarded by this
  private volatile boolean canceled;
  private volatile boolean closedByClient;
  private volatile Call syncCall;
  private volatile AsyncAttempts async;

  PipelineCall(CallPipeline pipeline, OkHttpClient client, Request request, RetryMode mode,
      CallOptions options) {
    this.pipeline = pipeline;
    this.client = client;
    this.request = request;
    this.mode = mode;
    this.options = options;
  }

  /**
   * The request as it enters the interceptors: the user agent, the view's call options and,
   * for an asynchronous call, the tag of {@link AsyncAttempts}, in one {@code newBuilder()}
   * (the interceptors that would set them again see them set and pass).
   */
  Request prepared(boolean async) {
    Request.Builder b = request.newBuilder();
    if (request.header("User-Agent") == null) {
      b.header("User-Agent", pipeline.userAgent);
    }
    if (options != CallOptions.NONE) {
      Headers headers = options.headers();
      for (String name : headers.names()) {
        b.removeHeader(name);
      }
      for (int i = 0; i < headers.size(); i++) {
        b.addHeader(headers.name(i), headers.value(i));
      }
      CallOptions existing = request.tag(CallOptions.class);
      b.tag(CallOptions.class, existing == null ? options : existing.mergedWith(options));
    }
    if (async) {
      AsyncAttempts.markDriven(b);
    }
    return b.build();
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response execute() throws IOException {
    markExecuted();
    if (pipeline.isClosed()) {
      throw new ClientClosedIOException(pipeline.api);
    }
    Call call = client.newCall(prepared(false));
    syncCall = call;
    pipeline.register(this);
    try {
      if (canceled) {
        call.cancel();
      }
      return call.execute();
    } catch (IOException e) {
      if (closedByClient) {
        ClientClosedIOException closed = new ClientClosedIOException(pipeline.api);
        closed.addSuppressed(e);
        throw closed;
      }
      throw e;
    } finally {
      pipeline.unregister(this);
    }
  }

  @Override
  public void enqueue(Callback callback) {
    markExecuted();
    AsyncAttempts attempts = new AsyncAttempts(pipeline, this, client, prepared(true), mode,
        callback);
    async = attempts;
    attempts.start();
    if (canceled) {
      attempts.cancel();
    }
  }

  @Override
  public void cancel() {
    canceled = true;
    Call call = syncCall;
    if (call != null) {
      call.cancel();
    }
    AsyncAttempts attempts = async;
    if (attempts != null) {
      attempts.cancel();
    }
  }

  /** Ends this call because its client is closing. */
  void closeByClient() {
    closedByClient = true;
    AsyncAttempts attempts = async;
    if (attempts != null) {
      attempts.fail(new ClientClosedIOException(pipeline.api));
    }
    Call call = syncCall;
    if (call != null) {
      call.cancel();
    }
  }

  @Override
  public boolean isExecuted() {
    synchronized (this) {
      return executed;
    }
  }

  @Override
  public boolean isCanceled() {
    return canceled;
  }

  @Override
  public Timeout timeout() {
    Call call = syncCall;
    return call != null ? call.timeout() : Timeout.NONE;
  }

  @Override
  @SuppressWarnings("MethodDoesntCallSuperMethod")
  public Call clone() {
    return new PipelineCall(pipeline, client, request, mode, options);
  }

  private synchronized void markExecuted() {
    if (executed) {
      throw new IllegalStateException("Already Executed");
    }
    executed = true;
  }
}
