package dev.b2bsdk.it.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.core.http.RetryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.Interceptor;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import dev.b2bsdk.it.contract.selftest.typed.SelftestClient;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The contract suite catches drift: on a tiny spec ({@code contract/selftest.yaml}), a client that
 * matches passes, and each kind of drift — between the client and the spec, the spec's example
 * and its schema, or the client's models and the response — fails the operation's test.
 */
class ContractSuiteTest {
  private static final String BASE = "/base";

  @Test
  void aClientThatMatchesTheSpecPasses() throws Throwable {
    try (ContractSuite suite = suite("good", ContractSuiteTest::runtimeTarget)) {
      run(suite, "getThing");
      run(suite, "createThing");
      run(suite, "getOther");
      run(suite, "getPublic");
    }
  }

  @Test
  void anExampleThatViolatesItsSchemaFails() {
    try (ContractSuite suite = suite("good", ContractSuiteTest::runtimeTarget)) {
      assertThatThrownBy(() -> run(suite, "getBroken"))
          .hasMessageContaining("getBroken")
          .hasMessageContaining("[RESPONSE][GET /base/broken]")
          .hasMessageContaining("[Path '/id'] Instance type (string) does not match");
    }
  }

  @Test
  void aParameterTheSpecDoesNotDeclareFails() {
    try (ContractSuite suite = suite("drifted", ContractSuiteTest::runtimeTarget)) {
      assertThatThrownBy(() -> run(suite, "getThing"))
          .hasMessageContaining("query parameter 'verbosity' which the spec does not declare");
    }
  }

  @Test
  void aQueryParameterAddedByTheClientChainFails() {
    Function<ContractStubs, ContractTarget> extraQuery = stubs -> new InterceptedTarget(
        stubs.rootUrl() + BASE, chain -> chain.proceed(chain.request().newBuilder()
            .url(chain.request().url().newBuilder().addQueryParameter("extra", "1").build())
            .header("Authorization", "Bearer t").build()));
    try (ContractSuite suite = suite("good", extraQuery)) {
      assertThatThrownBy(() -> run(suite, "getThing"))
          .hasMessageContaining("Query parameter 'extra' is unexpected");
    }
  }

  @Test
  void aRequestBodyMissingARequiredFieldFails() {
    try (ContractSuite suite = suite("drifted", ContractSuiteTest::runtimeTarget)) {
      assertThatThrownBy(() -> run(suite, "createThing"))
          .hasMessageContaining("[REQUEST][POST /base/things @body]")
          .hasMessageContaining("missing required properties ([\"name\"])");
    }
  }

  @Test
  void aPathTheSpecDoesNotHaveFails() {
    try (ContractSuite suite = suite("drifted", ContractSuiteTest::runtimeTarget)) {
      assertThatThrownBy(() -> run(suite, "getPublic"))
          .hasMessageContaining("/base/publik");
    }
  }

  @Test
  void aResponseFieldTheModelDropsFails() {
    try (ContractSuite suite = suite("drifted", ContractSuiteTest::runtimeTarget)) {
      assertThatThrownBy(() -> run(suite, "getOther"))
          .hasMessageContaining("$.name was lost");
    }
  }

  @Test
  void aMissingAuthorizationFails() {
    Function<ContractStubs, ContractTarget> anonymous =
        stubs -> new InterceptedTarget(stubs.rootUrl() + BASE, chain -> chain.proceed(chain.request()));
    try (ContractSuite suite = suite("good", anonymous)) {
      assertThatThrownBy(() -> run(suite, "getThing"))
          .hasMessageContaining("Authorization header of GET /base/things/7");
    }
  }

  @Test
  void coverageNamesEveryOperationWithoutAContractTest() {
    try (ContractSuite suite = suite("good", ContractSuiteTest::runtimeTarget)) {
      String printed = printedBy(() -> assertThatThrownBy(suite::assertCoverage)
          .hasMessageContaining("getUnbound")
          .hasMessageContaining("no generated method getUnbound and no override")
          .hasMessageNotContaining("getThing"));
      assertThat(printed).contains("contract coverage selftest: 5/6 operations");
    }
  }

