package dev.b2bsdk.bench;

import com.google.gson.Gson;
import dev.b2bsdk.carecloud.CareCloudEnterpriseClient;
import dev.b2bsdk.core.http.RetryOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.b2bsdk.generated.carecloud.invoker.JSON;
import dev.b2bsdk.generated.carecloud.model.GetCustomerResponse;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The SDK's asynchronous path under load, in its own JVM, against one loopback server (prints
 * {@code RESULT {json}}):
 * <ul>
 *   <li><b>asyncThroughputRatio</b>: 2,000 {@code getAsync} calls, the server answering each
 *       after 20 ms; the facade at its default 64 concurrent requests vs raw OkHttp at 64 per
 *       host (+ Gson into the same generated model), alternately in 5 pairs (raw, facade, ...):
 *       the median of raw time ÷ facade time.</li>
 *   <li><b>throttledIsolationMs</b>: 50 async calls answered once with 429 {@code Retry-After: 1}
 *       are waiting; meanwhile 200 healthy calls on the same client run one after another:
 *       their p99 latency.</li>
 *   <li><b>outageAmplification</b>: 1,000 calls to an always-503 server (retry waits shortened
 *       to 1 ms so that the run is short; the quota is what is measured): server attempts ÷
 *       calls over calls 101 to 1,000, with the default retry quota and, side by side, without
 *       one (what main did).</li>
 * </ul>
 */
public final class AsyncLoadMain {

  private static final ZoneId ZONE = ZoneId.of("Europe/Prague");
  private static final String PROJECT = "webservice/rest-api";
  private static final String PREFIX = "/webservice/rest-api/enterprise-interface/v1.0/";
  private static final int CALLS = 2000;
  private static final int PAIRS = 5;
  /** Raw OkHttp + Gson, as the other raw baselines: the generated models and Gson. */
  private static final com.google.gson.Gson GSON = JSON.createGson().create();

