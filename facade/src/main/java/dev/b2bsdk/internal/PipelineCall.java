package dev.b2bsdk.internal;

import dev.b2bsdk.core.http.RetryMode;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
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
  private boolean executed; // guarded by this
  private volatile boolean canceled;
  private volatile boolean closedByClient;
  private volatile Call syncCall;
  private volatile AsyncAttempts async;

  PipelineCall(CallPipeline pipeline, OkHttpClient client, Request request, RetryMode mode) {
    this.pipeline = pipeline;
    this.client = client;
    this.request = request;
    this.mode = mode;
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
    Call call = client.newCall(request);
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
    AsyncAttempts attempts = new AsyncAttempts(pipeline, this, client, request, mode, callback);
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
    return new PipelineCall(pipeline, client, request, mode);
  }

  private synchronized void markExecuted() {
    if (executed) {
      throw new IllegalStateException("Already Executed");
    }
    executed = true;
  }
}