  @Test
  void anOverrideCoversAnOperationWithoutAGeneratedMethod() throws Throwable {
    try (ContractSuite suite = ContractSuite.builder("selftest")
        .specResource("contract/selftest.yaml")
        .generatedPackage("dev.b2bsdk.it.contract.selftest.good")
        .gson(new Gson())
        .surface("selftest", BASE, op -> true, ContractSuiteTest::runtimeTarget)
        .override("getUnbound", call -> call.target().execute(
            call.target().api(UnboundApi.class, call.contractCase().operation()).getUnbound()))
        .build()) {
      assertThat(printedBy(suite::assertCoverage))
          .contains("contract coverage selftest: 6/6 operations");
      run(suite, "getUnbound");
    }
  }

  @Test
  void anOverrideThatSendsNothingFails() {
    try (ContractSuite suite = ContractSuite.builder("selftest")
        .specResource("contract/selftest.yaml")
        .generatedPackage("dev.b2bsdk.it.contract.selftest.good")
        .gson(new Gson())
        .surface("selftest", BASE, op -> true, ContractSuiteTest::runtimeTarget)
        .override("getUnbound", call -> null)
        .build()) {
      assertThatThrownBy(() -> run(suite, "getUnbound"))
          .hasMessageContaining("the client sent no request for selftest:getUnbound");
    }
  }

  @Test
  void aFacadeCaseRunsBesideTheOperationsOwnCases() throws Throwable {
    try (ContractSuite suite = ContractSuite.builder("selftest")
        .specResource("contract/selftest.yaml")
        .generatedPackage("dev.b2bsdk.it.contract.selftest.good")
        .gson(new Gson())
        .surface("selftest", BASE, op -> true, ContractSuiteTest::runtimeTarget)
        .facadeCase("selftest", "getThing", "helper", call -> call.callThrough(call.target(), "getThing"))
        .build()) {
      run(suite, "getThing");
      run(suite, "getThing [facade helper]");
    }
  }

  // ---------------------------------------------------------------- typed suites

  @Test
  void aTypedClientThatMatchesTheSpecPasses() throws Throwable {
    try (ContractSuite suite = typedSuite(SelftestClient.Good.class, SelftestClient.Good::new)) {
      run(suite, "getThing");
      run(suite, "createThing");
      run(suite, "getOther");
      run(suite, "getPublic");
    }
  }

  @Test
  void aParamsFieldTheTypedMethodDoesNotSendFails() {
    try (ContractSuite suite =
        typedSuite(SelftestClient.Ignoring.class, SelftestClient.Ignoring::new)) {
      assertThatThrownBy(() -> run(suite, "getThing"))
          .hasMessageContaining("query parameters set through the typed method but not sent")
          .hasMessageContaining("verbose");
    }
  }

  @Test
  void aSpecParameterTheTypedMethodCannotSendFails() {
    try (ContractSuite suite = typedSuite(SelftestClient.Narrow.class, SelftestClient.Narrow::new)) {
      assertThatThrownBy(() -> run(suite, "getThing"))
          .hasMessageContaining("spec parameters the typed method getWithResponse cannot send")
          .hasMessageContaining("query verbose");
    }
  }

  @Test
  void aParamsFieldTheSpecDoesNotDeclareFails() {
    try (ContractSuite suite = typedSuite(SelftestClient.Stray.class, SelftestClient.Stray::new)) {
      assertThatThrownBy(() -> run(suite, "getThing"))
          .hasMessageContaining("fields of StrayParams that match no parameter of the spec")
          .hasMessageContaining("colour");
    }
  }

  @Test
  void aFieldTheTypedMethodLosesFails() {
    try (ContractSuite suite = typedSuite(SelftestClient.Lossy.class, SelftestClient.Lossy::new)) {
      assertThatThrownBy(() -> run(suite, "getOther"))
          .hasMessageContaining("$.name was lost");
      assertThatThrownBy(() -> run(suite, "createThing"))
          .hasMessageContaining("$.name was lost");
    }
  }

