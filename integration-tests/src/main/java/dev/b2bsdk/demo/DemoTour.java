package dev.b2bsdk.demo;

import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.MockServers;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import picocli.CommandLine;

/**
 * The demo tour ({@code scripts/demo}): the four APIs of the SDK, step by step, against the
 * built-in mocks or against real servers; see {@code scripts/demo --help} or {@link DemoOptions}.
 *
 * <p>Every step prints one line with its duration (to stderr with {@code --json}, so that
 * stdout holds only the summary). Each API runs on its own: one that fails is reported as
 * {@code {"ok": false, "error": {...}}} and the others still run.
 *
 * <p>Exit status: 0 every API ok; 1 an API failed (or the built-in mocks did not start); 2 a
 * bad command line or a missing environment variable (nothing was run).
 *
 * <pre>{@code
 * int status = DemoTour.builder().out(out).err(err).env(Map.of()).build().run("--json");
 * }</pre>
 */
public final class DemoTour {

  /** Every API ok. */
  public static final int OK = 0;
  /** At least one API failed, or the built-in mocks did not start. */
  public static final int API_FAILED = 1;
  /** Bad command line or missing environment variable. */
  public static final int USAGE = 2;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final MockServers mocks;

  private DemoTour(Builder b) {
    this.out = b.out;
    this.err = b.err;
    this.env = Map.copyOf(b.env);
    this.mocks = b.mocks;
  }

  /** A builder: stdout, stderr and the process environment unless told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs the tour with the command-line arguments and exits with its status. */
  public static void main(String[] args) {
    // the demo ships no logging backend: without this, slf4j-api warns that it found none. (Not
    // slf4j.provider: WireMock's relocated SLF4J reads that property too and fails on our class.)
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(builder().build().run(args));
  }

  /**
   * Runs the tour.
   *
   * @param args the command line, e.g. {@code --json --only itcare,intouch}
   * @return {@link #OK}, {@link #API_FAILED} or {@link #USAGE}
   */
  public int run(String... args) {
    DemoOptions options = new DemoOptions();
    CommandLine command = commandLine(options);
    Plan plan;
    try {
      command.parseArgs(args);
      if (command.isUsageHelpRequested()) {
        command.usage(out);
        return OK;
      }
      plan = Plan.of(options, env);
    } catch (CommandLine.ParameterException e) {
      return usage(e.getMessage());
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
    return run(plan);
  }

  private int usage(String message) {
    err.println("demo: " + message);
    err.println("demo: see scripts/demo --help");
    err.flush();
    return USAGE;
  }

  private int run(Plan plan) {
    Console console = new Console(plan.json() ? err : out);
    long start = System.nanoTime();
    OkHttpClient http = new OkHttpClient();
    MockServers started = null;
    try {
      Targets targets;
      if (!plan.mocks()) {
        targets = plan.servers();
        console.print("b2bsdk demo tour against real servers ("
            + (plan.writes() ? "writes on" : "read-only: pass --allow-writes for the write steps")
            + ")");
      } else if (mocks != null) {
        targets = Targets.of(mocks);
        console.print("b2bsdk demo tour against the given mocks on 127.0.0.1 (writes on)");
      } else {
        try {
          started = MockServers.start();
        } catch (RuntimeException e) {
          err.println("demo: the built-in mocks did not start: " + Steps.summary(e));
          return API_FAILED;
        }
        targets = Targets.of(started);
        console.print(String.format(Locale.ROOT, "b2bsdk demo tour against the built-in mocks"
            + " on 127.0.0.1 (started in %.1f s; writes on)", (System.nanoTime() - start) / 1e9));
      }
      TourContext context = new TourContext(http, plan.pageSize(), plan.writes(), plan.mocks());
      Map<Api, JsonObject> results = new LinkedHashMap<>();
      for (Api api : plan.apis()) {
        results.put(api, runApi(api, tour(api, targets, context), console));
      }
      List<String> failed = results.entrySet().stream()
          .filter(e -> !e.getValue().get("ok").getAsBoolean())
          .map(e -> e.getKey().key()).collect(Collectors.toList());
      console.print(String.format(Locale.ROOT, "%d of %d APIs ok%s in %.1f s",
          results.size() - failed.size(), results.size(),
          failed.isEmpty() ? "" : " (failed: " + String.join(", ", failed) + ")",
          (System.nanoTime() - start) / 1e9));
      if (plan.json()) {
        out.println(Summary.render(results));
        out.flush();
      }
      return failed.isEmpty() ? OK : API_FAILED;
    } finally {
      if (started != null) {
        started.close();
      }
      // the SDK leaves a supplied OkHttpClient alone: its threads and connections are ours
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static ApiTour tour(Api api, Targets targets, TourContext context) {
    return switch (api) {
      case ITCARE -> new ItCareTour(targets.itcare(), context);
      case CARECLOUD -> new CareCloudTour(targets.careCloud(), context);
      case SHOPAPP -> new ShopAppTour(targets.shopApp(), context);
      case INTOUCH -> new InTouchTour(targets.inTouch(), context);
    };
  }

  /** Runs one API's tour; whatever it throws becomes its error, and the tour goes on. */
  private static JsonObject runApi(Api api, ApiTour tour, Console console) {
    JsonObject summary = Summary.started();
    try {
      tour.run(new Steps(api, console, new HttpTrace(), tour.implicitSteps()), summary);
    } catch (Steps.StepFailed e) {
      Summary.failed(summary, e.step(), e.failure());
    } catch (RuntimeException e) {
      // outside any step: building the client (e.g. a plain-http URL to a remote host)
      console.note(api, "set up", "FAILED: " + Steps.summary(e));
      Summary.failed(summary, "set up", e);
    }
    return summary;
  }

  private static CommandLine commandLine(DemoOptions options) {
    CommandLine command = new CommandLine(options);
    command.registerConverter(Api.class, value -> {
      try {
        return Api.fromKey(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    });
    command.registerConverter(java.time.ZoneId.class, value -> {
      try {
        return java.time.ZoneId.of(value);
      } catch (java.time.DateTimeException e) {
        throw new CommandLine.TypeConversionException("unknown time zone '" + value
            + "', e.g. Europe/Prague");
      }
    });
    return command;
  }

  @Override
  public String toString() {
    return "DemoTour{" + (mocks == null ? "own mocks" : "given mocks") + '}';
  }

  /** Builds a {@link DemoTour}; every setting is optional. Not thread-safe. */
  public static final class Builder {
    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private Map<String, String> env = System.getenv();
    private MockServers mocks;

    private Builder() {
    }

    /** Where the summary (and, without {@code --json}, the step lines) go; default stdout. */
    public Builder out(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /** Where errors (and, with {@code --json}, the step lines) go; default stderr. */
    public Builder err(PrintStream err) {
      this.err = Objects.requireNonNull(err, "err");
      return this;
    }

    /** The environment the real-server credentials are read from; default the process's. */
    public Builder env(Map<String, String> env) {
      this.env = Objects.requireNonNull(env, "env");
      return this;
    }

    /**
     * Running mocks to use instead of starting the built-in ones (for tests: faults, journals);
     * the tour neither resets nor stops them.
     */
    public Builder mocks(MockServers mocks) {
      this.mocks = Objects.requireNonNull(mocks, "mocks");
      return this;
    }

    /** The tour. */
    public DemoTour build() {
      return new DemoTour(this);
    }
  }
}
