package dev.b2bsdk.testkit;

import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.core.MockServer;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import dev.b2bsdk.testkit.shopapp.ShopApplicationMock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running the API mocks for a test class: starts them before the class (or before
 * each test), puts them back to their seeded state before every test, stops them afterwards, and
 * injects them into test and lifecycle method parameters.
 *
 * <p>Configured, with {@code @RegisterExtension} on a static field:
 * <pre>{@code
 * @RegisterExtension
 * static final B2bMocks MOCKS = B2bMocks.with(InTouchMock.builder().parties(45));
 *
 * @Test
 * void readsEveryParty(InTouchMock intouch) {   // or MOCKS.get(InTouchMock.class)
 *   ... intouch.baseUrl(), intouch.username(), intouch.password() ...
 * }
 * }</pre>
 *
 * <p>Or with defaults, {@code @ExtendWith(B2bMocks.class)}: each of {@link ItCareMock},
 * {@link CareCloudMock}, {@link ShopApplicationMock} and {@link InTouchMock} starts with its
 * defaults the first time a parameter asks for it.
 *
 * <p>Lifecycle: {@link Lifecycle#PER_CLASS} (default) keeps one server per class and calls
 * {@link MockServer#reset()} before each test (data re-seeded, faults cleared, request journal
 * emptied; issued tokens stay valid); {@link Lifecycle#PER_TEST} starts and stops the servers around
 * every test (a new port each time). Registered on an instance field, mocks live per test. Tests
 * of one class must not run concurrently against the same mocks.
 */
public final class B2bMocks implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {

  /** When the servers start and stop. */
  public enum Lifecycle {
    /** One start per test class, reset before each test (default). */
    PER_CLASS,
    /** Start before and stop after each test. */
    PER_TEST
  }

  private static final Map<Class<?>, Supplier<MockServer<?>>> DEFAULTS = Map.of(
      ItCareMock.class, ItCareMock::create,
      CareCloudMock.class, CareCloudMock::create,
      ShopApplicationMock.class, ShopApplicationMock::create,
      InTouchMock.class, InTouchMock::create);

  private final Map<Class<?>, MockServer<?>> mocks = new LinkedHashMap<>();
  private final Lifecycle lifecycle;
  private final boolean resetBeforeEach;
  private int classDepth;

  /** The extension for {@code @ExtendWith}: mocks with defaults, started on first injection. */
  public B2bMocks() {
    this(Map.of(), Lifecycle.PER_CLASS, true);
  }

  private B2bMocks(Map<Class<?>, MockServer<?>> configured, Lifecycle lifecycle,
      boolean resetBeforeEach) {
    this.mocks.putAll(configured);
    this.lifecycle = lifecycle;
    this.resetBeforeEach = resetBeforeEach;
  }

  /** Runs the mocks these builders build (at most one per mock type). */
  public static B2bMocks with(MockServer.Builder<?, ?>... builders) {
    Map<Class<?>, MockServer<?>> configured = new LinkedHashMap<>();
    for (MockServer.Builder<?, ?> builder : builders) {
      MockServer<?> mock = builder.build();
      if (configured.put(mock.getClass(), mock) != null) {
        throw new IllegalArgumentException("two builders of " + mock.getClass().getSimpleName());
      }
    }
    return new B2bMocks(configured, Lifecycle.PER_CLASS, true);
  }

  /** Runs the four mocks with their defaults. */
  public static B2bMocks all() {
    return with(ItCareMock.builder(), CareCloudMock.builder(), ShopApplicationMock.builder(),
        InTouchMock.builder());
  }

  /** A copy that starts and stops the servers around each test. */
  public B2bMocks perTest() {
    return new B2bMocks(mocks, Lifecycle.PER_TEST, resetBeforeEach);
  }

  /** A copy that keeps the mocks' state from one test to the next (no reset). */
  public B2bMocks withoutReset() {
    return new B2bMocks(mocks, lifecycle, false);
  }

  /** The running (or configured) mock of {@code type}; a known type not configured yet is created. */
  public synchronized <M extends MockServer<M>> M get(Class<M> type) {
    return type.cast(mock(type));
  }

  /** The ITCare mock. */
  public ItCareMock itcare() {
    return get(ItCareMock.class);
  }

  /** The CareCloud mock. */
  public CareCloudMock careCloud() {
    return get(CareCloudMock.class);
  }

  /** The Shop Application mock. */
  public ShopApplicationMock shopApplication() {
    return get(ShopApplicationMock.class);
  }

  /** The InTouch mock. */
  public InTouchMock inTouch() {
    return get(InTouchMock.class);
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    classDepth++;
    if (lifecycle == Lifecycle.PER_CLASS) {
      mocks.values().forEach(MockServer::start);
    }
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    mocks.values().forEach(MockServer::start);
    if (resetBeforeEach) {
      mocks.values().forEach(MockServer::reset);
    }
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (lifecycle == Lifecycle.PER_TEST || classDepth == 0) {
      stopAll();
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    classDepth = Math.max(0, classDepth - 1);
    if (classDepth == 0) {
      stopAll();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    synchronized (this) {
      return mocks.containsKey(type) || DEFAULTS.containsKey(type);
    }
  }

  @Override
  public synchronized Object resolveParameter(ParameterContext parameter,
      ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    MockServer<?> mock = mock(type);
    if (mock == null) {
      throw new ParameterResolutionException("B2bMocks has no mock of type " + type.getName());
    }
    return mock.start();
  }

  private MockServer<?> mock(Class<?> type) {
    MockServer<?> mock = mocks.get(type);
    if (mock == null && DEFAULTS.containsKey(type)) {
      mock = Objects.requireNonNull(DEFAULTS.get(type).get());
      mocks.put(type, mock);
    }
    return mock;
  }

  private void stopAll() {
    List.copyOf(mocks.values()).forEach(MockServer::stop);
  }
}
