package dev.b2bsdk.itcare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.core.error.ValidationException;
import dev.b2bsdk.core.polling.ActionFailedException;
import dev.b2bsdk.core.polling.AsyncOperation;
import dev.b2bsdk.core.polling.OperationResult;
import dev.b2bsdk.core.polling.PollOptions;
import dev.b2bsdk.core.polling.PollResponse;
import dev.b2bsdk.core.polling.PollStatus;
import dev.b2bsdk.core.polling.PollTimeoutException;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.ActionStatus;
import dev.b2bsdk.generated.itcare.model.CreateInstanceRequest;
import dev.b2bsdk.generated.itcare.model.CreateOverdriveRequest;
import dev.b2bsdk.generated.itcare.model.CreateSnapshotRequest;
import dev.b2bsdk.generated.itcare.model.DeleteInstanceRequest;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.generated.itcare.model.OverdriveOperation;
import dev.b2bsdk.generated.itcare.model.OverdriveOperationRequest;
import dev.b2bsdk.generated.itcare.model.OverdriveSizing;
import dev.b2bsdk.testsupport.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code begin…} operations, end to end, in virtual time: the {@link VirtualScheduler} runs
 * the polls on the test thread when the test advances the shared clock, so nothing sleeps.
 *
 * <p>Counting: the status in the 202 body is the operation's initial state; a "poll" is one
 * {@code GET /actions/{id}} request, and {@code Poller.pollCount()} equals the number of those
 * requests in the journal.
 */
class ItCarePollingTest extends ItCareWireMockTest {

  private static final long ACTION = 987654L;
  private static final String ACTION_PATH = "/itcare/actions/" + ACTION;
  private static final String INSTANCE_PATH = "/itcare/compute/instances/1204571";
  /** No jitter, 1 s, 2 s, 4 s, 8 s, 8 s ... */
  private static final PollOptions OPTIONS = PollOptions.builder()
      .initialInterval(Duration.ofSeconds(1)).multiplier(2).maxInterval(Duration.ofSeconds(8))
      .jitter(0).totalTimeout(Duration.ofMinutes(5)).perPollTimeout(Duration.ofSeconds(20))
      .build();

  private final VirtualScheduler scheduler = new VirtualScheduler(clock);
  private final List<Instant> pollTimes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void client() {
    stubTokens("tok1");
    client = builder().scheduler(scheduler).pollOptions(OPTIONS).build();
    // the virtual time at which each poll reached the server
    api.addMockServiceRequestListener((request, response) -> {
      if (request.getUrl().startsWith("/itcare/actions/")) {
        pollTimes.add(clock.instant());
      }
    });
  }

  private static String tracking(String status) {
    return "{\"id\":" + ACTION + ",\"status\":\"" + status + "\",\"message\":\"Stop submitted\"}";
  }

  private static String action(String status, String message) {
    return "{\"id\":" + ACTION + ",\"status\":\"" + status + "\",\"message\":\"" + message + "\","
        + "\"process\":\"STOP_INSTANCE\",\"resourceName\":\"pdebwebsrv01\","
        + "\"submittedAt\":\"2024-06-12T09:15:02.000+0200\",\"completedAt\":null}";
  }

  private static ResponseDefinitionBuilder accepted(String body) {
    return aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody(body);
  }

  private void stubStopAccepted(String trackingStatus) {
    api.stubFor(patch(urlPathEqualTo(INSTANCE_PATH)).willReturn(accepted(tracking(trackingStatus))));
  }

  /** GET /actions/{id} answers the given responses in turn; the last one repeats. */
  @SafeVarargs
  private void stubActionSequence(Supplier<ResponseDefinitionBuilder>... responses) {
    for (int i = 0; i < responses.length; i++) {
      ScenarioMappingBuilder m = get(urlPathEqualTo(ACTION_PATH)).inScenario("action")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll-" + i)
          .willReturn(responses[i].get());
      if (i + 1 < responses.length) {
        m = m.willSetStateTo("poll-" + (i + 1));
      }
      api.stubFor(m);
    }
  }

  private static Supplier<ResponseDefinitionBuilder> status(String status) {
    return () -> okJson(action(status, status.equals("SUCCESS") ? "Instance stopped" : "Working"));
  }

  private List<LoggedRequest> polls() {
    return api.findAll(getRequestedFor(urlPathMatching("/itcare/actions/.*")));
  }

