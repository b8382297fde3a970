package dev.b2bsdk.bench;

import com.google.gson.Gson;
import com.sun.management.OperatingSystemMXBean;
import dev.b2bsdk.core.polling.AsyncOperation;
import dev.b2bsdk.core.polling.OperationResult;
import dev.b2bsdk.core.polling.Poller;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.ActionStatus;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.itcare.ItCareClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CPU used while the SDK waits for an ITCare action that runs 10 s: {@link ItCareClient}
 * starts an instance ({@code PATCH /compute/instances/{id}} → 202 with the action), and
 * {@link AsyncOperation#waitForCompletion()} polls {@code GET /actions/{id}} over loopback on
 * the pollers' real default scheduler with the SDK's default schedule (first poll after 1 s,
 * ×1.5 per poll, ±20 % jitter), each poll through the client's whole call path. Prints one
 * JSON line.
 *
 * <p>{@code cpuPercent}: the whole process's CPU time during the wait ÷ the wait, in % of one
 * core, with nothing subtracted: an upper bound that also counts what the JVM does meanwhile
 * (GC, JIT, timers) and the loopback server's threads. {@code netCpuPercent} subtracts the idle
 * rate measured just before ({@code idleCpuPercent}); it is reported but not used, because that
 * baseline is noisy at this scale (a late JIT compilation during the idle window can exceed the
 * whole wait's cost and drive the difference to zero). {@code pollerThreadCpuMs} is the CPU of
 * the poller's own threads alone. The poll path is warmed up first (and left to settle for 2 s)
 * so that one-off class loading and compilation are not counted as waiting cost. Run by
 * {@link BenchMain} in its own JVM.
 */
public final class PollingCpuMain {

  static final long INSTANCE_ID = 77;
  static final long ACTION_ID = 4242;
  static final Duration ACTION_RUNS = Duration.ofSeconds(10);

  private static volatile long actionDoneAtNanos = Long.MAX_VALUE;

  private PollingCpuMain() {}

  public static void main(String[] args) throws Exception {
    Duration idle = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
    LoopbackServer.Reply token = LoopbackServer.Reply.json(200, "{\"access_token\":\""
        + CareCloudFixture.TOKEN + "\",\"expires_in\":1200,\"refresh_expires_in\":1800,"
        + "\"refresh_token\":\"bench-refresh\",\"token_type\":\"Bearer\"}");
    LoopbackServer.Reply accepted = LoopbackServer.Reply.json(202,
        "{\"id\":" + ACTION_ID + ",\"status\":\"IN_PROGRESS\",\"message\":\"Starting instance\"}");
    LoopbackServer.Reply running = LoopbackServer.Reply.json(200, Fixtures.action(ACTION_ID, "IN_PROGRESS"));
    LoopbackServer.Reply done = LoopbackServer.Reply.json(200, Fixtures.action(ACTION_ID, "SUCCESS"));
    LoopbackServer.Reply unauthorized = LoopbackServer.Reply.empty(401);
    LoopbackServer.Reply notFound = LoopbackServer.Reply.empty(404);
    String bearer = "Bearer " + CareCloudFixture.TOKEN;
    AtomicInteger polls = new AtomicInteger();
    Map<String, Object> out = new LinkedHashMap<>();
    try (LoopbackServer server = LoopbackServer.start(request -> {
          if (request.path.equals("/auth/token")) {
            return token;
          }
          if (!bearer.equals(request.authorization)) {
            return unauthorized;
          }
          if (request.path.equals("/itcare/compute/instances/" + INSTANCE_ID)) {
            return accepted;
          }
          if (request.path.equals("/itcare/actions/" + ACTION_ID)) {
            polls.incrementAndGet();
            return System.nanoTime() >= actionDoneAtNanos ? done : running;
          }
          return notFound;
        });
        ItCareClient itcare = ItCareClient.builder()
            .baseUrl(server.url("itcare"))
            .tokenUrl(server.url("auth/token"))
            .clientId("bench")
            .clientSecret("not-a-secret")
            .build()) {

      // warm the exact poll path (class loading, first JIT) outside the measurement
      AsyncOperation<Action> warmUp = itcare.instances().beginPatch(INSTANCE_ID,
          new InstanceOperationRequest().operation(InstanceOperation.START));
      Poller<Action> warmPoller = warmUp.poller().orElseThrow();
      for (int i = 0; i < 300; i++) {
        warmPoller.poll();
      }
      warmUp.cancel();
      // let the JIT finish compiling what the warm-up queued, so the baseline is really idle
      Thread.sleep(2_000);

      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      // idle baseline: what this JVM burns doing nothing (GC, JIT, timers)
      long idleCpu0 = os.getProcessCpuTime();
      long idle0 = System.nanoTime();
      Thread.sleep(idle.toMillis());
      double idleRate = (os.getProcessCpuTime() - idleCpu0) / (double) (System.nanoTime() - idle0);

      polls.set(0);
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      actionDoneAtNanos = wall0 + ACTION_RUNS.toNanos();
      AsyncOperation<Action> operation = itcare.instances().beginPatch(INSTANCE_ID,
          new InstanceOperationRequest().operation(InstanceOperation.START));
      OperationResult<Action> result = operation.waitForCompletion();
      long wall = System.nanoTime() - wall0;
      long cpu = os.getProcessCpuTime() - cpu0;
      CareCloudFixture.check(result.value() != null
          && result.value().getStatus() == ActionStatus.SUCCESS, "action did not succeed");

      long pollerThreadCpu = 0;
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith("b2bsdk-poller-")) {
          pollerThreadCpu += Math.max(0, threads.getThreadCpuTime(t.getId()));
        }
      }
      double net = Math.max(0, cpu - idleRate * wall);
      out.put("cpuPercent", round3(100.0 * cpu / wall));
      out.put("netCpuPercent", round3(100.0 * net / wall));
      out.put("idleCpuPercent", round3(100.0 * idleRate));
      out.put("pollerThreadCpuMs", round3(pollerThreadCpu / 1e6));
      out.put("pollerThreadCpuPercent", round3(100.0 * pollerThreadCpu / wall));
      out.put("waitSeconds", round3(wall / 1e9));
      out.put("polls", polls.get());
      out.put("actionSeconds", ACTION_RUNS.toSeconds());
      out.put("schedule", "SDK defaults: first poll after 1 s, x1.5, max 30 s, jitter 20 %");
    }
    System.out.println("RESULT " + new Gson().toJson(out));
  }

  static double round3(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
