package dev.b2bsdk.it.faults;

import static dev.b2bsdk.it.faults.CaseContext.cause;
import static dev.b2bsdk.it.faults.CaseContext.html;
import static dev.b2bsdk.it.faults.CaseContext.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.core.error.ServerException;
import dev.b2bsdk.core.error.ThrottledException;
import dev.b2bsdk.core.error.TransportException;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.it.faults.ClientUnderTest.Body;
import dev.b2bsdk.it.faults.ClientUnderTest.Endpoint;
import dev.b2bsdk.it.faults.ClientUnderTest.PageBody;
import dev.b2bsdk.it.faults.ClientUnderTest.Session;
import dev.b2bsdk.testkit.core.Fault;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * The rows of the fault matrix and the outcome each API must show. Retry expectations follow the
 * API defaults (3 attempts, full-jitter backoff from 200 ms, 1 s after a 429, {@code Retry-After}
 * honoured up to 60 s, 60 s budget per call; 429, 502, 503, 504 and I/O errors retried, 500 too
 * for CareCloud); POST is retried only when it never left the client, or when the caller opts in.
 */
final class FaultCatalog {

  private static final Duration BASE_DELAY = Duration.ofMillis(200);
  private static final Duration THROTTLED_BASE_DELAY = Duration.ofSeconds(1);
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);
  private static final String PROXY_PAGE = "<html><head><title>502 Bad Gateway</title></head>"
      + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
  private static final String MAINTENANCE_PAGE = "<!DOCTYPE html><html><head><title>Maintenance"
      + "</title></head><body><p>We will be back soon.</p></body></html>";

  private FaultCatalog() {
  }

  static List<FaultCase> all() {
    List<FaultCase> rows = new java.util.ArrayList<>(sync());
    int firstTokenRow = 0;
    while (!rows.get(firstTokenRow).name().startsWith("token endpoint")) {
      firstTokenRow++;
    }
    // the transport and throttling rows again through the …Async methods: the same outcomes,
    // with the waits scheduled on the SDK's timer (recorded through the client's sleeper)
    for (FaultCase row : List.copyOf(rows.subList(0, firstTokenRow))) {
      rows.add(async(row));
    }
    return List.copyOf(rows);
  }

  private static FaultCase async(FaultCase row) {
    boolean create = row.name().contains("POST");
    return new FaultCase(row.name() + " [async]", (api, c) -> row.scenario().run(api, c.async()),
        api -> row.notApplicable().apply(api).or(() -> create && !api.asyncCreate()
            ? Optional.of(api.name() + "'s create is a begin… poller: it has no …Async form")
            : Optional.empty()));
  }

  private static List<FaultCase> sync() {
    return List.of(
        // ---------------------------------------------------------------- transport, GET
        FaultCase.of("connection reset, then success (GET)",
            (api, c) -> recoversOnRead(api, c, Fault.CONNECTION_RESET)),
        FaultCase.of("connection reset, persistent (GET)", FaultCatalog::resetPersistentRead),
        FaultCase.of("empty response, then success (GET)",
            (api, c) -> recoversOnRead(api, c, Fault.EMPTY_RESPONSE)),
        FaultCase.of("malformed response chunk (GET)", FaultCatalog::malformedChunkRead),
        FaultCase.of("random data then close, then success (GET)",
            (api, c) -> recoversOnRead(api, c, Fault.RANDOM_DATA)),
        FaultCase.of("read timeout, then success (GET)", FaultCatalog::readTimeoutRead),
        FaultCase.of("slow drip beyond the call timeout (GET)",
            (api, c) -> slowDrip(c, api.read(), Session::read)),
        FaultCase.of("connection refused (GET)",
            (api, c) -> connectionRefused(api, c, api.read(), Session::read)),
        // ---------------------------------------------------------------- transport, POST
        FaultCase.of("connection reset (POST)",
            (api, c) -> createNotRepeated(api, c, Fault.CONNECTION_RESET)),
        FaultCase.of("empty response (POST)",
            (api, c) -> createNotRepeated(api, c, Fault.EMPTY_RESPONSE)),
        FaultCase.of("malformed response chunk (POST)", FaultCatalog::malformedChunkCreate),
        FaultCase.of("random data then close (POST)",
            (api, c) -> createNotRepeated(api, c, Fault.RANDOM_DATA)),
        FaultCase.of("read timeout (POST)", FaultCatalog::readTimeoutCreate),
        FaultCase.of("slow drip beyond the call timeout (POST)",
            (api, c) -> slowDrip(c, api.create(), Session::create)),
        FaultCase.of("connection refused (POST: never sent, so retried)",
            (api, c) -> connectionRefused(api, c, api.create(), Session::create)),
        FaultCase.of("connection reset, caller opted in (POST, RetryMode.ALWAYS)",
            FaultCatalog::optedInCreate),
        // ---------------------------------------------------------------- throttling and 5xx
        FaultCase.of("429 with Retry-After seconds, then success", FaultCatalog::retryAfterSeconds),
        FaultCase.of("429 with Retry-After HTTP date, then success", FaultCatalog::retryAfterDate),
        FaultCase.of("429 with Retry-After above the cap, then success",
            FaultCatalog::retryAfterCapped),
        FaultCase.of("429 without Retry-After, then success", FaultCatalog::throttledNoHeader),
        FaultCase.of("429 on a create (POST)", FaultCatalog::throttledCreate),
        FaultCase.of("429 persistent, retry budget exhausted", FaultCatalog::budgetExhausted),
        FaultCase.of("503, then success (GET)", FaultCatalog::unavailableThenSuccess),
        FaultCase.of("503 on a create (POST)", FaultCatalog::unavailableCreate),
        FaultCase.of("500 persistent", FaultCatalog::persistent500),
        FaultCase.of("502 persistent", (api, c) -> persistent5xx(api, c, 502)),
        FaultCase.of("504 persistent", (api, c) -> persistent5xx(api, c, 504)),
        FaultCase.of("502 with a proxy's HTML page", FaultCatalog::proxyErrorPage),
        // ---------------------------------------------------------------- tokens / credentials
        FaultCase.withToken("token endpoint 500, then success", FaultCatalog::token500),
        FaultCase.withToken("token endpoint 503, then success", FaultCatalog::token503),
        FaultCase.withToken("token endpoint connection reset, then success",
            FaultCatalog::tokenReset),
        FaultCase.of("credentials refused", FaultCatalog::credentialsRefused),
        FaultCase.of("token revoked mid-session (401)", FaultCatalog::revokedMidSession),
        FaultCase.withToken("token endpoint answering an HTML page", FaultCatalog::tokenHtml),
        // ---------------------------------------------------------------- payloads
        FaultCase.of("200 with malformed JSON", FaultCatalog::malformedJson),
        FaultCase.of("200 with an HTML page", FaultCatalog::htmlPage),
        FaultCase.of("200 with an empty body", FaultCatalog::emptyBody),
        FaultCase.of("unknown enum value", (api, c) -> tolerated(api, c, Body.UNKNOWN_ENUM)),
        FaultCase.of("unknown extra fields", (api, c) -> tolerated(api, c, Body.EXTRA_FIELDS)),
        FaultCase.of("missing fields", (api, c) -> tolerated(api, c, Body.MISSING_FIELDS)),
        FaultCase.of("10 MB page", FaultCatalog::tenMegabytePage),
        // ---------------------------------------------------------------- echoed secrets
        FaultCase.of("server echoes the credentials and token in a JSON error (401)",
            (api, c) -> echoed(api, c, Echo.JSON)),
        FaultCase.of("server echoes the credentials and token in an HTML page (502)",
            (api, c) -> echoed(api, c, Echo.HTML)),
        FaultCase.of("server echoes the credentials and token in plain text (503)",
            (api, c) -> echoed(api, c, Echo.PLAIN)),
        FaultCase.of("server echoes the credentials and token in headers (500)",
            (api, c) -> echoed(api, c, Echo.HEADERS)),
        FaultCase.of("server echoes the credentials and token in a 200 it cannot read",
            (api, c) -> echoed(api, c, Echo.MALFORMED)),
        FaultCase.withToken("token endpoint echoes the credentials (400, JSON)",
            FaultCatalog::tokenEndpointEchoes),
        // ---------------------------------------------------------------- data safety
        FaultCase.withUpdate("read-modify-write keeps unknown fields, unknown enum values and nulls",
            FaultCatalog::readModifyWrite));
  }

  // ------------------------------------------------------------------ transport

  /** A GET retried once after an I/O failure succeeds; the backoff is the first jittered one. */
  private static void recoversOnRead(ClientUnderTest api, CaseContext c, Fault fault) {
    c.fault(api.read(), fault);
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    assertThat(c.requests(api.read())).isEqualTo(2);
    assertThat(c.time.waits()).hasSize(1).allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO,
        BASE_DELAY));
  }

  private static void resetPersistentRead(ClientUnderTest api, CaseContext c) {
    c.fault(api.read(), Fault.CONNECTION_RESET).always();
    Session s = c.connect();
    TransportException e = c.fails(TransportException.class, s::read);
    assertThat(e.status()).isZero();
    assertThat(e.isTimeout()).isFalse();
    assertThat(c.requests(api.read())).isEqualTo(3);
    assertThat(c.time.waits()).hasSize(2);
    assertThat(c.time.waits().get(1)).isLessThanOrEqualTo(BASE_DELAY.multipliedBy(2));
  }

  /**
   * Status and headers arrive, then the chunked body breaks: the failure happens while the body
   * is read, after the retry interceptor returned, so even a GET is not repeated.
   */
  private static void malformedChunkRead(ClientUnderTest api, CaseContext c) {
    c.stubOnce(api.read(), WireMock.aResponse().withFault(
        com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK));
    Session s = c.connect();
    TransportException e = c.fails(TransportException.class, s::read);
    assertThat(e.status()).isZero();
    assertThat(c.requests(api.read())).isEqualTo(1);
  }

  private static void malformedChunkCreate(ClientUnderTest api, CaseContext c) {
    c.stubOnce(api.create(), WireMock.aResponse().withFault(
        com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK));
    Session s = c.connect();
    c.fails(TransportException.class, s::create);
    assertThat(c.requests(api.create())).isEqualTo(1);
  }

  private static void readTimeoutRead(ClientUnderTest api, CaseContext c) {
    c.fault(api.read(), Fault.delay(CaseContext.READ_TIMEOUT.plusMillis(700)));
    Session s = c.connect();
    long start = System.nanoTime();
    assertThat(s.read()).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(CaseContext.READ_TIMEOUT);
    assertThat(c.requests(api.read())).isEqualTo(2);
  }

  private static void readTimeoutCreate(ClientUnderTest api, CaseContext c) {
    // the mock acts on the create and answers late: the client cannot know, so it must not resend
    c.fault(api.create(), Fault.delay(CaseContext.READ_TIMEOUT.plusMillis(700)));
    Session s = c.connect();
    TransportException e = c.fails(TransportException.class, s::create);
    assertThat(e.isTimeout()).isTrue();
    assertThat(c.requests(api.create())).isEqualTo(1);
    assertThat(c.time.waits()).isEmpty();
  }

  /**
   * Headers at once, then the body byte by byte, each gap shorter than the read timeout: only the
   * call timeout can end it.
   */
  private static void slowDrip(CaseContext c, Endpoint endpoint, Call call) {
    String body = "{\"filler\":\"" + ClientUnderTest.pad(400) + "\"}";
    // gzip off: Jetty would buffer the compressed body, and the gaps would exceed the read timeout
    c.stub(endpoint, json(endpoint.method().equals("POST") ? 201 : 200, body)
        .withGzipDisabled(true)
        .withChunkedDribbleDelay(40, 12_000));
    Session s = c.connect();
    long start = System.nanoTime();
    TransportException e = c.fails(TransportException.class, () -> call.on(s));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(e.isTimeout()).as("timeout: %s caused by %s", e, e.getCause()).isTrue();
    assertThat(elapsed).isBetween(CaseContext.CALL_TIMEOUT.minusMillis(500),
        CaseContext.CALL_TIMEOUT.plusSeconds(2));
    assertThat(c.requests(endpoint)).isEqualTo(1);
  }

  /** Nothing listens: every attempt fails before a byte is sent, so a POST is retried too. */
  private static void connectionRefused(ClientUnderTest api, CaseContext c, Endpoint endpoint,
      Call call) {
    Session s = c.connect();
    assertThat(s.read()).isNotNull(); // a token first, where the API has one
    int before = c.requests(endpoint);
    c.refuseConnections();
    TransportException e = c.fails(TransportException.class, () -> call.on(s));
    assertThat(cause(e, java.net.ConnectException.class)).isNotNull();
    assertThat(c.requests(endpoint)).isEqualTo(before);
    assertThat(c.time.waits()).hasSize(2);
  }

  /** An I/O failure after the POST may have reached the server: never resent. */
  private static void createNotRepeated(ClientUnderTest api, CaseContext c, Fault fault) {
    c.fault(api.create(), fault);
    Session s = c.connect();
    TransportException e = c.fails(TransportException.class, s::create);
    assertThat(e.requestMethod()).isEqualTo("POST");
    assertThat(c.requests(api.create())).isEqualTo(1);
    assertThat(c.time.waits()).isEmpty();
  }

  private static void optedInCreate(ClientUnderTest api, CaseContext c) {
    c.allowRepeatedCreate();
    c.fault(api.create(), Fault.CONNECTION_RESET);
    Session s = c.connect();
    assertThat(s.createRetryingAlways()).isNotNull();
    assertThat(c.requests(api.create())).isEqualTo(2);
    assertThat(c.time.waits()).hasSize(1);
  }

  // ------------------------------------------------------------------ throttling and 5xx

  private static void retryAfterSeconds(ClientUnderTest api, CaseContext c) {
    c.fault(api.read(), Fault.status(429).withRetryAfter("2"));
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    assertThat(c.time.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(c.requests(api.read())).isEqualTo(2);
  }

  private static void retryAfterDate(ClientUnderTest api, CaseContext c) {
    String date = HTTP_DATE.format(c.time.clock().instant().plusSeconds(4)
        .truncatedTo(ChronoUnit.SECONDS));
    c.fault(api.read(), Fault.status(429).withRetryAfter(date));
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    assertThat(c.time.waits()).hasSize(1).allSatisfy(w ->
        assertThat(w).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(4)));
    assertThat(c.requests(api.read())).isEqualTo(2);
  }

  private static void retryAfterCapped(ClientUnderTest api, CaseContext c) {
    c.retry(defaults(api).toBuilder().maxRetryAfter(Duration.ofSeconds(5)).build());
    c.fault(api.read(), Fault.status(429).withRetryAfter("3600"));
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    assertThat(c.time.waits()).containsExactly(Duration.ofSeconds(5));
  }

  private static void throttledNoHeader(ClientUnderTest api, CaseContext c) {
    c.fault(api.read(), Fault.status(429));
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    assertThat(c.time.waits()).hasSize(1).allSatisfy(w ->
        // equal jitter: at least half the backoff, never next to nothing
        assertThat(w).isBetween(THROTTLED_BASE_DELAY.dividedBy(2), THROTTLED_BASE_DELAY));
  }

  private static void throttledCreate(ClientUnderTest api, CaseContext c) {
    c.fault(api.create(), Fault.status(429).withRetryAfter("2"));
    Session s = c.connect();
    ThrottledException e = c.fails(ThrottledException.class, s::create);
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(c.requests(api.create())).isEqualTo(1);
    assertThat(c.time.waits()).isEmpty();
  }

  /** 40 s, then another 40 s would pass the 60 s budget: the second 429 is the answer. */
  private static void budgetExhausted(ClientUnderTest api, CaseContext c) {
    c.fault(api.read(), Fault.status(429).withRetryAfter("40")).always();
    Session s = c.connect();
    ThrottledException e = c.fails(ThrottledException.class, s::read);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(40));
    assertThat(c.requests(api.read())).isEqualTo(2);
    assertThat(c.time.waits()).containsExactly(Duration.ofSeconds(40));
  }

  private static void unavailableThenSuccess(ClientUnderTest api, CaseContext c) {
    c.fault(api.read(), Fault.SERVICE_UNAVAILABLE);
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    assertThat(c.requests(api.read())).isEqualTo(2);
    assertThat(c.time.waits()).hasSize(1).allSatisfy(w ->
        assertThat(w).isBetween(Duration.ZERO, BASE_DELAY));
  }

  private static void unavailableCreate(ClientUnderTest api, CaseContext c) {
    c.fault(api.create(), Fault.SERVICE_UNAVAILABLE);
    Session s = c.connect();
    ServerException e = c.fails(ServerException.class, s::create);
    assertThat(e.status()).isEqualTo(503);
    assertThat(c.requests(api.create())).isEqualTo(1);
  }

  private static void persistent500(ClientUnderTest api, CaseContext c) {
    c.fault(api.read(), Fault.INTERNAL_SERVER_ERROR).always();
    Session s = c.connect();
    ServerException e = c.fails(ServerException.class, s::read);
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.bodySnippet()).isNotBlank();
    assertThat(c.requests(api.read())).isEqualTo(api.retries500() ? 3 : 1);
  }

  private static void persistent5xx(ClientUnderTest api, CaseContext c, int status) {
    c.fault(api.read(), Fault.status(status)).always();
    Session s = c.connect();
    ServerException e = c.fails(ServerException.class, s::read);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.bodySnippet()).isNotBlank();
    assertThat(c.requests(api.read())).isEqualTo(3);
    List<Duration> waits = c.time.waits();
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isLessThanOrEqualTo(BASE_DELAY);
    assertThat(waits.get(1)).isLessThanOrEqualTo(BASE_DELAY.multipliedBy(2));
  }

  private static void proxyErrorPage(ClientUnderTest api, CaseContext c) {
    c.stub(api.read(), html(502, PROXY_PAGE));
    Session s = c.connect();
    ServerException e = c.fails(ServerException.class, s::read);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.errorCode()).isNull();
    assertThat(e.bodySnippet()).contains("<h1>502 Bad Gateway</h1>");
    assertThat(c.requests(api.read())).isEqualTo(3);
  }

  // ------------------------------------------------------------------ tokens and credentials

  private static Endpoint token(ClientUnderTest api) {
    return api.token().orElseThrow();
  }

  private static void token500(ClientUnderTest api, CaseContext c) {
    c.fault(token(api), Fault.INTERNAL_SERVER_ERROR);
    Session s = c.connect();
    if (api.retries500()) {
      assertThat(s.read()).isNotNull();
    } else {
      // 500 is not retried for this API: the call fails, and the next one gets a token
      AuthenticationException e = c.fails(AuthenticationException.class, s::read);
      assertThat(cause(e, ServerException.class).status()).isEqualTo(500);
      assertThat(c.requests(api.read())).isZero();
      assertThat(s.read()).isNotNull();
    }
    assertThat(c.tokenRequests()).isEqualTo(2);
    assertThat(c.requests(api.read())).isEqualTo(1);
  }

  private static void token503(ClientUnderTest api, CaseContext c) {
    c.fault(token(api), Fault.SERVICE_UNAVAILABLE);
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    assertThat(c.tokenRequests()).isEqualTo(2);
    assertThat(c.time.waits()).hasSize(1);
  }

  private static void tokenReset(ClientUnderTest api, CaseContext c) {
    c.fault(token(api), Fault.CONNECTION_RESET);
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    assertThat(c.tokenRequests()).isEqualTo(2);
  }

  private static void credentialsRefused(ClientUnderTest api, CaseContext c) {
    c.wrongCredentials();
    Session s = c.connect();
    AuthenticationException e = c.fails(AuthenticationException.class, s::read);
    if (api.token().isPresent()) {
      // the token endpoint refused; the call itself never left
      assertThat(cause(e, ApiException.class).status()).isEqualTo(api.refusedStatus());
      assertThat(c.tokenRequests()).isEqualTo(1);
      assertThat(c.requests(api.read())).isZero();
    } else {
      // Basic: the call itself is refused, once; the same credentials are not sent again
      assertThat(e.status()).isEqualTo(401);
      assertThat(c.requests(api.read())).isEqualTo(1);
    }
  }

  private static void revokedMidSession(ClientUnderTest api, CaseContext c) {
    Session s = c.connect();
    assertThat(s.read()).isNotNull();
    if (api.token().isPresent()) {
      c.revokeTokens();
      assertThat(s.read()).isNotNull(); // 401 → one new token → one replay
      assertThat(c.requests(api.read())).isEqualTo(3);
      // ITCare first tries its refresh token, which the revocation killed too
      assertThat(c.tokenRequests()).isEqualTo(api.name().equals("ITCare") ? 3 : 2);
    } else {
      c.fault(api.read(), Fault.status(401));
      AuthenticationException e = c.fails(AuthenticationException.class, s::read);
      assertThat(e.status()).isEqualTo(401);
      assertThat(c.requests(api.read())).isEqualTo(2);
      assertThat(s.read()).isNotNull();
    }
  }

  private static void tokenHtml(ClientUnderTest api, CaseContext c) {
    c.stubOnce(token(api), html(200, MAINTENANCE_PAGE));
    Session s = c.connect();
    AuthenticationException e = c.fails(AuthenticationException.class, s::read);
    MalformedResponseException malformed = cause(e, MalformedResponseException.class);
    assertThat(malformed.status()).isEqualTo(200);
    assertThat(malformed.bodySnippet()).contains("<title>Maintenance</title>");
    assertThat(s.read()).isNotNull();
    assertThat(c.tokenRequests()).isEqualTo(2);
  }

  // ------------------------------------------------------------------ payloads

  private static void malformedJson(ClientUnderTest api, CaseContext c) {
    c.fault(api.read(), Fault.MALFORMED_BODY);
    Session s = c.connect();
    MalformedResponseException e = c.fails(MalformedResponseException.class, s::read);
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.bodySnippet()).startsWith("{\"data\"");
    assertThat(c.requests(api.read())).isEqualTo(1);
  }

  private static void htmlPage(ClientUnderTest api, CaseContext c) {
    c.stubOnce(api.read(), html(200, MAINTENANCE_PAGE));
    Session s = c.connect();
    MalformedResponseException e = c.fails(MalformedResponseException.class, s::read);
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.bodySnippet()).contains("<title>Maintenance</title>");
    assertThat(c.requests(api.read())).isEqualTo(1);
  }

  private static void emptyBody(ClientUnderTest api, CaseContext c) {
    c.stubOnce(api.read(), json(200, ""));
    Session s = c.connect();
    MalformedResponseException e = c.fails(MalformedResponseException.class, s::read);
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.bodySnippet()).isNull();
    assertThat(e.getMessage()).contains("empty body");
  }

  private static void tolerated(ClientUnderTest api, CaseContext c, Body shape) {
    c.stubOnce(api.read(), json(200, api.readBody(shape)));
    Session s = c.connect();
    api.checkRead(shape, s.read());
  }

  /** How a server echoes secrets back. */
  enum Echo { JSON, HTML, PLAIN, HEADERS, MALFORMED }

  /** The secrets the session uses: its credentials (every encoding) and the tokens issued so far. */
  private static List<String> secretsInUse(ClientUnderTest api) {
    List<String> secrets = new java.util.ArrayList<>(api.credentialsInUse());
    api.mock().tokens().tokens().forEach(t -> secrets.add(t.value()));
    return secrets;
  }

  /**
   * The server repeats every secret the client uses (credentials, issued tokens) in free text
   * or headers, under names no name-based rule recognises: none of them may reach an exception
   * (message, causes, snippet, {@code toString()}) or a log line (the matrix invariants check
   * both, at BODY level, which logs everything the lower levels log).
   */
  private static void echoed(ClientUnderTest api, CaseContext c, Echo form) {
    for (dev.b2bsdk.core.http.HttpLogLevel level : dev.b2bsdk.core.http.HttpLogLevel.values()) {
      // every level's log lines are captured and checked by the invariants
      echoed(api, c.logging(level), form, level);
    }
  }

  private static void echoed(ClientUnderTest api, CaseContext c, Echo form,
      dev.b2bsdk.core.http.HttpLogLevel level) {
    Session s = c.connect();
    s.read();                                    // a token is issued and in use now
    List<String> secrets = secretsInUse(api);
    assertThat(secrets).isNotEmpty();
    String all = String.join(" / ", secrets);
    com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer = switch (form) {
      case JSON -> json(401, "{\"error\":true,\"message\":\"credentials " + all
          + " are not valid\",\"detail\":{\"echo\":\"" + all + "\"}}");
      case HTML -> html(502, "<html><body><h1>Bad gateway</h1><p>upstream said: " + all
          + "</p></body></html>");
      case PLAIN -> WireMock.aResponse().withStatus(503).withHeader("Content-Type", "text/plain")
          .withBody("maintenance; your request carried " + all);
      case HEADERS -> {
        com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder b =
            WireMock.aResponse().withStatus(500).withHeader("Content-Type", "text/plain")
                .withBody("internal error");
        for (int i = 0; i < secrets.size(); i++) {
          b = b.withHeader("X-Debug-Echo-" + i, secrets.get(i));
        }
        yield b;
      }
      case MALFORMED -> json(200, "{\"note\":\"" + all + "\",");
    };
    c.stub(api.read(), answer);
    ApiException e = c.fails(ApiException.class, s::read);
    c.stub(api.read(), json(200, api.readBody(Body.EXTRA_FIELDS)));   // the next level reads first
    List<String> texts = new java.util.ArrayList<>();
    texts.add(e.getMessage());
    texts.add(String.valueOf(e.serviceMessage()));
    texts.add(String.valueOf(e.bodySnippet()));
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(t.toString());
      texts.add(String.valueOf(t.getMessage()));
    }
    for (String secret : secrets) {
      for (String text : texts) {
        assertThat(text).as("%s (log level %s) leaks a secret", form, level).doesNotContain(secret);
      }
    }
    if (form != Echo.HEADERS) {
      // the echo was there to be hidden: the snippet shows the body, the secrets masked
      assertThat(e.bodySnippet()).contains("REDACTED");
    }
  }

  /** The token endpoint refuses and repeats the credentials it received in its description. */
  private static void tokenEndpointEchoes(ClientUnderTest api, CaseContext c) {
    for (dev.b2bsdk.core.http.HttpLogLevel level : dev.b2bsdk.core.http.HttpLogLevel.values()) {
      tokenEndpointEchoesOnce(api, c.logging(level));
    }
  }

  private static void tokenEndpointEchoesOnce(ClientUnderTest api, CaseContext c) {
    List<String> secrets = new java.util.ArrayList<>(api.credentialsInUse());
    String all = String.join(" / ", secrets);
    c.stub(api.token().orElseThrow(), json(400, "{\"error\":\"invalid_client\","
        + "\"error_description\":\"client authentication failed for " + all + "\","
        + "\"message\":\"" + all + "\",\"error\":true}"));
    Session s = c.connect();
    ApiException e = c.fails(ApiException.class, s::read);
    for (String secret : secrets) {
      assertThat(e.toString()).doesNotContain(secret);
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(t.toString()).doesNotContain(secret);
        if (t instanceof ApiException a) {
          assertThat(String.valueOf(a.bodySnippet())).doesNotContain(secret);
        }
      }
    }
  }

  /**
   * GET a record carrying fields the spec does not know (nested ones too), an unknown enum value
   * and an explicit null; change one known field; PUT it back: the server receives everything it
   * sent, with only that field changed (WireMock journal, JSON compared exactly, numbers by value).
   */
  private static void readModifyWrite(ClientUnderTest api, CaseContext c) {
    ClientUnderTest.Update update = api.update().orElseThrow();
    c.stubOnce(update.get(), json(200, update.record()));
    c.stubOnce(update.put(), update.putStatus() == 204
        ? WireMock.aResponse().withStatus(204) : json(update.putStatus(), update.record()));
    Session s = c.connect();
    s.readModifyWrite();
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> puts =
        api.mock().server().findAll(new com.github.tomakehurst.wiremock.matching.RequestPatternBuilder(
            com.github.tomakehurst.wiremock.http.RequestMethod.fromString(update.put().method()),
            WireMock.urlPathEqualTo(update.put().path())));
    assertThat(puts).hasSize(1);
    com.google.gson.JsonElement sent = com.google.gson.JsonParser.parseString(puts.get(0).getBodyAsString());
    com.google.gson.JsonElement expected = api.expectedUpdate(
        com.google.gson.JsonParser.parseString(update.record()).getAsJsonObject());
    assertThat(dev.b2bsdk.it.models.ModelRoundTripTest.jsonEquals(sent, expected))
        .as("%s sent back%n  %s%nexpected%n  %s", update.put(), sent, expected).isTrue();
  }

  private static void tenMegabytePage(ClientUnderTest api, CaseContext c) {
    PageBody page = api.pageBody(10 * 1024 * 1024);
    assertThat(page.json().length()).isGreaterThanOrEqualTo(10 * 1024 * 1024);
    // gzip off: compressing 10 MB on the fly could outlast the 1 s read timeout on a busy machine
    c.stubOnce(api.page(), json(200, page.json()).withGzipDisabled(true));
    Session s = c.connect();
    assertThat(s.readPage()).isEqualTo(page.items());
    assertThat(c.requests(api.page())).isEqualTo(1);
  }

  // ------------------------------------------------------------------ helpers

  /** The API's retry defaults, as its builder applies them. */
  private static RetryOptions defaults(ClientUnderTest api) {
    RetryOptions defaults = RetryOptions.defaults();
    return api.retries500() ? defaults.toBuilder().addRetryableStatus(500).build() : defaults;
  }

  /** One of the session's operations. */
  @FunctionalInterface
  private interface Call {
    Object on(Session session);
  }
}