  @Test
  void typedCoverageNamesEveryOperationWithoutATypedMethod() {
    try (ContractSuite suite = typedSuite(SelftestClient.Good.class, SelftestClient.Good::new)) {
      String printed = printedBy(() -> assertThatThrownBy(suite::assertCoverage)
          .hasMessageContaining("getUnbound")
          .hasMessageContaining("not in contract/selftest-operations.tsv")
          .hasMessageNotContaining("getThing"));
      assertThat(printed).contains("typed operations selftest: 5/6 (missing: getUnbound)");
    }
  }

  @Test
  void typedCoverageCountsATokenSourceCaseForAClientManagedOperation() throws Throwable {
    try (ContractSuite suite = ContractSuite.builder("selftest")
        .specResource("contract/selftest.yaml")
        .typed(SelftestClient.Good.class)
        .operationIndex("contract/selftest-operations-managed.tsv")
        .gson(new Gson())
        .surface("selftest", BASE, op -> true,
            stubs -> typedTarget(stubs, SelftestClient.Good::new))
        .tokenSource("getUnbound", call -> {
          call.callThrough(call.target(), "getOther");
          return null;
        })
        .build()) {
      assertThat(printedBy(suite::assertCoverage)).contains("typed operations selftest: 6/6");
      assertThatThrownBy(() -> run(suite, "getUnbound"))
          .hasMessageContaining("the client sent no request for selftest:getUnbound");
    }
  }

  private static <C extends AutoCloseable> ContractSuite typedSuite(Class<C> type,
      Function<String, C> client) {
    return ContractSuite.builder("selftest")
        .specResource("contract/selftest.yaml")
        .typed(type)
        .operationIndex("contract/selftest-operations.tsv")
        .gson(new Gson())
        .surface("selftest", BASE, op -> true, stubs -> typedTarget(stubs, client))
        .build();
  }

  private static <C extends AutoCloseable> ContractTarget typedTarget(ContractStubs stubs,
      Function<String, C> client) {
    return new FacadeClientTarget<>(client.apply(stubs.rootUrl() + BASE), call -> {
      throw new IllegalStateException("a typed suite executes no raw call");
    }, s -> { });
  }

  private static String printedBy(Runnable action) {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(out);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Stands in for whatever an override reaches an operation through. */
  interface UnboundApi {
    @retrofit2.http.GET("unbound")
    Call<Void> getUnbound();
  }

  private static ContractSuite suite(String flavour, Function<ContractStubs, ContractTarget> target) {
    return ContractSuite.builder("selftest")
        .specResource("contract/selftest.yaml")
        .generatedPackage("dev.b2bsdk.it.contract.selftest." + flavour)
        .gson(new Gson())
        .surface("selftest", BASE, op -> true, target)
        .build();
  }

  private static ContractTarget runtimeTarget(ContractStubs stubs) {
    return new RuntimeTarget("selftest", stubs.rootUrl() + BASE, new Gson());
  }

  /** Runs the dynamic test named {@code label}, rethrowing its failure. */
  private static void run(ContractSuite suite, String label) throws Throwable {
    List<DynamicTest> tests = new ArrayList<>();
    flatten(suite.dynamicTests(), tests);
    Executable test = tests.stream().filter(t -> t.getDisplayName().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no dynamic test " + label)).getExecutable();
    test.execute();
  }

  private static void flatten(Stream<? extends DynamicNode> nodes, List<DynamicTest> into) {
    nodes.forEach(n -> {
      if (n instanceof DynamicContainer) {
        flatten(((DynamicContainer) n).getChildren(), into);
      } else {
        into.add((DynamicTest) n);
      }
    });
  }

  /** A runtime target whose only authentication is the given interceptor. */
  private static final class InterceptedTarget implements ContractTarget {
    private final ClientRuntime runtime;

    InterceptedTarget(String baseUrl, Interceptor interceptor) {
      runtime = ClientRuntime.builder("selftest").baseUrl(baseUrl).gson(new Gson())
          .retry(RetryOptions.none()).transport(RuntimeTarget.timeouts())
          .authentication(interceptor).build();
    }

    @Override
    public <S> S api(Class<S> service, SpecOperation operation) {
      return runtime.create(service);
    }

    @Override
    public Response<?> execute(Call<?> call) {
      return runtime.calls().executeForResponse(call);
    }

    @Override
    public void close() {
      runtime.close();
    }
  }
}
