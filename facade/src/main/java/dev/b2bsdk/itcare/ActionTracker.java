package dev.b2bsdk.itcare;

import dev.b2bsdk.core.observe.SdkListener;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.internal.RetryAfter;
import dev.b2bsdk.core.polling.AsyncOperation;
import dev.b2bsdk.core.polling.PollOptions;
import dev.b2bsdk.core.polling.PollResponse;
import dev.b2bsdk.core.polling.PollStatus;
import dev.b2bsdk.core.polling.Poller;
import dev.b2bsdk.core.polling.ProgressListener;
import dev.b2bsdk.internal.StatusClassifier;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.ActionStatus;
import dev.b2bsdk.generated.itcare.model.ActionTracking;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * Turns the answer of an asynchronous ITCare operation (202 + optional {@link ActionTracking})
 * into an {@link AsyncOperation} whose poller reads {@code GET /actions/{id}}.
 *
 * <ul>
 *   <li>Dry run → {@link AsyncOperation#dryRun}: whether the response echoed
 *       {@code ITCare-DryRun: true}; never polled.</li>
 *   <li>No body, or a body without {@code id} → {@link AsyncOperation#untracked}.</li>
 *   <li>Otherwise a poller. The status in the 202 body is its initial state, not a poll: a
 *       terminal one ends the wait at once, without any {@code GET /actions/{id}}.</li>
 * </ul>
 * Status labels: {@code IN_PROGRESS}, {@code SUCCESS}, {@code ERROR} (→ FAILED); any other
 * label is {@link PollStatus#UNKNOWN} (polling goes on) and is reported as sent. A {@code
 * Retry-After} on the action response sets the next interval.
 */
final class ActionTracker {

  private static final StatusClassifier STATUSES = StatusClassifier.builder()
      .map(PollStatus.IN_PROGRESS, "IN_PROGRESS")
      .map(PollStatus.SUCCESS, "SUCCESS")
      .map(PollStatus.FAILED, "ERROR")
      .build();

  /**
   * {@code GET /actions/{id}} read as a JSON tree, so that a poll's status label reaches the
   * classifier exactly as sent, whatever the model's status type.
   */
  interface ActionStatusApi {
    @GET("actions/{actionId}")
    Call<JsonObject> getAction(@Path("actionId") long actionId);
  }

  private final ClientRuntime runtime;
  private final Gson gson;
  private final ActionStatusApi actions;
  private final PollOptions options;
  private final ScheduledExecutorService scheduler;
  private final List<ProgressListener<Action>> listeners;
  private final Duration pollCallTimeout;

  /**
   * @param scheduler the caller's scheduler, or null for the pollers' shared default
   * @param callTimeout the client's call timeout; a poll's HTTP call gets the shorter of it and
   *     the per-poll timeout, so that a poll the poller gave up on also frees its thread
   */
  ActionTracker(ClientRuntime runtime, Gson gson, PollOptions options,
      ScheduledExecutorService scheduler, List<ProgressListener<Action>> listeners,
      Duration callTimeout) {
    this.runtime = runtime;
    this.gson = gson;
    this.actions = runtime.create(ActionStatusApi.class);
    this.options = options;
    this.scheduler = scheduler;
    this.listeners = List.copyOf(listeners);
    Duration perPoll = options.perPollTimeout();
    this.pollCallTimeout = callTimeout.isZero() || callTimeout.compareTo(perPoll) > 0
        ? perPoll : callTimeout;
  }

  /** The same settings on another runtime (a client view). */
  ActionTracker on(ClientRuntime view) {
    return new ActionTracker(view, gson, options, scheduler, listeners, pollCallTimeout);
  }

  /**
   * Executes {@code call} (throwing the typed exception of a failed request) and tracks it.
   *
   * @param operation the operationId that started the action, for exceptions
   */
  AsyncOperation<Action> begin(String operation, Call<ActionTracking> call, boolean dryRun) {
    Response<ActionTracking> response = runtime.executeForResponse(call);
    ActionTracking tracking = response.body();
    Action accepted = tracking == null ? null : new Action()
        .id(tracking.getId())
        .status(tracking.getStatus() == null ? null : ActionStatus.fromValue(tracking.getStatus()))
        .message(tracking.getMessage());
    if (dryRun) {
      String echo = response.headers().get(DryRunInterceptor.HEADER);
      return AsyncOperation.dryRun(echo != null && "true".equalsIgnoreCase(echo.trim()), accepted);
    }
    if (tracking == null || tracking.getId() == null) {
      return AsyncOperation.untracked(accepted);
    }
    long id = tracking.getId();
    Poller.Builder<Action> poller = Poller.builder(() -> observedPoll(operation, id))
        .operationId(String.valueOf(id))
        .api(runtime.api())
        .operation(operation)
        .options(options)
        .clock(runtime.clock());
    if (scheduler != null) {
      poller.scheduler(scheduler);
    }
    listeners.forEach(poller::listener);
    if (tracking.getStatus() != null) {
      poller.initialResponse(PollResponse.<Action>builder(STATUSES.classify(tracking.getStatus()))
          .value(accepted).rawStatus(tracking.getStatus()).message(tracking.getMessage()).build());
    }
    return AsyncOperation.tracked(poller.build());
  }

  /** One poll, reported to the client's listener. */
  private PollResponse<Action> observedPoll(String operation, long id) {
    PollResponse<Action> response = poll(id);
    runtime.listener().onPoll(new SdkListener.Poll(runtime.api(), operation, String.valueOf(id),
        response.rawStatus()));
    return response;
  }

  /** One poll: {@code GET /actions/{id}}. */
  private PollResponse<Action> poll(long id) {
    Call<JsonObject> call = actions.getAction(id);
    call.timeout().timeout(pollCallTimeout.toNanos(), TimeUnit.NANOSECONDS);
    Response<JsonObject> response = runtime.executeForResponse(call);
    JsonObject json = response.body();
    if (json == null) {
      throw malformed(response.code(), "no action in the response", null, null);
    }
    Action action;
    try {
      action = gson.fromJson(json, Action.class);
    } catch (JsonParseException e) {
      throw malformed(response.code(), "unreadable action", json, e);
    }
    String label = label(json.get("status"));
    return PollResponse.<Action>builder(STATUSES.classify(label))
        .value(action)
        .rawStatus(label)
        .message(action.getMessage())
        .retryAfter(RetryAfter.parse(response.headers().get("Retry-After"), runtime.clock())
            .orElse(null))
        .build();
  }

  private static String label(JsonElement status) {
    return status != null && status.isJsonPrimitive() ? status.getAsString() : null;
  }

  private ApiException malformed(int status, String detail, JsonObject body, Exception cause) {
    return new MalformedResponseException(ApiException.builder(runtime.api())
        .operation("getAction")
        .status(status)
        .body(body == null ? null : body.toString())
        .detail(detail)
        .cause(cause));
  }
}
