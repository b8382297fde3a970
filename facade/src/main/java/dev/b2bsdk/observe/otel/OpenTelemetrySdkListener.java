package dev.b2bsdk.observe.otel;

import dev.b2bsdk.core.observe.SdkListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * One OpenTelemetry CLIENT span per HTTP attempt, with the HTTP client semantic-convention
 * attributes: {@code http.request.method}, {@code server.address}, {@code server.port},
 * {@code url.template} (the spec's path template, e.g. {@code customers/{customer_id}}),
 * {@code http.response.status_code}, {@code error.type}, {@code http.request.resend_count} (on a
 * retry); plus {@code b2bsdk.api} and {@code b2bsdk.operation} (the operationId). Named
 * {@code "{method} {url.template}"}. A span is a child of whatever span is current on the calling
 * thread; a token request made during an attempt is its child.
 *
 * <p>Left out on purpose: {@code url.full} and any query, header or body (paths hold customer ids
 * and, for CareCloud, device tokens; queries hold e-mail addresses and the Shop Application
 * secret). Token refreshes and polls are span events ({@code b2bsdk.token_refresh},
 * {@code b2bsdk.poll}) on the span current at the time, if any. No header is added to requests.
 */
public final class OpenTelemetrySdkListener implements SdkListener {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> API = AttributeKey.stringKey("b2bsdk.api");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("b2bsdk.operation");

  private final Tracer tracer;
  private final ThreadLocal<Deque<Span>> open = ThreadLocal.withInitial(ArrayDeque::new);

  /** Spans from {@code openTelemetry}'s tracer {@code dev.b2bsdk}. */
  public OpenTelemetrySdkListener(OpenTelemetry openTelemetry) {
    this(Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer("dev.b2bsdk"));
  }

  public OpenTelemetrySdkListener(Tracer tracer) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  @Override
  public void onRequestStart(RequestStart event) {
    String name = event.urlTemplate() == null ? event.method()
        : event.method() + " " + event.urlTemplate();
    var builder = tracer.spanBuilder(name)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(METHOD, event.method())
        .setAttribute(SERVER_ADDRESS, event.serverAddress())
        .setAttribute(SERVER_PORT, (long) event.serverPort())
        .setAttribute(API, event.api())
        .setAttribute(OPERATION, event.operation());
    Deque<Span> stack = open.get();
    if (!stack.isEmpty()) {
      builder.setParent(io.opentelemetry.context.Context.current().with(stack.peek()));
    }
    if (event.urlTemplate() != null) {
      builder.setAttribute(URL_TEMPLATE, event.urlTemplate());
    }
    if (event.attempt() > 1) {
      builder.setAttribute(RESEND_COUNT, (long) (event.attempt() - 1));
    }
    stack.push(builder.startSpan());
  }

  @Override
  public void onRequestEnd(RequestEnd event) {
    Deque<Span> stack = open.get();
    Span span = stack.poll();
    if (stack.isEmpty()) {
      open.remove();
    }
    if (span == null) {
      return;
    }
    if (event.status() > 0) {
      span.setAttribute(STATUS, (long) event.status());
    }
    if (event.errorType() != null) {
      span.setAttribute(ERROR_TYPE, event.errorType());
      span.setStatus(StatusCode.ERROR);
    } else if (event.status() >= 400) {
      span.setAttribute(ERROR_TYPE, Integer.toString(event.status()));
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  @Override
  public void onTokenRefresh(TokenRefresh event) {
    current().addEvent("b2bsdk.token_refresh", Attributes.of(API, event.api(),
        AttributeKey.booleanKey("b2bsdk.success"), event.success()));
  }

  @Override
  public void onPoll(Poll event) {
    current().addEvent("b2bsdk.poll", Attributes.of(API, event.api(), OPERATION,
        event.operation(), AttributeKey.stringKey("b2bsdk.status"), String.valueOf(event.status())));
  }

  private Span current() {
    Deque<Span> stack = open.get();
    Span span = stack.isEmpty() ? Span.current() : stack.peek();
    if (stack.isEmpty()) {
      open.remove();
    }
    return span;
  }
}