  private AsyncLoadMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    AtomicInteger outageAttempts = new AtomicInteger();
    Set<String> throttledOnce = ConcurrentHashMap.newKeySet();
    LoopbackServer.Reply login = LoopbackServer.Reply.json(200, "{\"data\":{\"bearer_token\":\""
        + "bench-token\",\"valid_to\":\"" + LocalDateTime.now(ZONE).plusHours(7)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "\"}}");
    LoopbackServer.Reply customer = LoopbackServer.Reply.json(200, Fixtures.customerResponse());
    LoopbackServer.Reply throttled = LoopbackServer.Reply.of(429, "application/json",
        "{}".getBytes(StandardCharsets.UTF_8), "Retry-After: 1\r\n");
    LoopbackServer.Reply unavailable = LoopbackServer.Reply.json(503, "{}");
    try (LoopbackServer server = LoopbackServer.start(request -> {
      if (request.method.equals("POST")) {
        return login;
      }
      String id = request.path.substring(request.path.lastIndexOf('/') + 1);
      if (id.startsWith("slow")) {
        try {
          Thread.sleep(20); // the server's latency
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return customer;
      }
      if (id.startsWith("throttled")) {
        return throttledOnce.add(id) ? throttled : customer;
      }
      if (id.startsWith("down")) {
        outageAttempts.incrementAndGet();
        return unavailable;
      }
      return customer;
    })) {
      String rawUrl = server.url(PREFIX.substring(1) + "customers/slow");
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequestsPerHost(64);
      OkHttpClient raw = new OkHttpClient.Builder().dispatcher(dispatcher).build();
      try (CareCloudEnterpriseClient facade = client(server, RetryOptions.defaults())) {
        // throughput, alternating sides after a warm-up of each
        rawRun(raw, rawUrl, 200);
        facadeRun(facade, 200);
        List<Double> ratios = new ArrayList<>();
        List<Long> rawMs = new ArrayList<>();
        List<Long> facadeMs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
          long r = rawRun(raw, rawUrl, CALLS);
          long f = facadeRun(facade, CALLS);
          rawMs.add(r / 1_000_000);
          facadeMs.add(f / 1_000_000);
          ratios.add((double) r / f);
        }
        double[] sorted = ratios.stream().mapToDouble(d -> d).sorted().toArray();
        // the median pair: one pair disturbed by the other processes of a loaded machine
        // (a GC, a compile) moves a mean far more than it moves the median
        out.put("asyncThroughputRatio", round3(sorted[sorted.length / 2]));
        out.put("asyncThroughputRatioMean", round3(ratios.stream().mapToDouble(d -> d).average().orElse(0)));
        out.put("asyncThroughputRatios", ratios);
        out.put("asyncThroughputRawMs", rawMs);
        out.put("asyncThroughputFacadeMs", facadeMs);

        // isolation: 50 throttled calls waiting on the same client, healthy calls meanwhile
        List<CompletableFuture<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          waiting.add(facade.customers().getAsync("throttled" + i));
        }
        long[] latencies = new long[200];
        long started = System.nanoTime();
        for (int i = 0; i < latencies.length; i++) {
          long t0 = System.nanoTime();
          facade.customers().getAsync("healthy" + i).get(30, TimeUnit.SECONDS);
          latencies[i] = System.nanoTime() - t0;
        }
        long healthyWindow = System.nanoTime() - started;
        int stillThrottled = (int) waiting.stream().filter(f -> !f.isDone()).count();
        CompletableFuture.allOf(waiting.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
        Arrays.sort(latencies);
        out.put("throttledIsolationMs", round3(latencies[(int) Math.ceil(0.99 * latencies.length) - 1] / 1e6));
        out.put("throttledIsolationMedianMs", round3(latencies[latencies.length / 2] / 1e6));
        out.put("throttledIsolationMaxMs", round3(latencies[latencies.length - 1] / 1e6));
        out.put("throttledStillWaitingAfterHealthyCalls", stillThrottled);
        out.put("healthyCallsWindowMs", round3(healthyWindow / 1e6));
      }

      // outage: with the default quota, and without one
      RetryOptions fast = RetryOptions.builder().baseDelay(Duration.ofMillis(1))
          .maxDelay(Duration.ofMillis(1)).build();
      out.put("outageAmplification", outage(server, fast, outageAttempts));
      out.put("outageAmplificationWithoutQuota",
          outage(server, fast.toBuilder().retryQuota(0).build(), outageAttempts));
      raw.dispatcher().executorService().shutdown();
      raw.connectionPool().evictAll();
    }
    out.put("completed", true);
    System.out.println("RESULT " + new Gson().toJson(out));
    System.exit(0);
  }

  private static CareCloudEnterpriseClient client(LoopbackServer server, RetryOptions retry) {
    return CareCloudEnterpriseClient.builder()
        .baseUrl(server.url(PROJECT))
        .externalApplicationId("82de12eb8b138791e678fd11c3")
        .login("bench").password("not-a-secret")
        .projectZone(ZONE)
        .retry(retry)
        .build();
  }

  private static double outage(LoopbackServer server, RetryOptions retry, AtomicInteger attempts)
      throws Exception {
    try (CareCloudEnterpriseClient c = client(server, retry)) {
      int before = 0;
      for (int i = 0; i < 1000; i++) {
        if (i == 100) {
          before = attempts.get();
        }
        try {
          c.customers().getAsync("down" + i).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
          // ServerException after the retries the quota allowed
        }
      }
      int total = attempts.getAndSet(0);
      return round3((total - before) / 900.0);
    }
  }

  private static long facadeRun(CareCloudEnterpriseClient facade, int calls) throws Exception {
    long t0 = System.nanoTime();
    CompletableFuture<?>[] all = new CompletableFuture<?>[calls];
    for (int i = 0; i < calls; i++) {
      all[i] = facade.customers().getAsync("slow" + i);
    }
    CompletableFuture.allOf(all).get(5, TimeUnit.MINUTES);
    return System.nanoTime() - t0;
  }

  private static long rawRun(OkHttpClient raw, String url, int calls) throws Exception {
    CountDownLatch done = new CountDownLatch(calls);
    AtomicInteger failures = new AtomicInteger();
    long t0 = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      raw.newCall(new Request.Builder().url(url + i).header("Authorization", "Bearer bench-token")
          .build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
              failures.incrementAndGet();
              done.countDown();
            }

            @Override
            public void onResponse(Call call, Response response) throws IOException {
              try (response) {
                GSON.fromJson(response.body().charStream(), GetCustomerResponse.class).getData();
              }
              done.countDown();
            }
          });
    }
    done.await(5, TimeUnit.MINUTES);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " raw calls failed");
    }
    return System.nanoTime() - t0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
