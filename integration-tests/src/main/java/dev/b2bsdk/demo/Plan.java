package dev.b2bsdk.demo;

import dev.b2bsdk.itcare.ItCareClient;
import dev.b2bsdk.shopapp.ShopApplicationClient;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one run of the tour does, decided from the command line and the environment before
 * anything is started: the built-in mocks or real servers, which APIs, whether the write steps
 * run, the page size. Immutable.
 */
final class Plan {

  private final boolean mocks;
  private final List<Api> apis;
  private final boolean writes;
  private final Integer pageSize;
  private final boolean json;
  private final Targets servers;

  private Plan(boolean mocks, List<Api> apis, boolean writes, Integer pageSize, boolean json,
      Targets servers) {
    this.mocks = mocks;
    this.apis = List.copyOf(apis);
    this.writes = writes;
    this.pageSize = pageSize;
    this.json = json;
    this.servers = servers;
  }

  /**
   * The plan for {@code options}, with real-server credentials read from {@code env}.
   *
   * @throws UsageException for a page size below 1, a real-server API without its URL, or a
   *     missing (or blank) environment variable, naming it
   */
  static Plan of(DemoOptions options, Map<String, String> env) throws UsageException {
    if (options.pageSize != null && options.pageSize < 1) {
      throw new UsageException("--page-size must be at least 1, was " + options.pageSize);
    }
    boolean mocks = !options.anyUrl();
    List<Api> apis = selected(options, mocks);
    if (mocks) {
      return new Plan(true, apis, true, options.pageSize, options.json, null);
    }
    return new Plan(false, apis, options.allowWrites, options.pageSize, options.json,
        servers(options, apis, env));
  }

  private static List<Api> selected(DemoOptions options, boolean mocks) {
    Set<Api> wanted = EnumSet.noneOf(Api.class);
    if (options.only != null) {
      wanted.addAll(options.only);
    } else {
      for (Api api : Api.values()) {
        // against real servers, an API runs when asked for: by --only or by its URL
        if (mocks || options.hasUrlFor(api)) {
          wanted.add(api);
        }
      }
    }
    return new ArrayList<>(wanted);
  }

  private static Targets servers(DemoOptions o, List<Api> apis, Map<String, String> env)
      throws UsageException {
    Env vars = new Env(env);
    Targets.ItCare itcare = null;
    Targets.CareCloud careCloud = null;
    Targets.ShopApp shopApp = null;
    Targets.InTouch inTouch = null;
    for (Api api : apis) {
      switch (api) {
        case ITCARE -> itcare = new Targets.ItCare(
            Objects.requireNonNullElse(o.itcareUrl, ItCareClient.DEFAULT_BASE_URL),
            Objects.requireNonNullElse(o.itcareTokenUrl, ItCareClient.DEFAULT_TOKEN_URL),
            vars.get("ITCARE_CLIENT_ID"), vars.get("ITCARE_CLIENT_SECRET"));
        case CARECLOUD -> {
          requireUrl(o.careCloudUrl, "carecloud", "--carecloud-url");
          careCloud = new Targets.CareCloud(o.careCloudUrl, o.careCloudZone,
              vars.get("CARECLOUD_APP_ID"), vars.get("CARECLOUD_LOGIN"),
              vars.get("CARECLOUD_PASSWORD"), vars.get("CARECLOUD_CUSTOMER_APP_ID"),
              vars.get("CARECLOUD_CUSTOMER_EMAIL"), vars.get("CARECLOUD_CUSTOMER_PASSWORD"));
        }
        case SHOPAPP -> shopApp = new Targets.ShopApp(
            Objects.requireNonNullElse(o.shopAppUrl, ShopApplicationClient.DEFAULT_BASE_URL),
            vars.get("SHOPAPP_CLIENT_ID"), vars.get("SHOPAPP_CLIENT_SECRET"));
        case INTOUCH -> {
          requireUrl(o.inTouchUrl, "intouch", "--intouch-url");
          inTouch = new Targets.InTouch(o.inTouchUrl, vars.get("INTOUCH_USER"),
              vars.get("INTOUCH_PASSWORD"));
        }
      }
    }
    vars.failIfMissing();
    return new Targets(itcare, careCloud, shopApp, inTouch);
  }

  private static void requireUrl(String url, String api, String option) throws UsageException {
    if (url == null) {
      // each project or installation has its own host: there is no default to fall back on
      throw new UsageException(api + " against a real server needs " + option
          + " (or give no URL option at all to run against the built-in mocks)");
    }
  }

  /** True: the built-in mocks; false: real servers. */
  boolean mocks() {
    return mocks;
  }

  /** The APIs to run, in tour order. */
  List<Api> apis() {
    return apis;
  }

  /** Whether the write steps run. */
  boolean writes() {
    return writes;
  }

  /** The page size to send, or null for each API's default. */
  Integer pageSize() {
    return pageSize;
  }

  /** Whether stdout holds only the JSON summary. */
  boolean json() {
    return json;
  }

  /** The real servers (null when running against the mocks). */
  Targets servers() {
    return servers;
  }

  @Override
  public String toString() {
    return "Plan{" + (mocks ? "mocks" : servers) + ", apis=" + apis + ", writes=" + writes
        + ", pageSize=" + pageSize + ", json=" + json + '}';
  }

  /** Reads environment variables, collecting the names of those missing or blank. */
  private static final class Env {
    private final Map<String, String> env;
    private final Set<String> missing = new LinkedHashSet<>();

    Env(Map<String, String> env) {
      this.env = env;
    }

    String get(String name) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        missing.add(name);
        return null;
      }
      return value;
    }

    void failIfMissing() throws UsageException {
      if (missing.isEmpty()) {
        return;
      }
      String names = String.join(", ", missing);
      throw new UsageException((missing.size() == 1
          ? "missing environment variable " : "missing environment variables ") + names
          + ": with a URL option the credentials come from the environment (see --help)");
    }
  }
}
