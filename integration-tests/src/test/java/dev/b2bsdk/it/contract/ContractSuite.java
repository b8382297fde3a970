package dev.b2bsdk.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.Gson;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import retrofit2.Response;

/**
 * The contract suite of one API, data-driven from its spec: every operation becomes one or more
 * {@link ContractCase}s (the spec's examples), each a dynamic test that stubs the operation on
 * WireMock with its success example, makes the client under test call it, and fails unless the
 * validator accepted both the request the client sent and the stubbed response, the client got
 * the stubbed status, and the body deserialised into the declared type without losing a field.
 *
 * <p>An API has one or more <em>surfaces</em>: a base path on the mock, the operations served
 * there, and the client that calls them (CareCloud has two: the enterprise and the customer
 * interface). One WireMock and one validating listener serve all of them; stubs, journal and
 * reports are reset between cases.
 *
 * <p>{@link #assertCoverage()} fails naming every operation of the spec that has no contract
 * case, and prints {@code contract coverage <api>: N/M operations}.
 */
public final class ContractSuite implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A base path on the mock, the operations served there and the client that calls them.
   *
   * @param name shown in test names and coverage ({@code enterprise-interface})
   * @param basePath the server base path the client's base URL ends with ({@code /itcare})
   * @param operations which operations this surface serves
   * @param target builds the client under test against the mock (called once, lazily)
   */
  public record Surface(String name, String basePath, Predicate<SpecOperation> operations,
      Function<ContractStubs, ContractTarget> target) {
  }

  /** A case that reaches an operation through a facade helper (paging, polling, ...). */
  private record FacadeCase(String surface, String operationId, String name,
      ContractInvocation invocation) {
  }

  private final ApiSpec spec;
  private final List<Surface> surfaces;
  private final List<FacadeCase> facadeCases;
  private final GeneratedApis generated;
  private final ArgumentSynthesizer synthesizer;
  private final Gson gson;
  private final Map<String, ContractInvocation> overrides;
  private final Map<String, String> operationBasePaths;
  private final Map<String, List<ContractCase>> cases = new LinkedHashMap<>();
  private final Map<String, String> caseErrors = new LinkedHashMap<>();
  private final WireMockServer wireMock;
  private final RoutedValidationListener listener;
  private final ContractStubs stubs;
  private final Map<String, ContractTarget> targets = new LinkedHashMap<>();
  private final Class<?> typedClient;
  private final TypedInvoker typed;
  private final Set<String> tokenSources;

  private ContractSuite(Builder b) {
    this.spec = b.specResource == null ? ApiSpec.load(b.api) : ApiSpec.load(b.api, b.specResource);
    this.surfaces = List.copyOf(b.surfaces);
    this.typedClient = b.typedClient;
    this.generated = b.generatedPackage == null && typedClient != null ? null
        : GeneratedApis.scan(Objects.requireNonNull(b.generatedPackage, "generatedPackage"));
    this.gson = Objects.requireNonNull(b.gson, "gson");
    this.typed = typedClient == null ? null : new TypedInvoker(b.operationIndex != null
        ? OperationIndex.loadResource(b.operationIndex) : OperationIndex.load(b.api), gson,
        b.envelope);
    this.tokenSources = Set.copyOf(b.tokenSources);
    this.synthesizer = new ArgumentSynthesizer(gson);
    this.overrides = Map.copyOf(b.overrides);
    this.operationBasePaths = Map.copyOf(b.operationBasePaths);
    this.facadeCases = List.copyOf(b.facadeCases);
    for (SpecOperation op : spec.operations()) {
      try {
        cases.put(op.operationId(), ContractCase.of(op));
      } catch (IllegalStateException e) {
        caseErrors.put(op.operationId(), e.getMessage());
      }
    }
    Map<String, String> routes = new LinkedHashMap<>(b.routes);
    surfaces.forEach(s -> routes.put(s.basePath(), s.basePath()));
    this.listener = new RoutedValidationListener(spec, routes);
    this.wireMock = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .jettyAcceptors(1)
        .gzipDisabled(true));
    wireMock.addMockServiceRequestListener(listener);
    wireMock.start();
    this.stubs = new ContractStubs(wireMock, this::casesOf);
  }

  /** A suite for {@code specs/<api>.yaml}. */
  public static Builder builder(String api) {
    return new Builder(api);
  }

  public ApiSpec spec() {
    return spec;
  }

  /** One dynamic test per case (grouped per surface when there are several), named by label. */
  public Stream<DynamicNode> dynamicTests() {
    if (surfaces.size() == 1) {
      return tests(surfaces.get(0)).stream();
    }
    return surfaces.stream().map(s -> DynamicContainer.dynamicContainer(s.name(), tests(s)));
  }

  private List<DynamicNode> tests(Surface surface) {
    List<DynamicNode> tests = new ArrayList<>();
    for (SpecOperation op : spec.operations()) {
      if (!surface.operations().test(op)) {
        continue;
      }
      String error = caseErrors.get(op.operationId());
      if (error != null) {
        tests.add(DynamicTest.dynamicTest(op.operationId(), () -> {
          throw new AssertionError("no contract case: " + error);
        }));
        continue;
      }
      ContractInvocation invocation = overrides.getOrDefault(op.operationId(),
          typed != null ? ContractInvocation.TYPED : ContractInvocation.GENERATED);
      for (ContractCase c : cases.get(op.operationId())) {
        tests.add(DynamicTest.dynamicTest(c.label(), () -> run(surface, c, invocation)));
      }
      for (FacadeCase f : facadeCases) {
        if (f.surface.equals(surface.name()) && f.operationId.equals(op.operationId())) {
          ContractCase c = cases.get(op.operationId()).get(0)
              .withLabel(op.operationId() + " [facade " + f.name + "]");
          tests.add(DynamicTest.dynamicTest(c.label(), () -> run(surface, c, f.invocation)));
        }
      }
    }
    return tests;
  }

  private void run(Surface surface, ContractCase c, ContractInvocation invocation)
      throws Exception {
    SpecOperation op = c.operation();
    stubs.reset();
    listener.reset();
    ContractTarget target = targets.computeIfAbsent(surface.name(),
        n -> surface.target().apply(stubs));
    target.stubSupportRequests(stubs);
    stubs.stub(c, operationBasePaths.getOrDefault(op.operationId(), surface.basePath()));
    Method method = generated == null ? null : generated.method(op.operationId());
    ContractCall call = new ContractCall(c, target, method, synthesizer, stubs,
        () -> surface.target().apply(stubs), this::requireMethod,
        id -> casesOf(id).get(0), surface.basePath(), typed);
    Response<?> response;
    try {
      response = invocation.invoke(call);
    } catch (Exception | AssertionError e) {
      // an invalid exchange usually explains why the client then failed: report it first
      String invalid = listener.failures();
      throw new AssertionError(c.label() + ": "
          + (invalid != null ? invalid + "\nand then the call failed: " + e
              : "the call failed: " + e + requestSummary()), e);
    }
    String invalid = listener.failures();
    if (invalid != null) {
      throw new AssertionError(c.label() + ": " + invalid);
    }
    if (Boolean.getBoolean("contract.verbose")) {
      System.out.println(surface.name() + " " + c.label() + ": " + listener.exchanges().stream()
          .map(x -> x.method() + " " + x.url() + " -> " + x.status())
          .collect(Collectors.joining("; ")));
    }
    List<ServeEvent> events = wireMock.getAllServeEvents();
    ContractChecks.assertJournal(c, events, stubs::operationOf);
    if (response == null) {
      return; // the client made the request by itself; journal and validator judged it
    }
    assertThat(response.code()).as("%s: status", c.label()).isEqualTo(c.status());
    if (c.responseBody() != null) {
      assertThat(response.body()).as("%s: deserialised body", c.label()).isNotNull();
      if (method != null) {
        assertThat(response.body()).isInstanceOf(ContractChecks.bodyType(method));
      }
      ContractChecks.assertNoFieldLost(c.label(), "$", c.responseBody(),
          JSON.readTree(gson.toJson(response.body())));
    }
  }

  private String requestSummary() {
    List<RoutedValidationListener.Exchange> seen = listener.exchanges();
    if (seen.isEmpty()) {
      return " (the mock received no request)";
    }
    return seen.stream().map(x -> x.method() + " " + x.url() + " -> " + x.status())
        .collect(Collectors.joining("; ", " (requests, all valid: ", ")"));
  }

  private Method requireMethod(String operationId) {
    Method m = generated == null ? null : generated.method(operationId);
    if (m == null) {
      throw new IllegalStateException(spec.api() + ": no generated method " + operationId);
    }
    return m;
  }

  private List<ContractCase> casesOf(String operationId) {
    List<ContractCase> list = cases.get(operationId);
    if (list == null) {
      throw new IllegalStateException(spec.api() + ": no contract case for " + operationId
          + (caseErrors.containsKey(operationId) ? ": " + caseErrors.get(operationId) : ""));
    }
    return list;
  }

  /**
   * Fails naming each operation of the spec without a contract case (no surface serves it, its
   * examples are missing, or there is neither a generated method nor an override to call it),
   * after printing {@code contract coverage <api>: N/M operations}.
   */
  public void assertCoverage() {
    Map<String, String> missing = new TreeMap<>();
    Map<String, int[]> perSurface = new LinkedHashMap<>();
    surfaces.forEach(s -> perSurface.put(s.name(), new int[2]));
    for (SpecOperation op : spec.operations()) {
      String id = op.operationId();
      List<Surface> serving = surfaces.stream().filter(s -> s.operations().test(op)).toList();
      String reason = serving.isEmpty() ? "no surface serves it"
          : caseErrors.containsKey(id) ? caseErrors.get(id)
          : typed != null ? typedGap(id)
          : !overrides.containsKey(id) && generated.method(id) == null
              ? "no generated method " + id + " and no override" : null;
      if (reason != null) {
        missing.put(id, reason);
      }
      for (Surface s : serving) {
        int[] counts = perSurface.get(s.name());
        counts[1]++;
        if (reason == null) {
          counts[0]++;
        }
      }
    }
    List<String> known = spec.operations().stream().map(SpecOperation::operationId).toList();
    List<String> stale = new ArrayList<>();
    overrides.keySet().stream().filter(id -> !known.contains(id)).forEach(stale::add);
    facadeCases.stream().map(FacadeCase::operationId).filter(id -> !known.contains(id))
        .forEach(stale::add);
    assertThat(stale).as("%s overrides or facade cases of operations the spec does not have",
        spec.api()).isEmpty();
    if (typed != null) {
      typed.index().entries().stream().map(OperationIndex.Entry::operationId)
          .filter(id -> !known.contains(id))
          .forEach(id -> stale.add(id + " (" + typed.index().resource() + ")"));
      tokenSources.stream().filter(id -> !known.contains(id)).forEach(stale::add);
    }
    assertThat(stale).as("%s overrides, facade cases or index lines of operations the spec"
        + " does not have", spec.api()).isEmpty();
    int total = spec.operations().size();
    String detail = surfaces.size() < 2 ? "" : perSurface.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
        .collect(Collectors.joining(", ", " (", ")"));
    System.out.println("contract coverage " + spec.api() + ": " + (total - missing.size()) + "/"
        + total + " operations" + detail);
    if (typed != null) {
      System.out.println("typed operations " + spec.api() + ": " + (total - missing.size()) + "/"
          + total + (missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing.keySet())
          + ")"));
      assertThat(missing).as("%s operations not reached through a typed method or the token"
          + " source", spec.api()).isEmpty();
    }
    assertThat(missing).as("%s operations without a contract test", spec.api()).isEmpty();
  }

  /**
   * Why a typed suite does not count {@code id} as reached through its typed method, or null:
   * absent from the index, client-managed without a token-source case, no resolvable typed
   * method on the client, or an override that replaces the typed call.
   */
  private String typedGap(String id) {
    OperationIndex.Entry e = typed.index().entry(id);
    if (e == null) {
      return "not in " + typed.index().resource();
    }
    if (e.clientManaged()) {
      return tokenSources.contains(id) ? null
          : "client-managed, and no token-source case exercises it";
    }
    try {
      OperationIndex.resolve(typedClient, e);
    } catch (IllegalStateException x) {
      return x.getMessage();
    }
    return overrides.containsKey(id) && !tokenSources.contains(id)
        ? "an override replaces its typed method " + e.group() + "()." + e.method() : null;
  }

  /**
   * Closes the clients — each with its support stubs in place, since closing may log out, and
   * failing if what it sent then does not match the spec — and stops the mock.
   */
  @Override
  public void close() {
    try {
      for (ContractTarget target : targets.values()) {
        stubs.reset();
        listener.reset();
        target.stubSupportRequests(stubs);
        target.close();
        listener.assertValidationPassed();
      }
    } finally {
      wireMock.stop();
    }
  }

  /** Configures a {@link ContractSuite}. */
  public static final class Builder {
    private final String api;
    private String generatedPackage;
    private String specResource;
    private Gson gson;
    private final List<Surface> surfaces = new ArrayList<>();
    private final Map<String, String> routes = new LinkedHashMap<>();
    private final Map<String, ContractInvocation> overrides = new LinkedHashMap<>();
    private final Map<String, String> operationBasePaths = new LinkedHashMap<>();
    private final List<FacadeCase> facadeCases = new ArrayList<>();
    private final Set<String> tokenSources = new java.util.LinkedHashSet<>();
    private Class<?> typedClient;
    private String operationIndex;
    private String envelope;

    private Builder(String api) {
      this.api = api;
    }

    /** The spec's class-path resource (default {@code specs/<api>.yaml}, from the specs jar). */
    public Builder specResource(String specResource) {
      this.specResource = specResource;
      return this;
    }

    /**
     * Makes this a typed suite: each case calls its operation's typed method on the surface's
     * client ({@code client.<group>().<method>(…)}), found in the API's {@link OperationIndex}
     * and resolved on {@code clientType} for coverage; {@link #assertCoverage()} then also prints
     * {@code typed operations <api>: N/M} and fails below M/M.
     */
    public Builder typed(Class<?> clientType) {
      this.typedClient = Objects.requireNonNull(clientType, "clientType");
      return this;
    }

    /** The index's class-path resource (default {@code dev/b2bsdk/<api>/operations.tsv}). */
    public Builder operationIndex(String resource) {
      this.operationIndex = resource;
      return this;
    }

    /** The property every response body is wrapped in (CareCloud {@code data}). */
    public Builder envelope(String property) {
      this.envelope = property;
      return this;
    }

    /**
     * Exercises a client-managed operation (a token endpoint, no typed method) the way the
     * client's token source does: it counts as reached in a typed suite.
     */
    public Builder tokenSource(String operationId, ContractInvocation invocation) {
      tokenSources.add(operationId);
      return override(operationId, invocation);
    }

    /** The package of the generated Retrofit interfaces ({@code dev.b2bsdk.generated.<api>.api}). */
    public Builder generatedPackage(String generatedPackage) {
      this.generatedPackage = generatedPackage;
      return this;
    }

    /** The generated {@code JSON} Gson: reads request examples into models, writes bodies back. */
    public Builder gson(Gson gson) {
      this.gson = gson;
      return this;
    }

    /** Adds a surface; see {@link Surface}. */
    public Builder surface(String name, String basePath, Predicate<SpecOperation> operations,
        Function<ContractStubs, ContractTarget> target) {
      surfaces.add(new Surface(name, basePath, operations, target));
      return this;
    }

    /**
     * Validates requests under {@code prefix} with {@code basePath} as the server base path
     * (e.g. a token endpoint the client calls on another host, stubbed at the mock's root).
     */
    public Builder route(String prefix, String basePath) {
      routes.put(prefix, basePath);
      return this;
    }

    /** Stubs {@code operationId} under {@code basePath} instead of its surface's. */
    public Builder operationBasePath(String operationId, String basePath) {
      operationBasePaths.put(operationId, basePath);
      return this;
    }

    /** Exercises {@code operationId} with {@code invocation} instead of the generated method. */
    public Builder override(String operationId, ContractInvocation invocation) {
      overrides.put(operationId, invocation);
      return this;
    }

    /**
     * Adds a case on {@code surface} in which a facade helper (a paged list, a {@code begin…}
     * operation, ...) sends the operation's request, stubbed with its first example: the
     * request the helper builds is validated like the generated method's.
     */
    public Builder facadeCase(String surface, String operationId, String name,
        ContractInvocation invocation) {
      facadeCases.add(new FacadeCase(surface, operationId, name, invocation));
      return this;
    }

    /** Loads the spec and starts the mock. */
    public ContractSuite build() {
      if (surfaces.isEmpty()) {
        throw new IllegalStateException("no surface");
      }
      for (FacadeCase f : facadeCases) {
        if (surfaces.stream().noneMatch(s -> s.name().equals(f.surface()))) {
          throw new IllegalStateException("facade case " + f.name() + ": no surface " + f.surface());
        }
      }
      return new ContractSuite(this);
    }
  }
}