  private static Throwable failure(CompletableFuture<?> future) {
    assertThat(future).isCompletedExceptionally();
    try {
      future.get(0, TimeUnit.SECONDS);
      throw new AssertionError("not failed");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private Instant at(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  @Test
  void inProgressThreeTimesThenSuccessMakesExactlyFourPolls() {
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(status("IN_PROGRESS"), status("IN_PROGRESS"), status("IN_PROGRESS"),
        status("SUCCESS"));

    AsyncOperation<Action> op = client.instances().beginPatch(1204571L, op(InstanceOperation.STOP));
    assertThat(op.tracked()).isTrue();
    assertThat(op.operationId()).isEqualTo(String.valueOf(ACTION));
    CompletableFuture<OperationResult<Action>> future = op.toFuture();
    assertThat(polls()).isEmpty(); // the first poll waits for the initial interval

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(future).isDone();
    OperationResult<Action> result = future.join();
    assertThat(result.tracked()).isTrue();
    assertThat(result.operationId()).isEqualTo("987654");
    assertThat(result.value().getStatus()).isEqualTo(ActionStatus.SUCCESS);
    assertThat(result.value().getMessage()).isEqualTo("Instance stopped");
    assertThat(polls()).hasSize(4); // N = 3 IN_PROGRESS polls + 1 SUCCESS poll
    assertThat(op.poller().orElseThrow().pollCount()).isEqualTo(4);
    assertThat(pollTimes).containsExactly(at(1), at(3), at(7), at(15)); // 1, 2, 4, 8 s apart
    assertThat(polls()).allSatisfy(r -> assertThat(r.getHeader("Authorization"))
        .isEqualTo("Bearer tok1"));

    scheduler.advance(Duration.ofHours(1));
    assertThat(polls()).hasSize(4); // memoised: no poll after the end
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void errorStatusFailsWithTheActionIdMessageAndLastAction() {
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(status("IN_PROGRESS"),
        () -> okJson(action("ERROR", "Instance pdebwebsrv01 could not be stopped")));

    CompletableFuture<OperationResult<Action>> future =
        client.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).toFuture();
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(failure(future)).isInstanceOfSatisfying(ActionFailedException.class, e -> {
      assertThat(e.api()).isEqualTo("ITCare");
      assertThat(e.operation()).isEqualTo("patchInstance");
      assertThat(e.operationId()).isEqualTo("987654");
      assertThat(e.rawStatus()).isEqualTo("ERROR");
      assertThat(e.serviceMessage()).isEqualTo("Instance pdebwebsrv01 could not be stopped");
      assertThat(e.lastValue(Action.class).getProcess()).isEqualTo("STOP_INSTANCE");
      assertThat(e.getMessage()).contains("987654", "ERROR", "could not be stopped");
    });
    assertThat(polls()).hasSize(2);
  }

  @Test
  void totalTimeoutCarriesTheLastStatus() {
    client.close();
    client = builder().scheduler(scheduler)
        .pollOptions(OPTIONS.toBuilder().totalTimeout(Duration.ofSeconds(30)).build()).build();
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(status("IN_PROGRESS"));

    CompletableFuture<OperationResult<Action>> future =
        client.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).toFuture();
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(failure(future)).isInstanceOfSatisfying(PollTimeoutException.class, e -> {
      assertThat(e.operationId()).isEqualTo("987654");
      assertThat(e.lastStatus()).isEqualTo(PollStatus.IN_PROGRESS);
      assertThat(e.lastRawStatus()).isEqualTo("IN_PROGRESS");
      assertThat(e.lastValue(Action.class).getId()).isEqualTo(ACTION);
      assertThat(e.pollCount()).isEqualTo(polls().size());
      assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(30));
    });
    // 1, 3, 7, 15, 23 and the last poll at the deadline (30 s)
    assertThat(pollTimes).containsExactly(at(1), at(3), at(7), at(15), at(23), at(30));
  }

  @Test
  void retryAfterOnTheActionReplacesTheInterval() {
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(
        () -> okJson(action("IN_PROGRESS", "Working")).withHeader("Retry-After", "20"),
        status("SUCCESS"));

    CompletableFuture<OperationResult<Action>> future =
        client.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).toFuture();
    scheduler.advance(Duration.ofSeconds(20));
    assertThat(polls()).hasSize(1); // not at 1 + 2 = 3 s
    scheduler.advance(Duration.ofSeconds(2));

    assertThat(future.join().value().getStatus()).isEqualTo(ActionStatus.SUCCESS);
    assertThat(pollTimes).containsExactly(at(1), at(21));
  }

