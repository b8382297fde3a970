package dev.b2bsdk.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import dev.b2bsdk.internal.AccessToken;
import dev.b2bsdk.internal.TokenCache;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs every benchmark of this module and reports the metrics: prints a table and
 * writes {@code results.json}.
 *
 * <p><b>Side by side.</b> The sides of each ratio are measured in the same JMH benchmark, call
 * after call in rotating order ({@link HttpBenchmarks}, {@link PagingBenchmarks}): every
 * measured iteration gives one ratio, and a ratio is the mean of those, with its 99.9 %
 * confidence half-width. All JMH benchmarks run in one {@link Runner} pass (one fork each); the
 * full run repeats the pass ({@code rounds}: a new JVM, new JIT decisions) and keeps the
 * per-round ratios. Heap and CPU are measured in separate JVMs ({@link PagingHeapMain} with
 * {@code -Xmx64m}, {@link PollingCpuMain}).
 *
 * <p>Usage: {@code java -jar benchmarks.jar [--quick] [--out results.json] [--rounds n]}.
 */
public final class BenchMain {

  private static final String HTTP = HttpBenchmarks.class.getName() + ".";
  private static final String TOKEN = TokenBenchmark.class.getName() + ".";
  private static final String PAGING = PagingBenchmarks.class.getName() + ".";
  private static final String LAYERS = LayersBenchmark.class.getName() + ".";

  private final boolean quick;
  private final Path out;
  private final int rounds;
  private final Path logDir;
  /**
   * Per-iteration values of every round, by series name ("smallGet.facadeUs",
   * "smallGet.ratioRaw", "tokenFastPath.ns", ...), and the same per round.
   */
  private final Map<String, ListStatistics> series = new TreeMap<>();
  private final List<Map<String, ListStatistics>> perRound = new ArrayList<>();

