package dev.b2bsdk.it.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.core.observe.SdkListener;
import dev.b2bsdk.core.polling.PollOptions;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.itcare.ItCareClient;
import dev.b2bsdk.observe.micrometer.MicrometerSdkListener;
import dev.b2bsdk.observe.otel.OpenTelemetrySdkListener;
import dev.b2bsdk.testkit.core.Fault;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listener SPI, the Micrometer binding and the OpenTelemetry hook against the ITCare mock:
 * a token request, a 503 retried, a paged list, an action polled to SUCCESS. Every metric and
 * span is asserted, and no secret, token or id reaches a tag or an attribute.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ObservabilityTest {
  private static final long VM = 1204571L;

  private ItCareMock mock;
  private SimpleMeterRegistry registry;
  private InMemorySpanExporter spans;
  private SdkTracerProvider tracing;
  private final List<Object> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    mock = ItCareMock.builder().actionPolls(2).build().start();
    registry = new SimpleMeterRegistry();
    spans = InMemorySpanExporter.create();
    tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  }

  @AfterEach
  void stop() {
    mock.close();
    tracing.close();
  }

  private ItCareClient client() {
    SdkListener recorder = new SdkListener() {
      @Override
      public void onRequestStart(RequestStart e) {
        events.add(e);
      }

      @Override
      public void onRequestEnd(RequestEnd e) {
        events.add(e);
      }

      @Override
      public void onRetry(Retry e) {
        events.add(e);
      }

      @Override
      public void onTokenRefresh(TokenRefresh e) {
        events.add(e);
      }

      @Override
      public void onPoll(Poll e) {
        events.add(e);
      }
    };
    return ItCareClient.builder().baseUrl(mock.baseUrl()).tokenUrl(mock.tokenUrl())
        .clientId(mock.clientId()).clientSecret(mock.clientSecret())
        .sleeper(d -> { })                                  // retries wait for nothing
        .pollOptions(PollOptions.forTests())
        .listener(recorder)
        .listener(new MicrometerSdkListener(registry))
        .listener(new OpenTelemetrySdkListener(tracing.get("test")))
        .build();
  }

  @Test
  void retriedCallIsTwoAttemptsOneRetryAndATokenRequest() {
    mock.faults().nextFor("GET", "/compute/instances/" + VM, Fault.SERVICE_UNAVAILABLE);
    try (ItCareClient itcare = client()) {
      assertThat(itcare.instances().get(VM).getId()).isEqualTo(VM);
    }

    // SPI: token request nested in the first attempt, then the retry with its reason
    assertThat(events).filteredOn(SdkListener.TokenRefresh.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((SdkListener.TokenRefresh) e).success()).isTrue());
    List<SdkListener.RequestEnd> ends = events.stream()
        .filter(SdkListener.RequestEnd.class::isInstance).map(SdkListener.RequestEnd.class::cast)
        .filter(e -> e.start().operation().equals("getInstance")).collect(Collectors.toList());
    assertThat(ends).extracting(e -> e.start().attempt(), SdkListener.RequestEnd::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 503),
            org.assertj.core.groups.Tuple.tuple(2, 200));
    assertThat(events).filteredOn(SdkListener.Retry.class::isInstance).singleElement()
        .isEqualTo(new SdkListener.Retry("ITCare", "getInstance", "GET", 2, "status 503"));

    // Micrometer
    assertThat(registry.get(MicrometerSdkListener.REQUESTS).tags("api", "ITCare",
        "operation", "getInstance", "method", "GET", "status", "503", "outcome", "SERVER_ERROR")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerSdkListener.REQUESTS).tags("operation", "getInstance",
        "status", "200", "outcome", "SUCCESS").timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerSdkListener.RETRIES).tags("api", "ITCare",
        "operation", "getInstance", "reason", "status 503").counter().count()).isEqualTo(1.0);
    assertThat(registry.get(MicrometerSdkListener.TOKEN_REFRESHES).tags("api", "ITCare",
        "outcome", "SUCCESS").timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerSdkListener.REQUESTS).tags("operation", "getToken",
        "status", "200").timer().count()).isEqualTo(1);

    // OpenTelemetry: one CLIENT span per attempt, semantic-convention attributes
    List<SpanData> gets = spans.getFinishedSpanItems().stream()
        .filter(s -> "getInstance".equals(s.getAttributes().get(AttributeKey.stringKey("b2bsdk.operation"))))
        .collect(Collectors.toList());
    assertThat(gets).hasSize(2).allSatisfy(s -> {
      assertThat(s.getName()).isEqualTo("GET compute/instances/{id}");
      assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(s.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("GET");
      assertThat(s.getAttributes().get(AttributeKey.stringKey("server.address"))).isEqualTo("127.0.0.1");
      assertThat(s.getAttributes().get(AttributeKey.longKey("server.port"))).isEqualTo((long) mock.port());
      assertThat(s.getAttributes().get(AttributeKey.stringKey("url.template"))).isEqualTo("compute/instances/{id}");
      assertThat(s.getAttributes().get(AttributeKey.stringKey("b2bsdk.api"))).isEqualTo("ITCare");
    });
    SpanData failed = gets.get(0);
    SpanData retried = gets.get(1);
    assertThat(failed.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(503L);
    assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("503");
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(retried.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
    assertThat(retried.getAttributes().get(AttributeKey.longKey("http.request.resend_count"))).isEqualTo(1L);
    assertThat(retried.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
    // the token request is a child of the first attempt, with an event on it
    SpanData token = spans.getFinishedSpanItems().stream()
        .filter(s -> "getToken".equals(s.getAttributes().get(AttributeKey.stringKey("b2bsdk.operation"))))
        .findFirst().orElseThrow();
    assertThat(token.getParentSpanId()).isEqualTo(failed.getSpanId());
    assertThat(failed.getEvents()).extracting(e -> e.getName()).contains("b2bsdk.token_refresh");

    assertNoSecrets();
  }

  @Test
  void pollsAreCountedByStatus() {
    try (ItCareClient itcare = client()) {
      itcare.instances().beginPatch(VM, new InstanceOperationRequest().operation(InstanceOperation.STOP))
          .waitForCompletion();
    }
    assertThat(events).filteredOn(SdkListener.Poll.class::isInstance)
        .extracting(e -> ((SdkListener.Poll) e).status()).endsWith("SUCCESS");
    double polls = registry.find(MicrometerSdkListener.POLLS).tags("api", "ITCare").counters().stream()
        .mapToDouble(c -> c.count()).sum();
    assertThat(polls).isEqualTo(events.stream().filter(SdkListener.Poll.class::isInstance).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(registry.get(MicrometerSdkListener.POLLS).tags("status", "SUCCESS").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get(MicrometerSdkListener.REQUESTS).tags("operation", "getAction",
        "outcome", "SUCCESS").timer().count()).isEqualTo((long) polls);
    assertNoSecrets();
  }

  /** No tag, attribute or event value holds the client secret, an issued token or a query. */
  private void assertNoSecrets() {
    StringBuilder all = new StringBuilder();
    registry.getMeters().forEach(m -> all.append(m.getId()).append('\n'));
    spans.getFinishedSpanItems().forEach(s -> all.append(s.getName()).append(s.getAttributes())
        .append(s.getEvents()).append('\n'));
    events.forEach(e -> all.append(e).append('\n'));
    String text = all.toString();
    assertThat(text).doesNotContain(mock.clientSecret()).doesNotContain("Bearer")
        .doesNotContain("?").doesNotContain("access_token").doesNotContain(mock.baseUrl())
        .doesNotContain("eyJ");                                // no JWT (the mock issues JWTs)
  }
}
