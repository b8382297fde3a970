package dev.b2bsdk.testkit.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Base of the four API mocks: an in-process WireMock server on {@code 127.0.0.1} (dynamic port by
 * default) whose every request goes through one catch-all stub to this mock's {@link Router}, under
 * one lock, after {@link Faults} had their say. Subclasses only declare routes, state and their error
 * body. Behind the routes, every other operation of the API's spec is answered by a spec-driven
 * default responder (see {@link Builder#spec(URL)}).
 *
 * <p>WireMock stays fully usable through {@link #server()}: the request journal for
 * {@code verify}/{@code findAll}, and your own stubs, which win over the mock's behaviour (they get
 * WireMock's default priority, the catch-all the lowest). Use {@link #reset()}, not
 * {@code server().resetAll()}, which would also remove the catch-all.
 *
 * @param <M> the concrete mock type
 */
public abstract class MockServer<M extends MockServer<M>> implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";

  private final Object lock = new Object();
  private final int requestedPort;
  private final Clock clock;
  private final long seed;
  private final int maxPageSize;
  private final Faults faults = new Faults();
  private final TokenStore tokens;
  private final URL spec;
  private Router router;
  private volatile WireMockServer server;

  /** Takes the common settings of {@code builder}. */
  protected MockServer(Builder<?, ?> builder) {
    this.requestedPort = builder.port;
    this.clock = builder.clock;
    this.seed = builder.seed;
    this.maxPageSize = builder.maxPageSize;
    this.tokens = new TokenStore(clock);
    this.spec = builder.spec;
  }

  /** Starts the server (no-op when running) and returns this mock. */
  public final M start() {
    synchronized (lock) {
      if (server != null) {
        return self();
      }
      if (router == null) {
        Router declared = new Router();
        routes(declared);
        declared.fallback(SpecResponder.load(specUrl(), seed, maxPageSize, this::specGuard));
        router = declared;
      }
      WireMockConfiguration config = options()
          .bindAddress(LOOPBACK)
          .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
          .extensions(new Dispatcher(this));
      config = requestedPort == 0 ? config.dynamicPort() : config.port(requestedPort);
      WireMockServer started = new WireMockServer(config);
      started.start();
      server = started;
      installCatchAll(started);
      return self();
    }
  }

  /** Stops the server (no-op when stopped). State is kept: a restart serves the same data. */
  public final void stop() {
    WireMockServer running;
    synchronized (lock) {
      running = server;
      server = null;
    }
    if (running != null) {
      running.stop();
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public final void close() {
    stop();
  }

  /** Whether the server is running. */
  public final boolean isRunning() {
    return server != null;
  }

  /** The port the server listens on. */
  public final int port() {
    return running().port();
  }

  /** {@code http://127.0.0.1:<port>}, the server root. */
  public final String rootUrl() {
    return "http://" + LOOPBACK + ":" + port();
  }

  /** The base URL the SDK client of this API takes. */
  public abstract String baseUrl();

  /** The underlying WireMock server (journal, {@code verify}, extra stubs). */
  public final WireMockServer server() {
    return running();
  }

  /** Fault injection of this mock. */
  public final Faults faults() {
    return faults;
  }

  /** Tokens this mock issued. */
  public final TokenStore tokens() {
    return tokens;
  }

  /** The clock token expiry and timestamps are measured on. */
  public final Clock clock() {
    return clock;
  }

  /** The data seed. */
  public final long seed() {
    return seed;
  }

  /** The configured page-size cap, {@code 0} when only the API's own cap applies. */
  public final int maxPageSize() {
    return maxPageSize;
  }

  /** Expires every token issued so far: the next call with one answers 401. */
  public void expireAllTokens() {
    tokens.expireAll();
  }

  /** Forgets every token issued so far (as after a server restart): they become unknown. */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /**
   * Back to the seeded state: data re-generated from the seed, faults cleared, request journal
   * emptied. Issued tokens stay valid, so a client built once per test class keeps working.
   */
  public final void reset() {
    synchronized (lock) {
      faults.clear();
      resetState();
    }
    WireMockServer running = server;
    if (running != null) {
      running.resetRequests();
    }
  }

  /** Runs {@code action} under the mock's lock (the lock handlers run under). */
  protected final <T> T locked(Supplier<T> action) {
    synchronized (lock) {
      return action.get();
    }
  }

  /** Declares the routes; called once, before the first start. */
  protected abstract void routes(Router router);

  /** (Re)builds the seeded state. Called under the lock by {@link #reset()}. */
  protected abstract void resetState();

  /** The API's error body. */
  protected abstract ErrorRenderer errors();

  /**
   * Classpath location of this API's spec in the specs jar, e.g. {@code specs/itcare.yaml}: the
   * spec the default responder answers from unless the builder was given another one.
   */
  protected abstract String specResource();

  /**
   * How a request to a spec operation no stateful route serves is authenticated (and, for
   * CareCloud, whether the interface serves it): the same credentials the stateful routes want.
   * Default: no check.
   */
  protected Guard specGuard(SpecOperation operation) {
    return Guard.NONE;
  }

  /** The spec the default responder answers from. */
  final URL specUrl() {
    if (spec != null) {
      return spec;
    }
    URL resource = MockServer.class.getClassLoader().getResource(specResource());
    if (resource == null) {
      throw new IllegalStateException(specResource() + " is not on the classpath (b2bsdk-specs)");
    }
    return resource;
  }

  /** The default responder (after the first start), for the testkit's own tests. */
  final SpecResponder specResponder() {
    synchronized (lock) {
      return router == null ? null : router.fallback();
    }
  }

  /** This mock. */
  @SuppressWarnings("unchecked")
  protected M self() {
    return (M) this;
  }

  /** Serves one request: faults first, then the routed handler under the lock. */
  final MockResponse serve(MockRequest request) {
    Optional<Fault> fault = faults.take(request);
    Duration delay = fault.map(Fault::delayBy).orElse(Duration.ZERO);
    if (fault.isPresent() && fault.get().kind() != Fault.Kind.DELAY) {
      return injected(request, fault.get()).withDelay(delay);
    }
    MockResponse response;
    synchronized (lock) {
      try {
        response = router.route(request);
      } catch (MockFailure failure) {
        response = errors().render(request, failure);
      } catch (RuntimeException bug) {
        // a bug of the mock itself: answer like a server error, and make it visible
        bug.printStackTrace();
        response = errors().render(request, MockFailure.of(500, "internal_error",
            "Mock internal error: " + bug.getClass().getSimpleName()));
      }
    }
    return response.withDelay(delay);
  }

  private MockResponse injected(MockRequest request, Fault fault) {
    return switch (fault.kind()) {
      case STATUS -> {
        MockResponse r = errors().render(request, MockFailure.of(fault.status(),
            codeOf(fault.status()),
            fault.message() != null ? fault.message() : messageOf(fault.status())));
        yield fault.retryAfter() == null ? r : r.withHeader("Retry-After", fault.retryAfter());
      }
      case CONNECTION_RESET -> MockResponse.fault(
          com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
      case EMPTY_RESPONSE -> MockResponse.fault(
          com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
      case RANDOM_DATA -> MockResponse.fault(
          com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE);
      case MALFORMED_BODY -> MockResponse.raw(200, MockResponse.JSON_TYPE, "{\"data\": [{\"id\": ");
      case DELAY -> throw new IllegalStateException("a delay is served normally");
    };
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 429 -> "too_many_requests";
      case 500 -> "internal_error";
      case 502 -> "bad_gateway";
      case 503 -> "service_unavailable";
      case 504 -> "gateway_timeout";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 409 -> "conflict";
      default -> "error_" + status;
    };
  }

  private static String messageOf(int status) {
    return switch (status) {
      case 429 -> "Too many requests";
      case 500 -> "Internal server error";
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      case 504 -> "Gateway timeout";
      default -> "Injected error " + status;
    };
  }

  private WireMockServer running() {
    WireMockServer s = server;
    if (s == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is not running: call start()");
    }
    return s;
  }

  private static void installCatchAll(WireMockServer target) {
    target.stubFor(any(anyUrl()).atPriority(Integer.MAX_VALUE)
        .willReturn(aResponse().withTransformers(Dispatcher.NAME)));
  }

  /**
   * Settings every mock shares. Defaults: dynamic port, system clock, seed {@code 20240611}, no page
   * cap beyond the API's own.
   *
   * @param <B> the concrete builder
   * @param <M> the mock it builds
   */
  public abstract static class Builder<B extends Builder<B, M>, M extends MockServer<M>> {

    private int port;
    private Clock clock = Clock.systemUTC();
    private long seed = 20240611L;
    private int maxPageSize;
    private URL spec;

    /** Fixed port ({@code 0}, the default: any free port). */
    public B port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port out of range: " + value);
      }
      this.port = value;
      return self();
    }

    /** The clock tokens expire on and timestamps are taken from (e.g. a {@link MutableClock}). */
    public B clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return self();
    }

    /** Seed of the generated data; the same seed gives the same records. */
    public B seed(long value) {
      this.seed = value;
      return self();
    }

    /** Caps every page at {@code value} items whatever the client asks (simulates a capping server). */
    public B maxPageSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxPageSize must be >= 1");
      }
      this.maxPageSize = value;
      return self();
    }

    /**
     * The OpenAPI document (YAML or JSON) whose operations the mock answers when no stateful
     * behaviour serves a request (default: the API's spec from the specs jar). An operation added
     * to it is answered without code: validated request, the operation's example or a value
     * synthesised from its schema, paged when it carries {@code x-paging}.
     */
    public B spec(URL value) {
      this.spec = Objects.requireNonNull(value, "spec");
      return self();
    }

    /** {@link #spec(URL)} from a file. */
    public B spec(Path file) {
      try {
        return spec(Objects.requireNonNull(file, "spec").toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a spec location: " + file, e);
      }
    }

    /** The seed given to the generator. */
    protected long seedValue() {
      return seed;
    }

    /** Builds the mock, not started. */
    public abstract M build();

    /** Builds and starts the mock. */
    public M start() {
      return build().start();
    }

    /** This builder. */
    @SuppressWarnings("unchecked")
    protected B self() {
      return (B) this;
    }
  }
}