  @Test
  void cancelStopsPollingButNotTheServerAction() {
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(status("IN_PROGRESS"));

    AsyncOperation<Action> op = client.instances().beginPatch(1204571L, op(InstanceOperation.STOP));
    CompletableFuture<OperationResult<Action>> future = op.toFuture();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(polls()).hasSize(1);

    assertThat(op.cancel()).isTrue();
    scheduler.advance(Duration.ofHours(1));

    assertThat(polls()).hasSize(1);
    assertThat(op.poller().orElseThrow().toFuture()).isCancelled();
    assertThat(future).isCompletedExceptionally();
    assertThat(api.findAll(deleteRequestedFor(urlPathMatching(".*")))).isEmpty();
  }

  @Test
  void emptyAcceptedBodyIsAnUntrackedAcceptanceNotACrash() {
    api.stubFor(patch(urlPathEqualTo(INSTANCE_PATH)).willReturn(aResponse().withStatus(202)));

    AsyncOperation<Action> op = client.instances().beginPatch(1204571L, op(InstanceOperation.STOP));

    assertThat(op.tracked()).isFalse();
    assertThat(op.dryRun()).isFalse();
    OperationResult<Action> result = op.waitForCompletion(); // returns at once
    assertThat(result.tracked()).isFalse();
    assertThat(result.value()).isNull();
    scheduler.advance(Duration.ofHours(1));
    assertThat(polls()).isEmpty();
  }

  @Test
  void acceptedBodyWithoutIdIsUntrackedAndKeepsTheMessage() {
    api.stubFor(patch(urlPathEqualTo(INSTANCE_PATH))
        .willReturn(accepted("{\"status\":\"IN_PROGRESS\",\"message\":\"Queued\"}")));

    OperationResult<Action> result = client.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).waitForCompletion();

