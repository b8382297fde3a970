package dev.b2bsdk.it.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.http.HttpLogLevel;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.it.faults.ClientUnderTest.Endpoint;
import dev.b2bsdk.it.faults.ClientUnderTest.Session;
import dev.b2bsdk.testkit.core.Fault;
import dev.b2bsdk.testkit.core.FaultRule;
import dev.b2bsdk.testkit.core.IssuedToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Everything one case of the matrix works with: the API under test, the client settings
 * (short timeouts, BODY logging, virtual time), fault injection (the mock's own faults or raw
 * WireMock stubs), the request journal, and the checks every case ends with.
 */
final class CaseContext implements ClientUnderTest.Setup, AutoCloseable {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  private static final AtomicInteger SCENARIOS = new AtomicInteger();

  final ClientUnderTest api;
  final VirtualTime time = new VirtualTime();
  private final SwitchableDns dns = new SwitchableDns();
  private final OkHttpClient transport;
  private final List<Session> sessions = new ArrayList<>();
  private boolean async;
  private final List<StubMapping> stubs = new ArrayList<>();
  private final Set<String> tokens = new LinkedHashSet<>();
  private final List<String> exceptionTexts = new ArrayList<>();
  private RetryOptions retry;
  private boolean validCredentials = true;
  private boolean repeatedCreateAllowed;
  private HttpLogLevel logLevel = HttpLogLevel.BODY;

  CaseContext(ClientUnderTest api) {
    this.api = api;
    this.transport = new OkHttpClient.Builder().dns(dns).build();
  }

  // ------------------------------------------------------------------ the client

  /** Replaces the API's retry defaults for this case. */
  CaseContext retry(RetryOptions options) {
    this.retry = options;
    return this;
  }

  /** The next clients log at {@code level} (default BODY). */
  CaseContext logging(HttpLogLevel level) {
    this.logLevel = level;
    return this;
  }

  /** The next client is built with a wrong secret. */
  CaseContext wrongCredentials() {
    this.validCredentials = false;
    return this;
  }

  /** Builds the client. */
  Session connect() {
    Session session = api.connect(this);
    sessions.add(session);
    return async ? new AsyncSession(session) : session;
  }

  /** From now on {@link #connect()} gives sessions that call the {@code …Async} methods. */
  CaseContext async() {
    this.async = true;
    return this;
  }

  /** A session whose calls go through the typed layer's {@code …Async} methods and wait. */
  private static final class AsyncSession implements Session {
    private final Session sync;

    AsyncSession(Session sync) {
      this.sync = sync;
    }

