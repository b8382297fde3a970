package dev.b2bsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import dev.b2bsdk.testkit.shopapp.ShopApplicationMock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Credentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The JUnit extension, checked by running fixture classes through the JUnit Platform launcher:
 * injection, reset between tests, per-class and per-test lifecycles, stop after the class.
 */
class B2bMocksTest {

  @Test
  void perClassKeepsOneServerResetsBetweenTestsAndStopsAfterwards() {
    PerClassFixture.seen.clear();
    assertAllPassed(run(PerClassFixture.class), 2);
    assertThat(PerClassFixture.seen).hasSize(2);
    assertThat(PerClassFixture.seen.get(0)).isSameAs(PerClassFixture.seen.get(1));
    assertThat(PerClassFixture.MOCKS.inTouch().isRunning()).isFalse();
  }

  @Test
  void perTestStartsAFreshServerForEveryTest() {
    PerTestFixture.servers.clear();
    assertAllPassed(run(PerTestFixture.class), 2);
    assertThat(PerTestFixture.servers).hasSize(2);
    assertThat(PerTestFixture.servers.get(0)).isNotSameAs(PerTestFixture.servers.get(1));
    assertThat(PerTestFixture.MOCKS.shopApplication().isRunning()).isFalse();
  }

  @Test
  void extendWithInjectsDefaultMocksOnDemand() {
    DefaultFixture.injected.clear();
    assertAllPassed(run(DefaultFixture.class), 1);
    assertThat(DefaultFixture.injected).hasSize(2);
    DefaultFixture.injected.forEach(m -> assertThat(m.isRunning()).isFalse());
  }

  /** Fixture: a configured InTouch mock shared by the class. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassFixture {
    @RegisterExtension
    static final B2bMocks MOCKS = B2bMocks.with(InTouchMock.builder().parties(3));
    static final List<InTouchMock> seen = new CopyOnWriteArrayList<>();

    @Test
    @Order(1)
    void createsAParty(InTouchMock intouch) {
      seen.add(intouch);
      TestHttp http = new TestHttp().with("Authorization",
          Credentials.basic(intouch.username(), intouch.password()));
      assertThat(http.post(intouch.baseUrl() + "/parties", "{\"surname\":\"Král\"}").code())
          .isEqualTo(201);
      assertThat(intouch.parties()).hasSize(4);
    }

    @Test
    @Order(2)
    void seesTheSeededStateAgain(InTouchMock intouch) {
      seen.add(intouch);
      assertThat(intouch).isSameAs(MOCKS.inTouch());
      assertThat(intouch.isRunning()).isTrue();
      assertThat(intouch.parties()).hasSize(3);
      assertThat(intouch.server().getAllServeEvents()).isEmpty();
    }
  }

  /** Fixture: a Shop Application mock restarted for every test. */
  static class PerTestFixture {
    @RegisterExtension
    static final B2bMocks MOCKS = B2bMocks.with(ShopApplicationMock.builder()).perTest();
    static final List<WireMockServer> servers = new CopyOnWriteArrayList<>();

    @Test
    void first(ShopApplicationMock shop) {
      servers.add(shop.server());
    }

    @Test
    void second(ShopApplicationMock shop) {
      servers.add(shop.server());
    }
  }

  /** Fixture: default mocks injected where asked, also into {@code @BeforeAll}. */
  @ExtendWith(B2bMocks.class)
  static class DefaultFixture {
    static final List<dev.b2bsdk.testkit.core.MockServer<?>> injected = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void before(ItCareMock itcare) {
      injected.add(itcare);
      assertThat(itcare.isRunning()).isTrue();
    }

    @Test
    void injects(ItCareMock itcare, CareCloudMock careCloud) {
      assertThat(injected.get(0)).isSameAs(itcare);
      injected.add(careCloud);
      assertThat(new TestHttp().get(itcare.baseUrl() + "/health").code()).isEqualTo(200);
      assertThat(careCloud.baseUrl()).endsWith("/webservice/rest-api");
    }
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(fixture)).build(), listener);
    return listener.getSummary();
  }

  private static void assertAllPassed(TestExecutionSummary summary, int tests) {
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 20);
    assertThat(summary.getTotalFailureCount()).as(failures.toString()).isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
  }
}
