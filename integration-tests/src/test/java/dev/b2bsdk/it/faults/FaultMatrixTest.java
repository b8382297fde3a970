package dev.b2bsdk.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: the SDK's five clients (ITCare, CareCloud enterprise and customer, Shop
 * Application, InTouch) through every fault of {@link FaultCatalog}, each on its testkit mock
 * (WireMock on loopback), with short timeouts (connect 1 s, read 1 s, call 3 s), HTTP logging at
 * BODY level captured in memory, and retry waits recorded instead of slept ({@link VirtualTime}).
 *
 * <p>Each case asserts its own outcome (success after N attempts, or the named exception with
 * status and body snippet), and then the invariants of every case: it ended within
 * {@link #BOUND}, the journal shows no create (POST) sent twice after it reached the server
 * (unless the case opted in), and neither the captured logs nor the exceptions contain a
 * credential or a token. The last line printed is {@code fault matrix: N cases, P passed}.
 */
@ExtendWith(MatrixTally.class)
class FaultMatrixTest {

  /** No case may take longer: proves that no fault makes a client hang. */
  static final Duration BOUND = Duration.ofSeconds(10);

  /** The clients, in the order of {@link #startMocks()} (display names of the cases). */
  private static final List<String> NAMES = List.of("ITCare", "CareCloud enterprise",
      "CareCloud customer", "Shop Application", "InTouch");

  private static List<ClientUnderTest> apis;
  private static LogCapture logs;

  @BeforeAll
  static void startMocks() {
    logs = new LogCapture();
    apis = List.of(new ItCareUnderTest(), new CareCloudUnderTest(),
        new CareCloudCustomerUnderTest(), new ShopApplicationUnderTest(), new InTouchUnderTest());
    // A cold server (class loading, JIT) can take longer than the 1 s read timeout on its first
    // requests: warm every path up once, so that no case counts a retry it did not provoke.
    for (ClientUnderTest api : apis) {
      try (CaseContext ctx = new CaseContext(api)) {
        ClientUnderTest.Session session = ctx.connect();
        session.read();
        session.create();
        session.readPage();
      }
    }
  }

  @AfterAll
  static void stopMocks() {
    if (apis != null) {
      apis.forEach(ClientUnderTest::close);
    }
    if (logs != null) {
      logs.close();
    }
  }

  /** Every client × every fault: (index into {@link #apis}, the fault, the client's name). */
  static Stream<Arguments> matrix() {
    return IntStream.range(0, NAMES.size()).boxed().flatMap(api -> FaultCatalog.all().stream()
        .map(fault -> Arguments.of(api, fault, NAMES.get(api))));
  }

  @ParameterizedTest(name = "{2} × {1}")
  @MethodSource("matrix")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void survives(int apiIndex, FaultCase fault, String apiName) throws Exception {
    ClientUnderTest api = apis.get(apiIndex);
    Optional<String> notApplicable = fault.notApplicable().apply(api);
    Assumptions.assumeTrue(notApplicable.isEmpty(), notApplicable::orElseThrow);
    api.mock().reset();
    logs.clear();
    try (CaseContext ctx = new CaseContext(api)) {
      try {
        long start = System.nanoTime();
        fault.scenario().run(api, ctx);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(elapsed).as("%s × %s took too long", api, fault).isLessThanOrEqualTo(BOUND);
        ctx.closeClients();
        ctx.verifyInvariants(logs);
      } catch (AssertionError | RuntimeException e) {
        // what the client did, for the report; the log is redacted by the SDK
        System.out.println("---- " + api + " × " + fault + " failed; SDK log:");
        logs.lines().forEach(line -> System.out.println("  " + line.replace("\n", "\n  ")));
        throw e;
      }
    }
  }
}
