package dev.b2bsdk.demo;

import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.generated.itcare.invoker.JSON;
import dev.b2bsdk.generated.itcare.model.CreatePostgresqlRequest;
import com.google.gson.JsonObject;
import dev.b2bsdk.core.polling.AsyncOperation;
import dev.b2bsdk.core.polling.OperationResult;
import dev.b2bsdk.core.polling.PollResponse;
import dev.b2bsdk.core.polling.Poller;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.Instance;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.itcare.ItCareClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * ITCare: list every instance (paged), pick the first ACTIVE one, stop it as a dry run (was the
 * {@code ITCare-DryRun} header echoed?), then - writes allowed - stop it for real and wait for
 * the action, one dot per {@code GET /actions/{id}} and each status change on the line.
 */
final class ItCareTour implements ApiTour {

  private static final Pattern ACTION_PATH = Pattern.compile(".*/actions/\\d+");

  private final Targets.ItCare target;
  private final TourContext context;

  ItCareTour(Targets.ItCare target, TourContext context) {
    this.target = target;
    this.context = context;
  }

  @Override
  public List<ImplicitStep> implicitSteps() {
    // the token endpoint is called exactly as configured: match its own path
    String tokenPath = HttpUrl.get(target.tokenUrl()).encodedPath();
    String label = tokenPath.endsWith("/openid-connect/token")
        ? "POST .../openid-connect/token" : "POST " + tokenPath;
    return List.of(new ImplicitStep("token", "POST", tokenPath, label));
  }

  @Override
  public void run(Steps steps, JsonObject summary) {
    AtomicReference<Console.ProgressLine> waiting = new AtomicReference<>();
    try (ItCareClient itcare = context.configure(ItCareClient.builder(), steps.trace())
        .baseUrl(target.baseUrl())
        .tokenUrl(target.tokenUrl())
        .clientId(target.clientId())
        .clientSecret(target.clientSecret())
        .progressListener((previous, current) -> {
          Console.ProgressLine line = waiting.get();
          if (line != null) {
            line.append(" " + current.rawStatus());
          }
        })
        .build()) {
      AtomicReference<Instance> firstActive = new AtomicReference<>();
      PageCount instances = steps.run("list instances",
          () -> PageCount.walk(context.paged(itcare.instances().list()), i -> {
            if (firstActive.get() == null && "ACTIVE".equals(i.getStatus())) {
              firstActive.set(i);
            }
          }), count -> count.describe("instances"));
      summary.addProperty("instances", instances.items());
      summary.addProperty("pages", instances.pages());
      summary.addProperty("pageSize", instances.pageSize());
      summary.addProperty("writes", context.writes());

      Instance active = firstActive.get();
      if (active == null) {
        steps.note("pick an ACTIVE instance", "none: nothing to stop");
        return;
      }
      long id = active.getId();
      summary.addProperty("instanceId", id);
      steps.note("pick an ACTIVE instance", id + " " + active.getName());

      OperationResult<Action> dryRun = steps.run("stop (dry run)",
          () -> itcare.withOptions(ItCareClient.DRY_RUN).instances().beginPatch(id, stop())
              .waitForCompletion(),
          r -> r.dryRunEchoed() ? "accepted, ITCare-DryRun echoed: nothing was done"
              : "accepted, but ITCare-DryRun NOT echoed: the server may have acted");
      summary.addProperty("dryRunEchoed", dryRun.dryRunEchoed());
      databaseDryRun(itcare, active, steps, summary);

      if (!context.writes()) {
        steps.note("stop for real", "skipped: read-only run (pass --allow-writes)");
        return;
      }
      stopForReal(itcare, id, steps, summary, waiting);
    }
  }

  /**
   * A PostgreSQL creation sent as a dry run only (never a real create, even with writes on): the
   * server validates and echoes {@code ITCare-DryRun}. A refusal (e.g. 422 for the account's
   * service) is reported in the summary, not a failure of the tour.
   */
  private static void databaseDryRun(ItCareClient itcare, Instance active, Steps steps,
      JsonObject summary) {
    JsonObject db = new JsonObject();
    db.addProperty("operation", "createPostgresql");
    summary.add("databaseDryRun", db);
    CreatePostgresqlRequest request = JSON.createGson().create().fromJson("{\"area\":\"EB1\","
        + "\"productCode\":\"deb12pg16\",\"name\":\"pdemodb01\",\"nodeSizing\":\"2cpu4gb\","
        + "\"diskSize\":40,\"admPassword\":\"Adm1n!Passw0rd\",\"topology\":\"STANDALONE\","
        + "\"trigram\":\"DEM\",\"networkId\":\"132\"}", CreatePostgresqlRequest.class)
        .serviceId(active.getServiceId());
    try {
      OperationResult<Action> result = steps.run("PostgreSQL (dry run)",
          () -> itcare.withOptions(ItCareClient.DRY_RUN).databases()
              .beginCreatePostgresql(request).waitForCompletion(),
          r -> r.dryRunEchoed() ? "accepted, ITCare-DryRun echoed: nothing was created"
              : "accepted, but ITCare-DryRun NOT echoed");
      db.addProperty("accepted", true);
      db.addProperty("dryRunEchoed", result.dryRunEchoed());
    } catch (Steps.StepFailed e) {
      db.addProperty("accepted", false);
      db.addProperty("status", e.getCause() instanceof ApiException a ? a.status() : 0);
    }
  }

  private static InstanceOperationRequest stop() {
    return new InstanceOperationRequest().operation(InstanceOperation.STOP);
  }

  private void stopForReal(ItCareClient itcare, long id, Steps steps, JsonObject summary,
      AtomicReference<Console.ProgressLine> waiting) {
    AsyncOperation<Action> operation = steps.run("stop for real",
        () -> itcare.instances().beginPatch(id, stop()),
        op -> op.tracked() ? "accepted: action " + op.operationId()
            : "accepted without an action id: nothing to wait for");
    JsonObject action = new JsonObject();
    summary.add("action", action);
    if (!operation.tracked()) {
      action.add("id", null);
      action.addProperty("status", "ACCEPTED");
      action.addProperty("polls", 0);
      return;
    }
    Poller<Action> poller = operation.poller().orElseThrow();
    String initial = poller.lastResponse().map(PollResponse::rawStatus).orElse("accepted");
    action.addProperty("id", Long.parseLong(operation.operationId()));
    action.addProperty("status", initial);
    action.addProperty("polls", 0);

    AtomicInteger polls = new AtomicInteger();
    steps.trace().listener(exchange -> {
      if (exchange.ok() && exchange.method().equals("GET")
          && ACTION_PATH.matcher(exchange.url().encodedPath()).matches()) {
        polls.incrementAndGet();
        Console.ProgressLine line = waiting.get();
        if (line != null) {
          line.append(".");
        }
      }
    });
    try {
      steps.progress("wait for action " + operation.operationId(), initial, line -> {
        waiting.set(line);
        return operation.waitForCompletion();
      }, done -> "after " + polls.get() + (polls.get() == 1 ? " poll" : " polls"));
      action.addProperty("status", poller.lastResponse()
          .map(PollResponse::rawStatus).orElse("SUCCESS"));
    } catch (Steps.StepFailed e) {
      poller.lastResponse().ifPresent(r -> action.addProperty("status", r.rawStatus()));
      throw e;
    } finally {
      waiting.set(null);
      steps.trace().listener(null);
      action.addProperty("polls", polls.get());
    }
  }
}