    assertThat(result.tracked()).isFalse();
    assertThat(result.value().getMessage()).isEqualTo("Queued");
    assertThat(polls()).isEmpty();
  }

  @Test
  void terminalStatusInTheAcceptedBodyNeedsNoPoll() {
    stubStopAccepted("SUCCESS");

    CompletableFuture<OperationResult<Action>> future =
        client.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).toFuture();
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(future.join().value().getStatus()).isEqualTo(ActionStatus.SUCCESS);
    assertThat(polls()).isEmpty();
  }

  @Test
  void unknownStatusKeepsPollingAndIsReportedWithItsLabel() {
    List<PollResponse<Action>> changes = new ArrayList<>();
    client.close();
    client = builder().scheduler(scheduler).pollOptions(OPTIONS)
        .progressListener((previous, current) -> changes.add(current)).build();
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(status("IN_PROGRESS"), status("WAITING_FOR_MAINTENANCE_WINDOW"),
        status("WAITING_FOR_MAINTENANCE_WINDOW"), status("SUCCESS"));

    CompletableFuture<OperationResult<Action>> future =
        client.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).toFuture();
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(future.join().value().getStatus()).isEqualTo(ActionStatus.SUCCESS);
    assertThat(polls()).hasSize(4);
    // one event per change; the initial IN_PROGRESS came from the 202 body
    assertThat(changes).extracting(PollResponse::status)
        .containsExactly(PollStatus.UNKNOWN, PollStatus.SUCCESS);
    assertThat(changes.get(0).rawStatus()).isEqualTo("WAITING_FOR_MAINTENANCE_WINDOW");
    assertThat(changes.get(0).value().getStatus()).hasToString("WAITING_FOR_MAINTENANCE_WINDOW");
  }

  @Test
  void unknownStatusUntilTheDeadlineIsReportedInTheTimeout() {
    client.close();
    client = builder().scheduler(scheduler)
        .pollOptions(OPTIONS.toBuilder().totalTimeout(Duration.ofSeconds(10)).build()).build();
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(status("ON_HOLD"));

    CompletableFuture<OperationResult<Action>> future =
        client.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).toFuture();
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(failure(future)).isInstanceOfSatisfying(PollTimeoutException.class, e -> {
      assertThat(e.lastStatus()).isEqualTo(PollStatus.UNKNOWN);
      assertThat(e.lastRawStatus()).isEqualTo("ON_HOLD");
      assertThat(e.getMessage()).contains("ON_HOLD");
    });
  }

  @Test
  void dryRunPerCallSendsTheHeaderDetectsTheEchoAndNeverPolls() {
    api.stubFor(post(urlPathEqualTo("/itcare/compute/instances"))
        .withHeader("ITCare-DryRun", equalTo("true"))
        .willReturn(accepted(tracking("IN_PROGRESS")).withHeader("ITCare-DryRun", "true")));

    AsyncOperation<Action> op = client.withOptions(ItCareClient.DRY_RUN)
        .instances().beginCreate(new CreateInstanceRequest().name("pdebwebsrv03").area("EB1")
            .resourceId("3021").serviceId(40213L));

    assertThat(op.dryRun()).isTrue();
    assertThat(op.dryRunEchoed()).isTrue();
    assertThat(op.tracked()).isFalse();
    OperationResult<Action> result = op.waitForCompletion();
    assertThat(result.dryRun()).isTrue();
    assertThat(result.dryRunEchoed()).isTrue();
    assertThat(result.value().getId()).isEqualTo(ACTION);
    scheduler.advance(Duration.ofHours(1));
    assertThat(polls()).isEmpty();
    assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/itcare/compute/instances"))))
        .hasSize(1);
    assertThat(client.dryRun()).isFalse(); // the view's option did not leak into the client
  }

  @Test
  void dryRunWithoutEchoIsReportedAsUnconfirmed() {
    api.stubFor(delete(urlPathEqualTo("/itcare/storage/overdrive/77"))
        .willReturn(accepted(tracking("IN_PROGRESS"))));
    client.close();
    client = builder().scheduler(scheduler).dryRun(true).build();

    OperationResult<Action> result = client.overdrive().beginDelete(77L).waitForCompletion();

    assertThat(result.dryRun()).isTrue();
    assertThat(result.dryRunEchoed()).isFalse();
    assertThat(api.findAll(deleteRequestedFor(urlPathEqualTo("/itcare/storage/overdrive/77")))
        .get(0).getHeader("ITCare-DryRun")).isEqualTo("true");
    scheduler.advance(Duration.ofHours(1));
    assertThat(polls()).isEmpty();
  }

  @Test
  void clientLevelDryRunMarksEveryMutatingRequestButNotReads() {
    client.close();
    client = builder().scheduler(scheduler).dryRun(true).build();
    api.stubFor(patch(urlPathEqualTo(INSTANCE_PATH)).willReturn(accepted(tracking("IN_PROGRESS"))));
    api.stubFor(get(urlPathEqualTo(INSTANCE_PATH)).willReturn(okJson("{\"id\":1204571}")));

    client.instances().beginPatch(1204571L, op(InstanceOperation.STOP));
    client.instances().get(1204571L);

    assertThat(api.findAll(patchRequestedFor(urlPathEqualTo(INSTANCE_PATH))).get(0)
        .getHeader("ITCare-DryRun")).isEqualTo("true");
    assertThat(api.findAll(getRequestedFor(urlPathEqualTo(INSTANCE_PATH))).get(0)
        .containsHeader("ITCare-DryRun")).isFalse();
    assertThat(client.dryRun()).isTrue();
    assertThat(tokenRequests().get(0).containsHeader("ITCare-DryRun")).isFalse();
  }

  @Test
  void rejectedOperationFailsTypedBeforeAnyPoll() {
    api.stubFor(post(urlPathEqualTo("/itcare/compute/instances")).willReturn(aResponse()
        .withStatus(422).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"UNPROCESSABLE_ENTITY\",\"errorCode\":\"INVALID_FIELD_VALUE\","
            + "\"errorDesc\":\"name\",\"errorMessage\":\"Error on field 'name'\"}")));

    assertThatThrownBy(() -> client.instances().beginCreate(new CreateInstanceRequest().name("")
        .resourceId("1").serviceId(2L)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.operation()).isEqualTo("createInstance");
          assertThat(e.errorCode()).isEqualTo("INVALID_FIELD_VALUE");
          assertThat(e.problems()).extracting(p -> p.field()).containsExactly("name");
          assertThat(e.getMessage())
              .isEqualTo("ITCare createInstance → 422 INVALID_FIELD_VALUE: Error on field 'name'");
        });
    assertThat(polls()).isEmpty();
  }

  @Test
  void everyBeginMethodSendsItsRequest() {
    api.stubFor(patch(urlPathMatching("/itcare/.*")).willReturn(accepted("")));
    api.stubFor(post(urlPathMatching("/itcare/.*")).willReturn(accepted("")));
    api.stubFor(delete(urlPathMatching("/itcare/.*")).willReturn(accepted("")));

    client.instances().beginPatch(5L, op(InstanceOperation.START));
    client.instances().beginPatch(5L, op(InstanceOperation.STOP));
    client.instances().beginPatch(5L, op(InstanceOperation.REBOOT));
    client.instances().beginDelete(5L, new DeleteInstanceRequest());
    client.instances().beginDelete(6L, new DeleteInstanceRequest().changeReference("RFC_123"));
    client.instances().beginCreateSnapshot(5L, new CreateSnapshotRequest().description("before-upgrade")
        .changeReference("RFC_123"));
    client.overdrive().beginCreate(new CreateOverdriveRequest().name("poverdrive01").region("EB")
        .sizing(OverdriveSizing.XS).serviceId(123L).password("Password!!??1")
        .driveSiteUri("demo.mydrive.cegedim.cloud"));
    client.overdrive().beginPatch(9L,
        new OverdriveOperationRequest().operation(OverdriveOperation.START));
    client.overdrive().beginPatch(9L,
        new OverdriveOperationRequest().operation(OverdriveOperation.STOP));
    client.overdrive().beginDelete(9L);

    List<LoggedRequest> patches = api.findAll(patchRequestedFor(urlPathMatching(".*")));
    assertThat(patches).extracting(r -> r.getUrl() + " " + r.getBodyAsString()).containsExactly(
        "/itcare/compute/instances/5 {\"operation\":\"start\"}",
        "/itcare/compute/instances/5 {\"operation\":\"stop\"}",
        "/itcare/compute/instances/5 {\"operation\":\"reboot\"}",
        "/itcare/storage/overdrive/9 {\"operation\":\"start\"}",
        "/itcare/storage/overdrive/9 {\"operation\":\"stop\"}");
    List<LoggedRequest> deletes = api.findAll(deleteRequestedFor(urlPathMatching(".*")));
    assertThat(deletes).extracting(r -> r.getUrl() + " " + r.getBodyAsString()).containsExactly(
        "/itcare/compute/instances/5 {}",
        "/itcare/compute/instances/6 {\"changeReference\":\"RFC_123\"}",
        "/itcare/storage/overdrive/9 ");
    List<LoggedRequest> posts = api.findAll(postRequestedFor(urlPathMatching(".*")));
    assertThat(posts).extracting(LoggedRequest::getUrl).containsExactly(
        "/itcare/compute/instances/5/snapshots", "/itcare/storage/overdrive");
    assertThat(posts.get(0).getBodyAsString())
        .isEqualTo("{\"description\":\"before-upgrade\",\"changeReference\":\"RFC_123\"}");
    assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/itcare/storage/overdrive")))
        .get(0)).satisfies(r -> assertThat(r.getBodyAsString()).contains("\"sizing\":\"XS\""));
    assertThat(patches).allSatisfy(r -> assertThat(r.containsHeader("ITCare-DryRun")).isFalse());
    assertThat(polls()).isEmpty(); // empty 202s: nothing to track
  }

  @Test
  void waitForCompletionOnTheDefaultSchedulerReturnsTheFinalAction() {
    client.close();
    // real time, but only milliseconds: the default shared poll scheduler
    client = builder().pollOptions(PollOptions.builder().initialInterval(Duration.ofMillis(5))
        .maxInterval(Duration.ofMillis(10)).totalTimeout(Duration.ofSeconds(20)).build()).build();
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(status("IN_PROGRESS"), status("SUCCESS"));

    OperationResult<Action> result = client.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).waitForCompletion();

    assertThat(result.value().getStatus()).isEqualTo(ActionStatus.SUCCESS);
    assertThat(polls()).hasSize(2);
  }

  @Test
  void pollRequestsCarryTheViewHeaders() {
    stubStopAccepted("IN_PROGRESS");
    stubActionSequence(status("SUCCESS"));
    ItCareClient traced = client.withOptions(dev.b2bsdk.core.http.CallOptions.builder()
        .header("X-Correlation-Id", "run-42").build());

    CompletableFuture<OperationResult<Action>> future =
        traced.instances().beginPatch(1204571L, op(InstanceOperation.STOP)).toFuture();
    scheduler.advance(Duration.ofSeconds(5));

    assertThat(future).isDone();
    assertThat(polls()).singleElement()
        .satisfies(r -> assertThat(r.getHeader("X-Correlation-Id")).isEqualTo("run-42"));
    assertThat(api.findAll(patchRequestedFor(urlPathEqualTo(INSTANCE_PATH))).get(0)
        .getBodyAsString()).isEqualTo("{\"operation\":\"stop\"}");
  }

  private static InstanceOperationRequest op(InstanceOperation operation) {
    return new InstanceOperationRequest().operation(operation);
  }
}
