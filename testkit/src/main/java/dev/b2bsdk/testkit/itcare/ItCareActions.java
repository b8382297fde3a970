package dev.b2bsdk.testkit.itcare;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.JsonQueries;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.MockResponse;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ITCare asynchronous actions: every accepted (202) operation becomes an action that answers
 * IN_PROGRESS to the first {@code polls - 1} reads of {@code GET /actions/{id}} and its final status
 * to the {@code polls}-th, when its effect is applied. Dry runs and the 202 body are shaped here too.
 */
final class ItCareActions {

  /** An operation to run asynchronously. */
  record Operation(String process, String resourceType, String family, String resourceName,
      long resourceId, Long serviceId, String submitted, String inProgress, String succeeded,
      String failed, Runnable onSuccess, Runnable onError) {
  }

  private static final class Action {
    final Operation op;
    final JsonObject json;
    int polls;

    Action(Operation op, JsonObject json) {
      this.op = op;
      this.json = json;
    }
  }

  private final Map<Long, Action> actions = new LinkedHashMap<>();
  private final Clock clock;
  private final int pollsToFinish;
  private final boolean emptyAcceptedBody;
  private final boolean okOnPatchAndDelete;
  private ActionOutcome outcome;
  private long nextId = 1;

  ItCareActions(Clock clock, int pollsToFinish, ActionOutcome outcome, boolean emptyAcceptedBody,
      boolean okOnPatchAndDelete) {
    this.clock = clock;
    this.pollsToFinish = pollsToFinish;
    this.outcome = outcome;
    this.emptyAcceptedBody = emptyAcceptedBody;
    this.okOnPatchAndDelete = okOnPatchAndDelete;
  }

  /** 202, or 200 for a PATCH or DELETE when the mock answers those as the vendor's reference renders them. */
  private int acceptedStatus(MockRequest request) {
    boolean patchOrDelete = request.method().equals("PATCH") || request.method().equals("DELETE");
    return okOnPatchAndDelete && patchOrDelete ? 200 : 202;
  }

  void setOutcome(ActionOutcome value) {
    this.outcome = value;
  }

  /** Whether the request asks for a dry run ({@code ITCare-DryRun: true}). */
  static boolean dryRun(MockRequest request) {
    return "true".equalsIgnoreCase(String.valueOf(request.header("ITCare-DryRun")).trim());
  }

  /** 409 when an action on the same resource is still running. */
  void requireIdle(String resourceType, long resourceId, String name) {
    boolean busy = actions.values().stream().anyMatch(a -> a.op.resourceId() == resourceId
        && a.op.resourceType().equals(resourceType)
        && "IN_PROGRESS".equals(a.json.get("status").getAsString()));
    if (busy) {
      throw MockFailure.of(409, "ACTION_IN_PROGRESS", "An action is already running on " + name)
          .withResource(resourceType, name);
    }
  }

  /**
   * Accepts {@code op}: in a dry run answers 202 with the echoed header and a body without id
   * ({@code status: DRY_RUN}) and records nothing; otherwise records the action and answers 202 with
   * its tracking body (or no body when so configured).
   */
  MockResponse accept(MockRequest request, Operation op, String user) {
    if (dryRun(request)) {
      return MockResponse.json(acceptedStatus(request), obj("status", "DRY_RUN", "message",
              "Dry run: " + op.submitted() + " would be accepted; nothing was done"))
          .withHeader("ITCare-DryRun", "true");
    }
    String now = ItCareData.format(ZonedDateTime.now(clock));
    long id = nextId++;
    JsonObject json = obj("id", id, "status", "IN_PROGRESS", "message", op.inProgress(),
        "process", op.process(), "family", op.family(), "resourceName", op.resourceName(),
        "resourceType", op.resourceType(), "submittedAt", now, "submittedBy", user,
        "lastUpdatedAt", now, "completedAt", JsonNull.INSTANCE);
    actions.put(id, new Action(op, json));
    if (emptyAcceptedBody) {
      return MockResponse.empty(acceptedStatus(request));
    }
    return MockResponse.json(acceptedStatus(request), obj("id", id, "status", "IN_PROGRESS", "message",
        op.submitted()));
  }

  /** {@code GET /actions/{id}}: counts the poll and completes the action on the last one. */
  JsonObject poll(long id) {
    Action action = actions.get(id);
    if (action == null) {
      throw MockFailure.notFound("action", Long.toString(id));
    }
    action.polls++;
    String now = ItCareData.format(ZonedDateTime.now(clock));
    if ("IN_PROGRESS".equals(action.json.get("status").getAsString())) {
      action.json.addProperty("lastUpdatedAt", now);
      if (action.polls >= pollsToFinish) {
        boolean success = outcome == ActionOutcome.SUCCESS;
        action.json.addProperty("status", success ? "SUCCESS" : "ERROR");
        action.json.addProperty("message", success ? action.op.succeeded() : action.op.failed());
        action.json.addProperty("completedAt", now);
        (success ? action.op.onSuccess() : action.op.onError()).run();
      }
    }
    return action.json.deepCopy();
  }

  /** {@code GET /actions} with its filters; reading the list does not advance any action. */
  List<JsonObject> list(MockRequest request) {
    List<JsonObject> out = new ArrayList<>();
    String name = request.query("resourceName").orElse(null);
    Long resourceId = request.hasQuery("resourceId") ? request.queryLong("resourceId", 0) : null;
    Long serviceId = request.hasQuery("serviceId") ? request.queryLong("serviceId", 0) : null;
    var statusFilter = JsonQueries.fieldIn("status", request.queryAll("statuses"));
    for (Action a : actions.values()) {
      if ((name == null || name.equalsIgnoreCase(a.op.resourceName()))
          && (resourceId == null || resourceId == a.op.resourceId())
          && (serviceId == null || serviceId.equals(a.op.serviceId()))
          && statusFilter.test(a.json)) {
        out.add(a.json.deepCopy());
      }
    }
    return out;
  }

  /** Snapshot of every action, oldest first. */
  List<JsonObject> all() {
    return actions.values().stream().map(a -> a.json.deepCopy()).toList();
  }

  /** Number of {@code GET /actions/{id}} reads of an action so far. */
  int pollsOf(long id) {
    Action a = actions.get(id);
    return a == null ? 0 : a.polls;
  }
}