  private BenchMain(boolean quick, Path out, int rounds) {
    this.quick = quick;
    this.out = out;
    this.rounds = rounds;
    this.logDir = out.toAbsolutePath().getParent();
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Path out = Paths.get("target", "bench", "results.json");
    Integer rounds = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick": quick = true; break;
        case "--out": out = Paths.get(args[++i]); break;
        case "--rounds": rounds = Integer.parseInt(args[++i]); break;
        default:
          System.err.println("usage: BenchMain [--quick] [--out results.json] [--rounds n]");
          System.exit(2);
      }
    }
    new BenchMain(quick, out, rounds != null ? rounds : quick ? 1 : 4).run();
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(logDir);
    log("benchmarks: " + (quick ? "quick" : "full") + " run, " + rounds + " round(s), logs in "
        + logDir);
    double loadStart = loadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    if (loadStart > cores * 0.5) {
      log(String.format(Locale.ROOT, "WARNING: load average %.1f on %d cores: other processes "
          + "compete for the CPU, expect wide error bars", loadStart, cores));
    }

    Map<String, Object> lockCheck = tokenLockCheck();
    log("token fast path lock check: " + lockCheck);

    for (int r = 1; r <= rounds; r++) {
      log("JMH round " + r + "/" + rounds + " (HTTP, token, paging benchmarks; one fork each)");
      runJmhRound(r);
    }

    log("paging 1,000,000 items in a -Xmx64m JVM");
    Map<String, Object> heap = runMain(PagingHeapMain.class, List.of("-Xmx64m"), List.of(),
        "paging-heap.log", 15);
    log("polling: a poller waiting 10 s for an action");
    Map<String, Object> polling = runMain(PollingCpuMain.class, List.of("-Xmx256m"),
        List.of(quick ? "3" : "5"), "polling-cpu.log", 5);

    log("async under load: throughput, throttled isolation, outage amplification");
    double loadBeforeAsync = loadAverage();
    Map<String, Object> async = runMain(AsyncLoadMain.class, List.of("-Xmx512m"), List.of(),
        "async-load.log", 5);
    async.put("loadAverage1m", round(loadBeforeAsync, 2));

    Report report = new Report();
    Ratio smallGet = ratio("smallGet", "ratioRaw", "facadeUs", "rawUs");
    Ratio page100 = ratio("page100", "ratioRaw", "facadeUs", "rawUs");
    Ratio stock = ratio("smallGet", "ratioStock", "facadeUs", "stockUs");
    Ratio stockPage = ratio("page100", "ratioStock", "facadeUs", "stockUs");
    Ratio paging = ratio("pagingLoopback", "ratio", "helperItemsPerS", "rawItemsPerS");
    Ratio pagingMem = ratio("pagingInMemory", "ratio", "helperItemsPerS", "rawItemsPerS");
    ListStatistics token = series.get("tokenFastPath.ns");
    ListStatistics floor = series.get("floor_volatileReadAndClock.ns");

    boolean tokenNoLock = Boolean.TRUE.equals(lockCheck.get("noBlockNoPark"));
    double heapMb = number(heap, "peakHeapMb");
    double retainedPages = number(heap, "retainedPages");
    boolean heapOk = Boolean.TRUE.equals(heap.get("completed")) && retainedPages <= 2.0;
    double cpu = number(polling, "cpuPercent");

    report.row("overheadRatioSmallGet", smallGet.value, "≤ 1.05", smallGet.value <= 1.05,
        smallGet.describe("facade", "raw", "µs"));
    report.row("overheadRatioPage100", page100.value, "≤ 1.05", page100.value <= 1.05,
        page100.describe("facade", "raw", "µs"));
    report.row("stockClientRatio", stock.value, "≤ 1.00", stock.value <= 1.0,
        stock.describe("facade", "stock", "µs") + String.format(Locale.ROOT,
            "; page100: %.3f ± %.3f", stockPage.value, stockPage.error));
    report.row("tokenFastPathNs", token.getMean(), "≤ 100 ns, no lock",
        token.getMean() <= 100 && tokenNoLock,
        String.format(Locale.ROOT, "±%.1f, 2 threads; floor %.1f ns; blocked/parked %s "
                + "(control with a lock: %s), %s B/op", err(token), floor.getMean(),
            lockCheck.get("blockedOrParked"), lockCheck.get("controlSynchronizedBlockedOrParked"),
            lockCheck.get("allocatedBytesPerOp")));
    report.row("pagingMillionItemsHeapMb", heapMb, "completes, ≤ 2 pages retained", heapOk,
        String.format(Locale.ROOT, "-Xmx64m; retained %s MB = %s pages of %s MB; %s s",
            heap.get("retainedMb"), heap.get("retainedPages"), heap.get("pageMb"),
            heap.get("walkSeconds")));
    report.row("pagingThroughputRatio", paging.value, "≥ 0.90", paging.value >= 0.9,
        paging.describe("helper", "raw loop", "items/s") + String.format(Locale.ROOT,
            "; in-memory: %.3f ± %.3f", pagingMem.value, pagingMem.error));
    report.row("pollingCpuPercent", cpu, "≤ 1 %", cpu <= 1.0,
        String.format(Locale.ROOT, "%s polls in %s s; poller threads %s ms; net of idle %s %%",
            polling.get("polls"), polling.get("waitSeconds"), polling.get("pollerThreadCpuMs"),
            polling.get("netCpuPercent")));

    double asyncRatio = number(async, "asyncThroughputRatio");
    double isolation = number(async, "throttledIsolationMs");
    double amplification = number(async, "outageAmplification");
    report.row("asyncThroughputRatio", asyncRatio, "≥ 0.95", asyncRatio >= 0.95,
        String.format(Locale.ROOT, "2,000 calls at 20 ms, 64 concurrent: raw %s ms vs facade %s ms"
            + " (alternating); load %s", async.get("asyncThroughputRawMs"),
            async.get("asyncThroughputFacadeMs"), async.get("loadAverage1m")));
    report.row("throttledIsolationMs", isolation, "≤ 50", isolation <= 50,
        String.format(Locale.ROOT, "p99 of 200 healthy calls while 50 wait on Retry-After: 1;"
            + " median %s ms, max %s ms, %s still throttled after them",
            async.get("throttledIsolationMedianMs"), async.get("throttledIsolationMaxMs"),
            async.get("throttledStillWaitingAfterHealthyCalls")));
    report.row("outageAmplification", amplification, "≤ 1.10", amplification <= 1.1,
        String.format(Locale.ROOT, "attempts ÷ calls 101-1,000 against always-503; without the"
            + " quota: %s", async.get("outageAmplificationWithoutQuota")));

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("overheadRatioSmallGet", round(smallGet.value, 4));
    json.put("overheadRatioPage100", round(page100.value, 4));
    json.put("stockClientRatio", round(stock.value, 4));
    json.put("tokenFastPathNs", round(token.getMean(), 2));
    json.put("pagingMillionItemsHeapMb", heapMb);
    json.put("pagingThroughputRatio", round(paging.value, 4));
    json.put("pollingCpuPercent", cpu);
    json.put("asyncThroughputRatio", asyncRatio);
    json.put("throttledIsolationMs", isolation);
    json.put("outageAmplification", amplification);
    json.put("quick", quick);
    json.put("pass", report.passes);
    json.put("targets", report.targets);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("smallGet", smallGet.toJson());
    details.put("page100", page100.toJson());
    details.put("stockSmallGet", stock.toJson());
    details.put("stockPage100", stockPage.toJson());
    details.put("pagingLoopback", paging.toJson());
    details.put("pagingInMemory", pagingMem.toJson());
    Map<String, Object> tokenJson = new LinkedHashMap<>();
    tokenJson.put("ns", round(token.getMean(), 2));
    tokenJson.put("error", round(err(token), 2));
    tokenJson.put("floorNs", round(floor.getMean(), 2));
    tokenJson.put("floorError", round(err(floor), 2));
    tokenJson.put("threads", 2);
    tokenJson.put("lockCheck", lockCheck);
    details.put("token", tokenJson);
    details.put("smallGetLayers", layers());
    details.put("pagingHeap", heap);
    details.put("polling", polling);
    details.put("asyncLoad", async);
    Map<String, Object> all = new TreeMap<>();
    series.forEach((name, st) -> all.put(name, stats(st)));
    details.put("series", all);
    json.put("details", details);
    Map<String, Object> machine = machine();
    machine.put("loadAverage1mAtStart", round(loadStart, 2));
    machine.put("loadAverage1mAtEnd", round(loadAverage(), 2));
    json.put("machine", machine);
    json.put("settings", settings());
    json.put("finishedAt", Instant.now().toString());
    json.put("durationSeconds", Math.round((System.nanoTime() - started) / 1e9));

    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
        .create().toJson(json) + "\n");
    System.out.println();
    System.out.println(report.table());
    System.out.println();
    System.out.println(layersTable());
    System.out.println();
    System.out.printf(Locale.ROOT, "%s; %s%n", machineLine(), quick ? "QUICK run" : "full run");
    System.out.println("results: " + out.toAbsolutePath() + " (" + json.get("durationSeconds")
        + " s)");
  }

  // ---------------------------------------------------------------- JMH

  private void runJmhRound(int roundNo) throws Exception {
    int wi = quick ? 2 : 3;
    int mi = quick ? 5 : 8;
    TimeValue time = TimeValue.seconds(quick ? 1 : 2);
    ChainedOptionsBuilder b = new OptionsBuilder()
        .include("^(" + quote(HTTP) + "|" + quote(TOKEN) + "|" + quote(PAGING) + "|"
            + quote(LAYERS) + ")")
        .forks(1)
        .warmupIterations(wi).warmupTime(time)
        .measurementIterations(mi).measurementTime(time)
        .jvmArgsAppend("-Xms512m", "-Xmx512m")
        .shouldFailOnError(true)
        .output(logDir.resolve("jmh-round" + roundNo + ".log").toString())
        .resultFormat(ResultFormatType.JSON)
        .result(logDir.resolve("jmh-round" + roundNo + ".json").toString());
    Collection<RunResult> results = new Runner(b.build()).run();
    Map<String, ListStatistics> round = new TreeMap<>();
    for (RunResult rr : results) {
      String name = rr.getParams().getBenchmark();
      String method = name.substring(name.lastIndexOf('.') + 1);
      for (BenchmarkResult br : rr.getBenchmarkResults()) {
        for (IterationResult ir : br.getIterationResults()) {
          Map<String, Double> v = new TreeMap<>();
          ir.getSecondaryResults().forEach((k, r) -> v.put(k, r.getScore()));
          if (name.startsWith(HTTP)) {
            double calls = v.get("calls");
            double facade = v.get("facadeNs") / calls / 1e3;
            double raw = v.get("rawNs") / calls / 1e3;
            double stock = v.get("stockNs") / calls / 1e3;
            add(round, method + ".facadeUs", facade);
            add(round, method + ".rawUs", raw);
            add(round, method + ".stockUs", stock);
            add(round, method + ".ratioRaw", facade / raw);
            add(round, method + ".ratioStock", facade / stock);
          } else if (name.startsWith(LAYERS)) {
            double calls = v.get("calls");
            double raw = v.get("rawNs") / calls / 1e3;
            for (String layer : LayersBenchmark.LAYERS) {
              double us = v.get(layer + "Ns") / calls / 1e3;
              add(round, "layers." + layer + "Us", us);
              add(round, "layers." + layer + "PerRaw", us / raw);
            }
          } else if (name.startsWith(PAGING)) {
            double walks = v.get("walks");
            double helper = PagingBenchmarks.ITEMS * walks / (v.get("helperNs") / 1e9);
            double raw = PagingBenchmarks.ITEMS * walks / (v.get("rawNs") / 1e9);
            add(round, method + ".helperItemsPerS", helper);
            add(round, method + ".rawItemsPerS", raw);
            add(round, method + ".ratio", helper / raw);
          } else {
            add(round, method + ".ns", ir.getPrimaryResult().getScore());
          }
        }
      }
    }
    round.forEach((k, st) -> {
      log(String.format(Locale.ROOT, "  %-34s %14s ± %s", k, fmt(st.getMean()), fmt(err(st))));
      for (double d : values(st)) {
        add(series, k, d);
      }
    });
    perRound.add(round);
  }

  private static void add(Map<String, ListStatistics> m, String key, double value) {
    m.computeIfAbsent(key, k -> new ListStatistics()).addValue(value);
  }

  private static double[] values(ListStatistics s) {
    double[] v = new double[(int) s.getN()];
    int i = 0;
    for (Map.Entry<Double, Long> e : (Iterable<Map.Entry<Double, Long>>) s::getRawData) {
      for (long n = 0; n < e.getValue(); n++) {
        v[i++] = e.getKey();
      }
    }
    return v;
  }

  private static String quote(String s) {
    return s.replace(".", "\\.");
  }

  /**
   * A ratio measured per iteration (both sides interleaved in that iteration), over all rounds;
   * {@code a} and {@code b} are the two sides' series.
   */
  private Ratio ratio(String benchmark, String ratio, String a, String b) {
    String key = benchmark + "." + ratio;
    ListStatistics r = series.get(key);
    if (r == null) {
      throw new IllegalStateException("no results for " + key);
    }
    List<Double> roundRatios = new ArrayList<>();
    for (Map<String, ListStatistics> m : perRound) {
      roundRatios.add(round(m.get(key).getMean(), 4));
    }
    return new Ratio(r, series.get(benchmark + "." + a), series.get(benchmark + "." + b),
        roundRatios);
  }

  /** A ratio with its 99.9 % error, and the two sides it compares. */
  private static final class Ratio {
    final ListStatistics ratio;
    final ListStatistics a;
    final ListStatistics b;
    final double value;
    final double error;
    final List<Double> perRound;

    Ratio(ListStatistics ratio, ListStatistics a, ListStatistics b, List<Double> perRound) {
      this.ratio = ratio;
      this.a = a;
      this.b = b;
      this.value = ratio.getMean();
      this.error = err(ratio);
      this.perRound = perRound;
    }

    String describe(String an, String bn, String unit) {
      return String.format(Locale.ROOT, "±%.3f; %s %s vs %s %s %s; rounds %s",
          error, an, fmt(a.getMean()), bn, fmt(b.getMean()), unit, perRound);
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ratio", round(value, 4));
      m.put("ratioError999", round(error, 4));
      m.put("ratioMin", round(ratio.getMin(), 4));
      m.put("ratioMax", round(ratio.getMax(), 4));
      m.put("iterations", ratio.getN());
      m.put("roundRatios", perRound);
      m.put("numerator", stats(a));
      m.put("denominator", stats(b));
      return m;
    }
  }

  static Map<String, Object> stats(ListStatistics s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", round(s.getMean(), 3));
    m.put("error999", round(err(s), 3));
    m.put("min", round(s.getMin(), 3));
    m.put("max", round(s.getMax(), 3));
    m.put("iterations", s.getN());
    return m;
  }

  static double err(ListStatistics s) {
    return s.getN() > 2 ? s.getMeanErrorAt(0.999) : Double.NaN;
  }

  /** Each layer of {@link LayersBenchmark}: µs per call and its cost relative to raw. */
  private Map<String, Object> layers() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String layer : LayersBenchmark.LAYERS) {
      Map<String, Object> l = new LinkedHashMap<>();
      ListStatistics us = series.get("layers." + layer + "Us");
      ListStatistics perRaw = series.get("layers." + layer + "PerRaw");
      l.put("us", round(us.getMean(), 2));
      l.put("usError999", round(err(us), 2));
      l.put("perRaw", round(perRaw.getMean(), 4));
      l.put("perRawError999", round(err(perRaw), 4));
      m.put(layer, l);
    }
    return m;
  }

  private String layersTable() {
    StringBuilder b = new StringBuilder(
        "small GET, layer by layer (LayersBenchmark, interleaved; indicative: steps of a few % are"
            + " within the error):\n");
    b.append(String.format(Locale.ROOT, "  %-18s %10s %17s %10s%n", "stack", "µs/call", "÷ raw",
        "step"));
    double previous = Double.NaN;
    for (String layer : LayersBenchmark.LAYERS) {
      ListStatistics us = series.get("layers." + layer + "Us");
      ListStatistics perRaw = series.get("layers." + layer + "PerRaw");
      b.append(String.format(Locale.ROOT, "  %-18s %10.1f %9.3f ± %.3f %10s%n", layer,
          us.getMean(), perRaw.getMean(), err(perRaw), Double.isNaN(previous) ? ""
              : String.format(Locale.ROOT, "%+.1f %%", 100 * (perRaw.getMean() - previous))));
      previous = perRaw.getMean();
    }
    return b.toString().stripTrailing();
  }

  // ---------------------------------------------------------------- token lock check

  /**
   * Two threads call {@link TokenCache#get()} on a FRESH token {@code n} times each, at the same
   * time; neither may block on a monitor or park (the counts of {@code ThreadInfo}, which JVMs
   * keep for every thread), and the calls must not allocate. The same check on a
   * {@code synchronized} wrapper is the control showing that the check sees a lock.
   */
  private Map<String, Object> tokenLockCheck() throws Exception {
    int n = quick ? 5_000_000 : 20_000_000;
    TokenCache cache = TokenBenchmark.freshCache();
    cache.get();
    long[] cacheResult = contention(cache::get, n);
    Object monitor = new Object();
    long[] controlResult = contention(() -> {
      synchronized (monitor) {
        return cache.get();
      }
    }, n);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("callsPerThread", n);
    m.put("blockedOrParked", cacheResult[0]);
    m.put("allocatedBytesPerOp", round(cacheResult[1] / (2.0 * n), 4));
    m.put("noBlockNoPark", cacheResult[0] == 0 && cacheResult[1] / (2.0 * n) < 1.0);
    m.put("controlSynchronizedBlockedOrParked", controlResult[0]);
    return m;
  }

  /** {blocked + waited counts of both threads, bytes allocated by both} over n calls each. */
  private static long[] contention(Supplier<AccessToken> call, int n) throws Exception {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    CyclicBarrier start = new CyclicBarrier(2);
    long[][] perThread = new long[2][];
    Thread[] threads = new Thread[2];
    for (int t = 0; t < 2; t++) {
      int index = t;
      threads[t] = new Thread(() -> {
        try {
          long id = Thread.currentThread().getId();
          int sink = 0;
          for (int i = 0; i < 200_000; i++) {
            sink += System.identityHashCode(call.get()); // JIT the path first
          }
          // the first ThreadInfo calls load and initialise classes under locks: not in the window
          mx.getThreadInfo(id);
          mx.getThreadAllocatedBytes(id);
          start.await();
          var before = mx.getThreadInfo(id);
          long alloc0 = mx.getThreadAllocatedBytes(id);
          for (int i = 0; i < n; i++) {
            sink += System.identityHashCode(call.get()); // an intrinsic: allocates nothing
          }
          long alloc = mx.getThreadAllocatedBytes(id) - alloc0;
          var after = mx.getThreadInfo(id);
          perThread[index] = new long[] {
              after.getBlockedCount() - before.getBlockedCount()
                  + after.getWaitedCount() - before.getWaitedCount(),
              alloc, sink};
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "token-check-" + t);
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(2));
    }
    return new long[] {perThread[0][0] + perThread[1][0], perThread[0][1] + perThread[1][1]};
  }

  // ---------------------------------------------------------------- separate JVMs

  private Map<String, Object> runMain(Class<?> main, List<String> jvmArgs, List<String> args,
      String logName, int timeoutMinutes) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String result = null;
    StringBuilder logText = new StringBuilder(String.join(" ", cmd)).append('\n');
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        logText.append(line).append('\n');
        if (line.startsWith("RESULT ")) {
          result = line.substring("RESULT ".length());
        }
      }
    }
    boolean exited = p.waitFor(timeoutMinutes, TimeUnit.MINUTES);
    Files.writeString(logDir.resolve(logName), logText);
    if (!exited) {
      p.destroyForcibly();
    }
    Map<String, Object> m = result == null ? new LinkedHashMap<>()
        : new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create()
            .fromJson(result, new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
    if (result == null) {
      m.put("completed", false);
      m.put("error", "no result; exit " + (exited ? p.exitValue() : "timeout") + ", see "
          + logDir.resolve(logName));
    }
    m.put("jvmArgs", jvmArgs);
    log("  " + m);
    return m;
  }

  // ---------------------------------------------------------------- report

  /** The table and the pass map. */
  private static final class Report {
    final List<String[]> rows = new ArrayList<>();
    final Map<String, Boolean> passes = new LinkedHashMap<>();
    final Map<String, String> targets = new LinkedHashMap<>();

    void row(String metric, double value, String target, boolean pass, String note) {
      rows.add(new String[] {metric, fmt(value), target, pass ? "pass" : "MISS", note});
      passes.put(metric, pass);
      targets.put(metric, target);
    }

    String table() {
      String[] head = {"metric", "value", "target", "result", "details"};
      int[] w = new int[4];
      for (int i = 0; i < 4; i++) {
        w[i] = head[i].length();
        for (String[] r : rows) {
          w[i] = Math.max(w[i], r[i].length());
        }
      }
      StringBuilder b = new StringBuilder();
      String fmt = "%-" + w[0] + "s  %" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %s%n";
      b.append(String.format(Locale.ROOT, fmt, (Object[]) head));
      b.append(String.format(Locale.ROOT, fmt, "-".repeat(w[0]), "-".repeat(w[1]),
          "-".repeat(w[2]), "-".repeat(w[3]), "-------"));
      for (String[] r : rows) {
        b.append(String.format(Locale.ROOT, fmt, (Object[]) r));
      }
      return b.toString().stripTrailing();
    }
  }

  private Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rounds", rounds);
    m.put("forksPerRound", 1);
    m.put("warmup", quick ? "2 x 1 s" : "3 x 2 s");
    m.put("measurement", quick ? "5 x 1 s" : "8 x 2 s");
    m.put("benchmarkJvm", "-Xms512m -Xmx512m");
    m.put("server", "in-process loopback HTTP/1.1 (dev.b2bsdk.bench.LoopbackServer), keep-alive");
    return m;
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", cpuModel());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + ")");
    m.put("memoryGb", round(((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1e9, 1));
    return m;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String machineLine() {
    Map<String, Object> m = machine();
    return m.get("cores") + " cores (" + m.get("cpu") + "), " + m.get("jvm");
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static double number(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
  }

  static double round(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
        : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.3f", v);
  }

  private static void log(String s) {
    System.out.println("[bench] " + s);
    System.out.flush();
  }
}