    private static Object await(java.util.concurrent.CompletableFuture<?> future) {
      try {
        return future.get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Object read() {
      return await(sync.readAsync());
    }

    @Override
    public Object create() {
      return await(sync.createAsync());
    }

    @Override
    public Object createRetryingAlways() {
      return await(sync.createRetryingAlwaysAsync());
    }

    @Override
    public long readPage() {
      return sync.readPage();
    }

    @Override
    public void close() {
      sync.close();
    }
  }

  @Override
  public <B extends ClientBuilder<B>> B apply(B builder) {
    builder.okHttpClient(transport)
        .connectTimeout(CONNECT_TIMEOUT)
        .readTimeout(READ_TIMEOUT)
        .writeTimeout(READ_TIMEOUT)
        .callTimeout(CALL_TIMEOUT)
        .logging(logLevel)
        .clock(time.clock())
        .sleeper(time);
    if (retry != null) {
      builder.retry(retry);
    }
    return builder;
  }

  @Override
  public String url(String mockUrl) {
    return mockUrl.replace("://127.0.0.1:", "://localhost:");
  }

  @Override
  public boolean validCredentials() {
    return validCredentials;
  }

  // ------------------------------------------------------------------ faults

  /** The mock's own fault: the next request to {@code endpoint} gets {@code fault}. */
  FaultRule fault(Endpoint endpoint, Fault fault) {
    return api.mock().faults().nextFor(endpoint.method(), endpoint.path(), fault);
  }

  /** A raw WireMock answer for every request to {@code endpoint} (wins over the mock). */
  void stub(Endpoint endpoint, ResponseDefinitionBuilder response) {
    stubs.add(api.mock().server().stubFor(matching(endpoint).willReturn(response)));
  }

  /** A raw WireMock answer for the next request to {@code endpoint}; later ones reach the mock. */
  void stubOnce(Endpoint endpoint, ResponseDefinitionBuilder response) {
    String scenario = "fault-matrix-" + SCENARIOS.incrementAndGet();
    stubs.add(api.mock().server().stubFor(matching(endpoint)
        .inScenario(scenario)
        .whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("answered")
        .willReturn(response)));
  }

  private static MappingBuilder matching(Endpoint endpoint) {
    return request(endpoint.method(), urlPathEqualTo(endpoint.path()));
  }

  /** From now on every new connection is refused; pooled ones are dropped first. */
  void refuseConnections() {
    transport.connectionPool().evictAll();
    dns.refuseConnections();
  }

  /** The mock forgets every token it issued (they answer 401 from now on). */
  void revokeTokens() {
    rememberTokens();
    api.mock().revokeTokens();
  }

  /** This case opts the create in to retries: the journal may show it more than once. */
  void allowRepeatedCreate() {
    repeatedCreateAllowed = true;
  }

  // ------------------------------------------------------------------ observations

  /** Requests to {@code endpoint} that reached the server (the WireMock journal). */
  int requests(Endpoint endpoint) {
    return api.mock().server().findAll(new RequestPatternBuilder(
        RequestMethod.fromString(endpoint.method()), urlPathEqualTo(endpoint.path()))).size();
  }

  /** Requests to the token endpoint (0 for an API without one). */
  int tokenRequests() {
    return api.token().map(this::requests).orElse(0);
  }

  /** Runs {@code call}, which must fail with {@code type}; returns the exception. */
  <T extends ApiException> T fails(Class<T> type, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("%s: expected %s", api, type.getSimpleName()).isInstanceOf(type);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      exceptionTexts.add(t.toString());
      if (t instanceof ApiException e) {
        exceptionTexts.add(String.valueOf(e.bodySnippet()));
        exceptionTexts.add(String.valueOf(e.requestUrl()));
      }
    }
    T failure = type.cast(thrown);
    assertThat(failure.api()).isEqualTo(api.name());
    return failure;
  }

  /** The first cause of {@code type} in the chain of {@code e}. */
  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + e);
  }

  // ------------------------------------------------------------------ the checks of every case

  /**
   * The invariants of every case: a create reached the server at most once (unless the case
   * opted in), the SDK logged HTTP traffic at BODY level, and neither the logs nor the exceptions
   * contain a secret.
   */
  void verifyInvariants(LogCapture logs) {
    if (!repeatedCreateAllowed) {
      assertThat(requests(api.create()))
          .as("%s: %s sent more than once after it reached the server", api, api.create())
          .isLessThanOrEqualTo(1);
    }
    rememberTokens();
    List<String> secrets = new ArrayList<>(api.credentials());
    secrets.addAll(tokens);
    List<String> lines = logs.lines();
    assertThat(logs.httpLines()).as("HTTP log at BODY level").isNotEmpty();
    for (String secret : secrets) {
      for (String line : lines) {
        assertThat(line).as("log line leaks a secret").doesNotContain(secret);
      }
      for (String text : exceptionTexts) {
        assertThat(text).as("exception leaks a secret").doesNotContain(secret);
      }
    }
  }

  private void rememberTokens() {
    for (IssuedToken token : api.mock().tokens().tokens()) {
      tokens.add(token.value());
    }
  }

  /** Closes the clients (CareCloud logs out here), so that the checks see their last requests. */
  void closeClients() {
    for (Session session : sessions) {
      session.close();
    }
    sessions.clear();
  }

  @Override
  public void close() {
    closeClients();
    for (StubMapping stub : stubs) {
      api.mock().server().removeStub(stub);
    }
    api.mock().server().resetScenarios();
    transport.connectionPool().evictAll();
    transport.dispatcher().executorService().shutdown();
  }

  /** A 200 JSON answer. */
  static ResponseDefinitionBuilder json(int status, String body) {
    return WireMock.aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  /** A 200 HTML answer, as a proxy or a maintenance page sends. */
  static ResponseDefinitionBuilder html(int status, String body) {
    return WireMock.aResponse().withStatus(status)
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
  }
}
